import { setCurrentDetails, workflowInfo } from '@temporalio/workflow';
import { readFlag } from '../input-checks';
import { readReviewThreshold, readTicket, type RouteTicketInput, type RouteTicketResult } from './contract';
import { classifyTicketStep } from './classify-step';
import { routeAndDeliver } from './route-step';

/** Pattern A: the model classifies, code routes. Validate → classify → route → deliver. */
export async function routeTicket(input: RouteTicketInput): Promise<RouteTicketResult> {
  const ticket = readTicket(input);
  const reviewThreshold = readReviewThreshold(input.reviewThreshold);
  const rateLimited = readFlag('rateLimitModelCalls', input.rateLimitModelCalls);
  const ticketId = ticket.ticketId ?? workflowInfo().workflowId;

  setCurrentDetails('Classifying the ticket');
  const outcome = await classifyTicketStep(ticket.text, rateLimited);
  const routed = await routeAndDeliver(ticketId, outcome, reviewThreshold);
  setCurrentDetails(`Routed to ${routed.team}${routed.needsReview ? ' (needs review)' : ''}`);

  return {
    ticketId,
    ...outcome.classification,
    team: routed.team,
    needsReview: routed.needsReview,
    model: outcome.model,
    usage: outcome.usage,
    attempts: outcome.attempts,
    ...(outcome.failure && { classificationFailure: outcome.failure }),
    deliveryId: routed.deliveryId,
  };
}
