// Letters that Unicode does not decompose into a base letter plus a mark.
const FOLD: Record<string, string> = { ß: 'ss', ł: 'l', ø: 'o', æ: 'ae', œ: 'oe', đ: 'd', ı: 'i' };

/**
 * Lower case, accents dropped, everything but letters and digits turned into single spaces, so that
 * "Rückerstattung", "ruckerstattung" and "RÜCKERSTATTUNG!" read the same. Typed without accents is how
 * many customers write; the classifier must not care.
 */
export function normalizeText(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[ßłøæœđı]/g, (c) => FOLD[c] ?? c)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
