import type { Command } from 'commander';
import { TicketInput, ticketDetails, ticketSubject } from '../domain/ticket';
import type { RouteTicketInput, RouteTicketResult } from '../workflows/route-ticket';
import { openClientContext } from './context';
import { UsageError } from './errors';
import { printResult, table, type OutputOptions } from './output';
import { runWorkflow, shortId } from './run-workflow';

interface RouteOptions extends OutputOptions {
  ticketId?: string;
  customer?: string;
  channel?: string;
}

/** Checks a ticket on the client too, so a typo costs no round trip and exits 2. */
export function parseTicketArgs(text: string, opts: RouteOptions): TicketInput {
  const parsed = TicketInput.safeParse({ text, ticketId: opts.ticketId, customer: opts.customer, channel: opts.channel });
  if (!parsed.success) {
    throw new UsageError(`invalid ticket: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  }
  return parsed.data;
}

export function registerRoute(program: Command): void {
  program
    .command('route')
    .description('Pattern A: classify a support ticket with the model and route it to a team (code decides)')
    .argument('<text>', 'the ticket text')
    .option('--ticket-id <id>', 'your ticket id (default: the workflow id)')
    .option('--customer <name>', 'who sent it')
    .option('--channel <name>', 'where it came from, e.g. email, chat')
    .option('--json', 'print one JSON object: the result with workflowId and uiUrl')
    .action(async (text: string, opts: RouteOptions) => {
      const ticket = parseTicketArgs(text, opts);
      const ctx = await openClientContext();
      try {
        const input: RouteTicketInput = { ...ticket, reviewThreshold: ctx.settings.REVIEW_CONFIDENCE_THRESHOLD };
        const { result, workflowId, uiUrl } = await runWorkflow<RouteTicketResult>(ctx, {
          workflowType: 'routeTicket',
          workflowId: `ticket-${ticket.ticketId ?? shortId()}`,
          args: [input],
          staticSummary: `Route ticket: ${ticketSubject(ticket.text)}`,
          staticDetails: ticketDetails(ticket),
          memo: { subject: ticketSubject(ticket.text) },
        });
        printResult(opts, { workflowId, uiUrl, ...result }, () => [
          `Routed to ${result.team}${result.needsReview ? '  (needs review)' : ''}`,
          ...table([
            ['category', result.category],
            ['priority', result.priority],
            ['confidence', result.confidence.toFixed(2)],
            ['reason', result.reason],
            ['model', result.model],
            ['attempts', String(result.attempts)],
            ['tokens', String(result.usage.totalTokens)],
            ...(result.classificationFailure
              ? [['failure', `${result.classificationFailure.type}: ${result.classificationFailure.message}`] as [string, string]]
              : []),
          ]),
          `UI: ${uiUrl}`,
        ]);
      } finally {
        await ctx.close();
      }
    });
}
