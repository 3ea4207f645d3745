import { CAUSE_CUES, type CauseCue } from './cause-cues';

/** A sentence of an observation that states (or points at) a cause, and the cue that says so. */
export interface StatedCause {
  sentence: string;
  cue: CauseCue;
  /** Where the cue's words start in the sentence, so timing can look next to them. */
  at: number;
  /** The cue's position in CAUSE_CUES: lower is more specific. */
  rank: number;
}

// Sentences end at . ! or ? followed by a space and something that can start one; "1.8," or
// "api.example.com" stay whole.
const SENTENCE_END = /(?<=[.!?])\s+(?=[A-Z0-9(["'#])/;

// A negation reaches to the end of its clause, not further: "no deploys, but the disk is full".
const CLAUSE_START = /[,;:]\s|\s[-–—]+\s|[()[\]|]|\b(?:but|while|whereas|although|though|however|yet|so|then|because|since|and)\b/gi;

// "nothing is missing", "wasn't removed", "0 evictions"; "no longer" is a change, not a denial.
const NEGATION = /\b(?:no|not|nothing|none|never|without|neither|nor)\b(?! longer)|n't\b|\b(?:0|zero)\s+\S*\s*$/i;
// "if the key had expired", "check whether...": a cause considered, not stated.
const HEDGE = /\b(?:if|whether|unless|in case|ruled? out|might|would)\b/i;
// "OOMKilled: 0", "evictions=none".
const COUNTED_ZERO = /^\s*[:=]\s*(?:0|none|no|false)\b/i;

/** The sentences of a text, trimmed, empty ones dropped. */
export function sentencesOf(text: string): string[] {
  return text
    .split(SENTENCE_END)
    .map((s) => s.trim())
    .filter(Boolean);
}

function clauseBefore(sentence: string, index: number): string {
  let start = 0;
  for (const m of sentence.slice(0, index).matchAll(CLAUSE_START)) start = m.index + m[0].length;
  return sentence.slice(start, index);
}

/** Whether the words at [index, end) are denied, hedged or counted as zero rather than stated. */
export function isDenied(sentence: string, index: number, end: number): boolean {
  const before = clauseBefore(sentence, index);
  return NEGATION.test(before) || HEDGE.test(before) || COUNTED_ZERO.test(sentence.slice(end));
}

/** The first cue (in table order) stated, not denied, anywhere in the sentence. */
function causeInSentence(sentence: string): StatedCause | undefined {
  for (const [rank, cue] of CAUSE_CUES.entries()) {
    const global = new RegExp(cue.pattern.source, `${cue.pattern.flags.replace('g', '')}g`);
    for (const m of sentence.matchAll(global)) {
      if (!isDenied(sentence, m.index, m.index + m[0].length)) return { sentence, cue, at: m.index, rank };
    }
  }
  return undefined;
}

/** Every sentence of the text that states or points at a cause, in the order they appear; a question states nothing. */
export function statedCauses(text: string): StatedCause[] {
  return sentencesOf(text).flatMap((s) => (s.endsWith('?') ? [] : (causeInSentence(s) ?? [])));
}
