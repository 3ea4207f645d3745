/** The five categories a ticket can fall into; the model may answer nothing else. */
export const TICKET_CATEGORIES = ['billing', 'technical_issue', 'refund_request', 'account_access', 'other'] as const;
export type TicketCategory = (typeof TICKET_CATEGORIES)[number];

export const PRIORITIES = ['low', 'medium', 'high'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** Long enough for any real e-mail, short enough that one ticket cannot blow a model's context or a history. */
export const MAX_TICKET_CHARS = 20_000;

/** A ticket as a workflow receives it. */
export interface TicketInput {
  /** Your ticket id; the workflow id when absent. */
  ticketId?: string;
  text: string;
  customer?: string;
  channel?: string;
}

// Newline and tab are ordinary in e-mail; every other control character is noise or an attack.
const FORBIDDEN_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

// A lone UTF-16 surrogate is what invalid UTF-8 becomes in a JS string; no model or log can take it.
const LONE_SURROGATE = /\p{Cs}/u;

/** What is wrong with a ticket's text, or undefined when a model may read it. */
export function ticketTextProblem(text: unknown): string | undefined {
  if (text === undefined) return 'text is required';
  if (typeof text !== 'string') return 'text must be a string';
  if (text.trim().length === 0) return 'text is empty';
  if (text.length > MAX_TICKET_CHARS) return `text is longer than ${MAX_TICKET_CHARS} characters`;
  if (FORBIDDEN_CONTROL.test(text)) return 'text contains control characters (only newline and tab are allowed)';
  if (LONE_SURROGATE.test(text)) return 'text is not valid UTF-8 (it holds a lone surrogate)';
  return undefined;
}

const OPTIONAL_FIELDS = { ticketId: 200, customer: 200, channel: 50 } as const;

/** Everything wrong with a ticket, each problem naming its field; empty when it may be classified. */
export function ticketProblems(input: unknown): string[] {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return ['the ticket must be an object with a "text" field'];
  const ticket = input as Record<string, unknown>;
  const problems = [ticketTextProblem(ticket.text)];
  for (const [field, max] of Object.entries(OPTIONAL_FIELDS)) {
    const value = ticket[field];
    if (value === undefined) continue;
    if (typeof value !== 'string' || value.trim().length === 0) problems.push(`${field} must be a non-empty string`);
    else if (value.length > max) problems.push(`${field} is longer than ${max} characters`);
  }
  return problems.filter((p): p is string => p !== undefined);
}

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
