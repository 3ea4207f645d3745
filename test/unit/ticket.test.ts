import { MAX_TICKET_CHARS, ticketDetails, ticketProblems as problems, ticketSubject } from '../../src/domain/ticket';
import { TicketText } from '../../src/domain/ticket.schema';
import { ROUTING_TABLE, needsReview, teamFor } from '../../src/domain/routing';

describe('ticketProblems', () => {
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

  it('checks the optional fields and names each one', () => {
    expect(problems({ text: 'hi', ticketId: '  ', customer: 'c'.repeat(201), channel: 7 })).toEqual([
      'ticketId must be a non-empty string',
      'customer is longer than 200 characters',
      'channel must be a non-empty string',
    ]);
    expect(problems(null)).toEqual(['the ticket must be an object with a "text" field']);
    expect(problems({})).toEqual(['text is required']);
  });

  it('is the rule the edge schema applies too', () => {
    expect(TicketText.safeParse('ring \u0007').error?.issues[0]?.message).toBe('text contains control characters (only newline and tab are allowed)');
    expect(TicketText.safeParse('fine').success).toBe(true);
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
    expect(ticketDetails({ text: 'line one\nline two', customer: 'Acme', channel: 'email' })).toBe(
      '**Customer:** Acme · **Channel:** email\n\n> line one\n> line two',
    );
    expect(ticketDetails({ text: 'x'.repeat(10) }, 5)).toBe('> xxxx…');
  });
});
