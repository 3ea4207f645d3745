import { normalizeText } from '../../src/model/offline/normalize';

export interface Overlap {
  a: string;
  b: string;
  why: 'same id' | 'same text' | 'near-same text';
  similarity: number;
}

/** Above this share of common character 5-grams, two tickets are one ticket reworded slightly. */
export const NEAR_SAME = 0.7;

function shingles(normalized: string): Set<string> {
  const s = new Set<string>();
  for (let i = 0; i + 5 <= normalized.length; i += 1) s.add(normalized.slice(i, i + 5));
  if (s.size === 0) s.add(normalized);
  return s;
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let common = 0;
  for (const x of a) if (b.has(x)) common += 1;
  return common / (a.size + b.size - common);
}

/**
 * Tickets of set a that are also in set b: by id, by text once normalized (case, accents,
 * punctuation), or by near-same text (Jaccard similarity of character 5-grams ≥ NEAR_SAME).
 */
export function findOverlaps(a: ReadonlyArray<{ id: string; text: string }>, b: ReadonlyArray<{ id: string; text: string }>): Overlap[] {
  const prepared = (ts: ReadonlyArray<{ id: string; text: string }>) =>
    ts.map((t) => ({ id: t.id, norm: normalizeText(t.text), grams: shingles(normalizeText(t.text)) }));
  const pb = prepared(b);
  const overlaps: Overlap[] = [];
  for (const x of prepared(a)) {
    for (const y of pb) {
      if (x.id === y.id) overlaps.push({ a: x.id, b: y.id, why: 'same id', similarity: jaccard(x.grams, y.grams) });
      else if (x.norm === y.norm) overlaps.push({ a: x.id, b: y.id, why: 'same text', similarity: 1 });
      else {
        const similarity = jaccard(x.grams, y.grams);
        if (similarity >= NEAR_SAME) overlaps.push({ a: x.id, b: y.id, why: 'near-same text', similarity });
      }
    }
  }
  return overlaps;
}
