// Words that any two incident notes share without being about the same thing.
const COMMON = new Set(
  (
    'the and for with from that this these those was were are has have had not but its their they our your you can could into onto over under ' +
    'after before since until when then than also only still now all any every each some none nothing more most less per via out off about ' +
    'today yesterday tonight ago day days hour hours minute minutes week weeks month months morning afternoon evening night utc ' +
    'error errors fail fails failed failing failure failures request requests service services user users customer customers ' +
    'log logs data value values set new old last first time times see seen says said show shows call calls ok'
  ).split(' '),
);

/** The words of a text that can tie it to another: lowercase, identifiers split at punctuation, plurals folded. */
export function termsOf(text: string): Set<string> {
  const words = text.toLowerCase().match(/[a-z][a-z0-9]{2,}/g) ?? [];
  return new Set(words.map((w) => (w.length > 4 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w)).filter((w) => !COMMON.has(w)));
}

/** How many meaningful words a sentence shares with any of the other texts (the goal, other observations). */
export function sharedTerms(sentence: string, others: readonly string[]): number {
  const mine = termsOf(sentence);
  const theirs = new Set(others.flatMap((o) => [...termsOf(o)]));
  let n = 0;
  for (const t of mine) if (theirs.has(t)) n += 1;
  return n;
}
