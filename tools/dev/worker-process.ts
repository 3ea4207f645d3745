import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/**
 * A worker as its own OS process (src/worker.ts, or another worker script, with these settings), so
 * it can be killed or measured.
 */
export function workerProcess(
  env: Record<string, string>,
  log: (l: string) => void,
  script = join(ROOT, 'src', 'worker.ts'),
  nodeArgs: string[] = [],
): ChildProcess {
  // One process (tsx as a loader, not its CLI, which would run the worker in a grandchild that SIGKILL misses).
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', script], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => log(`worker ${child.pid}: ${d.toString().trim()}`));
  child.stderr?.on('data', (d: Buffer) => log(`worker ${child.pid}: ${d.toString().trim()}`));
  return child;
}

/** SIGTERM (the worker's graceful shutdown), SIGKILL after 15 s; resolves once the process is gone. */
export function stopWorkerProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
