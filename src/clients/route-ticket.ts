import { ticketDetails, ticketSubject, type TicketInput } from '../domain/ticket';
import { routeTicket } from '../workflows';
import { rateLimit, type ClientContext } from './context';
import { runWorkflow, shortId } from './start';

// Pattern A's client half: one ticket in, its route out.

/** Routes a ticket and waits for the route: workflow id `ticket-<ticketId>` (so a ticket id names its run), else a fresh one. */
export function routeOne(ctx: ClientContext, ticket: TicketInput) {
  return runWorkflow(ctx, routeTicket, {
    workflowId: `ticket-${ticket.ticketId ?? shortId()}`,
    args: [{ ...ticket, reviewThreshold: ctx.settings.REVIEW_CONFIDENCE_THRESHOLD, ...rateLimit(ctx.settings) }],
    staticSummary: `Route ticket: ${ticketSubject(ticket.text)}`,
    staticDetails: ticketDetails(ticket),
    memo: { subject: ticketSubject(ticket.text) },
  });
}
