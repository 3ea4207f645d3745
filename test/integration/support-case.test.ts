import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { FileOutbox } from '../../src/activities/outbox';
import { signalDecision, untilCaseWaits, updateDecision } from '../../src/clients/support-case';
import { loadScenario } from '../../src/scenarios';
import { supportCase } from '../../src/workflows';
import type { SupportCaseInput, SupportCaseStatus } from '../../src/workflows/support-case/contract';
import { testApprovers } from '../helpers/approvers';
import { offlineActivities, startWorker, tempDir, testEnv, uniqueId } from '../helpers/temporal';

let env: TestWorkflowEnvironment;
beforeAll(async () => {
  env = await testEnv();
});
afterAll(() => env?.teardown());

const TECHNICAL = 'Checkout API fails with error 500 since the deployment';
const team = testApprovers('alice', 'bob', 'carol');
const { as } = team;

function caseInput(text: string, scenarioId?: string, extra: Partial<SupportCaseInput> = {}): SupportCaseInput {
  return {
    ticket: { text, customer: 'acme' },
    ...team.pinned,
    approvers: ['alice', 'bob'],
    ...(scenarioId && { scenario: loadScenario(scenarioId) }),
    ...extra,
  };
}

/** Starts a case with a fresh worker and outbox; `steer` acts on the running case (signals, updates). */
async function runCase(input: SupportCaseInput, steer?: (handle: WorkflowHandle<typeof supportCase>) => Promise<void>) {
  const outbox = new FileOutbox(tempDir());
  const { worker, taskQueue } = await startWorker(env, offlineActivities(outbox));
  const result = await worker.runUntil(async () => {
    const handle = await env.client.workflow.start(supportCase, { taskQueue, workflowId: uniqueId('case'), args: [input] });
    await steer?.(handle);
    return handle.result();
  });
  return { result, actions: await outbox.list('actions'), deliveries: await outbox.list('deliveries'), notifications: await outbox.list('notifications') };
}

