import type { ChildProcess } from 'node:child_process';
import { workerProcess } from '../../tools/dev/worker-process';

export interface WorkerChild {
  readonly process: ChildProcess;
  readonly log: string[];
  stop(): Promise<void>;
}

/**
 * src/worker.ts as a process of its own (its own Runtime, METRICS_BIND and OpenTelemetry provider),
 * resolved once it says it is polling; it bundles the workflows first, which takes a while.
 */
export async function startWorkerChild(env: Record<string, string>, readyWithinMs = 90_000): Promise<WorkerChild> {
  const log: string[] = [];
  const child = workerProcess(env, (line) => log.push(line));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the worker did not start within ${readyWithinMs} ms:\n${log.join('\n')}`)), readyWithinMs);
    const ready = (d: Buffer) => {
      if (!d.toString().includes('worker: task queue')) return;
      clearTimeout(timer);
      child.stdout?.off('data', ready);
      resolve();
    };
    child.stdout?.on('data', ready);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the worker exited (${code}) before it started:\n${log.join('\n')}`));
    });
  });
  return {
    process: child,
    log,
    // SIGTERM: a graceful stop, so the worker flushes what it still buffers.
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
