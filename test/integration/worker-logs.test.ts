import { loadSettings } from '../../src/config';
import { routeTicket } from '../../src/workflows';
import { offlineActivities, startWorker, testEnv, uniqueId, workerLogs } from '../helpers/temporal';

// An operator reads the worker's log: it should say what matters, not what the design intends.
it('logs no warning that the model worker, which runs activities only by design, registers no workflows', async () => {
  const env = await testEnv();
  try {
    // With a rate limit, model calls get a worker of their own, for activities only.
    const { worker, taskQueue } = await startWorker(env, offlineActivities(), uniqueId('tq'), loadSettings({ MODEL_RATE_LIMIT_PER_SECOND: '50' }));
    await worker.runUntil(env.client.workflow.execute(routeTicket, { taskQueue, workflowId: uniqueId('logs'), args: [{ text: 'I was charged twice' }] }));
    const lines = workerLogs.map((e) => `${e.level} ${e.message} ${String(e.meta?.taskQueue ?? '')}`);
    // The model worker did run, on its own queue...
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^INFO Worker state changed ${taskQueue}-model$`)));
    // ...and nothing warned about it.
    expect(lines.filter((l) => /No workflows registered/.test(l))).toEqual([]);
  } finally {
    await env.teardown();
  }
});
