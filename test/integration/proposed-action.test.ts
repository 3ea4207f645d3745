import type { AgentDecision } from '../../src/domain/agent';
import { untilCaseWaits } from '../../src/clients/support-case';
import { loadScenario } from '../../src/scenarios';
import { supportCase, troubleshoot } from '../../src/workflows';
import { actionFromProse } from '../../src/workflows/support-case/action-from-prose';
import { testApprovers } from '../helpers/approvers';
import { activitiesAgainst, startWorker, uniqueId, useServerAndFakeModel } from '../helpers/temporal';

// The model names the action of its finish; code checks it and the case acts on it. The prose of
// the recommendation decides nothing, however it is worded.
const t = useServerAndFakeModel();
const payment = loadScenario('payment-after-deploy');

const decision = (d: Partial<AgentDecision>) => ({
  task: 'agent_decision',
  output: { thought: 'scripted', action: 'investigate', tool: 'none', message: '', confidence: 0.5, proposedAction: null, ...d },
});
// Backed by config_check ("Environment variable PAYMENT_API_KEY is missing in production; staging
// has it set."), and worded so the old rule read it as telling the customer, which ran on policy.
const HARMLESS_SOUNDING = 'Production lacks the environment value staging has; tell the customer we are on it.';
const checkThenFinish = (proposedAction: AgentDecision['proposedAction']) => [
  decision({ tool: 'config_check' }),
  decision({ action: 'finish', message: HARMLESS_SOUNDING, confidence: 0.9, proposedAction }),
];

async function runAgent() {
  const { worker, taskQueue } = await startWorker(t.env, activitiesAgainst(t.fake));
  return worker.runUntil(t.env.client.workflow.execute(troubleshoot, { taskQueue, workflowId: uniqueId('troubleshoot'), args: [{ scenario: payment }] }));
}

it('a case takes the action the model named, not the one its wording suggests, and a person must approve it', async () => {
  expect(actionFromProse(HARMLESS_SOUNDING)).toBe('notify_customer');
  t.fake.enqueue(...checkThenFinish({ name: 'update_configuration', target: 'PAYMENT_API_KEY' }));
  const team = testApprovers('alice');
  const { worker, taskQueue } = await startWorker(t.env, activitiesAgainst(t.fake));
  await worker.runUntil(async () => {
    const handle = await t.env.client.workflow.start(supportCase, {
      taskQueue,
      workflowId: uniqueId('case'),
      args: [{ ticket: { text: 'Checkout API fails with error 500 since the deployment' }, scenario: payment, ...team.pinned, approvers: ['alice'] }],
    });
    const waiting = await untilCaseWaits(handle);
    expect(waiting.pendingApproval).toMatchObject({
      action: 'update_configuration',
      target: 'PAYMENT_API_KEY',
      impact: 'high',
      reasons: ['update_configuration is a high-impact action'],
    });
    expect(waiting.audit.at(-1)?.what).toBe('update_configuration on PAYMENT_API_KEY needs a person: update_configuration is a high-impact action');
    await handle.terminate('the test has seen what it waits for');
  });
});

it('escalates a finish whose action targets something no tool observed, and carries no action', async () => {
  t.fake.enqueue(...checkThenFinish({ name: 'restart_service', target: 'orders-db' }));
  const result = await runAgent();
  expect(result).toMatchObject({ outcome: 'escalated', escalationReason: 'restart_service targets "orders-db", which no tool observed' });
  expect(result.proposedAction).toBeUndefined();
});

it('escalates a finish that names no action', async () => {
  t.fake.enqueue(...checkThenFinish(null));
  const result = await runAgent();
  expect(result).toMatchObject({ outcome: 'escalated', escalationReason: 'the agent finished without naming an action' });
});

it('refuses, as output that breaks the schema, an action outside the registry', async () => {
  t.fake.enqueue(...checkThenFinish({ name: 'drop_database' as never, target: 'PAYMENT_API_KEY' }));
  const result = await runAgent();
  expect(result.steps[1]).toMatchObject({ decision: null, rejection: expect.stringMatching(/^the decision could not be parsed/) });
});
