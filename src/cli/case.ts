import { WorkflowNotFoundError, type WorkflowHandle } from '@temporalio/client';
import type { Command } from 'commander';
import { ticketDetails, ticketSubject, type TicketInput } from '../domain/ticket';
import type { Scenario } from '../domain/scenario.schema';
import { supportCase } from '../workflows';
import { supportCaseStatusQuery, type SupportCaseInput, type SupportCaseStatus } from '../workflows/support-case/contract';
import { openClientContext, rateLimit, runFailure, type ClientContext } from './context';
import { CommandFailure, UsageError } from './errors';
import { printResult, type OutputOptions } from './output';
import { shortId, startWorkflow } from './run-workflow';
import { loadScenarioOrUsage } from './scenario-arg';
import { formatStep } from './troubleshoot';
import { parseTicketArgs, withTicketArgs, type TicketOptions } from './ticket-args';
import { untilCaseWaits } from './until-case-waits';
import { approversFromSettings } from '../signing/approvers';

interface CaseOptions extends OutputOptions, TicketOptions {
  scenario?: string;
  wait?: boolean;
}

/** The case's input from settings: who may approve and the keys they sign with, how long they have, the agent's bounds. */
export function caseInput(ctx: ClientContext, ticket: TicketInput, scenario?: Scenario): SupportCaseInput {
  const s = ctx.settings;
  return {
    ticket,
    ...(scenario && { scenario }),
    ...approversFromSettings(s),
    approvalTimeout: s.APPROVAL_TIMEOUT,
    reviewThreshold: s.REVIEW_CONFIDENCE_THRESHOLD,
    minConfidence: s.AGENT_MIN_CONFIDENCE,
    agent: { maxSteps: s.AGENT_MAX_STEPS, tokenBudget: s.AGENT_TOKEN_BUDGET },
    ...rateLimit(s),
  };
}

/** Human lines for a case's status: where it stands and what it waits for. */
export function describeCase(workflowId: string, status: SupportCaseStatus): string[] {
  const lines = [`Case ${workflowId}: ${status.caseStatus} (stage ${status.stage}${status.category ? `, ${status.category}` : ''})`];
  const p = status.pendingApproval;
  if (p) {
    lines.push(`  waiting for a person to approve ${p.action} (${p.impact} impact) until ${p.deadline}`);
    lines.push(`  because: ${p.reasons.join('; ')}`);
    lines.push(`  recommendation: ${p.recommendation || '(none)'}`);
  }
  for (const s of status.transcript) lines.push(formatStep(s));
  for (const a of status.audit) lines.push(`  ${a.at} ${a.kind.padEnd(9)} ${a.by}${a.key ? ` (${a.key})` : ''}: ${a.what}`);
  for (const d of status.decisions.filter((d) => d.result !== 'accepted')) {
    lines.push(`  ${d.at} ${d.result.padEnd(9)} ${d.decision} by ${d.by || '(nobody)'} via ${d.via}${d.key ? ` (${d.key})` : ''}: ${d.why}`);
  }
  const r = status.result;
  if (r) lines.push(`  closed: ${r.decision} by ${r.decidedBy} via the ${r.path} path${r.action ? `, action ${r.action}` : ''}${r.team ? `, team ${r.team}` : ''}`);
  return lines;
}

export interface OpenedCase {
  workflowId: string;
  uiUrl: string;
  /** Undefined when not waited for. */
  status?: SupportCaseStatus;
}

/**
 * Starts a support case and, when `wait`, follows it until it closes or stops for a person: either
 * way the operator knows what to do next.
 */
