import { join } from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { FileOutbox } from '../../src/activities/outbox';
import { createActivities, type Activities } from '../../src/activities';
import { ModelError } from '../../src/model/errors';
import type { ModelProvider } from '../../src/model';
import type { ModelTask } from '../../src/model/task';
import { FALLBACK_TEAM, ROUTING_TABLE } from '../../src/domain/routing';
import { TOOL_NAMES } from '../../src/domain/tools';
import { loadScenario } from '../../src/scenarios';
import { routeTicket, supportCase, troubleshoot } from '../../src/workflows';
import { MODEL_RETRY } from '../../src/workflows/activity-proxies';
import { LOCAL_MODEL, startLocalModelServer, type LocalModelServer } from '../../tools/local-model/server';
import { describeWithLocalModel } from '../helpers/local-model';
import { CHAT_JSON_OBJECT, CHAT_JSON_SCHEMA, providerOver, type OpenAIWire } from '../helpers/openai-wires';
import { startWorker, tempDir, testEnv, uniqueId } from '../helpers/temporal';

// A real model no one here wrote the server for: SmolLM2-135M-Instruct on llama-cpp-python's
// OpenAI-compatible server, over Chat Completions in llama.cpp's json_object + schema form. A model
// this small is often wrong; what is tested is that the guarantees hold whatever it answers.
jest.setTimeout(300_000);

/** Every call the real model answered or failed, as the provider saw it. */
class RecordingProvider implements ModelProvider {
  readonly calls: Array<{ task: string; failure?: string }> = [];
  constructor(private readonly inner: ModelProvider) {}
  get model(): string {
    return this.inner.model;
  }
  async run<I, O>(task: ModelTask<I, O>, input: I) {
    try {
      const response = await this.inner.run(task, input);
      this.calls.push({ task: task.name });
      return response;
    } catch (err) {
      this.calls.push({ task: task.name, failure: err instanceof ModelError ? err.type : String(err) });
      throw err;
    }
  }
  failures(task: string, type: string): number {
    return this.calls.filter((c) => c.task === task && c.failure === type).length;
  }
}

