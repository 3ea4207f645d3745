import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { FileOutbox } from '../../src/activities/outbox';
import { loadScenario } from '../../src/scenarios';
import type { SupportCaseInput, SupportCaseResult, SupportCaseStatus } from '../../src/workflows/support-case';
import { offlineActivities, startWorker, tempDir, testEnv, uniqueId } from '../helpers/temporal';

let env: TestWorkflowEnvironment;
beforeAll(async () => {
  env = await testEnv();
});
afterAll(() => env?.teardown());

const TECHNICAL = 'Checkout API fails with error 500 since the deployment';
const approvers = ['alice', 'bob'];

function caseInput(text: string, scenarioId?: string, extra: Partial<SupportCaseInput> = {}): SupportCaseInput {
  return { ticket: { text, customer: 'acme' }, approvers, ...(scenarioId && { scenario: loadScenario(scenarioId) }), ...extra };
}

async function untilStage(handle: WorkflowHandle, stage: SupportCaseStatus['stage']): Promise<SupportCaseStatus> {
  for (;;) {
    const status = await handle.query<SupportCaseStatus>('status');
    if (status.stage === stage) return status;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Starts a case with a fresh worker and outbox; `steer` acts on the running case (signals). */
async function runCase(input: SupportCaseInput, steer?: (handle: WorkflowHandle) => Promise<void>) {
  const outbox = new FileOutbox(tempDir());
  const { worker, taskQueue } = await startWorker(env, offlineActivities(outbox));
  const result = await worker.runUntil(async () => {
    const handle = await env.client.workflow.start('supportCase', { taskQueue, workflowId: uniqueId('case'), args: [input] });
    await steer?.(handle);
    return (await handle.result()) as SupportCaseResult;
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
    const { result, actions } = await runCase(caseInput(TECHNICAL, 'payment-after-deploy'), async (handle) => {
      pending = await untilStage(handle, 'awaiting_approval');
      await handle.signal('approve', { by: 'Alice', comment: 'key is in the vault', requestId: 'r1' });
    });
    expect(pending?.caseStatus).toBe('AwaitingApproval');
    expect(pending?.pendingApproval).toMatchObject({ action: 'rotate_credentials', impact: 'high', reasons: ['rotate_credentials is a high-impact action'] });
    expect(pending?.transcript.length).toBeGreaterThan(0);
    expect(result).toMatchObject({ path: 'human', decision: 'approved', decidedBy: 'Alice', action: 'rotate_credentials', reason: 'key is in the vault' });
    expect(result.signals).toEqual([expect.objectContaining({ requestId: 'r1', result: 'accepted' })]);
    expect(result.audit.at(-1)).toMatchObject({ kind: 'person', by: 'Alice' });
    expect(actions).toHaveLength(1);
  });

  it('executes nothing when a person rejects', async () => {
    const { result, actions, notifications } = await runCase(caseInput(TECHNICAL, 'payment-after-deploy'), async (handle) => {
      await untilStage(handle, 'awaiting_approval');
      await handle.signal('reject', { by: 'bob', reason: 'rotate during the maintenance window instead' });
    });
    expect(result).toMatchObject({ decision: 'rejected', decidedBy: 'bob', action: null, reason: 'rotate during the maintenance window instead' });
    expect(actions).toHaveLength(0);
    expect(notifications).toHaveLength(1);
  });

  it('hands the case to the named team when a person escalates', async () => {
    const { result, actions, deliveries } = await runCase(caseInput(TECHNICAL, 'payment-after-deploy'), async (handle) => {
      await untilStage(handle, 'awaiting_approval');
      await handle.signal('escalate', { by: 'carol', reason: 'needs the payments team', team: 'Payments Engineering' });
    });
    expect(result).toMatchObject({ decision: 'escalated', decidedBy: 'carol', team: 'Payments Engineering', action: null });
    expect(deliveries.map((d) => d.team)).toEqual(['Payments Engineering']);
    expect(actions).toHaveLength(0);
  });

  it('expires to on-call when nobody decides in time, never confused with a rejection', async () => {
    const { result, actions, deliveries } = await runCase(caseInput(TECHNICAL, 'payment-after-deploy', { approvalTimeout: '2s' }));
    expect(result).toMatchObject({ path: 'human', decision: 'expired', decidedBy: 'timer', team: 'On-call Engineering', action: null });
    expect(deliveries.map((d) => d.team)).toEqual(['On-call Engineering']);
    expect(actions).toHaveLength(0);
  });

  it('refuses an approver not on the list, and ignores a second decision', async () => {
    const { result, actions } = await runCase(caseInput(TECHNICAL, 'payment-after-deploy'), async (handle) => {
      await untilStage(handle, 'awaiting_approval');
      await handle.signal('approve', { by: 'mallory', requestId: 'm' });
      await handle.signal('approve', { by: 'alice', requestId: 'a1' });
      await handle.signal('approve', { by: 'bob', requestId: 'b1' });
    });
    expect(result).toMatchObject({ decision: 'approved', decidedBy: 'alice' });
    expect(result.signals).toEqual([
      expect.objectContaining({ requestId: 'm', result: 'refused', why: 'mallory is not on the approvers list' }),
      expect.objectContaining({ requestId: 'a1', result: 'accepted' }),
      expect.objectContaining({ requestId: 'b1', result: 'ignored', why: 'the case was already decided (approve by alice)' }),
    ]);
    expect(actions).toHaveLength(1);
  });

  it('loses nothing when the worker restarts while the case waits for approval', async () => {
    const outbox = new FileOutbox(tempDir());
    const taskQueue = uniqueId('tq');
    const first = await startWorker(env, offlineActivities(outbox), taskQueue);
    const running = first.worker.run();
    const handle = await env.client.workflow.start('supportCase', { taskQueue, workflowId: uniqueId('case'), args: [caseInput(TECHNICAL, 'payment-after-deploy')] });
    const before = await untilStage(handle, 'awaiting_approval');
    first.worker.shutdown();
    await running;

    const second = await startWorker(env, offlineActivities(outbox), taskQueue);
    const result = (await second.worker.runUntil(async () => {
      await handle.signal('approve', { by: 'alice' });
      return handle.result();
    })) as SupportCaseResult;
    expect(result).toMatchObject({ decision: 'approved', decidedBy: 'alice', action: before.pendingApproval?.action });
    expect(await outbox.list('actions')).toHaveLength(1);
  });

  it('fails fast on a bad approval timeout instead of getting stuck', async () => {
    const err = await runCase(caseInput(TECHNICAL, 'payment-after-deploy', { approvalTimeout: 'soon' as never })).catch((e: unknown) => e);
    expect((err as { cause?: unknown }).cause).toMatchObject({ type: 'InvalidInput', message: expect.stringContaining('approvalTimeout') });
  });
});
