/** The statistics the eval and the bench report: plain functions over numbers, unit-tested. */

/** The p-th percentile (0-100) by linear interpolation between closest ranks; NaN for no values. */
export function percentile(values: readonly number[], p: number): number {
  if (p < 0 || p > 100) throw new RangeError(`percentile must be within 0-100, got ${p}`);
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (rank - low);
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : values.reduce((s, v) => s + v, 0) / values.length;
}

/** part ÷ whole, NaN when the whole is 0 (a rate of nothing is not 0 %). */
export function rate(part: number, whole: number): number {
  return whole === 0 ? Number.NaN : part / whole;
}

export interface Distribution {
  n: number;
  mean: number;
  p50: number;
  p95: number;
  max: number;
}

export function distribution(values: readonly number[]): Distribution {
  return {
    n: values.length,
    mean: mean(values),
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    max: values.length ? Math.max(...values) : Number.NaN,
  };
}

export interface ClassScore {
  precision: number;
  recall: number;
  f1: number;
  /** How many gold labels of this class there are. */
  support: number;
}

export interface ClassificationScore {
  accuracy: number;
  macroF1: number;
  perClass: Record<string, ClassScore>;
}

/**
 * Accuracy, per-class precision/recall/F1 and macro-F1 (the unweighted mean of F1 over `labels`).
 * A class never predicted has precision 0, a class never in the gold labels recall 0 (as
 * scikit-learn's zero_division=0), so a model cannot score by ignoring a class.
 */
export function scoreClassification(gold: readonly string[], predicted: readonly string[], labels: readonly string[]): ClassificationScore {
  if (gold.length !== predicted.length) throw new Error(`${gold.length} gold labels but ${predicted.length} predictions`);
  const perClass: Record<string, ClassScore> = {};
  for (const label of labels) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    gold.forEach((g, i) => {
      const p = predicted[i];
      if (p === label && g === label) tp += 1;
      else if (p === label) fp += 1;
      else if (g === label) fn += 1;
    });
    const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
    const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    perClass[label] = { precision, recall, f1, support: tp + fn };
  }
  const correct = gold.filter((g, i) => g === predicted[i]).length;
  return { accuracy: rate(correct, gold.length), macroF1: mean(labels.map((l) => perClass[l]!.f1)), perClass };
}

// Prices live with the product (the worker reports cost metrics from the same table).
export { costUsd, type Price } from '../../src/model/prices';