describeWithLocalModel('a real local model (SmolLM2-135M on llama.cpp) through routeTicket, troubleshoot and supportCase', (files) => {
  let env: TestWorkflowEnvironment;
  let server: LocalModelServer;
  beforeAll(async () => {
    env = await testEnv();
    // Bounded: it ends itself after 15 minutes even if this process dies before afterAll.
    server = await startLocalModelServer({ ...files, logFile: join(tempDir(), 'llama-server.log'), maxLifetimeSeconds: 900 });
  }, 150_000);
  afterAll(async () => {
    await server?.stop();
    await env?.teardown();
  });

  function wired(wire: OpenAIWire = CHAT_JSON_OBJECT): { provider: RecordingProvider; activities: Activities } {
    const provider = new RecordingProvider(providerOver(wire, server.baseURL, { model: LOCAL_MODEL, timeoutMs: 60_000 }));
    return { provider, activities: createActivities({ provider, outbox: new FileOutbox(tempDir()) }) };
  }

  async function run<R>(activities: Activities, start: (taskQueue: string) => Promise<R>): Promise<R> {
    const { worker, taskQueue } = await startWorker(env, activities);
    return worker.runUntil(start(taskQueue));
  }

  it.each([
    'I was charged twice this month, duplicate invoice',
    'The API returns error 500 since your deployment this morning',
    'I cannot log in, the password reset email never arrives',
  ])('routeTicket %p: a team from the routing table, every failed attempt retried or sent to review', async (text) => {
    const { provider, activities } = wired();
    const result = await run(activities, (taskQueue) =>
      env.client.workflow.execute(routeTicket, { taskQueue, workflowId: uniqueId('ticket'), args: [{ text }] }),
    );
    console.log(`local model routed ${JSON.stringify(text)}: ${JSON.stringify({ ...result, usage: undefined })}; calls ${JSON.stringify(provider.calls)}`);
    expect(result.attempts).toBe(provider.calls.length);
    if (result.classificationFailure) {
      expect(result).toMatchObject({ team: FALLBACK_TEAM, needsReview: true });
    } else {
      expect(result.team).toBe(ROUTING_TABLE[result.category]);
      expect(result.confidence).toBeGreaterThanOrEqual(0);
      expect(result.confidence).toBeLessThanOrEqual(1);
      expect(result.model).toBe(LOCAL_MODEL);
      // Every attempt before the answer that was used failed, and was retried.
      expect(provider.calls.slice(0, -1).every((c) => c.failure !== undefined)).toBe(true);
    }
  });

  it("the standard json_schema form, which llama-cpp-python's server answers with a 500, is retried, then the ticket goes to review", async () => {
    const { provider, activities } = wired(CHAT_JSON_SCHEMA);
    const result = await run(activities, (taskQueue) =>
      env.client.workflow.execute(routeTicket, { taskQueue, workflowId: uniqueId('ticket'), args: [{ text: 'I was charged twice' }] }),
    );
    expect(result).toMatchObject({
      team: FALLBACK_TEAM,
      needsReview: true,
      attempts: MODEL_RETRY.maximumAttempts,
      classificationFailure: { type: 'ModelUnavailable' },
    });
    expect(provider.calls).toEqual(Array(MODEL_RETRY.maximumAttempts).fill({ task: 'ticket_classification', failure: 'ModelUnavailable' }));
  });

  it('troubleshoot: every decision the model could not phrase is a rejected step, every tool is allowed, and only a backed, confident finish resolves', async () => {
    const { provider, activities } = wired();
    const result = await run(activities, (taskQueue) =>
      env.client.workflow.execute(troubleshoot, {
        taskQueue,
        workflowId: uniqueId('troubleshoot'),
        args: [{ scenario: loadScenario('payment-after-deploy'), maxSteps: 5 }],
      }),
    );
    console.log(
      `local model troubleshot payment-after-deploy: ${result.outcome} (${result.escalationReason ?? 'no escalation'}), confidence ${result.confidence}, steps ${JSON.stringify(result.steps.map((s) => s.rejection ?? s.decision?.tool))}`,
    );
    expect(['resolved', 'escalated', 'max_steps']).toContain(result.outcome);
    expect(result.steps.length).toBeLessThanOrEqual(5);
    expect(result.steps.filter((s) => /could not be parsed/.test(s.rejection ?? ''))).toHaveLength(provider.failures('agent_decision', 'ModelOutputInvalid'));
    for (const step of result.steps) {
      if (step.observation !== undefined) expect(TOOL_NAMES).toContain(step.decision?.tool);
      if (step.rejection !== undefined) expect(step.observation).toBeUndefined();
    }
    if (result.outcome === 'resolved') expect(result.confidence).toBeGreaterThanOrEqual(0.7);
    else expect(result.escalationReason).toEqual(expect.any(String));
  });

  it('supportCase: nothing runs that a person has not approved, or that policy does not allow without one', async () => {
    const { activities } = wired();
    const result = await run(activities, (taskQueue) =>
      env.client.workflow.execute(supportCase, {
        taskQueue,
        workflowId: uniqueId('case'),
        // Nobody answers here: a case that waits for a person expires after 3 s, with nothing run.
        args: [
          {
            ticket: { text: 'Checkout API fails with error 500 since the deployment', customer: 'acme' },
            scenario: loadScenario('payment-after-deploy'),
            approvers: ['alice'],
            approvalTimeout: '3s',
          },
        ],
      }),
    );
    console.log(
      `local model's case: ${JSON.stringify({ path: result.path, decision: result.decision, action: result.action, team: result.team, reason: result.reason, agent: result.agent })}`,
    );
    expect(['routed', 'auto_approved', 'expired', 'escalated']).toContain(result.decision);
    if (result.action !== null) expect(result.decision).toBe('auto_approved');
    expect(result.audit.some((a) => a.kind === 'model')).toBe(true);
  });
});
