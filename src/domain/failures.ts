/**
 * Failure types shared by activities (which throw them) and workflows (which decide by them).
 * Retry policies and callers match on these names, never on messages.
 */
export const FailureType = {
  InvalidTicket: 'InvalidTicket',
  InvalidInput: 'InvalidInput',
  ModelRateLimited: 'ModelRateLimited',
  ModelUnavailable: 'ModelUnavailable',
  ModelTimeout: 'ModelTimeout',
  ModelConnection: 'ModelConnection',
  ModelBadRequest: 'ModelBadRequest',
  ModelAuth: 'ModelAuth',
  ModelNotFound: 'ModelNotFound',
  ModelRefusal: 'ModelRefusal',
  ModelOutputInvalid: 'ModelOutputInvalid',
  DeliveryFailed: 'DeliveryFailed',
  DecisionRefused: 'DecisionRefused',
} as const;
export type FailureType = (typeof FailureType)[keyof typeof FailureType];

/** Failures no retry can fix: the same request would fail the same way. */
export const NON_RETRYABLE_MODEL_FAILURES: readonly FailureType[] = [
  FailureType.ModelBadRequest,
  FailureType.ModelAuth,
  FailureType.ModelNotFound,
  FailureType.ModelRefusal,
];