describe('supportCase on a real Temporal server', () => {
  it('routes a non-technical ticket by code alone (workflow path)', async () => {
    const { result, actions, deliveries } = await runCase(caseInput('I was charged twice, duplicate invoice'));
    expect(result).toMatchObject({ path: 'workflow', decision: 'routed', decidedBy: 'routing table', action: null, team: 'Finance Support Team' });
    expect(deliveries).toHaveLength(1);
    expect(actions).toHaveLength(0);
  });

  it('lets the agent resolve a low-impact case without a person (agent path)', async () => {
    const { result, actions, notifications } = await runCase(caseInput(TECHNICAL, 'email-provider-incident'));
    expect(result).toMatchObject({ path: 'agent', decision: 'auto_approved', decidedBy: 'policy', action: 'notify_customer' });
    expect(result.agent?.outcome).toBe('resolved');
    expect(actions.map((a) => a.action)).toEqual(['notify_customer']);
    expect(notifications).toHaveLength(1);
    expect(result.audit.map((a) => a.kind)).toEqual(['model', 'model', 'guardrail']);
  });

  it('waits for approval of a high-impact action, then executes it once (approved)', async () => {
    let pending: SupportCaseStatus | undefined;
    const { result, actions, notifications } = await runCase(caseInput(TECHNICAL, 'payment-after-deploy'), async (handle) => {
      pending = await untilCaseWaits(handle);
      await signalDecision(handle, { kind: 'approve', by: 'Alice', comment: 'key is in the vault' }, as('alice'));
    });
    expect(pending?.caseStatus).toBe('AwaitingApproval');
    expect(pending?.pendingApproval).toMatchObject({
      action: 'update_configuration',
      target: 'PAYMENT_API_KEY',
      impact: 'high',
      reasons: ['update_configuration is a high-impact action'],
    });
    expect(pending?.transcript.length).toBeGreaterThan(0);
    expect(result).toMatchObject({ path: 'human', decision: 'approved', decidedBy: 'Alice', action: 'update_configuration', reason: 'key is in the vault' });
    expect(result.decisions).toEqual([expect.objectContaining({ decision: 'approve', via: 'signal', by: 'Alice', result: 'accepted' })]);
    expect(result.audit.at(-1)).toMatchObject({ kind: 'person', by: 'Alice', key: result.decisions[0]!.key });
    expect(result.decisions[0]!.key).toMatch(/^ed25519:/);
    expect(actions).toHaveLength(1);
    // The customer was told the deadline the case keeps (computed once, before telling them).
    const deadline = pending?.pendingApproval?.deadline;
    expect(deadline).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(notifications.find((n) => n.purpose === 'waiting')?.message).toContain(`You will hear from us by ${deadline}.`);
  });

  it('executes nothing when a person rejects', async () => {
    const { result, actions, notifications } = await runCase(caseInput(TECHNICAL, 'payment-after-deploy'), async (handle) => {
      await untilCaseWaits(handle);
      await signalDecision(handle, { kind: 'reject', by: 'bob', reason: 'rotate during the maintenance window instead' }, as('bob'));
    });
    expect(result).toMatchObject({ decision: 'rejected', decidedBy: 'bob', action: null, reason: 'rotate during the maintenance window instead' });
    expect(actions).toHaveLength(0);
    // While it waited, the customer heard that a fix waits for approval; then how it ended.
    expect(notifications.map((n) => n.purpose)).toEqual(['waiting', 'closed']);
    expect(notifications[0]).toMatchObject({ message: expect.stringMatching(/waits for approval\. You will hear from us by \d{4}-/) });
  });

  it('hands the case to the named team when a person escalates', async () => {
    const { result, actions, deliveries } = await runCase(caseInput(TECHNICAL, 'payment-after-deploy'), async (handle) => {
      await untilCaseWaits(handle);
      await signalDecision(handle, { kind: 'escalate', by: 'carol', reason: 'needs the payments team', team: 'Payments Engineering' }, as('carol'));
    });
    expect(result).toMatchObject({ decision: 'escalated', decidedBy: 'carol', team: 'Payments Engineering', action: null });
    expect(deliveries.map((d) => d.team)).toEqual(['Payments Engineering']);
    expect(actions).toHaveLength(0);
  });

  it('expires to on-call when nobody decides in time, never confused with a rejection', async () => {
    const { result, actions, deliveries } = await runCase(caseInput(TECHNICAL, 'payment-after-deploy', { approvalTimeout: '1s' }));
    expect(result).toMatchObject({ path: 'human', decision: 'expired', decidedBy: 'timer', team: 'On-call Engineering', action: null });
    expect(deliveries.map((d) => d.team)).toEqual(['On-call Engineering']);
    expect(actions).toHaveLength(0);
  });

  it('refuses an approver not on the list, and ignores a second decision', async () => {
    const { result, actions } = await runCase(caseInput(TECHNICAL, 'payment-after-deploy'), async (handle) => {
      await untilCaseWaits(handle);
      await signalDecision(handle, { kind: 'approve', by: 'mallory' }, as('carol'));
      await signalDecision(handle, { kind: 'approve', by: 'alice' }, as('alice'));
      await signalDecision(handle, { kind: 'approve', by: 'bob' }, as('bob'));
    });
    expect(result).toMatchObject({ decision: 'approved', decidedBy: 'alice' });
    expect(result.decisions).toEqual([
      expect.objectContaining({ by: 'mallory', result: 'refused', why: 'mallory is not on the approvers list' }),
      expect.objectContaining({ by: 'alice', result: 'accepted' }),
      expect.objectContaining({ by: 'bob', result: 'ignored', why: 'the case was already decided (approve by alice)' }),
    ]);
    expect(actions).toHaveLength(1);
  });

  it('answers a decision sent as an update at once: a stranger is refused with the reason and recorded, an approver accepted', async () => {
    const answers: unknown[] = [];
    const { result, actions } = await runCase(caseInput(TECHNICAL, 'payment-after-deploy'), async (handle) => {
      // Too early: nothing waits for a decision yet, so the validator refuses it and history keeps no trace.
      const early = await updateDecision(handle, { kind: 'approve', by: 'alice' }, as('alice')).catch((e: unknown) => e);
      expect(early).toBeInstanceOf(WorkflowUpdateFailedError);
      expect((early as WorkflowUpdateFailedError).cause?.message).toMatch(/not waiting for a decision|already decided/);
      await untilCaseWaits(handle);
      answers.push(await updateDecision(handle, { kind: 'approve', by: 'mallory' }, as('carol')));
      const malformed = await updateDecision(handle, { kind: 'reject', by: 'alice', reason: '   ' }).catch((e: unknown) => e);
      expect((malformed as WorkflowUpdateFailedError).cause?.message).toBe('a reject needs a reason');
      answers.push(await updateDecision(handle, { kind: 'approve', by: 'bob', comment: 'go' }, as('bob')));
    });
    expect(answers).toEqual([
      expect.objectContaining({ decision: 'approve', via: 'update', by: 'mallory', result: 'refused', why: 'mallory is not on the approvers list' }),
      expect.objectContaining({ decision: 'approve', via: 'update', by: 'bob', result: 'accepted' }),
    ]);
    expect(result).toMatchObject({ decision: 'approved', decidedBy: 'bob', reason: 'go' });
    expect(result.decisions.map((d) => `${d.by}:${d.result}`)).toEqual(['mallory:refused', 'bob:accepted']);
    expect(actions).toHaveLength(1);
  });

  it('loses nothing when the worker restarts while the case waits for approval', async () => {
    const outbox = new FileOutbox(tempDir());
    const taskQueue = uniqueId('tq');
    const first = await startWorker(env, offlineActivities(outbox), taskQueue);
    const running = first.worker.run();
    const handle = await env.client.workflow.start(supportCase, {
      taskQueue,
      workflowId: uniqueId('case'),
      args: [caseInput(TECHNICAL, 'payment-after-deploy')],
    });
    const before: SupportCaseStatus = await untilCaseWaits(handle);
    first.worker.shutdown();
    await running;

    const second = await startWorker(env, offlineActivities(outbox), taskQueue);
    const result = await second.worker.runUntil(async () => {
      await signalDecision(handle, { kind: 'approve', by: 'alice' }, as('alice'));
      return handle.result();
    });
    expect(result).toMatchObject({ decision: 'approved', decidedBy: 'alice', action: before.pendingApproval?.action });
    expect(await outbox.list('actions')).toHaveLength(1);
  });

  it('fails fast on a bad approval timeout instead of getting stuck', async () => {
    const err = await runCase(caseInput(TECHNICAL, 'payment-after-deploy', { approvalTimeout: 'soon' as never })).catch((e: unknown) => e);
    expect((err as { cause?: unknown }).cause).toMatchObject({ type: 'InvalidInput', message: expect.stringContaining('approvalTimeout') });
  });
});
