import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { Priority, TicketCategory, TicketText } from '../../src/domain/ticket.schema';

const TICKETS_DIR = join(__dirname, '..', '..', 'data', 'tickets');
/** What the offline classifier learns from; the only file `npm run train` reads. */
export const TRAIN_FILE = join(TICKETS_DIR, 'train.json');
/** Written apart from the training data and never trained on: what the eval measures by default. */
export const HELDOUT_FILE = join(TICKETS_DIR, 'heldout.json');

export const TicketTag = z.enum(['ambiguous', 'multi-intent', 'typos', 'non-english', 'long', 'short', 'informal', 'angry', 'polite', 'injection', 'slang']);

/** The languages customers write tickets in (ISO 639-1); see data/tickets/README.md. */
export const TicketLanguage = z.enum(['en', 'de', 'es', 'fr', 'pt', 'it', 'nl', 'pl', 'sv']);
export type TicketLanguage = z.infer<typeof TicketLanguage>;

/** A support ticket with its gold labels: what a careful person would route it as (data/tickets/README.md). */
export const LabelledTicket = z
  .object({
    id: z.string().regex(/^[a-z]\d{3,}$/, 'id must be a letter and three or more digits, like t001'),
    text: TicketText,
    language: TicketLanguage,
    category: TicketCategory,
    priority: Priority,
    tags: z.array(TicketTag),
  })
  .strict()
  .refine((t) => t.tags.includes('non-english') === (t.language !== 'en'), { path: ['tags'], message: 'has "non-english" exactly when language is not en' });
export type LabelledTicket = z.infer<typeof LabelledTicket>;

/** Reads and checks the labelled tickets; an error names the file, the ticket and the field. */
export function loadTickets(file = HELDOUT_FILE): LabelledTicket[] {
  const raw: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const parsed = z.array(LabelledTicket).safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const [index, ...field] = issue.path;
    const id = Array.isArray(raw) ? (raw[Number(index)] as { id?: unknown } | undefined)?.id : undefined;
    throw new Error(`${file}: ticket ${String(index)}${typeof id === 'string' ? ` (${id})` : ''}, ${field.join('.') || 'ticket'}: ${issue.message}`);
  }
  const ids = new Set<string>();
  for (const t of parsed.data) {
    if (ids.has(t.id)) throw new Error(`${file}: ticket id ${t.id} appears twice`);
    ids.add(t.id);
  }
  return parsed.data;
}
