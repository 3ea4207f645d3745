/**
 * `npm run bench`: what the engine costs this project, measured against the engine's own floor and
 * against direct calls, each ratio from one run, on dev servers of its own (loopback, stopped at
 * the end). Writes reports/bench.json after every section (a killed run keeps what it measured),
 * then reports/bench.md. `--quick` runs small sizes in a few minutes and still fills every figure.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installQuietRuntime } from '../../src/runtime';
import { bundleWorkflows } from '../../src/workflow-bundle';
import { Command } from 'commander';
import { wholeNumber } from '../cli-args';
import { FileOutbox } from '../../src/activities/outbox';
import { createActivities } from '../../src/activities';
import { loadSettings } from '../../src/config';
import { OpenAIProvider } from '../../src/model/openai-provider';
import { createWorker } from '../../src/worker';
import { startLocalServer, type LocalServer } from '../dev/local-server';
import { workerProcess } from '../dev/worker-process';
import { machineInfo } from '../eval/summarize';
import { markdownTable, textTable } from '../eval/format';
import { startFakeOpenAI } from '../fake-openai/server';
import { startBenchWorker, type BenchWorker } from './bench-worker';
import { benchRows } from './rows';
import { raisedLimitsBundle } from './raised-limits-bundle';
import { BenchReport } from './report';
import { BenchModelProvider } from './bench-model-provider';
import { measureAgentGrowth, measureAgentStep } from './sections/agent';
import { measureEmbedded } from './sections/embedded';
import { measureEngine } from './sections/engine';
import { measureOverhead } from './sections/overhead';
import { measureParked } from './sections/parked';

export interface BenchSizes {
  engine: { workflows: number; rounds: number };
  embedded: { workflows: number; rounds: number; withoutPragmas: boolean };
  overheadSamples: number;
  agentSamples: number;
  growthSteps: number[];
  longRunSteps: number;
  parked: { cases: number; approvals: number };
}

const FULL: BenchSizes = {
  engine: { workflows: 300, rounds: 3 },
  embedded: { workflows: 300, rounds: 2, withoutPragmas: true },
  overheadSamples: 40,
  agentSamples: 20,
  growthSteps: [5, 50],
  longRunSteps: 200,
  parked: { cases: 1000, approvals: 30 },
};
// The same figures from smaller runs: a smoke run of a few minutes (the long agent run stays whole).
const QUICK: BenchSizes = {
  ...FULL,
  engine: { workflows: 100, rounds: 2 },
  embedded: { workflows: 100, rounds: 1, withoutPragmas: false },
  overheadSamples: 8,
  agentSamples: 4,
  parked: { cases: 150, approvals: 10 },
};

const int = wholeNumber(1);

async function main(): Promise<void> {
  const o = new Command('bench')
    .description(
      'Engine figures: routeTicket against a no-op floor workflow (CPU per process from /proc, throughput), the SQLite\n' +
        'dev server against the in-memory one, Pattern A latency against direct calls at a 200 ms model, an agent step at a\n' +
        '0 ms model, parked cases (worker memory, approval latency) and long agent runs. Starts its own dev servers.',
    )
    .option('--quick', 'small sizes: a smoke run of a few minutes that still fills every figure')
    .option('--latency <ms>', 'fake model latency for the overhead figure', int, 200)
    .option('--parked <n>', 'cases waiting for approval in the memory figure', int)
    .option('--out <dir>', 'where bench.json and bench.md go', 'reports')
    .parse()
    .opts<{ quick?: boolean; latency: number; parked?: number; out: string }>();
  const sizes: BenchSizes = { ...(o.quick ? QUICK : FULL) };
  if (o.parked) sizes.parked = { ...sizes.parked, cases: o.parked };
  installQuietRuntime('ERROR');
  const log = (line: string) => console.error(`bench: ${line}`);
  const name = o.quick ? 'bench-quick' : 'bench';
  const started = new Date();
  const report = new BenchReport(join(o.out, `${name}.json`), {
    ranAt: started.toISOString(),
    machine: machineInfo(),
    quick: Boolean(o.quick),
    sizes,
    modelLatencyMs: o.latency,
  });

  const work = mkdtempSync(join(tmpdir(), 'switchboard-bench-'));
  const servers: LocalServer[] = [];
  const workers: BenchWorker[] = [];
  const stops: Array<() => Promise<void>> = [];
  const server = async (options: Omit<Parameters<typeof startLocalServer>[0], 'maxLifetimeSeconds'>) => {
    const s = await startLocalServer({ ...options, maxLifetimeSeconds: 3_600 });
    servers.push(s);
    return s;
  };
  // One pre-built bundle for every worker process: bundling at each start would cost minutes of the run.
  const bundleFile = join(work, 'workflow-bundle.js');
  writeFileSync(bundleFile, (await bundleWorkflows()).code);
  const workerEnv = (s: LocalServer, taskQueue: string, extra: Record<string, string> = {}) => ({
    TEMPORAL_ADDRESS: s.address,
    TASK_QUEUE: taskQueue,
    MODEL_PROVIDER: 'offline',
    OUTBOX_DIR: join(work, taskQueue),
    WORKFLOW_BUNDLE: bundleFile,
    ...extra,
  });
  const benchWorker = async (s: LocalServer, taskQueue: string, extra: Record<string, string> = {}) => {
    const w = await startBenchWorker(workerEnv(s, taskQueue, extra), log);
    workers.push(w);
    return w;
  };

  try {
    const memory = await server({ inMemory: true });

    log('engine: routeTicket against the no-op floor');
    const engineWorker = await benchWorker(memory, 'bench-engine');
    const engine = await measureEngine({
      client: memory.client,
      taskQueue: 'bench-engine',
      pids: { server: memory.server.process.pid!, worker: engineWorker.pid },
      workflows: sizes.engine.workflows,
      concurrency: 50,
      rounds: sizes.engine.rounds,
      log,
    });
    report.section('engine', engine, { cpuVsFloor: engine.cpuVsFloor, throughputVsFloor: engine.throughputVsFloor });

    log('embedded: the dev server with its SQLite file (as npm start runs it) against the in-memory one, each fresh');
    for (const w of workers.splice(0)) await w.stop();
    const target = async (name: string, s: LocalServer, taskQueue: string) => ({
      name,
      client: s.client,
      taskQueue,
      pids: { server: s.server.process.pid!, worker: (await benchWorker(s, taskQueue)).pid },
    });
    const targets = [await target('memory', await server({ inMemory: true }), 'bench-memory'), await target('sqlite', await server({}), 'bench-sqlite')];
    if (sizes.embedded.withoutPragmas) targets.push(await target('sqlite without pragmas', await server({ sqlitePragmas: [] }), 'bench-plain'));
    const embedded = await measureEmbedded({ targets, workflows: sizes.embedded.workflows, concurrency: 50, rounds: sizes.embedded.rounds, log });
    report.section('embedded', embedded, { embeddedVsMemoryThroughput: embedded.sqlite!.workflowsPerS / embedded.memory!.workflowsPerS });
    for (const w of workers.splice(0)) await w.stop();

    log(`overhead: Pattern A latency at a ${o.latency} ms model`);
    const fake = await startFakeOpenAI({ latencyMs: o.latency });
    stops.push(() => fake.close());
    const openai = { MODEL_PROVIDER: 'openai', OPENAI_API_KEY: 'sk-bench', OPENAI_BASE_URL: fake.baseURL };
    await benchWorker(memory, 'bench-overhead', openai);
    const outbox = new FileOutbox(join(work, 'direct'));
    const modelActivities = createActivities({
      provider: new OpenAIProvider({ apiKey: 'sk-bench', model: 'gpt-5.4-mini', baseURL: fake.baseURL, timeoutMs: 30_000 }),
      outbox,
    });
    const overhead = await measureOverhead({
      client: memory.client,
      taskQueue: 'bench-overhead',
      activities: modelActivities,
      samples: sizes.overheadSamples,
      latencyMs: o.latency,
      log,
    });
    report.section('overhead', overhead, { overheadP50VsDirect: overhead.ratio });
    for (const w of workers.splice(0)) await w.stop();

    log('agent: steps at a 0 ms model, and long runs (limits raised for the bench)');
    const agentActivities = createActivities({ provider: new BenchModelProvider(), outbox });
    const agentWorker = await createWorker({
      settings: loadSettings({}),
      connection: memory.nativeConnection,
      taskQueue: 'bench-agent',
      activities: agentActivities,
      workflowBundle: await raisedLimitsBundle(),
    });
    const runner = { client: memory.client, taskQueue: 'bench-agent', activities: agentActivities, log };
    await agentWorker.runUntil(async () => {
      const step = await measureAgentStep({ ...runner, samples: sizes.agentSamples });
      report.section('agentStep', step, { agentStepOverheadMsP50: step.overheadPerStepP50Ms });
      const growth = await measureAgentGrowth({ ...runner, steps: sizes.growthSteps, longRun: sizes.longRunSteps });
      report.section('agentGrowth', growth, { agentHistoryBytesPerStepGrowth: growth.bytesPerStepGrowth });
    });

    log(`parked: ${sizes.parked.cases} cases waiting for approval on a worker with default settings`);
    const parkedWorker = workerProcess({ ...workerEnv(memory, 'bench-parked'), LOG_LEVEL: 'ERROR' }, log);
    stops.push(async () => void parkedWorker.kill('SIGKILL'));
    const parked = await measureParked({
      client: memory.client,
      taskQueue: 'bench-parked',
      workerPid: parkedWorker.pid!,
      cases: sizes.parked.cases,
      approvals: sizes.parked.approvals,
      log,
    });
    report.section(
      'parked',
      { ...parked, maxCachedWorkflows: loadSettings({}).WORKER_MAX_CACHED_WORKFLOWS },
      { parkedCasesRssMiB: parked.parkedMiB, parkedSignalToResultMsP50: parked.signalToResultP50Ms },
    );

    report.finish({ durationS: (Date.now() - started.getTime()) / 1000 });
    const rows = benchRows(report.figures, report.sections);
    const m = machineInfo();
    const where = `${m.cores} × ${m.cpu}, ${m.memoryGiB} GiB, Node ${m.node}, ${started.toISOString()}${o.quick ? ', --quick sizes' : ''}`;
    console.log(`\n${where}\n\n${textTable(rows)}\n`);
    writeFileSync(join(o.out, `${name}.md`), `# Bench\n\n${where}. Made by \`npm run bench${o.quick ? ' -- --quick' : ''}\`.\n\n${markdownTable(rows)}\n`);
    console.log(`wrote ${join(o.out, `${name}.json`)} and ${join(o.out, `${name}.md`)}`);
  } finally {
    for (const w of workers) await w.stop();
    for (const stop of stops) await stop();
    for (const s of servers) await s.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