export async function openCase(ctx: ClientContext, ticket: TicketInput, scenario: Scenario | undefined, wait: boolean): Promise<OpenedCase> {
  const workflowId = `case-${shortId()}`;
  const { handle, uiUrl } = await startWorkflow(ctx, supportCase, {
    workflowId,
    args: [caseInput(ctx, ticket, scenario)],
    staticSummary: `Support case: ${ticketSubject(ticket.text)}`,
    staticDetails: `${ticketDetails(ticket)}${scenario ? `\n\n**Scenario:** ${scenario.id} (${scenario.title})` : ''}`,
    memo: { subject: ticketSubject(ticket.text), ...(scenario && { scenario: scenario.id }) },
  });
  if (!wait) return { workflowId, uiUrl };
  const status = await untilCaseWaits(handle).catch((err: unknown) => {
    throw runFailure(err, workflowId, uiUrl);
  });
  return { workflowId, uiUrl, status };
}

/** What an operator reads about a case just opened, with the commands that decide it when it waits. */
export function caseLines({ workflowId, uiUrl, status }: OpenedCase): string[] {
  return [
    ...(status ? describeCase(workflowId, status) : [`Case ${workflowId} started`]),
    ...(status?.stage === 'awaiting_approval'
      ? [
          `Approve:  npm run client -- approve ${workflowId} --by <name> [--comment "..."]`,
          `Reject:   npm run client -- reject ${workflowId} --by <name> --reason "..."`,
          `Escalate: npm run client -- escalate ${workflowId} --by <name> --reason "..." [--team "..."]`,
        ]
      : []),
    `UI: ${uiUrl}`,
  ];
}

export function registerCase(program: Command): void {
  withTicketArgs(program.command('case').description('Pattern C: open a support case: classify, route or investigate, and wait for a person where it matters'))
    .option('--scenario <id|file>', 'the system a technical ticket is investigated on (built-in id or JSON file)')
    .option('--no-wait', 'return once the case is started')
    .option('--json', 'print one JSON object')
    .action(async (text: string, opts: CaseOptions) => {
      const ticket = parseTicketArgs(text, opts);
      const scenario = opts.scenario ? loadScenarioOrUsage(opts.scenario) : undefined;
      const ctx = await openClientContext();
      try {
        const opened = await openCase(ctx, ticket, scenario, opts.wait !== false);
        printResult(opts, { ...opened }, () => caseLines(opened));
      } finally {
        await ctx.close();
      }
    });

  program
    .command('status')
    .description("Show a case's stage, what approval is pending and why, the agent transcript and the audit trail")
    .argument('<caseId>', 'the case workflow id, e.g. case-1a2b3c4d')
    .option('--json', 'print one JSON object')
    .action(async (caseId: string, opts: OutputOptions) => {
      const ctx = await openClientContext();
      try {
        const status = await queryCase(ctx, caseId);
        printResult(opts, { workflowId: caseId, uiUrl: ctx.uiUrl(caseId), ...status }, () => [...describeCase(caseId, status), `UI: ${ctx.uiUrl(caseId)}`]);
      } finally {
        await ctx.close();
      }
    });
}

/** The handle of a support case and whether it still runs; a clear error when there is no such case or it is another kind of run. */
export async function caseHandle(ctx: ClientContext, caseId: string): Promise<{ handle: WorkflowHandle<typeof supportCase>; running: boolean }> {
  const description = await describeOrExplain(ctx, caseId);
  if (description.type !== supportCase.name) throw new UsageError(`${caseId} is a ${description.type} run, not a support case`);
  return { handle: ctx.client.workflow.getHandle<typeof supportCase>(caseId), running: description.status.name === 'RUNNING' };
}

/** A case's status, or a clear error when there is no such case. */
export async function queryCase(ctx: ClientContext, caseId: string): Promise<SupportCaseStatus> {
  const { handle } = await caseHandle(ctx, caseId);
  return handle.query(supportCaseStatusQuery);
}

/** Describes a run, or fails with a message that says the id is unknown and how to find the right one. */
export async function describeOrExplain(ctx: ClientContext, workflowId: string) {
  try {
    return await ctx.client.workflow.getHandle(workflowId).describe();
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) {
      throw new CommandFailure(`no workflow with id ${workflowId} in namespace ${ctx.namespace}: check the id with \`npm run client -- list\``, { workflowId });
    }
    throw err;
  }
}
