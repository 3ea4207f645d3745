/** Defaults for the thresholds an operator can tune; the client fills them from settings. */
export const DEFAULT_REVIEW_THRESHOLD = 0.6;
