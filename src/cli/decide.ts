import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { Command } from 'commander';
import type { DecisionKind, PersonDecision } from '../domain/case';
import { supportCaseStatusQuery } from '../workflows/support-case.contract';
import { caseHandle, describeCase } from './case';
import { openClientContext } from './context';
import { updateDecision } from './decisions';
import { CommandFailure } from './errors';
import { printResult, type OutputOptions } from './output';

export interface DecideOptions extends OutputOptions {
  by: string;
  comment?: string;
  reason?: string;
  team?: string;
}

// After an accepted decision the case runs its last steps (the action, the notification); wait this long to show it closed.
const CLOSE_WAIT_MS = 15_000;

/**
 * Sends a person's decision as an update and reports what the case answered: accepted, refused
 * (and why: a stranger, a missing reason, nothing waiting) or too late. The case itself decides who
 * may decide; the client only carries the request.
 */
export async function decide(kind: DecisionKind, caseId: string, opts: DecideOptions): Promise<void> {
  const ctx = await openClientContext();
  try {
    const { handle, running } = await caseHandle(ctx, caseId);
    const uiUrl = ctx.uiUrl(caseId);
    if (!running) {
      const r = (await handle.query(supportCaseStatusQuery).catch(() => undefined))?.result;
      throw new CommandFailure(`case ${caseId} is already closed (${r ? `${r.decision} by ${r.decidedBy}` : 'not running'}): your ${kind} changed nothing`, { workflowId: caseId, result: r });
    }
    const { by, comment, reason = '', team } = opts;
    const decision: PersonDecision =
      kind === 'approve' ? { kind, by, ...(comment && { comment }) } : kind === 'reject' ? { kind, by, reason } : { kind, by, reason, ...(team && { team }) };
    const record = await updateDecision(handle, decision).catch((err: unknown) => {
      if (err instanceof WorkflowUpdateFailedError) throw new CommandFailure(`your ${kind} was refused: ${err.cause?.message ?? err.message}`, { workflowId: caseId, uiUrl });
      throw err;
    });
    if (record.result !== 'accepted') throw new CommandFailure(`your ${kind} was ${record.result}: ${record.why}`, { workflowId: caseId, uiUrl, decision: record });
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([handle.result().catch(() => undefined), new Promise((r) => (timer = setTimeout(r, CLOSE_WAIT_MS)))]);
    clearTimeout(timer);
    const status = await handle.query(supportCaseStatusQuery);
    printResult(opts, { workflowId: caseId, uiUrl, decision: record, status }, () => [`Your ${kind} was accepted.`, ...describeCase(caseId, status), `UI: ${uiUrl}`]);
  } finally {
    await ctx.close();
  }
}

export function registerDecisions(program: Command): void {
  program
    .command('approve')
    .description('Approve the action a case waits on (only names on APPROVERS may)')
    .argument('<caseId>', 'the case workflow id')
    .requiredOption('--by <name>', 'who approves')
    .option('--comment <text>', 'why, for the audit trail')
    .option('--json', 'print one JSON object')
    .action((caseId: string, opts: DecideOptions) => decide('approve', caseId, opts));
  program
    .command('reject')
    .description('Reject the action a case waits on; nothing is executed (only names on APPROVERS may)')
    .argument('<caseId>', 'the case workflow id')
    .requiredOption('--by <name>', 'who rejects')
    .requiredOption('--reason <text>', 'why')
    .option('--json', 'print one JSON object')
    .action((caseId: string, opts: DecideOptions) => decide('reject', caseId, opts));
  program
    .command('escalate')
    .description('Hand a waiting case to a team (anyone may)')
    .argument('<caseId>', 'the case workflow id')
    .requiredOption('--by <name>', 'who escalates')
    .requiredOption('--reason <text>', 'why')
    .option('--team <name>', 'which team (default On-call Engineering)')
    .option('--json', 'print one JSON object')
    .action((caseId: string, opts: DecideOptions) => decide('escalate', caseId, opts));
}
