import { z } from 'zod';
import { PRIORITIES, TICKET_CATEGORIES, ticketTextProblem } from './ticket';

/*
 * Schemas for the edges (the model's structured output, datasets): workflow code imports their
 * types only, so zod never enters the workflow sandbox.
 */

export const TicketCategory = z.enum(TICKET_CATEGORIES);
export const Priority = z.enum(PRIORITIES);

/** What the model must return for a ticket: one schema drives the structured output and its validation. */
export const Classification = z.object({
  category: TicketCategory,
  priority: Priority,
  confidence: z.number().min(0).max(1),
  reason: z.string().min(1),
});
export type Classification = z.infer<typeof Classification>;

/** A ticket's text, by the same rule the workflows apply. */
export const TicketText = z.string({ error: 'text must be a string' }).superRefine((text, ctx) => {
  const problem = ticketTextProblem(text);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
