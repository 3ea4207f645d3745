import type { AgentDecision, DecisionInput } from '../../src/domain/agent';
import type { Classification } from '../../src/domain/ticket.schema';
import { NO_USAGE, type ModelResponse } from '../../src/domain/usage';
import type { ModelProvider } from '../../src/model/provider';
import type { ModelTask } from '../../src/model/task';
import { classifyTicketTask, decideNextStepTask } from '../../src/model/tasks';

const CLASSIFICATION: Classification = { category: 'billing', priority: 'medium', confidence: 0.9, reason: 'bench: a fixed answer' };

/**
 * A 0 ms model that costs next to no CPU, so the engine figures measure the engine and this
 * project's code, not a model: a fixed classification, and an agent that investigates the next tool
 * it has not run, then keeps naming one it has (each such step is rejected by the guardrails), so a
 * run lasts exactly its maxSteps when maxConsecutiveRejections is as high.
 */
export class BenchModelProvider implements ModelProvider {
  readonly model = 'bench-model';

  async run<I, O>(task: ModelTask<I, O>, input: I): Promise<ModelResponse<O>> {
    const output =
      task.name === classifyTicketTask.name ? CLASSIFICATION : task.name === decideNextStepTask.name ? decide(input as DecisionInput) : task.offline(input);
    return { output: output as O, model: this.model, usage: NO_USAGE, latencyMs: 0, requestId: null };
  }
}

function decide({ allowedTools, transcript }: DecisionInput): AgentDecision {
  const tried = new Set(transcript.map((s) => s.decision?.tool));
  const tool = allowedTools.find((t) => !tried.has(t.name))?.name ?? allowedTools[0]!.name;
  return { thought: 'benchmark step', action: 'investigate', tool, message: `checking ${tool}`, confidence: 0.5, proposedAction: null };
}
