import { TicketCategory } from '../../src/domain/ticket.schema';
import type { LabelledTicket } from './dataset';
import { rate, scoreClassification, type ClassScore } from './metrics';

/** What the classifier said about one labelled ticket. */
export interface TicketOutcome {
  ticket: Pick<LabelledTicket, 'id' | 'language' | 'category' | 'priority'>;
  category: string;
  priority: string;
  confidence: number;
}

export interface SliceScore {
  n: number;
  accuracy: number;
  priorityAccuracy: number;
}

/** Category accuracy on each side of the review threshold: low confidence should mean likely wrong. */
export interface ConfidenceSplit {
  threshold: number;
  confident: { n: number; accuracy: number };
  unconfident: { n: number; accuracy: number };
  /** How far stated confidence is from accuracy: 0 when a ticket said with confidence c is right c of the time. */
  expectedCalibrationError: number;
}

export interface TicketScore extends SliceScore {
  macroF1: number;
  perCategory: Record<string, ClassScore>;
  perLanguage: Record<string, SliceScore>;
  /** confusion.matrix[g][p]: tickets of gold category labels[g] predicted as labels[p]. */
  confusion: { labels: string[]; matrix: number[][] };
  byConfidence: ConfidenceSplit;
}

/** Rows are gold labels, columns predictions, both in the order of `labels`; unknown labels are refused. */
export function confusionMatrix(gold: readonly string[], predicted: readonly string[], labels: readonly string[]): number[][] {
  const matrix = labels.map(() => labels.map(() => 0));
  gold.forEach((g, i) => {
    const row = labels.indexOf(g);
    const col = labels.indexOf(predicted[i]!);
    if (row < 0 || col < 0) throw new Error(`label outside ${labels.join(', ')}: gold ${g}, predicted ${predicted[i]}`);
    matrix[row]![col]! += 1;
  });
  return matrix;
}

const CALIBRATION_BINS = 10;

/**
 * Expected calibration error of the category's confidence: the tickets in equal-width confidence bins,
 * each bin's |accuracy − mean confidence| weighted by its share of the tickets. 0 for none.
 */
export function expectedCalibrationError(outcomes: readonly TicketOutcome[], bins = CALIBRATION_BINS): number {
  if (outcomes.length === 0) return 0;
  const binned = Array.from({ length: bins }, () => ({ n: 0, right: 0, confidence: 0 }));
  for (const o of outcomes) {
    const b = binned[Math.min(bins - 1, Math.floor(o.confidence * bins))]!;
    b.n += 1;
    b.confidence += o.confidence;
    if (o.category === o.ticket.category) b.right += 1;
  }
  return binned.reduce((sum, b) => (b.n === 0 ? sum : sum + (b.n / outcomes.length) * Math.abs(b.right / b.n - b.confidence / b.n)), 0);
}

function slice(outcomes: readonly TicketOutcome[]): SliceScore {
  return {
    n: outcomes.length,
    accuracy: rate(outcomes.filter((o) => o.category === o.ticket.category).length, outcomes.length),
    priorityAccuracy: rate(outcomes.filter((o) => o.priority === o.ticket.priority).length, outcomes.length),
  };
}

/** Every ticket figure the eval reports: overall, per category, per language, the confusion matrix and the confidence split. */
export function scoreTickets(outcomes: readonly TicketOutcome[], reviewThreshold: number): TicketScore {
  const labels = TicketCategory.options;
  const gold = outcomes.map((o) => o.ticket.category);
  const predicted = outcomes.map((o) => o.category);
  const { macroF1, perClass } = scoreClassification(gold, predicted, labels);
  const languages = [...new Set(outcomes.map((o) => o.ticket.language))].sort();
  const confident = outcomes.filter((o) => o.confidence >= reviewThreshold);
  const unconfident = outcomes.filter((o) => o.confidence < reviewThreshold);
  return {
    ...slice(outcomes),
    macroF1,
    perCategory: perClass,
    perLanguage: Object.fromEntries(languages.map((l) => [l, slice(outcomes.filter((o) => o.ticket.language === l))])),
    confusion: { labels: [...labels], matrix: confusionMatrix(gold, predicted, labels) },
    byConfidence: {
      threshold: reviewThreshold,
      confident: { n: confident.length, accuracy: slice(confident).accuracy },
      unconfident: { n: unconfident.length, accuracy: slice(unconfident).accuracy },
      expectedCalibrationError: expectedCalibrationError(outcomes),
    },
  };
}
