import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { startFakeOpenAI, type FakeOpenAI } from '../../tools/fake-openai/server';
import { cli } from '../helpers/cli';
import { startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from '../helpers/otlp-receiver';
import { tempDir, testEnv, uniqueId } from '../helpers/temporal';
import { startWorkerChild, type WorkerChild } from '../helpers/worker-child';
import { testApprovers } from '../helpers/approvers';

// Tracing on, end to end: the client (this process) and a worker (its own process) both export to a
// real OTLP/HTTP receiver on loopback, as they would to Jaeger or a collector. The worker keeps no
// workflow in its cache, so every workflow task replays the run from its start: spans must not double.
const KEY = `sk-proj-${randomUUID()}`;
const ROUTE_TEXT = `I was charged twice for invoice ${randomUUID()}`;
const CASE_TEXT = `Checkout API returns error 500 since the deploy, order ${randomUUID()}`;
const MODEL_ACTIVITIES = ['classifyTicket', 'decideNextStep'];

let env: TestWorkflowEnvironment;
let receiver: OtlpReceiver;
let fake: FakeOpenAI;
let worker: WorkerChild;
const saved = { ...process.env };

beforeAll(async () => {
  env = await testEnv();
  receiver = await startOtlpReceiver();
  fake = await startFakeOpenAI();
  const taskQueue = uniqueId('traced');
  Object.assign(process.env, {
    TEMPORAL_ADDRESS: env.address,
    TASK_QUEUE: taskQueue,
    APPROVERS: 'alice',
    APPROVER_KEYS_DIR: testApprovers('alice').dir,
    MODEL_PROVIDER: 'offline',
    OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
  });
  worker = await startWorkerChild({
    MODEL_PROVIDER: 'openai',
    OPENAI_API_KEY: KEY,
    OPENAI_BASE_URL: fake.baseURL,
    OUTBOX_DIR: tempDir(),
    WORKER_MAX_CACHED_WORKFLOWS: '0',
    OTEL_BSP_SCHEDULE_DELAY: '100',
  });
}, 120_000);

afterAll(async () => {
  process.env = saved;
  await worker?.stop();
  await fake?.close();
  await receiver?.close();
  await env?.teardown();
});

/** Runs a client command (tracing on in this process too) and returns its JSON output. */
async function command(...argv: string[]): Promise<Record<string, unknown>> {
  const { code, out, err } = await cli(...argv, '--json');
  expect({ code, err }).toEqual({ code: 0, err: '' });
  return JSON.parse(out) as Record<string, unknown>;
}

/** The activity types a run scheduled, from the server's history: on the task queue, and local (markers). */
async function scheduledActivities(workflowId: string): Promise<{ remote: string[]; local: string[] }> {
  const history = await env.client.workflow.getHandle(workflowId).fetchHistory();
  const events = history.events ?? [];
  const remote = events.flatMap((e) => (e.activityTaskScheduledEventAttributes ? [e.activityTaskScheduledEventAttributes.activityType!.name!] : []));
  const local = events.flatMap((e) => {
    const marker = e.markerRecordedEventAttributes;
    if (marker?.markerName !== 'core_local_activity') return [];
    return [(JSON.parse(Buffer.from(marker.details!.data!.payloads![0]!.data!).toString()) as { activity_type: string }).activity_type];
  });
  return { remote, local };
}

/** Waits until `ready` holds of the spans received so far (the worker exports in batches). */
async function spansWhen(ready: (spans: readonly ReceivedSpan[]) => boolean, withinMs = 20_000): Promise<readonly ReceivedSpan[]> {
  const until = Date.now() + withinMs;
  while (!ready(receiver.spans) && Date.now() < until) await new Promise((r) => setTimeout(r, 200));
  return receiver.spans;
}

const named = (spans: readonly ReceivedSpan[], name: string) => spans.filter((s) => s.name === name);
const childrenOf = (spans: readonly ReceivedSpan[], parent: ReceivedSpan) => spans.filter((s) => s.parentSpanId === parent.spanId);

/**
 * The trace of one client command: its root span, and the spans of the workflows it started, their
 * activities and model calls, each under its parent. Returns the spans of that trace.
 */
function expectOneTrace(command: string, workflows: Record<string, { remote: string[]; local: string[] }>): ReceivedSpan[] {
  const roots = named(receiver.spans, `switchboard ${command}`);
  expect(roots).toHaveLength(1);
  const root = roots[0]!;
  expect(root.parentSpanId).toBeUndefined();
  expect(root.service).toBe('switchboard-client');
  const trace = distinct(receiver.spans.filter((s) => s.traceId === root.traceId));
  // A tree: every span but the root has its parent in the same trace.
  const ids = new Set(trace.map((s) => s.spanId));
  expect(trace.filter((s) => s !== root && !ids.has(s.parentSpanId!))).toEqual([]);

  for (const [workflowType, { remote, local }] of Object.entries(workflows)) {
    const runs = named(trace, `RunWorkflow:${workflowType}`);
    expect(runs).toHaveLength(1);
    expect(runs[0]!.service).toBe('switchboard-worker');
    for (const type of new Set([...remote, ...local])) {
      // One start in the workflow per scheduled activity, none missing, none replayed twice; one run
      // per start of an activity on the task queue (a local one may run again if its task is redone).
      const scheduled = [...remote, ...local].filter((a) => a === type).length;
      const starts = named(trace, `StartActivity:${type}`);
      const executions = named(trace, `RunActivity:${type}`);
      expect([type, starts.length]).toEqual([type, scheduled]);
      if (remote.includes(type)) expect([type, executions.length]).toEqual([type, scheduled]);
      expect(new Set(executions.map((r) => r.parentSpanId))).toEqual(new Set(starts.map((s) => s.spanId)));
      for (const run of executions) {
        const modelCalls = childrenOf(trace, run).filter((s) => s.name.startsWith('chat '));
        expect(modelCalls).toHaveLength(MODEL_ACTIVITIES.includes(type) ? 1 : 0);
        for (const call of modelCalls) {
          expect(call.attributes).toMatchObject({
            'gen_ai.request.model': 'gpt-5.4-mini',
            'gen_ai.response.model': 'gpt-5.4-mini',
            'switchboard.model.task': type === 'classifyTicket' ? 'ticket_classification' : 'agent_decision',
            'switchboard.model.attempt': 1,
            'switchboard.model.outcome': 'ok',
            'switchboard.model.request_id': expect.stringMatching(/^req_/),
          });
          expect(call.attributes['gen_ai.usage.input_tokens']).toBeGreaterThan(0);
          expect(call.attributes['gen_ai.usage.output_tokens']).toBeGreaterThan(0);
          expect(call.attributes['switchboard.model.latency_ms']).toBeGreaterThanOrEqual(0);
        }
      }
    }
  }
  return trace;
}

/**
 * The spans by id. A span sent twice must be the same span (a workflow task redone after an
 * eviction in its middle sends again what ended in it, with the same ids); two spans never share one.
 */
function distinct(spans: readonly ReceivedSpan[]): ReceivedSpan[] {
  const byId = new Map<string, ReceivedSpan>();
  for (const s of spans) {
    const seen = byId.get(s.spanId);
    if (seen) expect([s.traceId, s.name, s.parentSpanId]).toEqual([seen.traceId, seen.name, seen.parentSpanId]);
    else byId.set(s.spanId, s);
  }
  return [...byId.values()];
}

it('traces each client command as one trace: start → workflow → every activity → every model call; no key, no ticket text, nothing twice', async () => {
  const routed = await command('route', ROUTE_TEXT);
  const agent = await command('troubleshoot', '--scenario', 'payment-after-deploy');
  const opened = await command('case', CASE_TEXT, '--scenario', 'payment-after-deploy');
  const caseId = opened.workflowId as string;
  expect((opened.status as { stage: string }).stage).toBe('awaiting_approval');
  await command('approve', caseId, '--by', 'alice');
  await env.client.workflow.getHandle(caseId).result();

  const route = await scheduledActivities(routed.workflowId as string);
  const troubleshoot = await scheduledActivities(agent.workflowId as string);
  const kase = await scheduledActivities(caseId);
  const caseAgent = await scheduledActivities(`${caseId}-agent`);

  const modelCalls = [route, troubleshoot, kase, caseAgent].flatMap((w) => w.remote).filter((a) => MODEL_ACTIVITIES.includes(a)).length;
  expect(modelCalls).toBe(fake.requestCount);
  expect(troubleshoot.remote.filter((a) => a === 'decideNextStep').length).toBeGreaterThan(1);
  expect([route, troubleshoot].flatMap((w) => w.local).length).toBeGreaterThan(0);

  // The worker exports in batches: wait for the last spans of the case (its notification).
  await spansWhen((spans) => named(spans, 'RunActivity:notifyCustomer').length === 1 && named(spans, 'RunWorkflow:supportCase').length === 1);

  expectOneTrace('route', { routeTicket: route });
  expectOneTrace('troubleshoot', { troubleshoot });
  const caseTrace = expectOneTrace('case', { supportCase: kase, troubleshoot: caseAgent });
  expect(named(caseTrace, 'StartChildWorkflow:troubleshoot')).toHaveLength(1);
  // The approval is a command of its own: its update reaches the case's handler in the same trace.
  const approveTrace = distinct(receiver.spans.filter((s) => s.traceId === named(receiver.spans, 'switchboard approve')[0]?.traceId));
  const update = named(approveTrace, 'StartWorkflowUpdate:approve');
  expect(update).toHaveLength(1);
  expect(named(approveTrace, 'HandleUpdate:approve').map((s) => s.parentSpanId)).toEqual([update[0]!.spanId]);

  // Every model call has its span, and no span was made twice (replays export nothing).
  const spans = distinct(receiver.spans);
  expect(spans.filter((s) => s.name.startsWith('chat ')).length).toBe(modelCalls);

  // Workflow spans carry the run's identity, not its memo or search attributes (they quote the ticket).
  expect(receiver.spans.filter((s) => s.attributes.workflowType !== undefined).length).toBeGreaterThan(10);
  expect(receiver.spans.filter((s) => 'memo' in s.attributes || 'searchAttributes' in s.attributes)).toEqual([]);

  // What went over the wire holds no key and no ticket text; the search finds what is there.
  const wire = receiver.rawBodies.map((b) => b.toString('latin1')).join('\n');
  expect(wire).toContain('ticket_classification');
  expect(wire).not.toContain(KEY);
  expect(wire).not.toContain(ROUTE_TEXT);
  expect(wire).not.toContain(CASE_TEXT);
  expect(wire).not.toContain(CASE_TEXT.split(', order ')[1]);
}, 120_000);
