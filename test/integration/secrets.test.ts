import { randomUUID } from 'node:crypto';
import { FileOutbox } from '../../src/activities/outbox';
import { createActivities } from '../../src/activities';
import { OpenAIProvider } from '../../src/model/openai-provider';
import { loadScenario } from '../../src/scenarios';
import { signalDecision } from '../../src/cli/decisions';
import { untilCaseWaits } from '../../src/cli/until-case-waits';
import { routeTicket, supportCase, troubleshoot } from '../../src/workflows';
import { historyText } from '../helpers/history';
import { startWorker, tempDir, uniqueId, useServerAndFakeModel, workerLogs } from '../helpers/temporal';

// The OpenAI key reaches the SDK and nothing else: not a workflow's history, not a log line,
// not even when the provider rejects it (401) and the failure is recorded.
const t = useServerAndFakeModel();
const KEY = `sk-proj-${randomUUID()}`;

it('the API key appears in no history and no worker log line', async () => {
  const provider = new OpenAIProvider({ apiKey: KEY, model: 'gpt-5.4-mini', baseURL: t.fake.baseURL, timeoutMs: 2_000 });
  const { worker, taskQueue } = await startWorker(t.env, createActivities({ provider, outbox: new FileOutbox(tempDir()) }));
  const texts = await worker.runUntil(async () => {
    const options = (kind: string) => ({ taskQueue, workflowId: uniqueId(kind) });
    t.fake.enqueue({ task: 'ticket_classification', fault: 'unauthorized' }, { task: 'ticket_classification', fault: 'rate_limit', retryAfterMs: 50 });
    const routed = await t.env.client.workflow.start(routeTicket, { ...options('ticket'), args: [{ text: 'I was charged twice: ticket 4711' }] });
    const rejectedKey = await t.env.client.workflow.start(routeTicket, { ...options('ticket'), args: [{ text: 'refund please' }] });
    // The two faults above are for these tickets: let them be spent before the case classifies its own.
    await Promise.all([routed.result(), rejectedKey.result()]);
    const agent = await t.env.client.workflow.start(troubleshoot, { ...options('agent'), args: [{ scenario: loadScenario('payment-after-deploy') }] });
    const kase = await t.env.client.workflow.start(supportCase, {
      ...options('case'),
      args: [{ ticket: { text: 'Checkout API fails with error 500 since the deploy' }, scenario: loadScenario('payment-after-deploy'), approvers: ['ann'] }],
    });
    await untilCaseWaits(kase);
    await signalDecision(kase, { kind: 'approve', by: 'ann' });
    const handles = [routed, rejectedKey, agent, kase, t.env.client.workflow.getHandle(`${kase.workflowId}-agent`)];
    await Promise.all(handles.map((h) => h.result()));
    return Promise.all(handles.map(historyText));
  });

  // The scanner works: what should be in the histories is found there, decoded.
  expect(texts[0]).toContain('ticket 4711');
  expect(texts.join('\n')).toContain('ModelAuth');
  for (const text of texts) expect(text).not.toContain(KEY);
  expect(workerLogs.length).toBeGreaterThan(0);
  expect(JSON.stringify(workerLogs, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v))).not.toContain(KEY);
});
