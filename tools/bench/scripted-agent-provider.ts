import type { AgentDecision, DecisionInput } from '../../src/domain/agent';
import { NO_USAGE, type ModelResponse } from '../../src/domain/usage';
import type { ModelProvider } from '../../src/model/provider';
import type { ModelTask } from '../../src/model/task';

/**
 * A 0 ms model for engine figures: the agent investigates the next tool it has not run, then keeps
 * naming one it has (each such step is rejected by the guardrails), so a run lasts exactly as many
 * steps as its maxSteps when maxConsecutiveRejections is as high. Other tasks use the offline rules.
 */
export class ScriptedAgentProvider implements ModelProvider {
  readonly model = 'scripted-agent';

  async run<I, O>(task: ModelTask<I, O>, input: I): Promise<ModelResponse<O>> {
    const output = task.name === 'agent_decision' ? (decide(input as DecisionInput) as O) : task.offline(input);
    return { output, model: this.model, usage: NO_USAGE, latencyMs: 0, requestId: null };
  }
}

function decide({ allowedTools, transcript }: DecisionInput): AgentDecision {
  const tried = new Set(transcript.map((s) => s.decision?.tool));
  const tool = allowedTools.find((t) => !tried.has(t.name))?.name ?? allowedTools[0]!.name;
  return { thought: 'benchmark step', action: 'investigate', tool, message: `checking ${tool}`, confidence: 0.5 };
}
