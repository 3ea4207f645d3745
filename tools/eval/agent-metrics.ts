import type { AgentStep } from '../../src/domain/agent';
import type { Scenario } from '../../src/domain/scenario.schema';
import { NO_DATA } from '../../src/domain/tools';
import type { TroubleshootResult } from '../../src/workflows/troubleshoot/contract';
import { mean, rate } from './metrics';

/** What one agent run did, judged against its scenario's expected outcome. */
export interface AgentRunScore {
  scenario: string;
  expected: Scenario['expected']['outcome'];
  /** The expected outcome reached; for "resolved", with every root-cause keyword in the recommendation. */
  completed: boolean;
  outcome: TroubleshootResult['outcome'];
  steps: number;
  toolCalls: number;
  /** Tool calls that observed something (not "no data"). */
  usefulCalls: number;
  decisions: number;
  /** Decisions the guardrails rejected or that could not be parsed. */
  invalidDecisions: number;
  /** A rejected decision or a tool call that found nothing, before the end. */
  hadBadStep: boolean;
}

const isToolCall = (s: AgentStep) => s.observation !== undefined;

export function scoreAgentRun(
  scenario: Pick<Scenario, 'id' | 'expected'>,
  result: Pick<TroubleshootResult, 'outcome' | 'recommendation' | 'steps'>,
): AgentRunScore {
  const text = result.recommendation.toLowerCase();
  const outcomeMatches = result.outcome === scenario.expected.outcome || (scenario.expected.outcome === 'escalated' && result.outcome === 'max_steps');
  const namesCause = scenario.expected.rootCauseKeywords.every((k) => text.includes(k.toLowerCase()));
  const toolCalls = result.steps.filter(isToolCall);
  const usefulCalls = toolCalls.filter((s) => s.observation !== NO_DATA).length;
  const invalidDecisions = result.steps.filter((s) => s.rejection !== undefined).length;
  return {
    scenario: scenario.id,
    expected: scenario.expected.outcome,
    completed: outcomeMatches && (scenario.expected.outcome !== 'resolved' || namesCause),
    outcome: result.outcome,
    steps: result.steps.length,
    toolCalls: toolCalls.length,
    usefulCalls,
    decisions: result.steps.length,
    invalidDecisions,
    hadBadStep: invalidDecisions > 0 || usefulCalls < toolCalls.length,
  };
}

export interface AgentSummary {
  runs: number;
  completionRate: number;
  stepsPerTask: number;
  /** Useful tool calls ÷ all tool calls. */
  toolEfficiency: number;
  invalidDecisionRate: number;
  /** Of the runs with a bad intermediate step, the share that still completed. */
  recoveryRate: number;
  runsWithBadStep: number;
  escalationRate: number;
}

export function summarizeAgent(runs: readonly AgentRunScore[]): AgentSummary {
  const sum = (f: (r: AgentRunScore) => number) => runs.reduce((s, r) => s + f(r), 0);
  const bad = runs.filter((r) => r.hadBadStep);
  return {
    runs: runs.length,
    completionRate: rate(runs.filter((r) => r.completed).length, runs.length),
    stepsPerTask: mean(runs.map((r) => r.steps)),
    toolEfficiency: rate(
      sum((r) => r.usefulCalls),
      sum((r) => r.toolCalls),
    ),
    invalidDecisionRate: rate(
      sum((r) => r.invalidDecisions),
      sum((r) => r.decisions),
    ),
    recoveryRate: rate(bad.filter((r) => r.completed).length, bad.length),
    runsWithBadStep: bad.length,
    escalationRate: rate(runs.filter((r) => r.outcome !== 'resolved').length, runs.length),
  };
}
