import { ms, num } from '../eval/format';
import type { BenchFigures } from './report';

type Target = { op: '≤' | '≥'; value: number };

/** Each figure, its target (from the performance issue) and how to say what it measured. */
const FIGURES: Array<{ key: keyof BenchFigures; label: string; target: Target; show: (v: number) => string }> = [
  { key: 'cpuVsFloor', label: 'CPU a workflow: routeTicket ÷ no-op floor (server + worker + client)', target: { op: '≤', value: 1.1 }, show: (v) => num(v) },
  { key: 'throughputVsFloor', label: 'throughput at concurrency 50: routeTicket ÷ floor', target: { op: '≥', value: 0.9 }, show: (v) => num(v) },
  {
    key: 'embeddedVsMemoryThroughput',
    label: 'throughput: dev server with SQLite file (npm start) ÷ in memory',
    target: { op: '≥', value: 0.9 },
    show: (v) => num(v),
  },
  { key: 'overheadP50VsDirect', label: 'Pattern A p50 through Temporal ÷ direct calls, model at 200 ms', target: { op: '≤', value: 1.2 }, show: (v) => num(v) },
  {
    key: 'agentStepOverheadMsP50',
    label: 'what Temporal adds to an agent step (p50), model at 0 ms',
    target: { op: '≤', value: 40 },
    show: (v) => `${num(v, 1)} ms`,
  },
  {
    key: 'parkedCasesRssMiB',
    label: 'worker RSS with the parked cases waiting, default settings',
    target: { op: '≤', value: 500 },
    show: (v) => `${num(v, 0)} MiB`,
  },
  { key: 'parkedSignalToResultMsP50', label: 'approval signal → result of a parked case (p50)', target: { op: '≤', value: 500 }, show: (v) => ms(v) },
  { key: 'agentHistoryBytesPerStepGrowth', label: 'agent history bytes a step, 50 steps ÷ 5 steps', target: { op: '≤', value: 1.2 }, show: (v) => num(v) },
];

const meets = (v: number, t: Target) => (t.op === '≤' ? v <= t.value : v >= t.value);

/** One row a figure (value, target, ✓ or ✗), then the details behind them: what the terminal and README show. */
export function benchRows(figures: Partial<BenchFigures>, sections: Record<string, unknown>): string[][] {
  const rows = [['figure', 'value', 'target']];
  for (const f of FIGURES) {
    const v = figures[f.key];
    rows.push([
      f.label,
      v === undefined ? 'not measured' : f.show(v),
      `${f.target.op} ${f.target.value}${v === undefined ? '' : meets(v, f.target) ? ' ✓' : ' ✗'}`,
    ]);
  }
  const s = sections as {
    engine?: { floor: Fig; sameShapeFloor: Fig; routeTicket: Fig };
    embedded?: Record<string, Fig>;
    overhead?: { engineP50Ms: number; directP50Ms: number; floor?: { waitP50Ms: number; engineP50Ms: number; ratio: number; allLocalRatio: number } };
    agentStep?: {
      enginePerStepP50Ms: number;
      directPerStepP50Ms: number;
      profile: { workflowTaskQueuedMs: number; workflowTaskRunMs: number; activityQueuedMs: number; activityRunMs: number };
    };
    agentGrowth?: {
      runs: Array<{ steps: number; events: number; bytes: number; ms: number }>;
      longRun: { steps: number; everyStepRecorded: boolean; underWarning: boolean };
    };
    parked?: { cases: number; idleMiB: number; kiBPerCase: number; maxCachedWorkflows: number; signalToResultP95Ms: number };
  };
  const cpu = (f: Fig) =>
    `${num(f.cpuMsPerWorkflow.total, 1)} ms (server ${num(f.cpuMsPerWorkflow.server!, 1)}, worker ${num(f.cpuMsPerWorkflow.worker!, 1)}, client ${num(f.cpuMsPerWorkflow.client!, 1)}), ${num(f.workflowsPerS, 1)}/s`;
  if (s.engine) {
    rows.push(['  no-op floor (2 activities): CPU a workflow, throughput', cpu(s.engine.floor), '']);
    rows.push(["  no-op floor in routeTicket's shape (activity + local activity)", cpu(s.engine.sameShapeFloor), '']);
    rows.push(['  routeTicket: CPU a workflow, throughput', cpu(s.engine.routeTicket), '']);
  }
  for (const [name, f] of Object.entries(s.embedded ?? {})) rows.push([`  routeTicket on the ${name} dev server`, cpu(f), '']);
  if (s.overhead) rows.push(['  Pattern A p50: through Temporal, direct', `${ms(s.overhead.engineP50Ms)}, ${ms(s.overhead.directP50Ms)}`, '']);
  const f = s.overhead?.floor;
  if (f) {
    rows.push([
      '  the floor at the same latency: no-op workflow whose activity waits, ÷ the wait',
      `${num(f.ratio)} (${ms(f.engineP50Ms)} ÷ ${ms(f.waitP50Ms)})`,
      '',
    ]);
    rows.push(['  the same floor with that activity local (one workflow task)', num(f.allLocalRatio), '']);
  }
  if (s.agentStep) {
    const p = s.agentStep.profile;
    rows.push(['  agent step p50: through Temporal, direct', `${num(s.agentStep.enginePerStepP50Ms, 1)} ms, ${num(s.agentStep.directPerStepP50Ms, 2)} ms`, '']);
    rows.push([
      '  where a step goes (server timestamps, mean)',
      `workflow task queued ${num(p.workflowTaskQueuedMs, 1)} + run ${num(p.workflowTaskRunMs, 1)} ms; activity queued ${num(p.activityQueuedMs, 1)} + run ${num(p.activityRunMs, 1)} ms`,
      '',
    ]);
  }
  for (const r of s.agentGrowth?.runs ?? [])
    rows.push([
      `  agent run of ${r.steps} steps`,
      `${ms(r.ms)}, ${r.events} events, ${num(r.bytes / 1024, 1)} KiB (${num(r.bytes / r.steps, 0)} B a step)`,
      '',
    ]);
  if (s.agentGrowth)
    rows.push([
      `  the ${s.agentGrowth.longRun.steps}-step run`,
      `${s.agentGrowth.longRun.everyStepRecorded ? 'every step in history' : 'STEPS MISSING'}, ${s.agentGrowth.longRun.underWarning ? 'under' : 'OVER'} the server's warning levels`,
      '',
    ]);
  if (s.parked)
    rows.push([
      `  parked: ${s.parked.cases} cases, cache ${s.parked.maxCachedWorkflows}`,
      `idle ${num(s.parked.idleMiB, 0)} MiB + ${num(s.parked.kiBPerCase, 0)} KiB a case; p95 ${ms(s.parked.signalToResultP95Ms)}`,
      '',
    ]);
  return rows;
}

interface Fig {
  workflowsPerS: number;
  cpuMsPerWorkflow: Record<string, number> & { total: number };
}
