import { join } from 'node:path';
import { WorkflowFailedError, WorkflowNotFoundError, type Client, type WorkflowHandle } from '@temporalio/client';
import { FileOutbox } from '../../src/activities/outbox';
import { stopWorkerProcess, workerProcess } from '../dev/worker-process';
import { startFakeOpenAI } from '../fake-openai/server';
import { loadScenario } from '../../src/scenarios';
import { signalDecision, untilCaseWaits } from '../../src/clients/support-case';
import { routeTicket, supportCase, troubleshoot } from '../../src/workflows';
import { approversWithKeys } from '../approvers';

// The approver every chaos case waits for: a key in memory, pinned in each case.
const OPS = approversWithKeys(['ops']);

/**
 * What goes wrong mid-run:
 * - kill-worker: the only worker process is SIGKILLed; a new one is started and finishes the work.
 * - kill-one-of-two: two worker processes share the task queues; one is SIGKILLed, the other finishes.
 * - restart-server: the Temporal server is stopped and started again (its state in a file); the
 *   worker stays up, reconnects and finishes.
 * - kill-server: temporal-server (on PostgreSQL) is SIGKILLed and started again.
 * - restart-postgres: the database under temporal-server stops (fast shutdown) and starts again;
 *   the server stays up.
 */
export type ChaosFault = 'kill-worker' | 'kill-one-of-two' | 'restart-server' | 'kill-server' | 'restart-postgres';

/** The faults that strike the server side, through ChaosOptions.strike. */
const SERVER_FAULTS: readonly ChaosFault[] = ['restart-server', 'kill-server', 'restart-postgres'];

export interface ChaosOptions {
  fault: ChaosFault;
  /** Does the fault to the server side and returns once the server answers again; needed for the server faults. */
  strike?: () => Promise<void>;
  client: Client;
  address: string;
  /** Workflows of each kind (route, troubleshoot, case). */
  perKind: number;
  latencyMs: number;
  failRate: number;
  /** Strike once the fake model has seen this many requests (mid-run, whatever the machine's speed). */
  faultAfterRequests: number;
  workDir: string;
  log?: (line: string) => void;
}

export interface ChaosSummary {
  fault: ChaosFault;
  started: number;
  completed: number;
  lost: number;
  wrongResults: string[];
  modelRequests: number;
  /** Model requests made before the fault: above 0 and below modelRequests when it struck mid-run. */
  requestsBeforeFault: number;
  modelAttemptsInHistory: number;
  duplicateSideEffects: number;
  /** From the fault until the server side answers again (server faults), or the victim is gone. */
  strikeMs: number;
  /** From the fault to the last workflow's completion. */
  recoveryMs: number;
}

/** Sum of the attempts of every model activity, as the histories record them. */
async function modelAttempts(client: Client, workflowIds: string[]): Promise<number> {
  let total = 0;
  for (const id of workflowIds) {
    const { events } = await client.workflow.getHandle(id).fetchHistory();
    const modelScheduled = new Set(
      (events ?? [])
        .filter((e) => ['classifyTicket', 'decideNextStep'].includes(e.activityTaskScheduledEventAttributes?.activityType?.name ?? ''))
        .map((e) => String(e.eventId)),
    );
    for (const e of events ?? []) {
      const started = e.activityTaskStartedEventAttributes;
      if (started && modelScheduled.has(String(started.scheduledEventId))) total += started.attempt ?? 1;
    }
  }
  return total;
}

/** Retries a client call while the server is away (restart-server), for up to a minute; a workflow's own failure is final. */
async function patiently<T>(call: () => Promise<T>): Promise<T> {
  for (let tries = 1; ; tries += 1) {
    try {
      return await call();
    } catch (err) {
      if (tries >= 60 || err instanceof WorkflowFailedError || err instanceof WorkflowNotFoundError) throw err;
      await new Promise((r) => setTimeout(r, 1_000));
    }
  }
}

/**
 * Starts workflows of all three kinds against a faulty fake model, strikes with `fault` mid-run,
 * lets the survivors (or a replacement) finish, and checks that nothing was lost or done twice.
 */
