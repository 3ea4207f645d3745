import { cpus, totalmem } from 'node:os';
import { TicketCategory } from '../../src/domain/ticket.schema';
import type { Usage } from '../../src/domain/usage';
import { scoreAgentRun, summarizeAgent, type AgentRunScore, type AgentSummary } from './agent-metrics';
import { LIMITS } from '../../src/domain/limits';
import { TicketTag } from './dataset';
import { summarizeHybrid, type HybridSummary } from './hybrid-metrics';
import { costUsd, distribution, rate, scoreClassification, type ClassificationScore, type Distribution } from './metrics';
import { priceOf, type PriceTable } from '../../src/model/prices';
import type { EvalRun, Timed } from './run-eval';
import { scoreTickets, type TicketScore } from './ticket-metrics';

export interface Spend {
  tokensPerTask: number;
  costPerTaskUsd: number;
}

export interface EvalReport {
  meta: { provider: string; models: string[]; concurrency: number; startedAt: string; durationS: number; machine: MachineInfo; ticketsFile?: string };
  workflow: ClassificationScore &
    Spend & {
      tasks: number;
      priorityAccuracy: number;
      /** Runs that failed, or whose classification fell back because the model's answer could not be used. */
      failureRate: number;
      reviewRate: number;
      latencyMs: Distribution;
      accuracyByTag: Record<string, { n: number; accuracy: number }>;
      /** The same runs per language and per category, the confusion matrix and the confidence split. */
      tickets: TicketScore;
      errors: string[];
    };
  /** The offline classifier's k-fold cross-validation on its training tickets (offline runs only). */
  crossValidation?: { file: string; folds: number; score: TicketScore };
  agent: AgentSummary & Spend & { latencyMs: Distribution; failureRate: number; runs: number; perScenario: AgentRunScore[]; errors: string[] };
  hybrid: HybridSummary & Spend & { latencyMs: Distribution; failureRate: number; errors: string[] };
}

export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  platform: string;
}

export function machineInfo(): MachineInfo {
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  };
}

const succeeded = <T>(items: ReadonlyArray<Timed<T>>): T[] => items.flatMap((i) => (i.result instanceof Error ? [] : [i.result]));
const errorsOf = <T>(items: ReadonlyArray<Timed<T> & { id?: string }>): string[] => items.flatMap((i) => (i.result instanceof Error ? [i.result.message] : []));

function spend(results: ReadonlyArray<{ usage: Usage; model?: string }>, prices: PriceTable, tasks: number): Spend {
  const tokens = results.reduce((s, r) => s + r.usage.totalTokens, 0);
  const cost = results.reduce((s, r) => s + (r.model && r.model !== 'none' ? costUsd(r.usage, priceOf(prices, r.model)) : 0), 0);
  return { tokensPerTask: rate(tokens, tasks), costPerTaskUsd: rate(cost, tasks) };
}

/** Every figure of the eval from the raw runs: what the table, the JSON and the report show. */
export function summarizeEval(
  run: EvalRun,
  o: {
    provider: string;
    concurrency: number;
    prices: PriceTable;
    startedAt: Date;
    durationS: number;
    ticketsFile?: string;
    crossValidation?: EvalReport['crossValidation'];
  },
): EvalReport {
  // Pattern A
  const routedOk = run.routed.filter((r) => !(r.result instanceof Error));
  const predicted = routedOk.map((r) => r.result as Exclude<typeof r.result, Error>);
  const classification = scoreClassification(
    routedOk.map((r) => r.ticket.category),
    predicted.map((p) => p.category),
    TicketCategory.options,
  );
  const accuracyByTag: Record<string, { n: number; accuracy: number }> = {};
  for (const tag of TicketTag.options) {
    const tagged = routedOk.filter((r) => r.ticket.tags.includes(tag));
    if (tagged.length)
      accuracyByTag[tag] = {
        n: tagged.length,
        accuracy: rate(tagged.filter((r) => (r.result as { category: string }).category === r.ticket.category).length, tagged.length),
      };
  }
  const workflowFailures = run.routed.length - routedOk.length + predicted.filter((p) => p.classificationFailure).length;

  // Pattern B
  const agentOk = run.agent.filter((r) => !(r.result instanceof Error));
  const perScenario = agentOk.map((r) => scoreAgentRun(r.scenario, r.result as Exclude<typeof r.result, Error>));

  // Pattern C
  const cases = succeeded(run.cases);

  const models = [...new Set([...predicted.map((p) => p.model), ...succeeded(run.agent).map((a) => a.model)])].filter((m) => m !== 'none');
  return {
    meta: {
      provider: o.provider,
      models,
      concurrency: o.concurrency,
      startedAt: o.startedAt.toISOString(),
      durationS: o.durationS,
      machine: machineInfo(),
      ...(o.ticketsFile && { ticketsFile: o.ticketsFile }),
    },
    workflow: {
      tasks: run.routed.length,
      ...classification,
      priorityAccuracy: rate(routedOk.filter((r) => (r.result as { priority: string }).priority === r.ticket.priority).length, routedOk.length),
      failureRate: rate(workflowFailures, run.routed.length),
      reviewRate: rate(predicted.filter((p) => p.needsReview).length, predicted.length),
      latencyMs: distribution(run.routed.map((r) => r.ms)),
      accuracyByTag,
      tickets: scoreTickets(
        routedOk.map((r) => ({ ticket: r.ticket, ...(r.result as Exclude<typeof r.result, Error>) })),
        LIMITS.reviewThreshold.default,
      ),
      ...spend(predicted, o.prices, run.routed.length),
      errors: errorsOf(run.routed),
    },
    agent: {
      ...summarizeAgent(perScenario),
      runs: run.agent.length,
      failureRate: rate(run.agent.length - agentOk.length, run.agent.length),
      latencyMs: distribution(run.agent.map((r) => r.ms)),
      ...spend(succeeded(run.agent), o.prices, run.agent.length),
      perScenario,
      errors: errorsOf(run.agent),
    },
    ...(o.crossValidation && { crossValidation: o.crossValidation }),
    hybrid: {
      ...summarizeHybrid(cases),
      failureRate: rate(run.cases.length - cases.length, run.cases.length),
      latencyMs: distribution(run.cases.map((r) => r.ms)),
      ...spend(
        cases.map((c) => ({ usage: c.usage, model: c.agent?.model ?? predictedModel(predicted) })),
        o.prices,
        run.cases.length,
      ),
      errors: errorsOf(run.cases),
    },
  };
}

// A case's usage covers its classification and its agent; both use the one configured model.
function predictedModel(predicted: ReadonlyArray<{ model: string }>): string | undefined {
  return predicted[0]?.model;
}
