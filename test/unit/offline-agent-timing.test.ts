import { symptomOnset, timingOf, whenOf, type When } from '../../src/model/offline-agent/timing';

const at = (sentence: string, words: string) => sentence.indexOf(words);
const timing = (sentence: string, onset: When, near = 0) => timingOf(sentence, near, onset);

describe('whenOf', () => {
  it.each<[string, When]>([
    ['26 Nov 02:55: terraform apply removed the role', { date: 11 * 31 + 26, clock: 175 }],
    ['Nov 12: dbt upgraded', { date: 11 * 31 + 12 }],
    ['2026-11-22T01:00:07Z ERROR write failed', { date: 11 * 31 + 22, clock: 60 }],
    ['Mon, 3 days ago: notifications-svc deployed', { daysAgo: 3 }],
    ['two weeks ago the column was renamed', { daysAgo: 14 }],
    ['during the past fortnight', { daysAgo: 14 }],
    ['expired yesterday at 17:10 UTC', { daysAgo: 1, clock: 1030 }],
    ['since this morning', { daysAgo: 0 }],
    ['since Sun 01:00', { clock: 60, weekdayOnly: true }],
    ['lookup api.example on 10.0.0.2:53 failed', {}],
    ['recovery expected by 18:00 UTC', {}],
  ])('reads "%s"', (text, when) => {
    expect(whenOf(text)).toEqual(when);
  });

  it('takes the clock time nearest to where the cause is stated', () => {
    const s = 'errors from 14:16 onwards; cache refreshed at 09:00 does not include the new kid';
    expect(whenOf(s, at(s, 'does not include')).clock).toBe(9 * 60);
    expect(whenOf(s, at(s, 'errors')).clock).toBe(14 * 60 + 16);
  });
});

describe('symptomOnset', () => {
  it("takes the goal's time, and a missing clock time from the logs or metrics", () => {
    expect(symptomOnset('checkout fails since 14:05 today', ['errors since 13:00'])).toEqual({ daysAgo: 0, clock: 845 });
    expect(symptomOnset('checkout fails since this morning', ['first error at 08:55'])).toEqual({ daysAgo: 0, clock: 535 });
    expect(symptomOnset('checkout fails', ['first error at 08:55'])).toEqual({ clock: 535 });
    expect(symptomOnset('checkout fails', ['no time here'])).toEqual({});
  });
});

describe('timingOf', () => {
  const today1405: When = { daysAgo: 0, clock: 14 * 60 + 5 };

  it('fits a cause up to six hours before the onset, or a little after it for clocks that disagree', () => {
    expect(timing('signing key revoked at 14:02', today1405)).toBe('fits');
    expect(timing('signing key revoked at 14:20', today1405)).toBe('fits');
    expect(timing('set 22:04 yesterday', { daysAgo: 0, clock: 60 })).toBe('fits');
    expect(timing('26 Nov 02:55: role removed', { date: 11 * 31 + 26, clock: 180 })).toBe('fits');
  });

  it('puts a cause days earlier long before, and one after the onset after it', () => {
    expect(timing('Mon, 3 days ago: deployed; it dropped the path', today1405)).toBe('long-before');
    expect(timing('12 Nov (two weeks ago): column renamed', { date: 11 * 31 + 26, clock: 180 })).toBe('long-before');
    expect(timing('certificate expired at 18:00', { daysAgo: 0, clock: 10 * 60 })).toBe('after');
  });

  it('believes a sentence that says how it sits against the symptom', () => {
    expect(timing('keys rotated 5 minutes before the first 401', {})).toBe('fits');
    expect(timing('the flag was removed right before the errors', {})).toBe('fits');
    expect(timing('the route was removed three days before the symptom started', {})).toBe('long-before');
  });

  it('says unknown when the two share no frame or the gap is undecided', () => {
    expect(timing('index dropped', today1405)).toBe('unknown');
    expect(timing('mapping removed yesterday', { daysAgo: 0 })).toBe('unknown');
    expect(timing('2026-11-22T01:00:07Z ENOSPC', { clock: 60, weekdayOnly: true })).toBe('unknown');
    expect(timing('revoked at 10:40', {})).toBe('unknown');
  });
});