export async function runChaos(o: ChaosOptions): Promise<ChaosSummary> {
  const log = o.log ?? (() => {});
  const fake = await startFakeOpenAI({ latencyMs: o.latencyMs, failRate: o.failRate, seed: 7 });
  const outboxDir = join(o.workDir, 'outbox');
  const taskQueue = `chaos-${Date.now()}`;
  const env = {
    TEMPORAL_ADDRESS: o.address,
    TASK_QUEUE: taskQueue,
    MODEL_PROVIDER: 'openai',
    OPENAI_API_KEY: 'sk-chaos',
    OPENAI_BASE_URL: fake.baseURL,
    OPENAI_TIMEOUT_MS: '3000',
    OUTBOX_DIR: outboxDir,
    LOG_LEVEL: 'ERROR',
  };
  if (SERVER_FAULTS.includes(o.fault) && !o.strike) throw new Error(`${o.fault} needs strike`);
  const workers = [workerProcess(env, log)];
  if (o.fault === 'kill-one-of-two') workers.push(workerProcess(env, log));
  try {
    const payment = loadScenario('payment-after-deploy');
    // Each run with the check of its result: undefined when right, else what came back instead.
    const handles: Array<{ handle: WorkflowHandle; check: () => Promise<string | undefined> }> = [];
    const wrongUnless =
      <R>(ok: (r: R) => boolean) =>
      (r: R) =>
        ok(r) ? undefined : JSON.stringify(r).slice(0, 200);
    const cases: Array<WorkflowHandle<typeof supportCase>> = [];
    for (let i = 0; i < o.perKind; i += 1) {
      const ticket = await o.client.workflow.start(routeTicket, {
        taskQueue,
        workflowId: `chaos-ticket-${taskQueue}-${i}`,
        args: [{ text: `I was charged twice, duplicate invoice #${i}` }],
      });
      handles.push({ handle: ticket, check: () => patiently(() => ticket.result()).then(wrongUnless((r) => r.team === 'Finance Support Team')) });
      const agent = await o.client.workflow.start(troubleshoot, { taskQueue, workflowId: `chaos-agent-${taskQueue}-${i}`, args: [{ scenario: payment }] });
      handles.push({ handle: agent, check: () => patiently(() => agent.result()).then(wrongUnless((r) => /PAYMENT_API_KEY/.test(r.recommendation))) });
      const kase = await o.client.workflow.start(supportCase, {
        taskQueue,
        workflowId: `chaos-case-${taskQueue}-${i}`,
        args: [{ ticket: { text: 'Checkout API fails with error 500 since the deployment' }, scenario: payment, ...OPS.pinned }],
      });
      cases.push(kase);
      handles.push({ handle: kase, check: () => patiently(() => kase.result()).then(wrongUnless((r) => r.decision === 'approved')) });
    }
    log(`started ${handles.length} workflows; ${o.fault} after ${o.faultAfterRequests} model requests`);
    const deadline = Date.now() + 120_000;
    while (fake.requestCount < o.faultAfterRequests) {
      if (Date.now() > deadline) throw new Error(`the workers made no progress in 120 s (${fake.requestCount} model requests)`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const requestsBeforeFault = fake.requestCount;
    const faultAt = Date.now();
    if (SERVER_FAULTS.includes(o.fault)) {
      await o.strike!();
    } else {
      const victim = workers[0]!;
      victim.kill('SIGKILL');
      await new Promise((r) => victim.once('exit', r));
      if (o.fault === 'kill-worker') workers.push(workerProcess(env, log));
    }
    const strikeMs = Date.now() - faultAt;
    log(`${o.fault}: done in ${strikeMs} ms`);

    // A person approves every case once it waits; the signal survives the worker's death.
    const approvals = cases.map(async (handle) => {
      const status = await patiently(() => untilCaseWaits(handle, 250));
      if (status.stage === 'awaiting_approval') await patiently(() => signalDecision(handle, { kind: 'approve', by: 'ops' }, OPS.as('ops')));
    });
    await Promise.all(approvals);
    const results = await Promise.allSettled(handles.map(({ check }) => check()));
    const recoveryMs = Date.now() - faultAt;
    const wrongResults = results.flatMap((r, i) =>
      r.status === 'fulfilled' && r.value === undefined ? [] : [`${handles[i]!.handle.workflowId}: ${r.status === 'rejected' ? String(r.reason) : r.value}`],
    );
    const ids = handles.map(({ handle }) => handle.workflowId);
    const childIds = ids.filter((id) => id.startsWith('chaos-case')).map((id) => `${id}-agent`);
    const outbox = new FileOutbox(outboxDir);
    const [deliveries, actions, notifications] = [await outbox.list('deliveries'), await outbox.list('actions'), await outbox.list('notifications')];
    // Keys are unique by construction; a duplicate would show as more entries than runs that write
    // them: a delivery a ticket, an action a case, two notifications a case (it waits, it closed).
    const duplicateSideEffects =
      Math.max(0, deliveries.length - o.perKind) + Math.max(0, actions.length - o.perKind) + Math.max(0, notifications.length - 2 * o.perKind);
    return {
      fault: o.fault,
      started: handles.length,
      completed: results.filter((r) => r.status === 'fulfilled').length,
      lost: results.filter((r) => r.status === 'rejected').length,
      wrongResults,
      modelRequests: fake.requestCount,
      requestsBeforeFault,
      modelAttemptsInHistory: await modelAttempts(o.client, [...ids, ...childIds]),
      duplicateSideEffects,
      strikeMs,
      recoveryMs,
    };
  } finally {
    await Promise.all(workers.map(stopWorkerProcess));
    await fake.close();
  }
}
