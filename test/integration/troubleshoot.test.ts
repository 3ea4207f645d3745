import type { AgentDecision } from '../../src/domain/agent';
import { listScenarios, loadScenario } from '../../src/scenarios';
import { troubleshoot } from '../../src/workflows';
import { troubleshootStatusQuery, type TroubleshootInput, type TroubleshootResult } from '../../src/workflows/troubleshoot/contract';
import { activitiesAgainst, offlineActivities, startWorker, uniqueId, useServerAndFakeModel } from '../helpers/temporal';
import { CHAT_JSON_OBJECT } from '../helpers/openai-wires';

const t = useServerAndFakeModel();

const payment = loadScenario('payment-after-deploy');

async function runAgent(input: TroubleshootInput, activities = activitiesAgainst(t.fake)): Promise<TroubleshootResult> {
  const { worker, taskQueue } = await startWorker(t.env, activities);
  return worker.runUntil(t.env.client.workflow.execute(troubleshoot, { taskQueue, workflowId: uniqueId('troubleshoot'), args: [input] }));
}

const decision = (d: Partial<AgentDecision>) => ({
  task: 'agent_decision',
  output: { thought: 'scripted', action: 'investigate', tool: 'none', message: '', confidence: 0.5, proposedAction: null, ...d },
});

describe('troubleshoot through the real openai SDK and the fake Responses API', () => {
  it("finds the seed's root cause: the missing PAYMENT_API_KEY", async () => {
    const result = await runAgent({ scenario: payment });
    expect(result.outcome).toBe('resolved');
    expect(result.recommendation).toContain('PAYMENT_API_KEY');
    expect(result.confidence).toBeGreaterThanOrEqual(0.7);
    expect(result.toolsUsed).toContain('config_check');
    // A missing variable is a configuration change, whatever the word "KEY" in its name suggests.
    expect(result.proposedAction).toEqual({ name: 'update_configuration', target: 'PAYMENT_API_KEY' });
    expect(result.usage.calls).toBe(result.steps.length);
    expect(t.fake.countFor('agent_decision')).toBe(result.steps.length);
  });

  it('rejects a decision naming a tool outside the allowlist, and the run recovers', async () => {
    t.fake.enqueue(decision({ tool: 'restart_database', message: 'restart it' }));
    const result = await runAgent({ scenario: payment });
    expect(result.steps[0]).toMatchObject({ step: 1, rejection: expect.stringContaining('tool "restart_database" is not allowed') });
    expect(result.steps[0]?.observation).toBeUndefined();
    expect(result.outcome).toBe('resolved');
    expect(result.recommendation).toContain('PAYMENT_API_KEY');
  });

  it('records an unparsable decision as rejected and recovers', async () => {
    t.fake.enqueue({ task: 'agent_decision', fault: 'schema_violation' });
    const result = await runAgent({ scenario: payment });
    expect(result.steps[0]?.rejection).toMatch(/could not be parsed/);
    expect(result.outcome).toBe('resolved');
  });

  it('escalates after several invalid decisions in a row', async () => {
    t.fake.enqueue(...['a', 'b', 'c'].map((tool) => decision({ tool })));
    const result = await runAgent({ scenario: payment, maxConsecutiveRejections: 3 });
    expect(result.outcome).toBe('escalated');
    expect(result.escalationReason).toBe('3 invalid decisions in a row');
  });

  it('stops at the step limit as max_steps, escalated with the partial transcript', async () => {
    t.fake.enqueue(...['logs', 'status_page', 'metrics'].map((tool) => decision({ tool })));
    const result = await runAgent({ scenario: payment, maxSteps: 3 });
    expect(result.outcome).toBe('max_steps');
    expect(result.escalationReason).toBe('no conclusion within 3 steps');
    expect(result.steps.map((s) => s.decision?.tool)).toEqual(['logs', 'status_page', 'metrics']);
    expect(result.steps.every((s) => s.observation !== undefined)).toBe(true);
  });

  it('escalates a finish with low confidence', async () => {
    t.fake.enqueue(decision({ tool: 'config_check' }), decision({ action: 'finish', message: 'Set PAYMENT_API_KEY in production', confidence: 0.4 }));
    const result = await runAgent({ scenario: payment });
    expect(result).toMatchObject({ outcome: 'escalated', confidence: 0.4, escalationReason: 'confidence 0.4 is under 0.7' });
  });

  it('escalates a confident finish that no observation backs', async () => {
    t.fake.enqueue(decision({ action: 'finish', message: 'Restart the Kubernetes cluster', confidence: 0.95 }));
    const result = await runAgent({ scenario: payment });
    expect(result).toMatchObject({ outcome: 'escalated', escalationReason: 'the recommendation is not backed by any observation' });
  });

  it('escalates when the token budget is spent', async () => {
    const result = await runAgent({ scenario: payment, tokenBudget: 50 });
    expect(result.outcome).toBe('escalated');
    expect(result.escalationReason).toMatch(/^token budget of 50 exceeded/);
    expect(result.steps).toHaveLength(1);
  });

  it.each(listScenarios().map((s) => [s.id, s] as const))('built-in scenario %s reaches its expected outcome offline', async (_id, scenario) => {
    const result = await runAgent({ scenario }, offlineActivities());
    expect(result.model).toBe('offline-rules');
    expect(result.outcome === 'resolved' ? 'resolved' : 'escalated').toBe(scenario.expected.outcome);
    for (const keyword of scenario.expected.rootCauseKeywords) expect(result.recommendation.toLowerCase()).toContain(keyword.toLowerCase());
  });

  it('resumes on a new worker after step 2 without asking the model again for steps 1-2', async () => {
    t.fake.setLatency(300);
    try {
      const taskQueue = uniqueId('tq');
      const first = await startWorker(t.env, activitiesAgainst(t.fake), taskQueue);
      const running = first.worker.run();
      const handle = await t.env.client.workflow.start(troubleshoot, { taskQueue, workflowId: uniqueId('troubleshoot'), args: [{ scenario: payment }] });
      for (let status = await handle.query(troubleshootStatusQuery); status.transcript.length < 2; status = await handle.query(troubleshootStatusQuery)) {
        await new Promise((r) => setTimeout(r, 50));
      }
      first.worker.shutdown();
      await running;
      const second = await startWorker(t.env, activitiesAgainst(t.fake), taskQueue);
      const result = await second.worker.runUntil(handle.result());
      expect(result.outcome).toBe('resolved');
      expect(result.steps).toHaveLength(3);
      // One model call per step in all: replaying steps 1-2 on the new worker called nothing.
      expect(t.fake.countFor('agent_decision')).toBe(3);
    } finally {
      t.fake.setLatency(0);
    }
  });
});

