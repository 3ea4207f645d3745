import { cueTokens } from './cues';
import { stripInjections } from './injection';
import { normalizeText } from './normalize';

/** How a ticket's text becomes tokens; stored with the model, so training and prediction agree. */
export interface FeatureOptions {
  /** Shortest and longest character n-gram, counted with the word's boundaries (" refund "). */
  minN: number;
  maxN: number;
  /** How many times a cue group's token is added: its weight against the many n-grams. */
  cueRepeat: number;
}

/**
 * The tokens the classifier reads: character n-grams of every word with its boundaries (robust to typos,
 * inflection and compounds in any language) and one token per multilingual cue group found. Sentences
 * that try to steer the classification are dropped first.
 */
export function ticketTokens(text: string, o: FeatureOptions): string[] {
  const normalized = normalizeText(stripInjections(text));
  const tokens: string[] = [];
  for (const word of normalized.split(' ')) {
    if (!word) continue;
    const padded = ` ${word} `;
    for (let n = o.minN; n <= o.maxN; n += 1) {
      for (let i = 0; i + n <= padded.length; i += 1) {
        const gram = padded.slice(i, i + n);
        if (gram !== ' ') tokens.push(gram);
      }
    }
  }
  // Distinct copies, so the weight holds when the classifier counts each token once per ticket.
  for (const cue of cueTokens(normalized)) for (let r = 0; r < o.cueRepeat; r += 1) tokens.push(`${cue}:${r}`);
  return tokens;
}
