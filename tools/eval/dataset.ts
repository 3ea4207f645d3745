import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { Priority, TicketCategory, TicketText } from '../../src/domain/ticket.schema';

export const TICKETS_FILE = join(__dirname, '..', '..', 'data', 'tickets', 'train.json');

export const TicketTag = z.enum(['ambiguous', 'multi-intent', 'typos', 'non-english', 'long', 'short', 'informal', 'angry', 'polite', 'injection']);

/** A support ticket with its gold labels: what a careful person would route it as. */
export const LabelledTicket = z
  .object({
    id: z.string().regex(/^t\d{3,}$/, 'id must look like t001'),
    text: TicketText,
    category: TicketCategory,
    priority: Priority,
    tags: z.array(TicketTag),
  })
  .strict();
export type LabelledTicket = z.infer<typeof LabelledTicket>;

/** Reads and checks the labelled tickets; an error names the ticket and the field. */
export function loadTickets(file = TICKETS_FILE): LabelledTicket[] {
  const parsed = z.array(LabelledTicket).safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${file}: ticket ${String(issue.path[0])}, ${issue.path.slice(1).join('.') || 'ticket'}: ${issue.message}`);
  }
  const ids = new Set<string>();
  for (const t of parsed.data) {
    if (ids.has(t.id)) throw new Error(`${file}: ticket id ${t.id} appears twice`);
    ids.add(t.id);
  }
  return parsed.data;
}
