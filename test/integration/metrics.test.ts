import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { signalDecision, untilCaseWaits, updateDecision } from '../../src/clients/support-case';
import { addUsage, NO_USAGE, type Usage } from '../../src/domain/usage';
import { costUsd, DEFAULT_PRICES } from '../../src/model/prices';
import { loadScenario } from '../../src/scenarios';
import { routeTicket, supportCase, troubleshoot } from '../../src/workflows';
import { startFakeOpenAI, type FakeOpenAI } from '../../tools/fake-openai/server';
import { freePort } from '../helpers/ports';
import { scrape, total, type Sample } from '../helpers/prometheus';
import { testApprovers } from '../helpers/approvers';
import { tempDir, testEnv, uniqueId } from '../helpers/temporal';
import { startWorkerChild, type WorkerChild } from '../helpers/worker-child';

// The worker's Prometheus endpoint after a handful of runs of all three patterns. The worker is a
// process of its own (the runtime, and so METRICS_BIND, is one per process) and keeps no workflow in
// its cache, so every workflow task replays the run from its start: counts must not double.
const MODEL = 'gpt-5.4-mini';

let env: TestWorkflowEnvironment;
let fake: FakeOpenAI;
let worker: WorkerChild;
let metricsUrl: string;
let taskQueue: string;

beforeAll(async () => {
  env = await testEnv();
  fake = await startFakeOpenAI();
  taskQueue = uniqueId('metrics');
  const port = await freePort();
  metricsUrl = `http://127.0.0.1:${port}/metrics`;
  worker = await startWorkerChild({
    TEMPORAL_ADDRESS: env.address,
    TASK_QUEUE: taskQueue,
    MODEL_PROVIDER: 'openai',
    OPENAI_API_KEY: 'sk-test-not-a-secret',
    OPENAI_BASE_URL: fake.baseURL,
    OUTBOX_DIR: tempDir(),
    METRICS_BIND: `127.0.0.1:${port}`,
    WAITING_CASES_REFRESH: '500ms',
    WORKER_MAX_CACHED_WORKFLOWS: '0',
    OTEL_EXPORTER_OTLP_ENDPOINT: '',
  });
}, 120_000);

afterAll(async () => {
  await worker?.stop();
  await fake?.close();
  await env?.teardown();
});

const start = <W extends typeof routeTicket | typeof troubleshoot | typeof supportCase>(workflow: W, args: Parameters<W>) =>
  env.client.workflow.start(workflow as typeof routeTicket, {
    taskQueue,
    workflowId: uniqueId(workflow.name),
    args: args as Parameters<typeof routeTicket>,
  }) as unknown as Promise<WorkflowHandle<W>>;

const ann = testApprovers('ann');
const caseOf = (approvalTimeout = '1 hour') =>
  start(supportCase, [
    { ticket: { text: 'Checkout API returns error 500 since the deploy' }, scenario: loadScenario('payment-after-deploy'), ...ann.pinned, approvalTimeout },
  ]);

async function scrapeUntil(ready: (s: Sample[]) => boolean, withinMs = 15_000): Promise<Sample[]> {
  const until = Date.now() + withinMs;
  let samples = await scrape(metricsUrl);
  while (!ready(samples) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 250));
    samples = await scrape(metricsUrl);
  }
  return samples;
}

