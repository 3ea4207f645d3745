import type { Command } from 'commander';
import { SearchAttributes } from '../workflows/search-attributes';
import { openClientContext } from './context';
import { UsageError } from './errors';
import { printResult, type OutputOptions } from './output';

interface ListOptions extends OutputOptions {
  awaitingApproval?: boolean;
  category?: string;
  outcome?: string;
  type?: string;
  limit: string;
}

const TYPES = ['routeTicket', 'troubleshoot', 'supportCase'];

interface RunRow {
  workflowId: string;
  type: string;
  status: string;
  startTime: string;
  category?: string;
  team?: string;
  caseStatus?: string;
  agentOutcome?: string;
  uiUrl: string;
}

/** The visibility query for the filters: the same string an operator can paste into the UI. */
export function listQuery(opts: Pick<ListOptions, 'awaitingApproval' | 'category' | 'outcome' | 'type'>): string {
  const quote = (v: string) => `"${v.replace(/["\\]/g, '')}"`;
  const clauses = [opts.type ? `WorkflowType = ${quote(opts.type)}` : `WorkflowType IN (${TYPES.map(quote).join(', ')})`];
  if (opts.awaitingApproval) clauses.push(`${SearchAttributes.caseStatus.name} = "AwaitingApproval"`);
  if (opts.category) clauses.push(`${SearchAttributes.category.name} = ${quote(opts.category)}`);
  if (opts.outcome) clauses.push(`${SearchAttributes.agentOutcome.name} = ${quote(opts.outcome)}`);
  return clauses.join(' AND ');
}

export function registerList(program: Command): void {
  program
    .command('list')
    .description('Recent runs of all three patterns, newest first, with filters')
    .option('--awaiting-approval', 'only cases waiting for a person')
    .option('--category <name>', 'only tickets of this category (billing, technical_issue, ...)')
    .option('--outcome <name>', 'only agent runs with this outcome (resolved, escalated, max_steps)')
    .option('--type <workflowType>', `only one kind: ${TYPES.join(', ')}`)
    .option('--limit <n>', 'how many', '20')
    .option('--json', 'print one JSON object')
    .action(async (opts: ListOptions) => {
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new UsageError(`--limit must be a whole number from 1 to 1000, got "${opts.limit}"`);
      if (opts.type && !TYPES.includes(opts.type)) throw new UsageError(`--type must be one of ${TYPES.join(', ')}`);
      const ctx = await openClientContext();
      try {
        const query = listQuery(opts);
        const runs: RunRow[] = [];
        for await (const wf of ctx.client.workflow.list({ query, pageSize: limit })) {
          const sa = wf.typedSearchAttributes;
          runs.push({
            workflowId: wf.workflowId,
            type: wf.type,
            status: wf.status.name,
            startTime: wf.startTime.toISOString(),
            category: sa.get(SearchAttributes.category),
            team: sa.get(SearchAttributes.team),
            caseStatus: sa.get(SearchAttributes.caseStatus),
            agentOutcome: sa.get(SearchAttributes.agentOutcome),
            uiUrl: ctx.uiUrl(wf.workflowId, wf.runId),
          });
          if (runs.length >= limit) break;
        }
        printResult(opts, { query, runs }, () =>
          runs.length === 0
            ? [`No runs match: ${query}`]
            : runs.map((r) =>
                [r.startTime.slice(0, 19).replace('T', ' '), r.status.padEnd(10), r.type.padEnd(13), r.workflowId, r.caseStatus ?? r.agentOutcome ?? r.team ?? '']
                  .join('  ')
                  .trimEnd(),
              ),
        );
      } finally {
        await ctx.close();
      }
    });
}
