import { routeTicket, supportCase, troubleshoot } from '../workflows';
import { SearchAttributes } from '../workflows/search-attributes';
import type { ClientContext } from './context';

/** The workflow types the project runs, by reference. */
export const WORKFLOW_TYPES: readonly string[] = [routeTicket.name, troubleshoot.name, supportCase.name];

export interface RunFilters {
  awaitingApproval?: boolean;
  category?: string;
  outcome?: string;
  type?: string;
}

export interface RunRow {
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
export function listQuery(filters: RunFilters): string {
  const quote = (v: string) => `"${v.replace(/["\\]/g, '')}"`;
  const clauses = [filters.type ? `WorkflowType = ${quote(filters.type)}` : `WorkflowType IN (${WORKFLOW_TYPES.map(quote).join(', ')})`];
  if (filters.awaitingApproval) clauses.push(`${SearchAttributes.caseStatus.name} = "AwaitingApproval"`);
  if (filters.category) clauses.push(`${SearchAttributes.category.name} = ${quote(filters.category)}`);
  if (filters.outcome) clauses.push(`${SearchAttributes.agentOutcome.name} = ${quote(filters.outcome)}`);
  return clauses.join(' AND ');
}

/** Recent runs matching the filters, newest first, at most `limit`, with what their search attributes say. */
export async function listRuns(ctx: ClientContext, filters: RunFilters, limit: number): Promise<{ query: string; runs: RunRow[] }> {
  const query = listQuery(filters);
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
  return { query, runs };
}
