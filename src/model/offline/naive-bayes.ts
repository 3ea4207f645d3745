import naiveBayesTextClassifier from 'wink-naive-bayes-text-classifier';
import { z } from 'zod';

/**
 * A trained naive Bayes head as it is stored: each token once, with its count under every label.
 * Smaller than the library's own export (which repeats every token under every label) and cheap
 * for TypeScript to type when imported as JSON.
 */
export const NaiveBayesModel = z
  .object({
    labels: z.array(z.string()).min(2),
    /** Training tickets per label. */
    samples: z.array(z.number().int().positive()),
    vocabulary: z.array(z.string()),
    /** counts[l][v]: how often vocabulary[v] occurred in tickets labelled labels[l]. */
    counts: z.array(z.array(z.number().int().nonnegative())),
    smoothing: z.number().positive().max(1),
    presenceOnly: z.boolean(),
    /** Divides the log-odds before the softmax; fitted on held-back folds so probabilities mean something. */
    temperature: z.number().positive(),
    /** Added per label after dividing (log2 units), fitted the same way: corrects a head that favours a label. */
    bias: z.array(z.number()),
  })
  .superRefine((m, ctx) => {
    if (m.samples.length !== m.labels.length || m.counts.length !== m.labels.length || m.bias.length !== m.labels.length) {
      ctx.addIssue({ code: 'custom', message: 'samples, counts and bias need one entry per label' });
    }
    m.counts.forEach((row, l) => {
      if (row.length !== m.vocabulary.length)
        ctx.addIssue({ code: 'custom', path: ['counts', l], message: `has ${row.length} counts for ${m.vocabulary.length} tokens` });
    });
  });
export type NaiveBayesModel = z.infer<typeof NaiveBayesModel>;

export interface LabelProbability {
  label: string;
  p: number;
}

export interface NaiveBayesScorer {
  /** Every label with its log2-odds against the others, best first; empty when no token of the input is known. */
  logOdds(tokens: readonly string[]): Array<[string, number]>;
  /** Every label with its probability, most probable first; empty when no token of the input is known. */
  probabilities(tokens: readonly string[]): LabelProbability[];
}

/** The library's JSON export ([config, samples, count, words, vocabulary]) rebuilt from the stored model. */
export function toLibraryJson(m: NaiveBayesModel): string {
  const samples: Record<string, number> = {};
  const count: Record<string, Record<string, number>> = {};
  const words: Record<string, number> = {};
  m.labels.forEach((label, l) => {
    samples[label] = m.samples[l]!;
    const row: Record<string, number> = {};
    let total = 0;
    m.counts[l]!.forEach((c, v) => {
      if (c > 0) row[m.vocabulary[v]!] = c;
      total += c;
    });
    count[label] = row;
    words[label] = total;
  });
  return JSON.stringify([{ considerOnlyPresence: m.presenceOnly, smoothingFactor: m.smoothing }, samples, count, words, m.vocabulary]);
}

/** A scorer over a stored model: the library computes the log-odds, a tempered softmax makes them probabilities. */
export function naiveBayesScorer(m: NaiveBayesModel): NaiveBayesScorer {
  const classifier = naiveBayesTextClassifier();
  classifier.importJSON(toLibraryJson(m));
  classifier.consolidate();
  const logOdds = (tokens: readonly string[]) => {
    // The library binarizes while learning but not while predicting: do it here, the same way.
    const odds = classifier.computeOdds(m.presenceOnly ? [...new Set(tokens)] : tokens);
    return odds.length === 1 && odds[0]![0] === 'unknown' ? [] : odds;
  };
  const bias = Object.fromEntries(m.labels.map((label, l) => [label, m.bias[l]!]));
  return { logOdds, probabilities: (tokens) => softmax(logOdds(tokens), m.temperature, bias) };
}

/** Softmax of log2-odds divided by a temperature, plus a bias per label; most probable first (ties keep the input's order). */
export function softmax(odds: ReadonlyArray<readonly [string, number]>, temperature: number, bias: Readonly<Record<string, number>> = {}): LabelProbability[] {
  if (odds.length === 0) return [];
  const scores = odds.map(([label, o]) => ({ label, s: o / temperature + (bias[label] ?? 0) }));
  const top = Math.max(...scores.map((x) => x.s));
  const weights = scores.map(({ label, s }) => ({ label, w: 2 ** (s - top) }));
  const sum = weights.reduce((t, x) => t + x.w, 0);
  return weights.map(({ label, w }) => ({ label, p: w / sum })).sort((a, b) => b.p - a.p);
}
