import type { Command } from 'commander';
import type { AgentStep } from '../domain/agent';
import { LIMITS, limitProblem, typedNumber } from '../domain/limits';
import { withClient } from '../clients/context';
import { UsageError } from '../clients/errors';
import { runTroubleshoot } from '../clients/troubleshoot';
import { printResult, table, type OutputOptions } from './output';
import { loadScenarioOrUsage } from './scenario-arg';

interface TroubleshootOptions extends OutputOptions {
  scenario: string;
  maxSteps?: string;
}

/** An action and what it acts on, as an operator reads it. */
export function describeAction({ name, target }: { name: string; target?: string }): string {
  return target ? `${name} on ${target}` : name;
}

/** One transcript entry as a line: what the agent decided and what came of it. */
export function formatStep(s: AgentStep): string {
  const d = s.decision;
  const proposed = d?.proposedAction ? `: ${describeAction(d.proposedAction)}` : '';
  const what = d ? `${d.action}${d.action === 'investigate' ? ` ${d.tool}` : ''}${proposed} (confidence ${d.confidence.toFixed(2)})` : 'unparsable decision';
  const outcome = s.rejection ? `REJECTED: ${s.rejection}` : s.observation !== undefined ? `→ ${s.observation}` : `→ ${d?.message ?? ''}`;
  return `  step ${s.step}: ${what} ${outcome}`;
}

/** Prints transcript entries once each, as the transcript grows. */
function stepPrinter() {
  let printed = 0;
  return (steps: AgentStep[]) => {
    for (const s of steps.slice(printed)) process.stdout.write(`${formatStep(s)}\n`);
    printed = Math.max(printed, steps.length);
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
      if (goal !== undefined && !goal.trim()) throw new UsageError("the goal is empty: give one, or leave it out to use the scenario's");
      const print = stepPrinter();
      await withClient(async (ctx) => {
        if (!opts.json) process.stdout.write(`Troubleshooting "${goal ?? scenario.goal}" on scenario ${scenario.id}\n`);
        const { result, workflowId, uiUrl } = await runTroubleshoot(ctx, scenario, {
          ...(goal && { goal }),
          ...(maxSteps && { maxSteps }),
          ...(!opts.json && { onSteps: print }),
        });
        if (!opts.json) print(result.steps);
        printResult(opts, { workflowId, uiUrl, ...result }, () => [
          result.outcome === 'resolved' ? `Resolved: ${result.recommendation}` : `Escalated to a person (${result.outcome}): ${result.escalationReason}`,
          ...table([
            ['confidence', result.confidence.toFixed(2)],
            ['proposed action', result.proposedAction ? describeAction(result.proposedAction) : 'none (a person chooses)'],
            ['steps', String(result.steps.length)],
            ['tools used', result.toolsUsed.join(', ') || 'none'],
            ['model', result.model],
            ['tokens', String(result.usage.totalTokens)],
          ]),
          `UI: ${uiUrl}`,
        ]);
      });
    });
}
