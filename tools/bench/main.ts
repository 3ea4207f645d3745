import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { Command, InvalidArgumentError } from 'commander';
import { FileOutbox } from '../../src/activities/outbox';
import { createActivities } from '../../src/activities';
import { loadSettings } from '../../src/config';
import { startLocalServer } from '../dev/local-server';
import { machineInfo } from '../eval/summarize';
import { markdownTable, ms, num, textTable } from '../eval/format';
import { startFakeOpenAI } from '../fake-openai/server';
import { OpenAIProvider } from '../../src/model/openai-provider';
import { createWorker } from '../../src/worker';
import { WorkerGroup } from '../../src/worker-group';
import { runBench, type BenchSizes } from './run-bench';
import { ScriptedAgentProvider } from './scripted-agent-provider';

const int = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('must be a whole number');
  return n;
};
const ints = (value: string) => value.split(',').map(int);

const FULL: BenchSizes = { samples: 40, tickets: 2000, concurrency: [10, 50, 200], sequentialTickets: 200, openCases: 1000, growthTickets: [100, 1000, 5000], agentSteps: [5, 20, 50] };
const QUICK: BenchSizes = { samples: 10, tickets: 200, concurrency: [10, 50], sequentialTickets: 20, openCases: 100, growthTickets: [50, 200, 500], agentSteps: [5, 20, 50] };

type Results = Awaited<ReturnType<typeof runBench>>;

/** The figures as rows: what the terminal and README show. */
export function benchRows(r: Results): string[][] {
  const rows = [
    ['figure', 'value', 'target'],
    ['overhead: Pattern A p50 via Temporal ÷ direct', `${num(r.overhead.ratio)} (${ms(r.overhead.engineP50Ms)} vs ${ms(r.overhead.directP50Ms)})`, `≤ ${r.overhead.target} ${r.overhead.ratio <= r.overhead.target ? '✓' : '✗'}`],
    ...r.throughput.map((t) => [
      `throughput at concurrency ${t.concurrency}: Temporal ÷ promise pool`,
      `${num(t.ratio)} (${num(t.engineTicketsPerS, 1)} vs ${num(t.directTicketsPerS, 1)} tickets/s)`,
      t.concurrency === 50 ? `≥ 0.7 ${t.ratio >= 0.7 ? '✓' : '✗'}` : '',
    ]),
    [`agent: per-step overhead, 5 steps, 0 ms model (p50)`, `${num(r.agent.overheadPerStepP50Ms, 1)} ms (${num(r.agent.enginePerStepP50Ms, 1)} vs ${num(r.agent.directPerStepP50Ms, 2)} ms a step)`, ''],
    [
      'where an agent step goes (server timestamps, mean)',
      `workflow task queued ${num(r.agent.profile.workflowTaskQueuedMs, 1)} + run ${num(r.agent.profile.workflowTaskRunMs, 1)} ms; activity queued ${num(r.agent.profile.activityQueuedMs, 1)} + run ${num(r.agent.profile.activityRunMs, 1)} ms`,
      '',
    ],
    [`sequential vs this project, ${r.sequential.tickets} tickets`, `${num(r.sequential.timesFaster, 1)}× faster (${ms(r.sequential.sequentialMs)} vs ${ms(r.sequential.projectMs)})`, ''],
    [`worker RSS, ${r.memory.openCases} cases waiting for approval`, `${num(r.memory.openMiB, 0)} MiB (idle ${num(r.memory.idleMiB, 0)} MiB; ${num(r.memory.kiBPerOpenCase, 1)} KiB a case)`, ''],
    ...r.growth.tickets.runs.map((g) => [`growth: ${g.tickets} tickets (concurrency 200)`, `${ms(g.ms)}, ${num(g.ticketsPerS, 1)}/s, ${g.historyEventsPerTicket} events / ${(g.historyBytesPerTicket / 1024).toFixed(1)} KiB a history`, '']),
    ['growth: tickets, time per ticket largest ÷ smallest', `${num(r.growth.tickets.perTicketTimeFactor)} (${r.growth.tickets.verdict})`, ''],
    ...r.growth.agent.runs.map((g) => [`growth: agent run of ${g.steps} steps`, `${ms(g.ms)}, ${g.events} events, ${(g.bytes / 1024).toFixed(1)} KiB history`, '']),
    ['growth: agent, history bytes per step largest ÷ smallest', `${num(r.growth.agent.perStepBytesFactor)} (${r.growth.agent.bytesVerdict}: the transcript is resent each step)`, ''],
    ['agent run should continue-as-new before', r.growth.agent.continueAsNewBeforeSteps === null ? '–' : `${r.growth.agent.continueAsNewBeforeSteps} steps (server warns at 10,240 events or 10 MiB)`, ''],
  ];
  return rows;
}

