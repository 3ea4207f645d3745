import { ApplicationFailure } from '@temporalio/workflow';
import { FailureType } from '../../domain/failures';
import { TicketInput } from '../../domain/ticket';

/** Validates a ticket before any model call; bad input fails the run at once, never retried. */
export function validateTicket(input: unknown): TicketInput {
  const parsed = TicketInput.safeParse(input);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message));
  throw ApplicationFailure.create({
    type: FailureType.InvalidTicket,
    message: `invalid ticket: ${problems.join('; ')}`,
    nonRetryable: true,
  });
}
