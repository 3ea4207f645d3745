import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { workerProcess } from '../dev/worker-process';

const FLOOR_WORKER = join(__dirname, 'floor', 'worker.ts');

export interface BenchWorker {
  process: ChildProcess;
  pid: number;
  stop(): Promise<void>;
}

/**
 * A worker process for a measurement (the product's workers, plus the floor workflow on
 * `<TASK_QUEUE>-floor`), started and ready to poll.
 */
export async function startBenchWorker(env: Record<string, string>, log: (line: string) => void, nodeArgs: string[] = []): Promise<BenchWorker> {
  let ready: () => void = () => {};
  const up = new Promise<void>((resolve) => (ready = resolve));
  const child = workerProcess({ LOG_LEVEL: 'ERROR', ...env }, (line) => (line.endsWith('ready') ? ready() : log(line)), FLOOR_WORKER, nodeArgs);
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`the bench worker exited (code ${code}) before it was ready`))),
  );
  await Promise.race([up, exited]);
  return {
    process: child,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}
