import type { Command } from 'commander';
import { withClient } from '../clients/context';
import { UsageError } from '../clients/errors';
import { listRuns, WORKFLOW_TYPES, type RunFilters } from '../clients/runs';
import { printResult, type OutputOptions } from './output';

interface ListOptions extends OutputOptions, RunFilters {
  limit: string;
}

export function registerList(program: Command): void {
  program
    .command('list')
    .description('Recent runs of all three patterns, newest first, with filters')
    .option('--awaiting-approval', 'only cases waiting for a person')
    .option('--category <name>', 'only tickets of this category (billing, technical_issue, ...)')
    .option('--outcome <name>', 'only agent runs with this outcome (resolved, escalated, max_steps)')
    .option('--type <workflowType>', `only one kind: ${WORKFLOW_TYPES.join(', ')}`)
    .option('--limit <n>', 'how many', '20')
    .option('--json', 'print one JSON object')
    .action(async (opts: ListOptions) => {
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new UsageError(`--limit must be a whole number from 1 to 1000, got "${opts.limit}"`);
      if (opts.type && !WORKFLOW_TYPES.includes(opts.type)) throw new UsageError(`--type must be one of ${WORKFLOW_TYPES.join(', ')}`);
      const { query, runs } = await withClient((ctx) => listRuns(ctx, opts, limit));
      printResult(opts, { query, runs }, () =>
        runs.length === 0
          ? [`No runs match: ${query}`]
          : runs.map((r) =>
              [r.startTime.slice(0, 19).replace('T', ' '), r.status.padEnd(10), r.type.padEnd(13), r.workflowId, r.caseStatus ?? r.agentOutcome ?? r.team ?? '']
                .join('  ')
                .trimEnd(),
            ),
      );
    });
}
