import { randomUUID } from 'node:crypto';
import { FileOutbox } from '../../src/activities/outbox';
import { createActivities } from '../../src/activities';
import { OpenAIProvider } from '../../src/model/openai-provider';
import { keyFingerprint } from '../../src/domain/signatures';
import { loadScenario } from '../../src/scenarios';
import { signalDecision, untilCaseWaits } from '../../src/clients/support-case';
import { routeTicket, supportCase, troubleshoot } from '../../src/workflows';
import { testApprovers } from '../helpers/approvers';
import { historyText } from '../helpers/history';
import { startWorker, tempDir, uniqueId, useServerAndFakeModel, workerLogs } from '../helpers/temporal';

// The OpenAI key reaches the SDK and nothing else: not a workflow's history, not a log line,
// not even when the provider rejects it (401) and the failure is recorded. Likewise the approver's
// private key: only its signature and its public half's fingerprint travel.
const t = useServerAndFakeModel();
const KEY = `sk-proj-${randomUUID()}`;
const ann = testApprovers('ann');

it("the API key and the approver's private key appear in no history and no worker log line", async () => {
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
      args: [{ ticket: { text: 'Checkout API fails with error 500 since the deploy' }, scenario: loadScenario('payment-after-deploy'), ...ann.pinned }],
    });
    await untilCaseWaits(kase);
    await signalDecision(kase, { kind: 'approve', by: 'ann' }, ann.as('ann'));
    const handles = [routed, rejectedKey, agent, kase, t.env.client.workflow.getHandle(`${kase.workflowId}-agent`)];
    await Promise.all(handles.map((h) => h.result()));
    return Promise.all(handles.map(historyText));
  });

  // The scanner works: what should be in the histories is found there, decoded.
  expect(texts[0]).toContain('ticket 4711');
  expect(texts.join('\n')).toContain('ModelAuth');
  const seed = ann.key('ann').privateKey.export({ format: 'jwk' }).d!;
  const privateForms = [seed, Buffer.from(seed, 'base64url').toString('hex'), Buffer.from(seed, 'base64url').toString('base64')];
  // The case's history holds the signed decision (so the scanner reads it), not the key that made it.
  expect(texts[3]).toContain(keyFingerprint(ann.key('ann').publicKey));
  const logs = JSON.stringify(workerLogs, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v));
  for (const secret of [KEY, ...privateForms]) {
    for (const text of texts) expect(text).not.toContain(secret);
    expect(logs).not.toContain(secret);
  }
  expect(workerLogs.length).toBeGreaterThan(0);
});
