import { z } from 'zod';

/** The five categories a ticket can fall into; the model may answer nothing else. */
export const TicketCategory = z.enum(['billing', 'technical_issue', 'refund_request', 'account_access', 'other']);
export type TicketCategory = z.infer<typeof TicketCategory>;

export const Priority = z.enum(['low', 'medium', 'high']);
export type Priority = z.infer<typeof Priority>;

/** What the model must return for a ticket: one schema drives the structured output and its validation. */
export const Classification = z.object({
  category: TicketCategory,
  priority: Priority,
  confidence: z.number().min(0).max(1),
  reason: z.string().min(1),
});
export type Classification = z.infer<typeof Classification>;

/** Long enough for any real e-mail, short enough that one ticket cannot blow a model's context or a history. */
export const MAX_TICKET_CHARS = 20_000;

// Newline and tab are ordinary in e-mail; every other control character is noise or an attack.
const FORBIDDEN_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

// A lone UTF-16 surrogate is what invalid UTF-8 becomes in a JS string; no model or log can take it.
const LONE_SURROGATE = /\p{Cs}/u;

export const TicketInput = z.object({
  ticketId: z.string().trim().min(1).max(200).optional(),
  text: z
    .string({ error: 'text must be a string' })
    .refine((t) => t.trim().length > 0, 'text is empty')
    .refine((t) => t.length <= MAX_TICKET_CHARS, `text is longer than ${MAX_TICKET_CHARS} characters`)
    .refine((t) => !FORBIDDEN_CONTROL.test(t), 'text contains control characters (only newline and tab are allowed)')
    .refine((t) => !LONE_SURROGATE.test(t), 'text is not valid UTF-8 (it holds a lone surrogate)'),
  customer: z.string().max(200).optional(),
  channel: z.string().max(50).optional(),
});
export type TicketInput = z.infer<typeof TicketInput>;

/** The ticket's first line, cut short: what a person sees in lists. */
export function ticketSubject(text: string, max = 80): string {
  const firstLine = text.trim().split('\n')[0]?.trim() ?? '';
  return firstLine.length > max ? `${firstLine.slice(0, max - 1)}…` : firstLine;
}

/** Markdown shown under a run's title in the Temporal UI: who sent the ticket, where, and its opening. */
export function ticketDetails(ticket: Pick<TicketInput, 'text' | 'customer' | 'channel'>, max = 500): string {
  const who = [ticket.customer && `**Customer:** ${ticket.customer}`, ticket.channel && `**Channel:** ${ticket.channel}`].filter(Boolean).join(' · ');
  const text = ticket.text.trim();
  const quoted = (text.length > max ? `${text.slice(0, max - 1)}…` : text).replace(/^/gm, '> ');
  return who ? `${who}\n\n${quoted}` : quoted;
}