async function main(): Promise<void> {
  const program = new Command('bench')
    .description('Engine figures: Pattern A through Temporal vs the same activities called directly, with the fake model at a fixed latency. Starts its own Temporal dev server; writes <out>/bench.json and bench.md.')
    .option('--latency <ms>', 'fake model latency', int, 200)
    .option('--quick', 'small sizes, for a smoke run (a few minutes)')
    .option('--sqlite', 'dev server state in a SQLite file, as npm start keeps it (default: in memory)')
    .option('--tickets <n>', 'tickets per throughput run', int)
    .option('--concurrency <list>', 'throughput concurrency levels', ints)
    .option('--open-cases <n>', 'waiting cases for the memory figure', int)
    .option('--growth <list>', 'ticket counts for the growth figure', ints)
    .option('--out <dir>', 'where bench.json and bench.md go', 'reports')
    .parse();
  const o = program.opts<{ latency: number; quick?: boolean; sqlite?: boolean; tickets?: number; concurrency?: number[]; openCases?: number; growth?: number[]; out: string }>();
  const base = o.quick ? QUICK : FULL;
  const sizes: BenchSizes = { ...base, ...(o.tickets && { tickets: o.tickets }), ...(o.concurrency && { concurrency: o.concurrency }), ...(o.openCases && { openCases: o.openCases }), ...(o.growth && { growthTickets: o.growth }) };
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const log = (line: string) => console.error(`bench: ${line}`);

  // Worker options for throughput: enough activity slots that the model's latency, not the slot
  // count, is what limits; these are recorded in the JSON.
  const settings = loadSettings({ WORKER_MAX_CONCURRENT_ACTIVITIES: '1000', WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: '100', LOG_LEVEL: 'ERROR' });
  const fake = await startFakeOpenAI({ latencyMs: o.latency });
  // In memory by default: the figures are the engine's, not this machine's disk (--sqlite for those).
  const local = await startLocalServer({ maxLifetimeSeconds: 3_600, inMemory: !o.sqlite });
  const outbox = new FileOutbox(join(tmpdir(), `switchboard-bench-${Date.now()}`));
  const modelActivities = createActivities({ provider: new OpenAIProvider({ apiKey: 'sk-bench', model: 'gpt-5.4-mini', baseURL: fake.baseURL, timeoutMs: 30_000 }), outbox });
  const agentActivities = createActivities({ provider: new ScriptedAgentProvider(), outbox });
  const runId = Date.now().toString(36);
  const [modelQueue, agentQueue] = [`bench-model-${runId}`, `bench-agent-${runId}`];
  try {
    const workers = new WorkerGroup([
      ...(await createWorker({ settings, connection: local.nativeConnection, taskQueue: modelQueue, activities: modelActivities })).workers,
      ...(await createWorker({ settings, connection: local.nativeConnection, taskQueue: agentQueue, activities: agentActivities })).workers,
    ]);
    log(`latency ${o.latency} ms; sizes ${JSON.stringify(sizes)}`);
    const started = Date.now();
    const results = await workers.runUntil(() => runBench({ client: local.client, address: local.address, modelQueue, agentQueue, modelActivities, agentActivities, sizes, log }));
    const report = {
      ranAt: new Date(started).toISOString(),
      durationS: (Date.now() - started) / 1000,
      machine: machineInfo(),
      latencyMs: o.latency,
      server: o.sqlite ? 'dev server, SQLite file' : 'dev server, in memory',
      sizes,
      worker: { maxConcurrentActivities: settings.WORKER_MAX_CONCURRENT_ACTIVITIES, maxConcurrentWorkflowTasks: settings.WORKER_MAX_CONCURRENT_WORKFLOW_TASKS, maxCachedWorkflows: settings.WORKER_MAX_CACHED_WORKFLOWS },
      ...results,
    };
    const rows = benchRows(results);
    const m = report.machine;
    const where = `${m.cores} × ${m.cpu}, ${m.memoryGiB} GiB, Node ${m.node}, ${report.ranAt}, fake model at ${o.latency} ms, ${report.server}${o.quick ? ', --quick sizes' : ''}`;
    console.log(`\n${where}\n\n${textTable(rows)}\n`);
    mkdirSync(o.out, { recursive: true });
    const name = o.quick ? 'bench-quick' : 'bench';
    writeFileSync(join(o.out, `${name}.json`), `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(join(o.out, `${name}.md`), `# Bench\n\n${where}. Made by \`npm run bench\`.\n\n${markdownTable(rows)}\n`);
    console.log(`wrote ${join(o.out, `${name}.json`)} and ${join(o.out, `${name}.md`)}`);
  } finally {
    await local.close();
    await fake.close();
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.stack : err);
    process.exit(1);
  });
}
