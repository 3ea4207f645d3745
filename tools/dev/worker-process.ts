import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/**
 * A worker as its own OS process (src/worker.ts, or another worker script, with these settings), so
 * it can be killed or measured.
 */
export function workerProcess(env: Record<string, string>, log: (l: string) => void, script = join(ROOT, 'src', 'worker.ts'), nodeArgs: string[] = []): ChildProcess {
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
