import type { Client } from '@temporalio/client';
import { kindFigures, phase, type KindFigures, type PhaseResult } from './engine';

export interface Target {
  name: string;
  client: Client;
  taskQueue: string;
  pids: { server: number; worker: number };
}

/**
 * routeTicket throughput on each target (dev servers of different kinds, each with its worker
 * process), phases alternating round by round so the machine's drift hits all alike.
 */
export async function measureEmbedded(o: {
  targets: Target[];
  workflows: number;
  concurrency: number;
  rounds: number;
  log: (line: string) => void;
}): Promise<Record<string, KindFigures>> {
  const runId = Date.now().toString(36);
  const phases: Record<string, PhaseResult[]> = {};
  const run = (t: Target, workflows: number, tag: string) => phase({ ...t, workflows, concurrency: o.concurrency, rounds: 1, log: o.log }, 'route', tag);
  for (const t of o.targets) await run(t, Math.min(50, o.workflows), `warm-${t.name}-${runId}`);
  for (let r = 1; r <= o.rounds; r += 1) {
    for (const t of o.targets) {
      o.log(`embedded: round ${r} of ${o.rounds}: ${o.workflows} routeTicket on the ${t.name} server`);
      (phases[t.name] ??= []).push(await run(t, o.workflows, `emb-${t.name}-${runId}-${r}`));
    }
  }
  return Object.fromEntries(Object.entries(phases).map(([name, p]) => [name, kindFigures(p)]));
}
