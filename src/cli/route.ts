import type { Command } from 'commander';
import { ticketDetails, ticketSubject } from '../domain/ticket';
import { routeTicket } from '../workflows';
import { openClientContext, rateLimit } from './context';
import { printResult, table, type OutputOptions } from './output';
import { runWorkflow, shortId } from './run-workflow';
import { parseTicketArgs, withTicketArgs, type TicketOptions } from './ticket-args';

type RouteOptions = OutputOptions & TicketOptions;

export function registerRoute(program: Command): void {
  withTicketArgs(program.command('route').description('Pattern A: classify a support ticket with the model and route it to a team (code decides)'))
    .option('--json', 'print one JSON object: the result with workflowId and uiUrl')
    .action(async (text: string, opts: RouteOptions) => {
      const ticket = parseTicketArgs(text, opts);
      const ctx = await openClientContext();
      try {
        const { result, workflowId, uiUrl } = await runWorkflow(ctx, routeTicket, {
          workflowId: `ticket-${ticket.ticketId ?? shortId()}`,
          args: [{ ...ticket, reviewThreshold: ctx.settings.REVIEW_CONFIDENCE_THRESHOLD, ...rateLimit(ctx.settings) }],
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
