import type { Worker, State } from '@temporalio/worker';

/**
 * The workers one process runs, started and stopped together: the main one (workflows and side
 * effects) and the model one (model calls, on their own rate-limited task queue). Offers the part
 * of Worker's surface the project uses.
 */
export class WorkerGroup {
  /** `release` runs once the workers have stopped: it closes a connection the group opened for itself. */
  constructor(
    readonly workers: readonly Worker[],
    private readonly release?: () => Promise<void>,
  ) {}

  /** Runs until shutdown; if one worker fails, the others are stopped and the failure is thrown. */
  async run(): Promise<void> {
    const runs = this.workers.map((w) => w.run());
    try {
      await Promise.all(runs);
    } catch (err) {
      this.shutdown();
      await Promise.allSettled(runs);
      throw err;
    } finally {
      await this.release?.();
    }
  }

  /** Runs while `work` runs, then shuts down; like Worker.runUntil. */
  async runUntil<R>(work: Promise<R> | (() => Promise<R>)): Promise<R> {
    const running = this.run();
    try {
      // A worker that fails ends the wait too, with its error.
      return await Promise.race([typeof work === 'function' ? work() : work, running.then(() => new Promise<never>(() => {}))]);
    } finally {
      this.shutdown();
      await running;
    }
  }

  /** Starts a graceful shutdown of every worker still running; idempotent. */
  shutdown(): void {
    for (const w of this.workers) if (w.getState() === 'RUNNING') w.shutdown();
  }

  /** The main worker's state. */
  getState(): State {
    return this.workers[0]!.getState();
  }
}