describe("troubleshoot over Chat Completions (llama.cpp's json_object + schema form)", () => {
  const overChat = () => activitiesAgainst(t.fake, undefined, 2_000, CHAT_JSON_OBJECT);

  it('finds the root cause, every decision by /v1/chat/completions', async () => {
    const result = await runAgent({ scenario: payment }, overChat());
    expect(result.outcome).toBe('resolved');
    expect(result.recommendation).toContain('PAYMENT_API_KEY');
    expect(t.fake.requests.map((r) => [r.api, r.dialect])).toEqual(result.steps.map(() => ['chat', 'json_object_schema']));
  });

  it('rejects malformed JSON as a decision that could not be parsed, and recovers', async () => {
    t.fake.enqueue({ task: 'agent_decision', fault: 'malformed_json' });
    const result = await runAgent({ scenario: payment }, overChat());
    expect(result.steps[0]?.rejection).toMatch(/could not be parsed/);
    expect(result.outcome).toBe('resolved');
  });

  it('escalates a finish with low confidence', async () => {
    t.fake.enqueue(decision({ tool: 'config_check' }), decision({ action: 'finish', message: 'Set PAYMENT_API_KEY in production', confidence: 0.4 }));
    const result = await runAgent({ scenario: payment }, overChat());
    expect(result).toMatchObject({ outcome: 'escalated', escalationReason: 'confidence 0.4 is under 0.7' });
  });
});
