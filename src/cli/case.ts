import type { Command } from 'commander';
import { withClient } from '../clients/context';
import { openCase, queryCase, type OpenedCase } from '../clients/support-case';
import type { SupportCaseStatus } from '../workflows/support-case/contract';
import { printResult, type OutputOptions } from './output';
import { loadScenarioOrUsage } from './scenario-arg';
import { parseTicketArgs, withTicketArgs, type TicketOptions } from './ticket-args';
import { describeAction, formatStep } from './troubleshoot';

interface CaseOptions extends OutputOptions, TicketOptions {
  scenario?: string;
  wait?: boolean;
}

/** Human lines for a case's status: where it stands and what it waits for. */
export function describeCase(workflowId: string, status: SupportCaseStatus): string[] {
  const lines = [`Case ${workflowId}: ${status.caseStatus} (stage ${status.stage}${status.category ? `, ${status.category}` : ''})`];
  const p = status.pendingApproval;
  if (p) {
    lines.push(`  waiting for a person to approve ${describeAction({ name: p.action, target: p.target })} (${p.impact} impact) until ${p.deadline}`);
    lines.push(`  because: ${p.reasons.join('; ')}`);
    lines.push(`  recommendation: ${p.recommendation || '(none)'}`);
  }
  const agent = status.result?.agent;
  if (agent) lines.push(`  agent proposed: ${agent.proposedAction ? describeAction(agent.proposedAction) : 'no action code could check'}`);
  for (const s of status.transcript) lines.push(formatStep(s));
  for (const a of status.audit) lines.push(`  ${a.at} ${a.kind.padEnd(9)} ${a.by}${a.key ? ` (${a.key})` : ''}: ${a.what}`);
  for (const d of status.decisions.filter((d) => d.result !== 'accepted')) {
    lines.push(`  ${d.at} ${d.result.padEnd(9)} ${d.decision} by ${d.by || '(nobody)'} via ${d.via}${d.key ? ` (${d.key})` : ''}: ${d.why}`);
  }
  const r = status.result;
  if (r)
    lines.push(`  closed: ${r.decision} by ${r.decidedBy} via the ${r.path} path${r.action ? `, action ${r.action}` : ''}${r.team ? `, team ${r.team}` : ''}`);
  return lines;
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
      const opened = await withClient((ctx) => openCase(ctx, ticket, scenario, opts.wait !== false));
      printResult(opts, { ...opened }, () => caseLines(opened));
    });

  program
    .command('status')
    .description("Show a case's stage, what approval is pending and why, the agent transcript and the audit trail")
    .argument('<caseId>', 'the case workflow id, e.g. case-1a2b3c4d')
    .option('--json', 'print one JSON object')
    .action(async (caseId: string, opts: OutputOptions) => {
      await withClient(async (ctx) => {
        const status = await queryCase(ctx, caseId);
        printResult(opts, { workflowId: caseId, uiUrl: ctx.uiUrl(caseId), ...status }, () => [...describeCase(caseId, status), `UI: ${ctx.uiUrl(caseId)}`]);
      });
    });
}
