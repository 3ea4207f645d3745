import type { Command } from 'commander';
import type { WorkflowHandle } from '@temporalio/client';
import type { AgentStep } from '../domain/agent';
import { LIMITS, limitProblem, typedNumber } from '../domain/limits';
import { troubleshoot } from '../workflows';
import { troubleshootStatusQuery } from '../workflows/troubleshoot/contract';
import { openClientContext, rateLimit } from './context';
import { UsageError } from './errors';
import { printResult, table, type OutputOptions } from './output';
import { runWorkflow, shortId } from './run-workflow';
import { loadScenarioOrUsage } from './scenario-arg';

interface TroubleshootOptions extends OutputOptions {
  scenario: string;
  maxSteps?: string;
}

/** One transcript entry as a line: what the agent decided and what came of it. */
export function formatStep(s: AgentStep): string {
  const d = s.decision;
  const what = d ? `${d.action}${d.action === 'investigate' ? ` ${d.tool}` : ''} (confidence ${d.confidence.toFixed(2)})` : 'unparsable decision';
  const outcome = s.rejection ? `REJECTED: ${s.rejection}` : s.observation !== undefined ? `→ ${s.observation}` : `→ ${d?.message ?? ''}`;
  return `  step ${s.step}: ${what} ${outcome}`;
}

/** Prints transcript entries as they appear, by polling the run's status query; returns how many it printed. */
function stepPrinter() {
  let printed = 0;
  const print = (steps: AgentStep[]) => {
    for (const s of steps.slice(printed)) process.stdout.write(`${formatStep(s)}\n`);
    printed = Math.max(printed, steps.length);
  };
  return {
    print,
    async follow(handle: WorkflowHandle<typeof troubleshoot>): Promise<void> {
      for (;;) {
        const { status } = await handle.describe();
        if (status.name !== 'RUNNING') return;
        const live = await handle.query(troubleshootStatusQuery).catch(() => undefined);
        if (live) print(live.transcript);
        await new Promise((r) => setTimeout(r, 250));
      }
    },
  };
}

function parseMaxSteps(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = typedNumber(raw);
  const problem = limitProblem('--max-steps', value, LIMITS.maxSteps);
  if (problem) throw new UsageError(problem);
  return value as number;
}

export function registerTroubleshoot(program: Command): void {
  program
    .command('troubleshoot')
    .description('Pattern B: a bounded agent picks diagnostic tools until it can recommend a fix (the model decides)')
    .argument('[goal]', "what to find out (default: the scenario's goal)")
    .requiredOption('--scenario <id|file>', 'a built-in scenario id (see scenarios/) or a path to a scenario JSON file')
    .option('--max-steps <n>', `step limit, ${LIMITS.maxSteps.min} to ${LIMITS.maxSteps.max} (default AGENT_MAX_STEPS, ${LIMITS.maxSteps.default})`)
    .option('--json', 'print one JSON object: the result with workflowId and uiUrl')
    .action(async (goal: string | undefined, opts: TroubleshootOptions) => {
      const scenario = loadScenarioOrUsage(opts.scenario);
      const maxSteps = parseMaxSteps(opts.maxSteps);
      if (goal !== undefined && !goal.trim()) throw new UsageError('the goal is empty: give one, or leave it out to use the scenario\'s');
      const ctx = await openClientContext();
      const steps = stepPrinter();
      try {
        if (!opts.json) process.stdout.write(`Troubleshooting "${goal ?? scenario.goal}" on scenario ${scenario.id}\n`);
        const s = ctx.settings;
        const { result, workflowId, uiUrl } = await runWorkflow(
          ctx,
          troubleshoot,
          {
            workflowId: `troubleshoot-${scenario.id}-${shortId()}`,
            args: [{ scenario, ...(goal && { goal }), maxSteps: maxSteps ?? s.AGENT_MAX_STEPS, minConfidence: s.AGENT_MIN_CONFIDENCE, tokenBudget: s.AGENT_TOKEN_BUDGET, ...rateLimit(s) }],
            staticSummary: `Troubleshoot: ${goal ?? scenario.goal}`,
            staticDetails: `**Scenario:** ${scenario.id} (${scenario.title})${maxSteps ? ` · **Step limit:** ${maxSteps}` : ''}`,
            memo: { scenario: scenario.id },
          },
          opts.json ? undefined : steps.follow,
        );
        if (!opts.json) steps.print(result.steps);
        printResult(opts, { workflowId, uiUrl, ...result }, () => [
          result.outcome === 'resolved' ? `Resolved: ${result.recommendation}` : `Escalated to a person (${result.outcome}): ${result.escalationReason}`,
          ...table([
            ['confidence', result.confidence.toFixed(2)],
            ['steps', String(result.steps.length)],
            ['tools used', result.toolsUsed.join(', ') || 'none'],
            ['model', result.model],
            ['tokens', String(result.usage.totalTokens)],
          ]),
          `UI: ${uiUrl}`,
        ]);
      } finally {
        await ctx.close();
      }
    });
}
