import { createHash } from 'node:crypto';
import naiveBayesTextClassifier from 'wink-naive-bayes-text-classifier';
import { Priority, TicketCategory } from '../../src/domain/ticket.schema';
import { priorityTokens, ticketTokens, type FeatureOptions } from '../../src/model/offline/features';
import { naiveBayesScorer, softmax, type NaiveBayesModel } from '../../src/model/offline/naive-bayes';
import type { TicketModel } from '../../src/model/offline/ticket-model';
import type { LabelledTicket } from '../eval/dataset';
import { foldOf } from './folds';

/** Everything training can be told; the defaults are what cross-validation chose (see README, "Measuring"). */
export interface TrainOptions {
  features: FeatureOptions;
  /** A token must occur in at least this many training tickets to be kept. */
  minDocs: number;
  /** At most this many tokens per head, the most widespread first. */
  maxTokens: number;
  smoothing: number;
  presenceOnly: boolean;
  /** Folds used to fit the temperature on predictions for tickets the model did not see. */
  calibrationFolds: number;
  /** The heads whose calibration also fits a bias per label (beyond the temperature). */
  fitBias: ReadonlyArray<'category' | 'priority'>;
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  features: { minN: 1, maxN: 5, cueRepeat: 30, categoryRepeat: 10, priorityNgrams: true },
  minDocs: 3,
  maxTokens: 40_000,
  smoothing: 1,
  presenceOnly: true,
  calibrationFolds: 5,
  // Priority only: in CV it lifts priority (73.0 → 74.4 %) and leaves category as it is (83.0 %).
  fitBias: ['priority'],
};

interface Example {
  tokens: string[];
  label: string;
}

/** The tokens worth keeping: in at least minDocs tickets, the most widespread first, ties in code-point order. */
function chooseVocabulary(examples: readonly Example[], o: TrainOptions): string[] {
  const docs = new Map<string, number>();
  for (const e of examples) for (const t of new Set(e.tokens)) docs.set(t, (docs.get(t) ?? 0) + 1);
  return [...docs]
    .filter(([, n]) => n >= o.minDocs)
    .sort(([a, na], [b, nb]) => nb - na || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, o.maxTokens)
    .map(([t]) => t);
}

/** Learns one head with the library and stores it compactly (temperature 1 until calibrated). */
function learnHead(examples: readonly Example[], labels: readonly string[], o: TrainOptions): NaiveBayesModel {
  const vocabulary = chooseVocabulary(examples, o);
  const index = new Map(vocabulary.map((t, i) => [t, i]));
  const present = labels.filter((l) => examples.some((e) => e.label === l));
  const classifier = naiveBayesTextClassifier();
  classifier.defineConfig({ considerOnlyPresence: o.presenceOnly, smoothingFactor: o.smoothing });
  for (const e of examples)
    classifier.learn(
      e.tokens.filter((t) => index.has(t)),
      e.label,
    );
  const [, samples, count] = JSON.parse(classifier.exportJSON()) as [unknown, Record<string, number>, Record<string, Record<string, number>>];
  return {
    labels: present,
    samples: present.map((l) => samples[l]!),
    vocabulary,
    counts: present.map((l) => vocabulary.map((t) => count[l]?.[t] ?? 0)),
    smoothing: o.smoothing,
    presenceOnly: o.presenceOnly,
    temperature: 1,
    bias: present.map(() => 0),
  };
}

/** Mean negative log-likelihood of the gold labels under a temperature and biases. */
function logLoss(predictions: ReadonlyArray<{ odds: Array<[string, number]>; gold: string }>, temperature: number, bias: Record<string, number> = {}): number {
  const total = predictions.reduce(
    (s, { odds, gold }) => s - Math.log(Math.max(1e-12, softmax(odds, temperature, bias).find((x) => x.label === gold)?.p ?? 0)),
    0,
  );
  return total / predictions.length;
}

