import type { Client } from '@temporalio/client';
import { routeTicket, supportCase, troubleshoot } from '../../src/workflows';
import type { Activities } from '../../src/activities';
import { workerProcess } from '../dev/worker-process';
import { percentile } from '../eval/metrics';
import { runPool } from '../eval/pool';
import { loadScenario } from '../../src/scenarios';
import { directAgent, directRoute } from './direct';
import { historySize, taskTimings } from './history-size';
import { growthFactor, growthVerdict, overheadRatio, stepsUntilHistoryWarning, throughput } from './ratios';
import { rssMiB } from './worker-rss';

export interface BenchSizes {
  samples: number;
  tickets: number;
  concurrency: number[];
  sequentialTickets: number;
  openCases: number;
  growthTickets: number[];
  agentSteps: number[];
}

export interface BenchContext {
  client: Client;
  address: string;
  /** Queue served by a worker whose model is the fake server at the bench latency. */
  modelQueue: string;
  /** Queue served by a worker with the 0 ms scripted agent. */
  agentQueue: string;
  /** The activities behind modelQueue, for the direct baselines. */
  modelActivities: Activities;
  agentActivities: Activities;
  sizes: BenchSizes;
  log: (line: string) => void;
}

const elapsed = async (run: () => Promise<unknown>) => {
  const t0 = performance.now();
  await run();
  return performance.now() - t0;
};
const ticket = (i: number, tag: string) => ({ ticketId: `${tag}-${i}`, text: `I was charged twice for invoice ${i}, please fix the bill` });
const failures = (results: unknown[]) => results.filter((r) => r instanceof Error).length;

export async function runBench(c: BenchContext) {
  let seq = 0;
  const runId = Date.now().toString(36);
  const viaTemporal = (t: { ticketId: string; text: string }) =>
    c.client.workflow.execute(routeTicket, { taskQueue: c.modelQueue, workflowId: `bench-${runId}-${(seq += 1)}`, args: [t] });
  const direct = directRoute(c.modelActivities);

  c.log('overhead: Pattern A one at a time, engine and direct interleaved');
  const engineMs: number[] = [];
  const directMs: number[] = [];
  for (let i = 0; i < c.sizes.samples; i += 1) {
    directMs.push(await elapsed(() => direct(ticket(i, `ovh-d-${runId}`))));
    engineMs.push(await elapsed(() => viaTemporal(ticket(i, 'ovh'))));
  }
  const overhead = { engineP50Ms: percentile(engineMs, 50), directP50Ms: percentile(directMs, 50), engineP95Ms: percentile(engineMs, 95), directP95Ms: percentile(directMs, 95) };
  const overheadFigures = { ...overhead, ratio: overheadRatio(overhead.engineP50Ms, overhead.directP50Ms), target: 1.15 };

  const throughputRows = [];
  for (const concurrency of c.sizes.concurrency) {
    c.log(`throughput: ${c.sizes.tickets} tickets at concurrency ${concurrency}`);
    const items = Array.from({ length: c.sizes.tickets }, (_, i) => i);
    let directFailed = 0;
    let engineFailed = 0;
    const directMsTotal = await elapsed(async () => (directFailed = failures(await runPool(items, concurrency, (i) => direct(ticket(i, `tp-d-${runId}-${concurrency}`))))));
    const engineMsTotal = await elapsed(async () => (engineFailed = failures(await runPool(items, concurrency, (i) => viaTemporal(ticket(i, 'tp'))))));
    const engine = throughput(c.sizes.tickets, engineMsTotal);
    const plain = throughput(c.sizes.tickets, directMsTotal);
    throughputRows.push({ concurrency, engineTicketsPerS: engine, directTicketsPerS: plain, ratio: engine / plain, engineFailed, directFailed });
  }

  c.log(`sequential (one ticket after another, as the source material does) vs this project, ${c.sizes.sequentialTickets} tickets`);
  const seqItems = Array.from({ length: c.sizes.sequentialTickets }, (_, i) => i);
  const sequentialMs = await elapsed(async () => {
    for (const i of seqItems) await direct(ticket(i, `seq-${runId}`));
  });
  const projectMs = await elapsed(() => runPool(seqItems, c.sizes.sequentialTickets, (i) => viaTemporal(ticket(i, 'proj'))));
  const sequential = { tickets: c.sizes.sequentialTickets, sequentialMs, projectMs, timesFaster: sequentialMs / projectMs };

  c.log('agent: per-step overhead of a 5-step loop with a 0 ms model');
  const scenario = loadScenario('payment-after-deploy');
  const runAgent = (steps: number, id: string) =>
    c.client.workflow.execute(troubleshoot, { taskQueue: c.agentQueue, workflowId: id, args: [{ scenario, maxSteps: steps, maxConsecutiveRejections: steps }] });
  const directLoop = directAgent(c.agentActivities);
  const enginePerStep: number[] = [];
  const directPerStep: number[] = [];
  for (let i = 0; i < c.sizes.samples; i += 1) {
    enginePerStep.push((await elapsed(() => runAgent(5, `bench-agent-${runId}-${i}`))) / 5);
    directPerStep.push((await elapsed(() => directLoop(scenario, 5))) / 5);
  }
  const agentProfile = await taskTimings(c.client, `bench-agent-${runId}-${c.sizes.samples - 1}`);
  const agent = { steps: 5, profile: agentProfile, enginePerStepP50Ms: percentile(enginePerStep, 50), directPerStepP50Ms: percentile(directPerStep, 50), overheadPerStepP50Ms: percentile(enginePerStep, 50) - percentile(directPerStep, 50) };

  c.log('growth: tickets');
  const ticketGrowth = [];
  for (const n of c.sizes.growthTickets) {
    const start = seq;
    const items = Array.from({ length: n }, (_, i) => i);
    const ms = await elapsed(() => runPool(items, 200, (i) => viaTemporal(ticket(i, `g${n}`))));
    const sample = await historySize(c.client, `bench-${runId}-${start + 1}`);
    ticketGrowth.push({ tickets: n, ms, ticketsPerS: throughput(n, ms), historyBytesPerTicket: sample.bytes, historyEventsPerTicket: sample.events });
  }
  const ticketFactor = growthFactor(ticketGrowth.map((g) => ({ size: g.tickets, value: g.ms })));

  c.log('growth: agent runs');
  const agentGrowth = [];
  for (const steps of c.sizes.agentSteps) {
    const id = `bench-agent-growth-${runId}-${steps}`;
    const ms = await elapsed(() => runAgent(steps, id));
    agentGrowth.push({ steps, ms, ...(await historySize(c.client, id)) });
  }
  const agentTimeFactor = growthFactor(agentGrowth.map((g) => ({ size: g.steps, value: g.ms })));
  const agentBytesFactor = growthFactor(agentGrowth.map((g) => ({ size: g.steps, value: g.bytes })));

  c.log(`memory: worker process with ${c.sizes.openCases} cases waiting for approval`);
  const memory = await measureWaitingCases(c, runId);

  return {
    overhead: overheadFigures,
    throughput: throughputRows,
    sequential,
    agent,
    growth: {
      tickets: { runs: ticketGrowth, perTicketTimeFactor: ticketFactor, verdict: growthVerdict(ticketFactor) },
      agent: {
        runs: agentGrowth,
        perStepTimeFactor: agentTimeFactor,
        timeVerdict: growthVerdict(agentTimeFactor),
        perStepBytesFactor: agentBytesFactor,
        bytesVerdict: growthVerdict(agentBytesFactor),
        continueAsNewBeforeSteps: agentGrowth.length >= 3 ? stepsUntilHistoryWarning(agentGrowth) : null,
      },
    },
    memory,
  };
}

