import { LIMITS as PRODUCT_LIMITS } from '../../src/domain/limits';

export * from '../../src/domain/limits';

/** The product's limits, with room for the bench's long agent runs (200 steps, every one rejected after the tools run out). */
export const LIMITS = {
  ...PRODUCT_LIMITS,
  maxSteps: { ...PRODUCT_LIMITS.maxSteps, max: 1_000 },
  maxConsecutiveRejections: { ...PRODUCT_LIMITS.maxConsecutiveRejections, max: 1_000 },
};
