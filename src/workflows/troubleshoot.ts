import { defineQuery, proxyActivities, setCurrentDetails, setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import type { AgentOutcome, AgentStep } from '../domain/agent';
import { isSupported, rejectDecision, trailingRejections, type AgentLimits } from '../domain/guardrails';
import type { Scenario } from '../domain/scenario';
import { SearchAttributes } from './search-attributes';
import { TOOLS, type ToolName } from '../domain/tools';
import { NO_USAGE, addUsage, type Usage } from '../domain/usage';
import type { Activities } from '../activities';
import { modelActivities } from './steps/model-activities';
import { validateTroubleshootInput } from './steps/validate-troubleshoot';

// Simulated tools answer at once; a short limit lets a lost worker's task move on quickly.
const { runTool } = proxyActivities<Activities>({ startToCloseTimeout: '10 seconds', retry: { maximumAttempts: 5 } });

export interface TroubleshootInput extends Partial<AgentLimits> {
  /** What to find out; defaults to the scenario's goal. */
  goal?: string;
  /** The simulated system the tools look at (the client loads it from a built-in id or a file). */
  scenario: Scenario;
  /** A subset of the tool registry; default all tools. */
  allowedTools?: string[];
}

export interface TroubleshootResult {
  outcome: AgentOutcome;
  /** The recommendation when resolved; otherwise the best the agent had, for the person who takes over. */
  recommendation: string;
  confidence: number;
  /** Why the run was handed to a person, when it was. */
  escalationReason?: string;
  steps: AgentStep[];
  toolsUsed: ToolName[];
  usage: Usage;
  model: string;
}

export interface TroubleshootStatus {
  stage: 'deciding' | 'running tool' | 'done';
  step: number;
  maxSteps: number;
  transcript: AgentStep[];
  usage: Usage;
}

export const troubleshootStatusQuery = defineQuery<TroubleshootStatus>('status');

/** Pattern B: the model picks the next tool, code enforces the bounds. Decide → act → observe → repeat. */
export async function troubleshoot(input: TroubleshootInput): Promise<TroubleshootResult> {
  const { goal, scenario, allowedTools, limits } = validateTroubleshootInput(input);
  const tools = allowedTools.map((name) => ({ name, description: TOOLS[name] }));
  const steps: AgentStep[] = [];
  const status: TroubleshootStatus = { stage: 'deciding', step: 0, maxSteps: limits.maxSteps, transcript: steps, usage: NO_USAGE };
  setHandler(troubleshootStatusQuery, () => status);
  let model = 'none';

  const end = (outcome: AgentOutcome, recommendation: string, confidence: number, escalationReason?: string): TroubleshootResult => {
    status.stage = 'done';
    upsertSearchAttributes([{ key: SearchAttributes.agentOutcome, value: outcome }]);
    setCurrentDetails(outcome === 'resolved' ? `Resolved: ${recommendation}` : `Escalated to a person: ${escalationReason}`);
    const toolsUsed = [...new Set(steps.flatMap((s) => (s.observation !== undefined && s.decision ? [s.decision.tool as ToolName] : [])))];
    return { outcome, recommendation, confidence, ...(escalationReason && { escalationReason }), steps, toolsUsed, usage: status.usage, model };
  };

  for (let step = 1; step <= limits.maxSteps; step += 1) {
    status.step = step;
    status.stage = 'deciding';
    setCurrentDetails(`Step ${step} of ${limits.maxSteps}: asking the model for the next step`);
    const call = await modelActivities().decideNextStep.executeWithOptions({ summary: `step ${step} · decide` }, [
      { goal, allowedTools: tools, transcript: steps, stepsLeft: limits.maxSteps - step + 1 },
    ]);
    model = call.model;
    status.usage = addUsage(status.usage, call.usage);
    const decision = call.output;

    if (status.usage.totalTokens > limits.tokenBudget) {
      steps.push({ step, decision, rejection: 'token budget exhausted' });
      return end('escalated', decision?.message ?? '', decision?.confidence ?? 0, `token budget of ${limits.tokenBudget} exceeded (${status.usage.totalTokens} used)`);
    }

    if (decision === null) {
      steps.push({ step, decision: null, rejection: `the decision could not be parsed: ${call.invalidOutput}` });
    } else if (decision.action === 'finish') {
      steps.push({ step, decision });
      if (!decision.message.trim()) return end('escalated', '', decision.confidence, 'the agent finished without a recommendation');
      if (decision.confidence < limits.minConfidence) {
        return end('escalated', decision.message, decision.confidence, `confidence ${decision.confidence} is under ${limits.minConfidence}`);
      }
      if (!isSupported(decision.message, steps)) {
        return end('escalated', decision.message, decision.confidence, 'the recommendation is not backed by any observation');
      }
      return end('resolved', decision.message, decision.confidence);
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
        const observation = await runTool.executeWithOptions({ summary: `step ${step} · ${decision.tool}` }, [
          { tool: decision.tool as ToolName, scenario },
        ]);
        steps.push({ step, decision, observation });
      }
    }

    if (trailingRejections(steps) >= limits.maxConsecutiveRejections) {
      return end('escalated', '', 0, `${limits.maxConsecutiveRejections} invalid decisions in a row`);
    }
  }
  return end('max_steps', steps.at(-1)?.decision?.message ?? '', 0, `no conclusion within ${limits.maxSteps} steps`);
}