/** RSS of a separate worker process, idle and then with `openCases` hybrid cases waiting for a person. */
async function measureWaitingCases(c: BenchContext, runId: string) {
  const taskQueue = `bench-rss-${runId}`;
  const worker = workerProcess({ TEMPORAL_ADDRESS: c.address, TASK_QUEUE: taskQueue, MODEL_PROVIDER: 'offline', LOG_LEVEL: 'ERROR', OUTBOX_DIR: `/tmp/switchboard-bench-${runId}` }, c.log);
  try {
    const scenario = loadScenario('payment-after-deploy');
    // Warm: one case through to approval, so bundle, caches and connections are in place.
    const warm = await c.client.workflow.start(supportCase, { taskQueue, workflowId: `rss-${runId}-warm`, args: [{ ticket: { text: 'Checkout API fails with error 500' }, scenario, approvers: ['nobody'] }] });
    await waitForWaiting(c.client, taskQueue, 1);
    await warm.terminate('bench warm-up');
    await new Promise((r) => setTimeout(r, 2_000));
    const idleMiB = rssMiB(worker.pid!);
    const ids = Array.from({ length: c.sizes.openCases }, (_, i) => `rss-${runId}-${i}`);
    await runPool(ids, 50, (workflowId) =>
      c.client.workflow.start(supportCase, { taskQueue, workflowId, args: [{ ticket: { text: 'Checkout API fails with error 500 since the deployment' }, scenario, approvers: ['nobody'] }] }),
    );
    await waitForWaiting(c.client, taskQueue, c.sizes.openCases);
    const openMiB = rssMiB(worker.pid!);
    return { openCases: c.sizes.openCases, idleMiB, openMiB, kiBPerOpenCase: ((openMiB - idleMiB) * 1024) / c.sizes.openCases, maxCachedWorkflows: 1000 };
  } finally {
    worker.kill('SIGKILL');
  }
}

async function waitForWaiting(client: Client, taskQueue: string, n: number): Promise<void> {
  const deadline = Date.now() + 600_000;
  for (;;) {
    const { count } = await client.workflow.count(`TaskQueue = "${taskQueue}" AND CaseStatus = "AwaitingApproval"`);
    if (count >= n) return;
    if (Date.now() > deadline) throw new Error(`only ${count} of ${n} cases reached approval in 10 minutes`);
    await new Promise((r) => setTimeout(r, 1_000));
  }
}
