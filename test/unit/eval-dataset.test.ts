import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TicketCategory } from '../../src/domain/ticket.schema';
import { loadTickets } from '../../tools/eval/dataset';
import { reviewerDecision } from '../../tools/eval/run-eval';
import { listScenarios } from '../../src/scenarios';
import { tempDir } from '../helpers/files';

describe('the labelled data', () => {
  const tickets = loadTickets();

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

  it('refuses a file with a bad label or a repeated id, naming the ticket', () => {
    const file = join(tempDir(), 'tickets.json');
    writeFileSync(file, JSON.stringify([{ id: 't001', text: 'hi', category: 'sales', priority: 'low', tags: [] }]));
    expect(() => loadTickets(file)).toThrow(/ticket 0, category/);
    writeFileSync(file, JSON.stringify([1, 2].map(() => ({ id: 't001', text: 'hi', category: 'other', priority: 'low', tags: [] }))));
    expect(() => loadTickets(file)).toThrow(/t001 appears twice/);
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
