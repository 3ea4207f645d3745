import { TicketCategory } from '../../src/domain/ticket.schema';
import { HELDOUT_FILE, loadTickets, TicketLanguage, TRAIN_FILE, type LabelledTicket } from '../../tools/eval/dataset';
import { findOverlaps } from '../../tools/eval/overlap';

describe('train and held-out tickets never overlap', () => {
  it('finds the same id, the same text and a near-same text (so the check below can fail)', () => {
    const train = [
      { id: 't001', text: 'I was charged twice for my March subscription. Please fix it.' },
      { id: 't002', text: 'The dashboard is slow.' },
      { id: 't003', text: 'Bitte um Rückerstattung der Rechnung vom Mai.' },
    ];
    const heldout = [
      { id: 't002', text: 'Completely different words here.' },
      { id: 'h001', text: 'BITTE um Ruckerstattung der Rechnung vom Mai!!' },
      { id: 'h002', text: 'I was charged twice for my April subscription. Please fix it.' },
      { id: 'h003', text: 'Where can I find the API documentation?' },
    ];
    expect(findOverlaps(train, heldout).map((o) => [o.a, o.b, o.why])).toEqual([
      ['t001', 'h002', 'near-same text'],
      ['t002', 't002', 'same id'],
      ['t003', 'h001', 'same text'],
    ]);
  });

  it('data/tickets/train.json and heldout.json share no id and no (near-)same text', () => {
    expect(findOverlaps(loadTickets(TRAIN_FILE), loadTickets(HELDOUT_FILE))).toEqual([]);
  });
});

describe('the labelled tickets (issue 14: at least 400, at least 8 languages)', () => {
  const train = loadTickets(TRAIN_FILE);
  const heldout = loadTickets(HELDOUT_FILE);
  const count = (tickets: readonly LabelledTicket[], key: (t: LabelledTicket) => string) =>
    tickets.reduce<Record<string, number>>((n, t) => ({ ...n, [key(t)]: (n[key(t)] ?? 0) + 1 }), {});

  it('has at least 400 tickets in at least 8 languages, the six the issue names among them', () => {
    expect(train.length + heldout.length).toBeGreaterThanOrEqual(400);
    const languages = Object.keys(count([...train, ...heldout], (t) => t.language));
    expect(languages.length).toBeGreaterThanOrEqual(8);
    expect(languages).toEqual(expect.arrayContaining(['de', 'es', 'fr', 'pt', 'it', 'nl']));
  });

  it('measures every language and category on the held-out set with enough tickets to mean something', () => {
    for (const n of Object.values(count(heldout, (t) => t.language))) expect(n).toBeGreaterThanOrEqual(20);
    for (const category of TicketCategory.options) expect(count(heldout, (t) => t.category)[category]).toBeGreaterThanOrEqual(30);
    for (const language of TicketLanguage.options) expect(count(train, (t) => t.language)[language]).toBeGreaterThanOrEqual(20);
  });

  it('includes the hard kinds in both sets: typos, slang, multi-intent, very short and long, injections', () => {
    for (const tickets of [train, heldout]) {
      for (const tag of ['typos', 'multi-intent', 'short', 'long', 'injection', 'non-english'] as const) {
        // Named in the comparison, so a failure says which kind is missing.
        expect({ tag, enough: tickets.filter((t) => t.tags.includes(tag)).length >= 3 }).toEqual({ tag, enough: true });
      }
    }
    expect(train.filter((t) => t.tags.includes('slang')).length).toBeGreaterThanOrEqual(3);
  });
});
