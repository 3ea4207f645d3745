import { readFileSync, statSync } from 'node:fs';
import naiveBayesTextClassifier from 'wink-naive-bayes-text-classifier';
import { ticketTokens } from '../../src/model/offline/features';
import { naiveBayesScorer, softmax } from '../../src/model/offline/naive-bayes';
import { parseTicketModel, TRAINED_MODEL_FILE } from '../../src/model/offline/ticket-model';
import { HELDOUT_FILE, TRAIN_FILE, type LabelledTicket } from '../../tools/eval/dataset';
import { crossValidate } from '../../tools/train/cross-validate';
import { foldOf } from '../../tools/train/folds';
import { DEFAULT_TRAIN_OPTIONS, serializeModel, sha256, trainTicketModel } from '../../tools/train/train';
import { loadTrainingData } from '../../tools/train/training-data';

const { tickets, source } = loadTrainingData();
const sample = tickets.filter((_, i) => i % 3 === 0);

describe('training', () => {
  it('is deterministic: the same tickets, in any order, give the same bytes', () => {
    const once = serializeModel(trainTicketModel(sample, source));
    expect(serializeModel(trainTicketModel(sample, source))).toBe(once);
    expect(serializeModel(trainTicketModel([...sample].reverse(), source))).toBe(once);
    expect(serializeModel(trainTicketModel(sample.slice(1), source))).not.toBe(once);
  });

  it('never reads the held-out tickets', () => {
    expect(() => loadTrainingData(HELDOUT_FILE)).toThrow(/held-out set: the model must never train on/);
    expect(() => loadTrainingData('/elsewhere/heldout-copy.json')).toThrow(/held-out set/);
  });

  it('stores what the library learnt: the stored head scores exactly as the library trained directly', () => {
    const o = { ...DEFAULT_TRAIN_OPTIONS, minDocs: 1, maxTokens: 1e9 };
    const model = trainTicketModel(sample, source, o);
    const direct = naiveBayesTextClassifier();
    direct.defineConfig({ considerOnlyPresence: o.presenceOnly, smoothingFactor: o.smoothing });
    for (const t of sample) direct.learn(ticketTokens(t.text, o.features), t.category);
    direct.consolidate();
    const stored = naiveBayesScorer(model.category);
    for (const text of ['refund my invoice please', 'la app no funciona', 'wachtwoord vergeten']) {
      const tokens = ticketTokens(text, o.features);
      expect(stored.logOdds(tokens)).toEqual(direct.computeOdds([...new Set(tokens)]));
    }
  });
});

describe('the committed model', () => {
  const json = readFileSync(TRAINED_MODEL_FILE, 'utf8');

  it('was trained on today’s data/tickets/train.json (run `npm run train` after changing it)', () => {
    const model = parseTicketModel(JSON.parse(json), TRAINED_MODEL_FILE);
    expect(model.trainedOn).toEqual({ file: 'data/tickets/train.json', tickets: tickets.length, sha256: sha256(readFileSync(TRAIN_FILE)) });
    expect(model.features).toEqual(DEFAULT_TRAIN_OPTIONS.features);
  });

  it('is small enough to ship', () => {
    expect(statSync(TRAINED_MODEL_FILE).size).toBeLessThan(2 * 1024 * 1024);
  });

  it('is refused with the field that is wrong when broken', () => {
    const broken = JSON.parse(json) as { category: { counts: number[][] } };
    broken.category.counts[0]!.pop();
    expect(() => parseTicketModel(broken, 'model.json')).toThrow(/model\.json: category\.counts\.0: has \d+ counts for \d+ tokens; run `npm run train`/);
  });
});

describe('calibrated probabilities', () => {
  it('softmax of log2-odds sums to 1, keeps the order, and flattens as the temperature rises', () => {
    const odds: Array<[string, number]> = [
      ['a', 8],
      ['b', 4],
      ['c', -2],
    ];
    const cold = softmax(odds, 1);
    expect(cold.map((x) => x.label)).toEqual(['a', 'b', 'c']);
    expect(cold.reduce((s, x) => s + x.p, 0)).toBeCloseTo(1);
    expect(cold[0]!.p).toBeCloseTo(16 / 17, 2);
    expect(softmax(odds, 100)[0]!.p).toBeLessThan(0.4);
    expect(softmax([], 1)).toEqual([]);
  });

  it('a per-label bias can change the winner, and the result stays ordered', () => {
    const odds: Array<[string, number]> = [
      ['low', 2],
      ['medium', 1.5],
    ];
    expect(softmax(odds, 1).map((x) => x.label)).toEqual(['low', 'medium']);
    const biased = softmax(odds, 1, { medium: 1 });
    expect(biased.map((x) => x.label)).toEqual(['medium', 'low']);
    expect(biased[0]!.p).toBeCloseTo(2 ** 0.5 / (1 + 2 ** 0.5));
  });
});

describe('cross-validation', () => {
  it('puts a ticket in the same fold whatever else is in the data', () => {
    expect(foldOf('t001', 5)).toBe(foldOf('t001', 5));
    const counts = [0, 0, 0, 0, 0];
    for (const t of tickets) counts[foldOf(t.id, 5)]! += 1;
    for (const c of counts) expect(c).toBeGreaterThan(tickets.length / 10);
  });

  it('classifies every ticket once, by a model that did not train on it', () => {
    const small: LabelledTicket[] = sample.slice(0, 40);
    const cv = crossValidate(small, { folds: 4, reviewThreshold: 0.6 });
    expect(cv.outcomes.map((o) => o.ticket.id).sort()).toEqual(small.map((t) => t.id).sort());
    expect(cv.score.n).toBe(40);
    expect(() => crossValidate(small, { folds: 1, reviewThreshold: 0.6 })).toThrow(/at least 2 folds/);
  });
});
