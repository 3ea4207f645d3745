import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { Scenario } from '../../src/domain/scenario.schema';
import { signalDecision, untilCaseWaits } from '../../src/clients/support-case';
import type { PersonDecision } from '../../src/domain/case';
import { routeTicket, supportCase, troubleshoot } from '../../src/workflows';
import type { RouteTicketResult } from '../../src/workflows/route-ticket/contract';
import type { SupportCaseResult } from '../../src/workflows/support-case/contract';
import type { TroubleshootResult } from '../../src/workflows/troubleshoot/contract';
import type { LabelledTicket } from './dataset';
import { runPool } from './pool';
import { approversWithKeys } from '../approvers';

export type Pattern = 'A' | 'B' | 'C';

export interface EvalRunOptions {
  client: Client;
  taskQueue: string;
  tickets: readonly LabelledTicket[];
  scenarios: readonly Scenario[];
  concurrency: number;
  /** The simulated reviewer's name; must be an approver. */
  reviewer: string;
  onProgress?: (pattern: Pattern, done: number, total: number) => void;
}

export interface Timed<T> {
  ms: number;
  result: T | Error;
}

export interface EvalRun {
  routed: Array<Timed<RouteTicketResult> & { ticket: LabelledTicket }>;
  agent: Array<Timed<TroubleshootResult> & { scenario: Scenario }>;
  cases: Array<Timed<SupportCaseResult> & { kind: 'ticket' | 'scenario'; id: string }>;
}

async function timed<T>(run: () => Promise<T>): Promise<Timed<T>> {
  const started = performance.now();
  try {
    const result = await run();
    return { ms: performance.now() - started, result };
  } catch (err) {
    return { ms: performance.now() - started, result: err instanceof Error ? err : new Error(String(err)) };
  }
}

/**
 * The simulated reviewer of Pattern C, who knows each scenario's answer: approves a recommendation
 * that names the expected root cause, rejects one that does not, and escalates when there is nothing
 * to act on (no recommendation, or a case that needs a person anyway).
 */
export function reviewerDecision(scenario: Pick<Scenario, 'expected'> | undefined, recommendation: string, by: string): PersonDecision {
  if (!scenario || !recommendation.trim() || scenario.expected.outcome !== 'resolved')
    return { kind: 'escalate', by, reason: 'the agent did not find the cause' };
  const text = recommendation.toLowerCase();
  return scenario.expected.rootCauseKeywords.every((k) => text.includes(k.toLowerCase()))
    ? { kind: 'approve', by }
    : { kind: 'reject', by, reason: 'the recommendation misses the cause' };
}

/** Runs every labelled ticket through Pattern A, every scenario through Pattern B, and both through Pattern C. */
export async function runEval(o: EvalRunOptions): Promise<EvalRun> {
  const runId = randomUUID().slice(0, 8);
  const progress = (pattern: Pattern, total: number) => {
    let done = 0;
    o.onProgress?.(pattern, 0, total);
    return () => o.onProgress?.(pattern, (done += 1), total);
  };
  const start = { taskQueue: o.taskQueue };

  const tickA = progress('A', o.tickets.length);
  const routed = await runPool(o.tickets, o.concurrency, async (ticket) => {
    const r = await timed(() =>
      o.client.workflow.execute(routeTicket, { ...start, workflowId: `eval-${runId}-route-${ticket.id}`, args: [{ ticketId: ticket.id, text: ticket.text }] }),
    );
    tickA();
    return { ...r, ticket };
  });

  const tickB = progress('B', o.scenarios.length);
  const agent = await runPool(o.scenarios, o.concurrency, async (scenario) => {
    const r = await timed(() => o.client.workflow.execute(troubleshoot, { ...start, workflowId: `eval-${runId}-agent-${scenario.id}`, args: [{ scenario }] }));
    tickB();
    return { ...r, scenario };
  });

  // Pattern C sees the same work: each scenario as a technical ticket with its system to investigate,
  // and each labelled ticket as it arrives (no system attached, so the workflow routes it).
  const caseInputs = [
    ...o.scenarios.map((scenario) => ({ kind: 'scenario' as const, id: scenario.id, ticket: { text: scenario.goal }, scenario })),
    ...o.tickets.map((t) => ({ kind: 'ticket' as const, id: t.id, ticket: { ticketId: t.id, text: t.text }, scenario: undefined })),
  ];
  const tickC = progress('C', caseInputs.length);
  const reviewer = approversWithKeys([o.reviewer]);
  const cases = await runPool(caseInputs, o.concurrency, async (c) => {
    const r = await timed(async () => {
      const handle = await o.client.workflow.start(supportCase, {
        ...start,
        workflowId: `eval-${runId}-case-${c.kind}-${c.id}`,
        args: [{ ticket: c.ticket, ...(c.scenario && { scenario: c.scenario }), ...reviewer.pinned }],
      });
      const status = await untilCaseWaits(handle, 50);
      if (status.stage === 'awaiting_approval')
        await signalDecision(handle, reviewerDecision(c.scenario, status.pendingApproval?.recommendation ?? '', o.reviewer), reviewer.as(o.reviewer));
      return handle.result();
    });
    tickC();
    return { ...r, kind: c.kind, id: c.id };
  });

  const ok = <T>(items: Array<T | Error>): T[] =>
    items.map((i) => {
      if (i instanceof Error) throw i; // runPool only returns an Error when the bookkeeping itself failed
      return i;
    });
  return { routed: ok(routed), agent: ok(agent), cases: ok(cases) };
}
