import type { WorkflowHandle } from '@temporalio/client';
import type { AgentStep } from '../domain/agent';
import type { Scenario } from '../domain/scenario.schema';
import { troubleshoot } from '../workflows';
import { troubleshootStatusQuery } from '../workflows/troubleshoot/contract';
import { rateLimit, type ClientContext } from './context';
import { runWorkflow, shortId } from './start';

// Pattern B's client half: run the agent on a scenario, and follow its steps as they happen.

/**
 * Runs the agent on `scenario` with the configured bounds (`maxSteps` overrides AGENT_MAX_STEPS)
 * and waits for its result; `onSteps` hears the transcript as it grows, when given.
 */
export function runTroubleshoot(ctx: ClientContext, scenario: Scenario, opts: { goal?: string; maxSteps?: number; onSteps?: (steps: AgentStep[]) => void }) {
  const s = ctx.settings;
  const { goal, maxSteps, onSteps } = opts;
  return runWorkflow(
    ctx,
    troubleshoot,
    {
      workflowId: `troubleshoot-${scenario.id}-${shortId()}`,
      args: [
        {
          scenario,
          ...(goal && { goal }),
          maxSteps: maxSteps ?? s.AGENT_MAX_STEPS,
          minConfidence: s.AGENT_MIN_CONFIDENCE,
          tokenBudget: s.AGENT_TOKEN_BUDGET,
          ...rateLimit(s),
        },
      ],
      staticSummary: `Troubleshoot: ${goal ?? scenario.goal}`,
      staticDetails: `**Scenario:** ${scenario.id} (${scenario.title})${maxSteps ? ` · **Step limit:** ${maxSteps}` : ''}`,
      memo: { scenario: scenario.id },
    },
    onSteps && ((handle) => followSteps(handle, onSteps)),
  );
}

/** Polls a running agent's status query and passes its transcript on, until the run ends. */
export async function followSteps(handle: WorkflowHandle<typeof troubleshoot>, onSteps: (steps: AgentStep[]) => void, pollMs = 250): Promise<void> {
  for (;;) {
    const { status } = await handle.describe();
    if (status.name !== 'RUNNING') return;
    const live = await handle.query(troubleshootStatusQuery).catch(() => undefined);
    if (live) onSteps(live.transcript);
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
