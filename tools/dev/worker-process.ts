import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/**
 * A worker as its own OS process (src/worker.ts with these settings), so it can be killed or measured;
 * `root` is the checkout it runs from (another one measures code before a change).
 */
export function workerProcess(env: Record<string, string>, log: (l: string) => void, root = ROOT): ChildProcess {
  // One process (tsx as a loader, not its CLI, which would run the worker in a grandchild that SIGKILL misses).
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src', 'worker.ts')], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => log(`worker ${child.pid}: ${d.toString().trim()}`));
  child.stderr?.on('data', (d: Buffer) => log(`worker ${child.pid}: ${d.toString().trim()}`));
  return child;
}
