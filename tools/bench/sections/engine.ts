import type { Client } from '@temporalio/client';
import { routeTicket } from '../../../src/workflows';
import { runPool } from '../../eval/pool';
import { cpuProbe } from '../cpu';
import { floorTicket, floorTicketSameShape } from '../floor/workflows';
import { throughput } from '../ratios';

export interface PhaseResult {
  workflows: number;
  failed: number;
  wallMs: number;
  /** CPU ms per process (server, worker, client) over the phase. */
  cpuMs: Record<string, number>;
}

export interface KindFigures {
  workflows: number;
  failed: number;
  workflowsPerS: number;
  /** CPU ms a workflow, per process and in total. */
  cpuMsPerWorkflow: Record<string, number> & { total: number };
}

export interface EngineRun {
  client: Client;
  taskQueue: string;
  /** Processes whose CPU counts: the server and the worker (the bench process is the client). */
  pids: { server: number; worker: number };
  workflows: number;
  concurrency: number;
  rounds: number;
  log: (line: string) => void;
}

const ticket = (tag: string, i: number) => ({ ticketId: `${tag}-${i}`, text: `I was charged twice for invoice ${i}, please fix the bill` });

/** One phase: `n` workflows of one kind at `concurrency`, with the CPU each process spent on them. */
export type Kind = 'floor' | 'sameShape' | 'route';

export async function phase(o: EngineRun, kind: Kind, tag: string): Promise<PhaseResult> {
  const items = Array.from({ length: o.workflows }, (_, i) => i);
  const probe = cpuProbe(o.pids);
  const started = performance.now();
  const results = await runPool(items, o.concurrency, (i) =>
    kind === 'route'
      ? o.client.workflow.execute(routeTicket, { taskQueue: o.taskQueue, workflowId: `${tag}-${i}`, args: [ticket(tag, i)] })
      : o.client.workflow.execute(kind === 'floor' ? floorTicket : floorTicketSameShape, {
          taskQueue: `${o.taskQueue}-floor`,
          workflowId: `${tag}-${i}`,
          args: [ticket(tag, i)],
        }),
  );
  const wallMs = performance.now() - started;
  return { workflows: o.workflows, failed: results.filter((r) => r instanceof Error).length, wallMs, cpuMs: probe.read() };
}

/** Sums phases of one kind into per-workflow figures. */
export function kindFigures(phases: readonly PhaseResult[]): KindFigures {
  const workflows = phases.reduce((s, p) => s + p.workflows, 0);
  const wallMs = phases.reduce((s, p) => s + p.wallMs, 0);
  const cpu: Record<string, number> = {};
  for (const p of phases) for (const [name, ms] of Object.entries(p.cpuMs)) cpu[name] = (cpu[name] ?? 0) + ms;
  const perWorkflow = Object.fromEntries(Object.entries(cpu).map(([name, ms]) => [name, ms / workflows]));
  const total = Object.values(perWorkflow).reduce((a, b) => a + b, 0);
  return {
    workflows,
    failed: phases.reduce((s, p) => s + p.failed, 0),
    workflowsPerS: throughput(workflows, wallMs),
    cpuMsPerWorkflow: { ...perWorkflow, total },
  };
}

/**
 * routeTicket against the engine's floor (and the floor in routeTicket's shape), in the same run on
 * the same server and worker process: alternating phases, so drift in the machine's load hits all.
 */
export async function measureEngine(o: EngineRun) {
  const runId = Date.now().toString(36);
  const kinds: Kind[] = ['floor', 'sameShape', 'route'];
  o.log(`engine: warming up`);
  for (const kind of kinds) await phase({ ...o, workflows: Math.min(50, o.workflows) }, kind, `warm-${kind}-${runId}`);
  const phases: Record<Kind, PhaseResult[]> = { floor: [], sameShape: [], route: [] };
  for (let r = 1; r <= o.rounds; r += 1) {
    o.log(`engine: round ${r} of ${o.rounds}: ${o.workflows} of each (floor, floor in routeTicket's shape, routeTicket) at concurrency ${o.concurrency}`);
    for (const kind of kinds) phases[kind].push(await phase(o, kind, `${kind}-${runId}-${r}`));
  }
  const [floor, sameShape, routeTicket] = kinds.map((k) => kindFigures(phases[k])) as [KindFigures, KindFigures, KindFigures];
  return {
    workflows: o.workflows,
    concurrency: o.concurrency,
    rounds: o.rounds,
    floor,
    sameShapeFloor: sameShape,
    routeTicket,
    cpuVsFloor: routeTicket.cpuMsPerWorkflow.total / floor.cpuMsPerWorkflow.total,
    throughputVsFloor: routeTicket.workflowsPerS / floor.workflowsPerS,
    cpuVsSameShapeFloor: routeTicket.cpuMsPerWorkflow.total / sameShape.cpuMsPerWorkflow.total,
  };
}