it('counts tokens, cost, failures, agent outcomes, decisions, closed and waiting cases, once each', async () => {
  // One model failure, retried by Temporal: counted as a failure, its retry as a call.
  fake.enqueue({ task: 'ticket_classification', fault: 'server_error' });
  const routes = await Promise.all([
    start(routeTicket, [{ text: 'I was charged twice this month' }]),
    start(routeTicket, [{ text: 'Please refund my order' }]),
  ]);
  const agent = await start(troubleshoot, [{ scenario: loadScenario('no-clear-cause') }]);
  const routedCase = await start(supportCase, [{ ticket: { text: 'I was charged twice this month' }, ...ann.pinned }]);
  const [approved, rejected, escalated, expired, waiting] = await Promise.all([caseOf(), caseOf(), caseOf(), caseOf('2s'), caseOf()]);
  for (const c of [approved, rejected, escalated, waiting]) expect((await untilCaseWaits(c)).stage).toBe('awaiting_approval');

  await signalDecision(approved, { kind: 'approve', by: 'mallory' }); // refused: unsigned, and not an approver
  await updateDecision(approved, { kind: 'approve', by: 'ann' }, ann.as('ann'));
  await signalDecision(rejected, { kind: 'reject', by: 'ann', reason: 'not now' }, ann.as('ann'));
  await updateDecision(escalated, { kind: 'escalate', by: 'bob', reason: 'needs the database team' });

  // The one case still waiting, as the server counts it; the figure follows when that case is decided.
  const cases = [routedCase, approved, rejected, escalated, expired];
  await Promise.all(cases.map((h) => h.result()));
  const before = await scrapeUntil((s) => total(s, 'switchboard_cases_awaiting_approval', { taskQueue }) === 1);
  expect(total(before, 'switchboard_cases_awaiting_approval', { taskQueue })).toBe(1);
  await updateDecision(waiting, { kind: 'reject', by: 'ann', reason: 'done testing' }, ann.as('ann'));

  const routeResults = await Promise.all(routes.map((h) => h.result()));
  const agentResult = await agent.result();
  const caseResults = await Promise.all([...cases, waiting].map((h) => h.result()));
  const caseAgents = await Promise.all(
    [approved, rejected, escalated, expired, waiting].map((h) => env.client.workflow.getHandle<typeof troubleshoot>(`${h.workflowId}-agent`).result()),
  );
  expect(routeResults.map((r) => r.attempts).sort()).toEqual([1, 2]);
  expect(agentResult.outcome).toBe('escalated');
  expect(caseResults.map((r) => r.decision)).toEqual(['routed', 'approved', 'rejected', 'escalated', 'expired', 'rejected']);
  expect(caseAgents.map((r) => r.outcome)).toEqual(Array(5).fill('resolved'));

  // What the results say was spent, by task: classification is a case's usage less its agent's.
  const sum = (usages: Usage[]) => usages.reduce(addUsage, NO_USAGE);
  const caseAgentUsage = sum(caseAgents.map((r) => r.usage));
  const agentUsage = addUsage(agentResult.usage, caseAgentUsage);
  const allCases = sum([...routeResults.map((r) => r.usage), ...caseResults.map((r) => r.usage)]);
  const classificationUsage = {
    inputTokens: allCases.inputTokens - caseAgentUsage.inputTokens,
    outputTokens: allCases.outputTokens - caseAgentUsage.outputTokens,
  };
  const expected = { ticket_classification: classificationUsage, agent_decision: agentUsage };

  const m = await scrapeUntil((s) => total(s, 'switchboard_cases_awaiting_approval', { taskQueue }) === 0 && total(s, 'switchboard_cases_closed_total') === 6);
  expect(total(m, 'switchboard_cases_awaiting_approval', { taskQueue })).toBe(0);
  for (const [task, usage] of Object.entries(expected)) {
    expect(usage.inputTokens).toBeGreaterThan(0);
    expect([task, total(m, 'switchboard_model_tokens_total', { model: MODEL, task, kind: 'input' })]).toEqual([task, usage.inputTokens]);
    expect([task, total(m, 'switchboard_model_tokens_total', { model: MODEL, task, kind: 'output' })]).toEqual([task, usage.outputTokens]);
  }
  const tokens = {
    inputTokens: classificationUsage.inputTokens + agentUsage.inputTokens,
    outputTokens: classificationUsage.outputTokens + agentUsage.outputTokens,
  };
  expect(total(m, 'switchboard_model_cost_usd_sum', { model: MODEL })).toBeCloseTo(costUsd(tokens, DEFAULT_PRICES[MODEL]!), 9);
  expect(allCases.calls + agentResult.usage.calls).toBe(fake.requestCount - 1);
  expect(total(m, 'switchboard_model_cost_usd_count', { model: MODEL })).toBe(fake.requestCount - 1);
  expect(total(m, 'switchboard_model_latency_ms_count')).toBe(fake.requestCount);
  expect(total(m, 'switchboard_model_failures_total', { model: MODEL, task: 'ticket_classification', type: 'ModelUnavailable' })).toBe(1);
  expect(total(m, 'switchboard_model_failures_total')).toBe(1);

  // Decisions: workflow code counts them, once however often the run is replayed.
  expect(total(m, 'switchboard_agent_runs_total', { outcome: 'escalated' })).toBe(1);
  expect(total(m, 'switchboard_agent_runs_total', { outcome: 'resolved' })).toBe(5);
  expect(total(m, 'switchboard_agent_steps_count')).toBe(6);
  expect(total(m, 'switchboard_agent_steps_sum')).toBe([agentResult, ...caseAgents].reduce((n, r) => n + r.steps.length, 0));
  for (const [decision, count] of Object.entries({ routed: 1, approved: 1, rejected: 2, escalated: 1, expired: 1 })) {
    expect([decision, total(m, 'switchboard_cases_closed_total', { decision, workflowType: 'supportCase' })]).toEqual([decision, count]);
  }
  expect(total(m, 'switchboard_case_decisions_total', { decision: 'approve', result: 'accepted', via: 'update' })).toBe(1);
  expect(total(m, 'switchboard_case_decisions_total', { decision: 'approve', result: 'refused', via: 'signal' })).toBe(1);
  expect(total(m, 'switchboard_case_decisions_total', { decision: 'reject', result: 'accepted', via: 'signal' })).toBe(1);
  expect(total(m, 'switchboard_case_decisions_total', { decision: 'reject', result: 'accepted', via: 'update' })).toBe(1);
  expect(total(m, 'switchboard_case_decisions_total', { decision: 'escalate', result: 'accepted', via: 'update' })).toBe(1);
  expect(total(m, 'switchboard_case_decisions_total')).toBe(5);
}, 120_000);
