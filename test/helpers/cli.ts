import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Outbox } from '../../src/activities/outbox';
import type { WorkerGroup } from '../../src/worker-group';
import { runClient } from '../../src/cli/main';
import { testApprovers } from './approvers';
import { offlineActivities, startWorker, testEnv, type TestTarget } from './temporal';

/** Runs the client CLI in-process, capturing what it prints. */
export async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  const e = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
  try {
    return { code: await runClient(argv), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

/**
 * A running offline worker for the file, with the client's environment pointed at the suite's
 * server and that worker's task queue (approvers alice and bob; their keys, and a key of mallory's
 * that no case pins, in APPROVER_KEYS_DIR). Restores the environment after.
 */
export function useClientAndWorker(
  target?: () => TestTarget,
  outbox?: Outbox,
): { readonly env: TestWorkflowEnvironment; readonly worker: WorkerGroup; readonly taskQueue: string } {
  const t = {} as { env: TestWorkflowEnvironment; worker: WorkerGroup; taskQueue: string; running: Promise<void> };
  const saved = { ...process.env };
  beforeAll(async () => {
    t.env = await testEnv(target?.());
    const started = await startWorker(t.env, offlineActivities(outbox));
    Object.assign(t, started, { running: started.worker.run() });
    Object.assign(process.env, {
      TEMPORAL_ADDRESS: t.env.address,
      TEMPORAL_NAMESPACE: t.env.namespace ?? 'default',
      TASK_QUEUE: t.taskQueue,
      APPROVERS: 'alice,bob',
      APPROVER_KEYS_DIR: testApprovers('alice', 'bob', 'mallory').dir,
      MODEL_PROVIDER: 'offline',
    });
  });
  afterAll(async () => {
    process.env = saved;
    t.worker?.shutdown();
    await t.running;
    await t.env?.teardown();
  });
  return t;
}
