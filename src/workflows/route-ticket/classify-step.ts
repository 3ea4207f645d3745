import { ActivityFailure, ApplicationFailure } from '@temporalio/workflow';
import type { Classification } from '../../domain/ticket.schema';
import { NO_USAGE, type Usage } from '../../domain/usage';
import type { ModelFailureDetails } from '../../activities/model-failure';
import { MODEL_RETRY, modelActivities } from '../activity-proxies';

export interface ClassificationOutcome {
  /** The model's answer, or a safe stand-in (other, confidence 0) when every attempt failed. */
  classification: Classification;
  model: string;
  usage: Usage;
  attempts: number;
  /** Set when the model never gave a valid answer: the ticket must be reviewed by a person. */
  failure?: { type: string; message: string };
}

/**
 * Pattern A's classification step, shared by every workflow that classifies a ticket.
 * A model that keeps failing never blocks the ticket: it falls back to "other" and says why.
 */
export async function classifyTicketStep(text: string, rateLimited: boolean): Promise<ClassificationOutcome> {
  try {
    const call = await modelActivities(rateLimited).classifyTicket.executeWithOptions({ summary: 'classify ticket' }, [{ text }]);
    return { classification: call.output, model: call.model, usage: call.usage, attempts: call.attempt };
  } catch (err) {
    if (!(err instanceof ActivityFailure)) throw err;
    const cause = err.cause;
    const details = cause instanceof ApplicationFailure ? (cause.details?.[0] as ModelFailureDetails | undefined) : undefined;
    return {
      classification: { category: 'other', priority: 'medium', confidence: 0, reason: 'the model gave no valid classification' },
      model: 'none',
      usage: NO_USAGE,
      attempts: details?.attempt ?? MODEL_RETRY.maximumAttempts,
      failure: {
        type: cause instanceof ApplicationFailure && cause.type ? cause.type : (cause?.name ?? 'ActivityFailure'),
        message: cause?.message ?? err.message,
      },
    };
  }
}
