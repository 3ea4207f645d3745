import { join } from 'node:path';
import { z } from 'zod';
import { Priority, TicketCategory } from '../../domain/ticket.schema';
import type { FeatureOptions } from './features';
import { NaiveBayesModel } from './naive-bayes';

/** Where `npm run train` writes the model and trained.ts imports it from. */
export const TRAINED_MODEL_FILE = join(__dirname, 'ticket-model.json');

/** The trained ticket classifier as `npm run train` writes it: feature settings and one head per label. */
export const TicketModel = z.object({
  format: z.literal(1),
  /** What it was trained on, so a stale model is easy to spot. */
  trainedOn: z.object({ file: z.string(), tickets: z.number().int().positive(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
  features: z.object({
    minN: z.number().int().min(1),
    maxN: z.number().int().min(1),
    cueRepeat: z.number().int().min(0),
    categoryRepeat: z.number().int().min(0),
    priorityNgrams: z.boolean(),
  }) satisfies z.ZodType<FeatureOptions>,
  category: NaiveBayesModel.refine((m) => m.labels.every((l) => TicketCategory.safeParse(l).success), 'category labels must be ticket categories'),
  priority: NaiveBayesModel.refine((m) => m.labels.every((l) => Priority.safeParse(l).success), 'priority labels must be priorities'),
});
export type TicketModel = z.infer<typeof TicketModel>;

/** Checks a model read from JSON; the error names the field that is wrong. */
export function parseTicketModel(json: unknown, source: string): TicketModel {
  const parsed = TicketModel.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${source}: ${issue.path.join('.') || 'model'}: ${issue.message}; run \`npm run train\` to write it again`);
  }
  return parsed.data;
}
