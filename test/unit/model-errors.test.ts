import { failureTypeForStatus, parseRetryAfter } from '../../src/model/errors';

const headers = (h: Record<string, string>) => new Headers(h);

describe('parseRetryAfter', () => {
  it('prefers retry-after-ms, then seconds, then an HTTP date', () => {
    expect(parseRetryAfter(headers({ 'retry-after-ms': '250', 'retry-after': '9' }))).toBe(250);
    expect(parseRetryAfter(headers({ 'retry-after': '2' }))).toBe(2000);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter(headers({ 'retry-after': 'Thu, 01 Jan 2026 00:00:03 GMT' }), now)).toBe(3000);
  });
  it('is undefined when absent or unreadable', () => {
    expect(parseRetryAfter(headers({}))).toBeUndefined();
    expect(parseRetryAfter(headers({ 'retry-after': 'soon' }))).toBeUndefined();
    expect(parseRetryAfter(undefined)).toBeUndefined();
  });
});

describe('failureTypeForStatus', () => {
  it.each([
    [429, 'ModelRateLimited'],
    [500, 'ModelUnavailable'],
    [503, 'ModelUnavailable'],
    [408, 'ModelTimeout'],
    [400, 'ModelBadRequest'],
    [401, 'ModelAuth'],
    [403, 'ModelAuth'],
    [404, 'ModelNotFound'],
  ])('%i → %s', (status, type) => expect(failureTypeForStatus(status)).toBe(type));
});
