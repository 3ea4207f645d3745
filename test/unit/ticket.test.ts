import { MAX_TICKET_CHARS, TicketInput, ticketDetails, ticketSubject } from '../../src/domain/ticket';
import { ROUTING_TABLE, needsReview, teamFor } from '../../src/domain/routing';

const problems = (input: unknown) => {
  const r = TicketInput.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => i.message);
};

describe('TicketInput', () => {
  it('accepts an ordinary ticket with newlines and tabs', () => {
    expect(problems({ text: 'Hello,\n\tI was charged twice.' })).toEqual([]);
  });

  it.each([
    ['empty', { text: '' }, 'text is empty'],
    ['whitespace only', { text: ' \n\t ' }, 'text is empty'],
    ['too long', { text: 'a'.repeat(MAX_TICKET_CHARS + 1) }, `text is longer than ${MAX_TICKET_CHARS} characters`],
    ['a control character', { text: 'hi\u0007there' }, 'text contains control characters (only newline and tab are allowed)'],
    ['a lone surrogate (invalid UTF-8)', { text: 'bad \uD800 byte' }, 'text is not valid UTF-8 (it holds a lone surrogate)'],
    ['a number', { text: 42 }, 'text must be a string'],
  ])('rejects %s', (_name, input, message) => {
    expect(problems(input)).toContain(message);
  });

  it('accepts text at exactly the limit and emoji (surrogate pairs)', () => {
    expect(problems({ text: 'a'.repeat(MAX_TICKET_CHARS) })).toEqual([]);
    expect(problems({ text: 'refund please 💸' })).toEqual([]);
  });
});

describe('routing', () => {
  it('follows the routing table for every category', () => {
    expect(teamFor('billing')).toBe('Finance Support Team');
    expect(teamFor('technical_issue')).toBe('Technical Support Team');
    expect(teamFor('refund_request')).toBe('Returns and Refunds Team');
    expect(teamFor('account_access')).toBe('Account Access Team');
    expect(teamFor('other')).toBe('General Support Team');
    expect(Object.keys(ROUTING_TABLE)).toHaveLength(5);
  });

  it('asks for review strictly under the threshold', () => {
    expect(needsReview(0.59, 0.6)).toBe(true);
    expect(needsReview(0.6, 0.6)).toBe(false);
  });
});

describe('ticketSubject', () => {
  it('takes the first line and shortens it', () => {
    expect(ticketSubject('  Login broken\nmore text')).toBe('Login broken');
    expect(ticketSubject('x'.repeat(100), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});

describe('ticketDetails', () => {
  it('quotes the ticket under who sent it, cut short', () => {
    expect(ticketDetails({ text: 'line one\nline two', customer: 'Acme', channel: 'email' })).toBe('**Customer:** Acme · **Channel:** email\n\n> line one\n> line two');
    expect(ticketDetails({ text: 'x'.repeat(10) }, 5)).toBe('> xxxx…');
  });
});
