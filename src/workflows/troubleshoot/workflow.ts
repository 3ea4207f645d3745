import { patched, setCurrentDetails, setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import { transcriptForModel, type AgentOutcome, type AgentStep } from '../../domain/agent';
import type { ProposedAction } from '../../domain/actions';
import { finishActionProblem, finishProblem, rejectDecision, trailingRejections } from '../../domain/guardrails';
import { TOOLS, type ToolName } from '../../domain/tools';
import { NO_USAGE, addUsage } from '../../domain/usage';
import { local, modelActivities, runTool } from '../activity-proxies';
import { countAgentRun } from '../metrics';
import { SearchAttributes } from '../search-attributes';
import { Changes } from '../versions';
import { readTroubleshootInput, troubleshootStatusQuery, type TroubleshootInput, type TroubleshootResult, type TroubleshootStatus } from './contract';

/** Pattern B: the model picks the next tool, code enforces the bounds. Decide → act → observe → repeat. */
export async function troubleshoot(input: TroubleshootInput): Promise<TroubleshootResult> {
  const { goal, scenario, allowedTools, limits, rateLimited } = readTroubleshootInput(input);
  const tools = allowedTools.map((name) => ({ name, description: TOOLS[name] }));
  const steps: AgentStep[] = [];
  const status: TroubleshootStatus = { stage: 'deciding', step: 0, maxSteps: limits.maxSteps, transcript: steps, usage: NO_USAGE };
  setHandler(troubleshootStatusQuery, () => status);
  let model = 'none';

  const end = (
    outcome: AgentOutcome,
    recommendation: string,
    confidence: number,
    escalationReason?: string,
    proposedAction?: ProposedAction,
  ): TroubleshootResult => {
    status.stage = 'done';
    if (proposedAction) status.proposedAction = proposedAction;
    upsertSearchAttributes([{ key: SearchAttributes.agentOutcome, value: outcome }]);
    setCurrentDetails(outcome === 'resolved' ? `Resolved: ${recommendation}` : `Escalated to a person: ${escalationReason}`);
    countAgentRun(outcome, steps.length);
    const toolsUsed = [...new Set(steps.flatMap((s) => (s.observation !== undefined && s.decision ? [s.decision.tool as ToolName] : [])))];
    return {
      outcome,
      recommendation,
      confidence,
      ...(escalationReason && { escalationReason }),
      ...(proposedAction && { proposedAction }),
      steps,
      toolsUsed,
      usage: status.usage,
      model,
    };
  };

  for (let step = 1; step <= limits.maxSteps; step += 1) {
    status.step = step;
    status.stage = 'deciding';
    setCurrentDetails(`Step ${step} of ${limits.maxSteps}: asking the model for the next step`);
    const call = await modelActivities(rateLimited).decideNextStep.executeWithOptions({ summary: `step ${step} · decide` }, [
      { goal, allowedTools: tools, transcript: transcriptForModel(steps), stepsLeft: limits.maxSteps - step + 1, minConfidence: limits.minConfidence },
    ]);
    model = call.model;
    status.usage = addUsage(status.usage, call.usage);
    const decision = call.output;

    if (status.usage.totalTokens > limits.tokenBudget) {
      steps.push({ step, decision, rejection: 'token budget exhausted' });
      return end(
        'escalated',
        decision?.message ?? '',
        decision?.confidence ?? 0,
        `token budget of ${limits.tokenBudget} exceeded (${status.usage.totalTokens} used)`,
      );
    }

    if (decision === null) {
      steps.push({ step, decision: null, rejection: `the decision could not be parsed: ${call.invalidOutput}` });
    } else if (decision.action === 'finish') {
      steps.push({ step, decision });
      // Runs from before Changes.proposedAction finished on prose alone: their case read the action from it.
      if (!patched(Changes.proposedAction)) {
        const problem = finishProblem(decision, steps, limits.minConfidence);
        return problem ? end('escalated', decision.message, decision.confidence, problem) : end('resolved', decision.message, decision.confidence);
      }
      // An action code cannot check is not carried: the person who takes over chooses one.
      const actionProblem = finishActionProblem(decision, steps);
      const proposed =
        actionProblem || !decision.proposedAction ? undefined : { name: decision.proposedAction.name, target: decision.proposedAction.target.trim() };
      const problem = finishProblem(decision, steps, limits.minConfidence) ?? actionProblem;
      return end(problem ? 'escalated' : 'resolved', decision.message, decision.confidence, problem, proposed);
    } else if (decision.action === 'escalate') {
      steps.push({ step, decision });
      return end('escalated', decision.message, decision.confidence, `the agent escalated: ${decision.message}`);
    } else {
      const rejection = rejectDecision(decision, steps, allowedTools);
      if (rejection) {
        steps.push({ step, decision, rejection });
      } else {
        status.stage = 'running tool';
        setCurrentDetails(`Step ${step} of ${limits.maxSteps}: running ${decision.tool}`);
        const tool = patched(Changes.toolsLocally) ? local.runTool : runTool;
        const observation = await tool.executeWithOptions({ summary: `step ${step} · ${decision.tool}` }, [{ tool: decision.tool as ToolName, scenario }]);
        steps.push({ step, decision, observation });
      }
    }

    if (trailingRejections(steps) >= limits.maxConsecutiveRejections) {
      return end('escalated', '', 0, `${limits.maxConsecutiveRejections} invalid decisions in a row`);
    }
  }
  return end('max_steps', steps.at(-1)?.decision?.message ?? '', 0, `no conclusion within ${limits.maxSteps} steps`);
}
