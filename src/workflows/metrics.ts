import { metricMeter } from '@temporalio/workflow';
import type { AgentOutcome } from '../domain/agent';
import type { CaseDecision, CasePath } from '../domain/case';
import type { DecisionRecord } from './support-case/contract';

/**
 * The decision metrics workflows emit, as Prometheus shows them. The workflow metric meter drops
 * whatever is emitted while a workflow replays, so a run counts once however often it is replayed;
 * it adds namespace, task_queue and workflow_type to every series.
 */
export const WorkflowMetric = {
  agentRuns: {
    name: 'switchboard_agent_runs_total',
    help: 'Agent runs (Pattern B, and the agent stage of Pattern C) by outcome: resolved, escalated, max_steps',
  },
  agentSteps: { name: 'switchboard_agent_steps', help: 'Steps an agent run took, by outcome' },
  casesClosed: {
    name: 'switchboard_cases_closed_total',
    help: 'Support cases closed, by decision (routed, auto_approved, approved, rejected, escalated, expired) and path',
  },
  caseDecisions: {
    name: 'switchboard_case_decisions_total',
    help: "People's decisions on waiting cases, by decision (approve, reject, escalate), result (accepted, refused, ignored) and via (signal, update)",
  },
} as const;

export function countAgentRun(outcome: AgentOutcome, steps: number): void {
  metricMeter.createCounter(WorkflowMetric.agentRuns.name, 'runs', WorkflowMetric.agentRuns.help).add(1, { outcome });
  metricMeter.createHistogram(WorkflowMetric.agentSteps.name, 'int', 'steps', WorkflowMetric.agentSteps.help).record(steps, { outcome });
}

export function countCaseClosed(decision: CaseDecision, path: CasePath): void {
  metricMeter.createCounter(WorkflowMetric.casesClosed.name, 'cases', WorkflowMetric.casesClosed.help).add(1, { decision, path });
}

export function countCaseDecision({ decision, result, via }: Pick<DecisionRecord, 'decision' | 'result' | 'via'>): void {
  metricMeter.createCounter(WorkflowMetric.caseDecisions.name, 'decisions', WorkflowMetric.caseDecisions.help).add(1, { decision, result, via });
}
