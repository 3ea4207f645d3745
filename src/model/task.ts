import type { z } from 'zod';

/**
 * One kind of question put to a model: its instructions, the schema its answer must fit, and the
 * offline rules that answer it with no model. Adding a kind of question is adding one of these.
 */
export interface ModelTask<I, O> {
  /** Also the structured-output schema name on the wire, which is how the fake server tells tasks apart. */
  readonly name: string;
  readonly instructions: string;
  readonly output: z.ZodType<O>;
  /** Deterministic answer used by the offline provider and the fake OpenAI server. */
  readonly offline: (input: I) => O;
}