/**
 * The temperature and biases that make out-of-fold probabilities honest: the head is trained on all folds
 * but one, scores the one left out, and the calibration with the lowest log-loss over all of them wins.
 */
function fitCalibration(
  examples: readonly Example[],
  ids: readonly string[],
  labels: readonly string[],
  o: TrainOptions,
  withBias: boolean,
): { temperature: number; bias: number[] } {
  const predictions: Array<{ odds: Array<[string, number]>; gold: string }> = [];
  for (let fold = 0; fold < o.calibrationFolds; fold += 1) {
    const test = examples.filter((_, i) => foldOf(ids[i]!, o.calibrationFolds) === fold);
    if (!test.length) continue;
    const scorer = naiveBayesScorer(
      learnHead(
        examples.filter((_, i) => foldOf(ids[i]!, o.calibrationFolds) !== fold),
        labels,
        o,
      ),
    );
    for (const e of test) {
      const odds = scorer.logOdds(e.tokens);
      if (odds.length) predictions.push({ odds, gold: e.label });
    }
  }
  // Grids, not a solver: deterministic, and fine enough for a handful of parameters.
  let best = { t: 1, loss: Number.POSITIVE_INFINITY };
  for (let t = 0.25; t <= 4096; t *= 1.1) {
    const loss = logLoss(predictions, t);
    if (loss < best.loss) best = { t, loss };
  }
  const temperature = Number(best.t.toPrecision(4));
  const present = labels.filter((l) => examples.some((e) => e.label === l));
  const bias: Record<string, number> = Object.fromEntries(present.map((l) => [l, 0]));
  if (withBias) {
    let loss = logLoss(predictions, temperature, bias);
    for (let round = 0; round < 3; round += 1) {
      for (const label of present.slice(1)) {
        for (let b = -3; b <= 3.0001; b += 0.1) {
          const tried = { ...bias, [label]: Math.round(b * 10) / 10 };
          const l = logLoss(predictions, temperature, tried);
          if (l < loss - 1e-12) [loss, bias[label]] = [l, tried[label]!];
        }
      }
    }
  }
  return { temperature, bias: labels.filter((l) => l in bias).map((l) => bias[l]!) };
}

function trainHead(
  head: 'category' | 'priority',
  examples: readonly Example[],
  ids: readonly string[],
  labels: readonly string[],
  o: TrainOptions,
): NaiveBayesModel {
  return { ...learnHead(examples, labels, o), ...fitCalibration(examples, ids, labels, o, o.fitBias.includes(head)) };
}

/**
 * Trains the ticket classifier: a naive Bayes head for category and one for priority over the same
 * tokens, each calibrated on held-back folds. Deterministic: the same tickets give the same model.
 */
export function trainTicketModel(
  tickets: readonly LabelledTicket[],
  source: { file: string; sha256: string },
  o: TrainOptions = DEFAULT_TRAIN_OPTIONS,
): TicketModel {
  const tokens = tickets.map((t) => ticketTokens(t.text, o.features));
  const ids = tickets.map((t) => t.id);
  return {
    format: 1,
    trainedOn: { file: source.file, tickets: tickets.length, sha256: source.sha256 },
    features: o.features,
    category: trainHead(
      'category',
      tickets.map((t, i) => ({ tokens: tokens[i]!, label: t.category })),
      ids,
      TicketCategory.options,
      o,
    ),
    priority: trainHead(
      'priority',
      tickets.map((t, i) => ({ tokens: priorityTokens(tokens[i]!, t.category, o.features), label: t.priority })),
      ids,
      Priority.options,
      o,
    ),
  };
}

/** SHA-256 of a data file's bytes: recorded in the model, so a model trained on other data shows. */
export function sha256(bytes: string | Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The model file's text: fixed key order and one line per head's array, so the same model is the same bytes. */
export function serializeModel(model: TicketModel): string {
  return `${JSON.stringify(model)}\n`;
}
