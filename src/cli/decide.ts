import { randomUUID } from 'node:crypto';
import type { Command } from 'commander';
import type { SupportCaseStatus } from '../workflows/support-case';
import { describeCase, describeOrExplain } from './case';
import { openClientContext } from './context';
import { CommandFailure, UsageError } from './errors';
import { printResult, type OutputOptions } from './output';

export type Kind = 'approve' | 'reject' | 'escalate';

export interface DecideOptions extends OutputOptions {
  by: string;
  comment?: string;
  reason?: string;
  team?: string;
}

/**
 * Sends a person's decision and reports what became of it. A signal returns nothing, so the signal
 * carries a request id and the client reads its fate back from the case's status.
 */
export async function decide(kind: Kind, caseId: string, opts: DecideOptions): Promise<void> {
  if (!opts.by?.trim()) throw new UsageError('--by must name who decides');
  if (kind !== 'approve' && !opts.reason?.trim()) throw new UsageError(`${kind} needs --reason`);
  const ctx = await openClientContext();
  try {
    const description = await describeOrExplain(ctx, caseId);
    if (description.type !== 'supportCase') throw new UsageError(`${caseId} is a ${description.type} run, not a support case`);
    const handle = ctx.client.workflow.getHandle(caseId);
    if (description.status.name !== 'RUNNING') {
      const closed = await handle.query<SupportCaseStatus>('status').catch(() => undefined);
      const r = closed?.result;
      throw new CommandFailure(
        `case ${caseId} is already closed (${r ? `${r.decision} by ${r.decidedBy}` : description.status.name.toLowerCase()}): your ${kind} changed nothing`,
        { workflowId: caseId, result: r },
      );
    }
    const requestId = randomUUID();
    const payload = { by: opts.by.trim(), requestId, ...(opts.comment && { comment: opts.comment }), ...(opts.reason && { reason: opts.reason }), ...(opts.team && { team: opts.team }) };
    await handle.signal(kind, payload);
    const query = () => handle.query<SupportCaseStatus>('status');
    const record = await pollStatus(query, (s) => s.signals.find((r) => r.requestId === requestId));
    const uiUrl = ctx.uiUrl(caseId);
    if (!record) throw new CommandFailure(`sent ${kind} to ${caseId}, but no worker has processed it yet: check \`npm run client -- status ${caseId}\``, { workflowId: caseId, uiUrl });
    if (record.result !== 'accepted') {
      throw new CommandFailure(`your ${kind} was ${record.result}: ${record.why}`, { workflowId: caseId, uiUrl, signal: record });
    }
    // After an accepted decision the case finishes its last steps; show it closed when that is quick.
    const status = (await pollStatus(query, (s) => (s.stage === 'closed' ? s : undefined))) ?? (await query());
    printResult(opts, { workflowId: caseId, uiUrl, signal: record, status }, () => [
      `Your ${kind} was accepted.`,
      ...describeCase(caseId, status),
      `UI: ${uiUrl}`,
    ]);
  } finally {
    await ctx.close();
  }
}

/** Polls the case's status until `pick` finds something or the time is up; returns the last pick. */
async function pollStatus<T>(query: () => Promise<SupportCaseStatus>, pick: (s: SupportCaseStatus) => T | undefined, timeoutMs = 15_000): Promise<T | undefined> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = pick(await query());
    if (found !== undefined || Date.now() >= until) return found;
    await new Promise((r) => setTimeout(r, 200));
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
