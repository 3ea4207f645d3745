import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TicketCategory } from '../../src/domain/ticket.schema';
import { loadTickets, TRAIN_FILE } from '../../tools/eval/dataset';
import { reviewerDecision } from '../../tools/eval/run-eval';
import { listScenarios } from '../../src/scenarios';
import { tempDir } from '../helpers/files';

describe('the labelled data', () => {
  const tickets = loadTickets(TRAIN_FILE);

  it('has at least 150 tickets, every category well represented', () => {
    expect(tickets.length).toBeGreaterThanOrEqual(150);
    for (const category of TicketCategory.options) expect(tickets.filter((t) => t.category === category).length).toBeGreaterThanOrEqual(25);
  });

  it('includes the hard kinds the eval reports on', () => {
    for (const tag of ['ambiguous', 'multi-intent', 'typos', 'non-english', 'injection', 'long'] as const) {
      expect(tickets.filter((t) => t.tags.includes(tag)).length).toBeGreaterThanOrEqual(4);
    }
  });

  it('has scenarios that tempt a bad first step, to measure recovery', () => {
    expect(listScenarios().filter((s) => s.trap).length).toBeGreaterThanOrEqual(2);
  });

  it('refuses a file with a bad label, language or tag, or a repeated id, naming the ticket and the field', () => {
    const file = join(tempDir(), 'tickets.json');
    const ok = { id: 't001', text: 'hi', language: 'en', category: 'other', priority: 'low', tags: [] };
    const refused = (tickets: unknown[]) => {
      writeFileSync(file, JSON.stringify(tickets));
      return () => loadTickets(file);
    };
    expect(refused([ok, { ...ok, id: 'n002', category: 'sales' }])).toThrow(/ticket 1 \(n002\), category: Invalid option/);
    expect(refused([{ ...ok, language: 'ja' }])).toThrow(/ticket 0 \(t001\), language/);
    expect(refused([{ ...ok, language: 'de' }])).toThrow(/ticket 0 \(t001\), tags: has "non-english" exactly when language is not en/);
    expect(refused([{ ...ok, id: 'ticket-1' }])).toThrow(/ticket 0 \(ticket-1\), id: id must be a letter and three or more digits/);
    expect(refused([{ ...ok, text: 'a\u0007b' }])).toThrow(/ticket 0 \(t001\), text: text contains control characters/);
    expect(refused([ok, ok])).toThrow(/t001 appears twice/);
  });
});

describe('the simulated reviewer', () => {
  const resolved = { expected: { outcome: 'resolved' as const, rootCauseKeywords: ['PAYMENT_API_KEY'] } };
  it('approves a recommendation naming the cause, rejects one that does not, escalates when there is nothing to act on', () => {
    expect(reviewerDecision(resolved, 'Set PAYMENT_API_KEY in production', 'r').kind).toBe('approve');
    expect(reviewerDecision(resolved, 'Restart the service', 'r').kind).toBe('reject');
    expect(reviewerDecision(resolved, '', 'r').kind).toBe('escalate');
    expect(reviewerDecision({ expected: { outcome: 'escalated', rootCauseKeywords: [] } }, 'anything', 'r')).toMatchObject({ kind: 'escalate', by: 'r' });
  });
});
