import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from '@temporalio/client';
import { dataConverterFromSettings } from '../../src/codec';
import { loadSettings } from '../../src/config';
import { loadScenario } from '../../src/scenarios';
import { signalDecision, untilCaseWaits } from '../../src/clients/support-case';
import { routeTicket, supportCase } from '../../src/workflows';
import { historyText } from '../helpers/history';
import { offlineActivities, startWorker, uniqueId, useServerAndFakeModel } from '../helpers/temporal';
import { testApprovers } from '../helpers/approvers';

// With PAYLOAD_ENCRYPTION_KEYS set, the server stores ciphertext: the history fetched raw holds no
// ticket text, while worker and client, sharing the keys, work as before.
const t = useServerAndFakeModel();
const OLD = `k-2025:${randomBytes(32).toString('base64')}`;
const NEW = `k-2026:${randomBytes(32).toString('base64')}`;
const settingsWith = (keys?: string) => loadSettings(keys ? { PAYLOAD_ENCRYPTION_KEYS: keys } : {});
const clientWith = (keys?: string) => new Client({ connection: t.env.connection, dataConverter: dataConverterFromSettings(settingsWith(keys)) });

async function routeOnce(keys: string | undefined, marker: string) {
  const { worker, taskQueue } = await startWorker(t.env, offlineActivities(), uniqueId('tq'), settingsWith(keys));
  return worker.runUntil(async () => {
    const handle = await clientWith(keys).workflow.start(routeTicket, {
      taskQueue,
      workflowId: uniqueId('enc-route'),
      args: [{ text: `I was charged twice on invoice ${marker}`, customer: `customer ${marker}` }],
      staticSummary: `Ticket ${marker}`,
    });
    const result = await handle.result();
    // Fetched with a client that has no key: what anyone with access to the server's store sees.
    return { result, stored: await historyText(t.env.client.workflow.getHandle(handle.workflowId)) };
  });
}

it('without encryption the raw history holds the ticket text (the check below can fail)', async () => {
  const marker = `ZEBRA-${randomUUID()}`;
  const { stored } = await routeOnce(undefined, marker);
  expect(stored).toContain(marker);
});

it('with encryption on, no ticket text reaches the server, and the client still reads the result', async () => {
  const marker = `ZEBRA-${randomUUID()}`;
  const { result, stored } = await routeOnce(NEW, marker);
  expect(result).toMatchObject({ category: 'billing', team: 'Finance Support Team' });
  expect(stored).not.toContain(marker);
  expect(stored).not.toContain('charged twice');
  expect(stored).toContain('binary/encrypted');
  expect(stored).toContain('k-2026');
  // Search attributes are indexed, not encoded: they stay readable for lists and filters.
  expect(stored).toContain('Finance Support Team');
});

it('a client without the keys gets a clear error, not ciphertext', async () => {
  const { worker, taskQueue } = await startWorker(t.env, offlineActivities(), uniqueId('tq'), settingsWith(NEW));
  await worker.runUntil(async () => {
    const handle = await clientWith(NEW).workflow.start(routeTicket, { taskQueue, workflowId: uniqueId('enc-nokey'), args: [{ text: 'refund please' }] });
    await handle.result();
    await expect(t.env.client.workflow.getHandle(handle.workflowId).result()).rejects.toThrow(/binary\/encrypted/);
  });
});

const ann = testApprovers('ann');

it('after key rotation, a case opened under the old key is finished and decided under the new one', async () => {
  const marker = `OKAPI-${randomUUID()}`;
  const workflowId = uniqueId('enc-case');
  // Opened by a client that only knows the old key, before any worker runs.
  const handle = await clientWith(OLD).workflow.start(supportCase, {
    taskQueue: 'enc-rotation',
    workflowId,
    args: [
      { ticket: { text: `Checkout API fails with error 500 since the deploy (${marker})` }, scenario: loadScenario('payment-after-deploy'), ...ann.pinned },
    ],
  });
  // Rotated: the worker and the client now encrypt with the new key and still read the old one.
  const rotated = clientWith(`${NEW},${OLD}`);
  const { worker } = await startWorker(t.env, offlineActivities(), 'enc-rotation', settingsWith(`${NEW},${OLD}`));
  const result = await worker.runUntil(async () => {
    const live = rotated.workflow.getHandle<typeof supportCase>(workflowId);
    await untilCaseWaits(live);
    await signalDecision(live, { kind: 'approve', by: 'ann', comment: `go ahead ${marker}` }, ann.as('ann'));
    return live.result();
  });
  expect(result).toMatchObject({ decision: 'approved', decidedBy: 'ann', reason: `go ahead ${marker}` });
  const stored = await historyText(t.env.client.workflow.getHandle(handle.workflowId));
  expect(stored).toContain('k-2025'); // the start, written by the old key
  expect(stored).toContain('k-2026'); // everything after the rotation
  expect(stored).not.toContain(marker);
  expect(await historyText(t.env.client.workflow.getHandle(`${workflowId}-agent`))).not.toContain('PAYMENT_API_KEY');
});
