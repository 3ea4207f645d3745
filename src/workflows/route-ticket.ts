import { setCurrentDetails, workflowInfo } from '@temporalio/workflow';
import { DEFAULT_REVIEW_THRESHOLD } from '../domain/policy';
import type { Priority, TicketCategory } from '../domain/ticket';
import type { Usage } from '../domain/usage';
import { classifyTicketStep } from './steps/classify-ticket';
import { routeAndDeliver } from './steps/route-and-deliver';
import { validateTicket } from './steps/validate-ticket';

export interface RouteTicketInput {
  ticketId?: string;
  text: string;
  customer?: string;
  channel?: string;
  /** Confidence under this sends the ticket for review; default DEFAULT_REVIEW_THRESHOLD. */
  reviewThreshold?: number;
}

export interface RouteTicketResult {
  ticketId: string;
  category: TicketCategory;
  priority: Priority;
  confidence: number;
  reason: string;
  team: string;
  needsReview: boolean;
  model: string;
  usage: Usage;
  /** Classification attempts, retries included. */
  attempts: number;
  /** Why the model's classification could not be used, when it could not. */
  classificationFailure?: { type: string; message: string };
  deliveryId: string;
}

/** Pattern A: the model classifies, code routes. Validate → classify → route → deliver. */
export async function routeTicket(input: RouteTicketInput): Promise<RouteTicketResult> {
  const { reviewThreshold = DEFAULT_REVIEW_THRESHOLD, ...rest } = input;
  const ticket = validateTicket(rest);
  const ticketId = ticket.ticketId ?? workflowInfo().workflowId;

  setCurrentDetails('Classifying the ticket');
  const outcome = await classifyTicketStep(ticket.text);
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
