import { FailureType } from '../../domain/failures';
import { LIMITS, limitProblem } from '../../domain/limits';
import { ticketProblems, type Priority, type TicketCategory, type TicketInput } from '../../domain/ticket';
import type { Usage } from '../../domain/usage';
import { refuseInput } from '../input-checks';

/** Pattern A's contract: what `routeTicket` takes and returns. It has no messages. */
export interface RouteTicketInput extends TicketInput {
  /** Confidence under this sends the ticket for review; default LIMITS.reviewThreshold. */
  reviewThreshold?: number;
  /** Model calls through the server's rate limit (the client sets it when MODEL_RATE_LIMIT_PER_SECOND is). */
  rateLimitModelCalls?: boolean;
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

/** The ticket, or a non-retryable InvalidTicket failure naming every problem. */
export function readTicket(input: unknown): TicketInput {
  const problems = ticketProblems(input);
  if (problems.length) refuseInput('ticket', problems, FailureType.InvalidTicket);
  const { ticketId, text, customer, channel } = input as TicketInput;
  return { text, ...(ticketId && { ticketId: ticketId.trim() }), ...(customer && { customer }), ...(channel && { channel }) };
}

/** The review threshold given, or the default; a bad one is refused. */
export function readReviewThreshold(value: unknown): number {
  if (value === undefined) return LIMITS.reviewThreshold.default;
  const problem = limitProblem('reviewThreshold', value, LIMITS.reviewThreshold);
  if (problem) refuseInput('input', [problem]);
  return value as number;
}
