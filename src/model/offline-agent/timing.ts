/**
 * Rough timing, enough to tell "five minutes before the first error" from "three days before it".
 * A When holds what a text says: a calendar date, a number of days ago, a clock time. Nothing here
 * knows today's date, so two texts compare only in a frame both use.
 */
export interface When {
  /** Month × 31 + day, from "26 Nov", "Nov 26" or "2026-11-26". */
  date?: number;
  /** 0 for today, this morning or last night; 1 for yesterday; 14 for two weeks ago. */
  daysAgo?: number;
  /** Minutes after midnight, from "14:02" or "T14:02". */
  clock?: number;
  /** A weekday was named with nothing else: the day is known to the writer, not to us. */
  weekdayOnly?: boolean;
}

/** How a stated cause sits in time against the symptom. */
export type Timing = 'fits' | 'unknown' | 'long-before' | 'after';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  few: 3,
  several: 4,
  couple: 2,
};
const UNIT_DAYS: Record<string, number> = { minute: 0, min: 0, hour: 0, day: 1, week: 7, fortnight: 14, month: 30 };

const MONTH = `(${MONTHS.join('|')})[a-z]*\\.?`;
const ISO = /\b\d{4}-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/;
const DAY_MONTH = new RegExp(`\\b(\\d{1,2})\\s+${MONTH}(?![a-z])`, 'i');
const MONTH_DAY = new RegExp(`\\b${MONTH}\\s+(\\d{1,2})\\b`, 'i');
// 14:02, but not the port in 10.0.0.2:53; a time after "by", "until" or "resets" is a forecast, not an event.
const CLOCK = /(?<![\d.:])\b([01]?\d|2[0-3]):([0-5]\d)(?::\d\d)?\b(?!\d)/g;
const FORECAST_BEFORE = /\b(by|until|till|eta|resets?|expected|due|next|at the earliest)\s*$/i;
const AGO =
  /\b(\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|few|several|couple)\s+(?:of\s+)?(minute|min|hour|day|week|fortnight|month)s?\s+(ago|back|earlier)\b/i;
const LAST_UNIT = /\b(?:last|past|previous)\s+(week|fortnight|month)\b/i;
const SAME_DAY = /\b(today|this (morning|afternoon|evening)|tonight|last night|overnight|earlier today)\b/i;
const YESTERDAY = /\byesterday\b/i;
const WEEKDAY = /\b(mon|tue|wed|thu|fri|sat|sun)(day|s|\.)?\b|\b(tues|wednes|thurs|satur)day\b/i;

const count = (word: string) => (/^\d+$/.test(word) ? Number(word) : (NUMBER_WORDS[word.toLowerCase()] ?? 1));

/** What the text says about when, taking the clock time nearest to `near` (where the cause is stated). */
export function whenOf(text: string, near = 0): When {
  const when: When = {};
  const iso = ISO.exec(text);
  const dm = DAY_MONTH.exec(text);
  const md = MONTH_DAY.exec(text);
  if (iso) when.date = Number(iso[1]) * 31 + Number(iso[2]);
  else if (dm) when.date = (MONTHS.indexOf(dm[2]!.toLowerCase().slice(0, 3)) + 1) * 31 + Number(dm[1]);
  else if (md) when.date = (MONTHS.indexOf(md[1]!.toLowerCase().slice(0, 3)) + 1) * 31 + Number(md[2]);

  const ago = AGO.exec(text);
  const lastUnit = LAST_UNIT.exec(text);
  if (ago) when.daysAgo = count(ago[1]!) * UNIT_DAYS[ago[2]!.toLowerCase()]!;
  else if (lastUnit) when.daysAgo = UNIT_DAYS[lastUnit[1]!.toLowerCase()]!;
  else if (YESTERDAY.test(text)) when.daysAgo = 1;
  else if (SAME_DAY.test(text)) when.daysAgo = 0;

  let best: { clock: number; distance: number } | undefined;
  for (const m of text.matchAll(CLOCK)) {
    if (FORECAST_BEFORE.test(text.slice(0, m.index))) continue;
    const distance = Math.abs(m.index - near);
    if (!best || distance < best.distance) best = { clock: Number(m[1]) * 60 + Number(m[2]), distance };
  }
  if (iso?.[3] !== undefined) when.clock = Number(iso[3]) * 60 + Number(iso[4]);
  else if (best) when.clock = best.clock;

  if (when.date === undefined && when.daysAgo === undefined && WEEKDAY.test(text)) when.weekdayOnly = true;
  return when;
}

const isEmpty = (w: When) => w.date === undefined && w.daysAgo === undefined && w.clock === undefined;

/**
 * When the symptom began: what the goal says, with a missing clock time taken from the first
 * observation where symptoms show (logs, metrics) that has one.
 */
export function symptomOnset(goal: string, symptomObservations: readonly string[]): When {
  const fromGoal = whenOf(goal);
  const observed = symptomObservations.map((o) => whenOf(o)).find((w) => w.clock !== undefined);
  if (isEmpty(fromGoal)) return observed ?? fromGoal;
  if (fromGoal.clock === undefined && observed?.clock !== undefined) return { ...fromGoal, clock: observed.clock };
  return fromGoal;
}

// The sentence says how it sits against the symptom in so many words.
const SAID_CLOSE =
  /\b(\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|few|several|couple)\s+(seconds?|secs?|minutes?|mins?)\s+(before|after|ahead of|prior to)\b|\b(right|just|shortly|immediately|moments?|seconds)\s+(before|after)\b|\bat the same (time|minute)\b|\bas soon as\b/i;
const SAID_FAR =
  /\b(\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|few|several|couple)\s+(days?|weeks?|months?)\s+(before|ahead of|prior to|earlier than)\b|\blong before\b/i;

/** Days between cause and onset, in a frame both share; undefined when they share none. */
function dayGap(cause: When, onset: When): number | undefined {
  if (cause.date !== undefined && onset.date !== undefined) return onset.date - cause.date;
  if (cause.daysAgo !== undefined && onset.daysAgo !== undefined) return cause.daysAgo - onset.daysAgo;
  // A bare clock time means the day being talked about: the same day as the other side's.
  const bareClock = (w: When) => w.date === undefined && w.daysAgo === undefined && !w.weekdayOnly && w.clock !== undefined;
  if ((bareClock(cause) && !onset.weekdayOnly) || (bareClock(onset) && !cause.weekdayOnly)) return 0;
  return undefined;
}

/**
 * How a cause stated in `sentence` (its words at `at`) sits against the onset: it fits when it came
 * up to 6 hours before (or within half an hour after, for sloppy clocks), lies long before when 2
 * days or more earlier, and comes after when it follows the onset; anything else is unknown.
 */
export function timingOf(sentence: string, at: number, onset: When): Timing {
  if (SAID_FAR.test(sentence)) return 'long-before';
  if (SAID_CLOSE.test(sentence)) return 'fits';
  const cause = whenOf(sentence, at);
  const days = dayGap(cause, onset);
  if (days === undefined) return 'unknown';
  if (cause.clock !== undefined && onset.clock !== undefined) {
    const minutes = days * 1440 + onset.clock - cause.clock;
    if (minutes < -30) return 'after';
    if (minutes <= 360) return 'fits';
    return minutes >= 2 * 1440 ? 'long-before' : 'unknown';
  }
  if (days >= 2) return 'long-before';
  return days <= -1 ? 'after' : 'unknown';
}
