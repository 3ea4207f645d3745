import type { AgentDecision, AgentStep } from '../../src/domain/agent';
import { DEFAULT_AGENT_LIMITS, isSupported, rejectDecision } from '../../src/domain/guardrails';
import { observe } from '../../src/domain/scenario';
import type { Scenario } from '../../src/domain/scenario.schema';
import { TOOLS, TOOL_NAMES, type ToolName } from '../../src/domain/tools';
import { decideOffline } from '../../src/model/tasks/decide-next-step';

export const toolsFor = (names: readonly string[] = TOOL_NAMES) => names.map((name) => ({ name, description: TOOLS[name as ToolName] ?? name }));

export interface OfflineRun {
  outcome: 'resolved' | 'escalated';
  /** The decision that ended the run; undefined when the step limit did. */
  decision: AgentDecision | undefined;
  transcript: AgentStep[];
}

/**
 * The troubleshoot workflow's loop in miniature, with its guardrails: a decision the guardrails
 * reject is recorded and not run; a finish resolves only when confident enough and backed by an
 * observation; anything else, the step limit included, ends escalated.
 */
export function runOffline(scenario: Scenario, allowed: readonly string[] = TOOL_NAMES, maxSteps = DEFAULT_AGENT_LIMITS.maxSteps): OfflineRun {
  const transcript: AgentStep[] = [];
  for (let step = 1; step <= maxSteps; step += 1) {
    const { minConfidence } = DEFAULT_AGENT_LIMITS;
    const decision = decideOffline({ goal: scenario.goal, allowedTools: toolsFor(allowed), transcript, stepsLeft: maxSteps - step + 1, minConfidence });
    if (decision.action === 'investigate') {
      const rejection = rejectDecision(decision, transcript, allowed);
      transcript.push(rejection ? { step, decision, rejection } : { step, decision, observation: observe(scenario, decision.tool as ToolName) });
      continue;
    }
    transcript.push({ step, decision });
    const resolved = decision.action === 'finish' && decision.confidence >= minConfidence && isSupported(decision.message, transcript);
    return { outcome: resolved ? 'resolved' : 'escalated', decision, transcript };
  }
  return { outcome: 'escalated', decision: undefined, transcript };
}

/** The tools a run actually ran, in order. */
export const toolsRun = (transcript: readonly AgentStep[]) => transcript.flatMap((s) => (s.observation !== undefined && s.decision ? [s.decision.tool] : []));
