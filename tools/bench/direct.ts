import { MockActivityEnvironment } from '@temporalio/testing';
import type { AgentStep } from '../../src/domain/agent';
import { LIMITS } from '../../src/domain/limits';
import { needsReview, teamFor } from '../../src/domain/routing';
import { TOOLS, type ToolName } from '../../src/domain/tools';
import type { Scenario } from '../../src/domain/scenario.schema';
import type { Activities } from '../../src/activities';

/** Runs `fn` with an activity context (heartbeat, info) and no worker. */
const inContext = <T>(env: MockActivityEnvironment, fn: () => Promise<T>): Promise<T> => env.run(fn) as Promise<T>;

/**
 * The baselines the engine is measured against: the same activity functions, called in a plain
 * function with no Temporal (MockActivityEnvironment only gives them the context they read).
 */
export function directRoute(activities: Activities): (ticket: { ticketId: string; text: string }) => Promise<string> {
  return async ({ ticketId, text }) => {
    const env = new MockActivityEnvironment();
    const { output } = await inContext(env, () => activities.classifyTicket({ text }));
    const team = teamFor(output.category);
    const review = needsReview(output.confidence, LIMITS.reviewThreshold.default);
    await inContext(env, () =>
      activities.deliverToTeam({
        key: `direct-${ticketId}`,
        team,
        ticketId,
        category: output.category,
        priority: output.priority,
        needsReview: review,
        summary: output.reason,
      }),
    );
    return team;
  };
}

/** `steps` rounds of decide → run tool, called directly: the agent loop without the engine. */
export function directAgent(activities: Activities): (scenario: Scenario, steps: number) => Promise<number> {
  const allowedTools = Object.entries(TOOLS).map(([name, description]) => ({ name, description }));
  return async (scenario, steps) => {
    const env = new MockActivityEnvironment();
    const transcript: AgentStep[] = [];
    for (let step = 1; step <= steps; step += 1) {
      const { output } = await inContext(env, () =>
        activities.decideNextStep({ goal: scenario.goal, allowedTools, transcript, stepsLeft: steps - step + 1, minConfidence: LIMITS.minConfidence.default }),
      );
      const tool = output!.tool as ToolName;
      const observation = await inContext(env, () => activities.runTool({ tool, scenario }));
      transcript.push({ step, decision: output, observation });
    }
    return transcript.length;
  };
}
