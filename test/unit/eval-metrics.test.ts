import { scoreAgentRun, summarizeAgent } from '../../tools/eval/agent-metrics';
import { summarizeHybrid } from '../../tools/eval/hybrid-metrics';
import { costUsd, distribution, percentile, rate, scoreClassification } from '../../tools/eval/metrics';
import { confusionMatrix, expectedCalibrationError, scoreTickets } from '../../tools/eval/ticket-metrics';
import { DEFAULT_PRICES, priceOf } from '../../src/model/prices';
import { NO_DATA } from '../../src/domain/tools';

describe('percentile', () => {
  it('interpolates between closest ranks (as numpy and Excel PERCENTILE.INC do)', () => {
    const v = [15, 20, 35, 40, 50];
    expect(percentile(v, 0)).toBe(15);
    expect(percentile(v, 50)).toBe(35);
    expect(percentile(v, 100)).toBe(50);
    expect(percentile(v, 40)).toBeCloseTo(29); // rank 1.6: 20 + 0.6 × 15
    expect(percentile([1, 2, 3, 4], 95)).toBeCloseTo(3.85);
  });

  it('does not depend on input order and does not sort the caller’s array', () => {
    const v = [50, 15, 40, 20, 35];
    expect(percentile(v, 50)).toBe(35);
    expect(v).toEqual([50, 15, 40, 20, 35]);
  });

  it('is NaN for no values and refuses a percentile outside 0-100', () => {
    expect(percentile([], 50)).toBeNaN();
    expect(() => percentile([1], 101)).toThrow(/within 0-100/);
  });

  it('summarizes a distribution', () => {
    expect(distribution([1, 2, 3, 4, 100])).toEqual({ n: 5, mean: 22, p50: 3, p95: expect.closeTo(80.8) as number, max: 100 });
  });
});

describe('rate', () => {
  it('is NaN for an empty whole, not 0', () => {
    expect(rate(1, 4)).toBe(0.25);
    expect(rate(0, 0)).toBeNaN();
  });
});

describe('scoreClassification', () => {
  const labels = ['a', 'b', 'c'];
  it('computes accuracy, per-class precision/recall/F1 and macro-F1', () => {
    const gold = ['a', 'a', 'a', 'b', 'b', 'c'];
    const pred = ['a', 'a', 'b', 'b', 'c', 'c'];
    const s = scoreClassification(gold, pred, labels);
    expect(s.accuracy).toBeCloseTo(4 / 6);
    expect(s.perClass.a).toEqual({ precision: 1, recall: 2 / 3, f1: 0.8, support: 3 });
    expect(s.perClass.b!.precision).toBeCloseTo(0.5);
    expect(s.perClass.b!.recall).toBeCloseTo(0.5);
    expect(s.perClass.c!.f1).toBeCloseTo(2 / 3);
    expect(s.macroF1).toBeCloseTo((0.8 + 0.5 + 2 / 3) / 3);
  });

  it('gives a class that is never predicted F1 0, so ignoring a class costs macro-F1', () => {
    const s = scoreClassification(['a', 'a', 'c'], ['a', 'a', 'a'], labels);
    expect(s.perClass.c).toEqual({ precision: 0, recall: 0, f1: 0, support: 1 });
    expect(s.accuracy).toBeCloseTo(2 / 3);
    expect(s.macroF1).toBeCloseTo(0.8 / 3);
  });

  it('refuses label lists of different lengths', () => {
    expect(() => scoreClassification(['a'], [], labels)).toThrow(/1 gold labels but 0 predictions/);
  });
});

describe('cost', () => {
  it('prices tokens per million, input and output apart', () => {
    expect(costUsd({ inputTokens: 2_000_000, outputTokens: 500_000 }, { inputPerMTok: 1, outputPerMTok: 4 })).toBeCloseTo(4);
  });

  it('refuses a model without a price rather than calling it free', () => {
    expect(priceOf(DEFAULT_PRICES, 'offline-rules')).toEqual({ inputPerMTok: 0, outputPerMTok: 0 });
    expect(() => priceOf(DEFAULT_PRICES, 'gpt-x')).toThrow(/no price for model "gpt-x"/);
  });
});

describe('agent metrics', () => {
  const scenario = { id: 's', expected: { outcome: 'resolved' as const, rootCauseKeywords: ['API key', 'payment'] } };
  const step = (n: number, tool: string, observation?: string, rejection?: string) => ({
    step: n,
    decision: { thought: '', action: 'investigate' as const, tool, message: '', confidence: 0.5, proposedAction: null },
    ...(observation !== undefined && { observation }),
    ...(rejection && { rejection }),
  });

  it('counts a resolved run as completed only when it names every root-cause keyword', () => {
    const steps = [step(1, 'logs', 'errors'), step(2, 'config_check', 'PAYMENT_API_KEY missing')];
    expect(scoreAgentRun(scenario, { outcome: 'resolved', recommendation: 'Set the payment API key', steps }).completed).toBe(true);
    expect(scoreAgentRun(scenario, { outcome: 'resolved', recommendation: 'Restart the payment service', steps }).completed).toBe(false);
    expect(scoreAgentRun(scenario, { outcome: 'escalated', recommendation: 'payment API key', steps }).completed).toBe(false);
  });

  it('counts an escalation as completed where escalation is expected (max_steps too)', () => {
    const expectEscalation = { id: 'e', expected: { outcome: 'escalated' as const, rootCauseKeywords: [] } };
    expect(scoreAgentRun(expectEscalation, { outcome: 'max_steps', recommendation: '', steps: [] })).toMatchObject({ expected: 'escalated', completed: true });
    expect(scoreAgentRun(expectEscalation, { outcome: 'resolved', recommendation: 'x', steps: [] }).completed).toBe(false);
  });

  it('measures tool efficiency, invalid decisions and recovery after a bad step', () => {
    const recovered = scoreAgentRun(scenario, {
      outcome: 'resolved',
      recommendation: 'payment API key',
      steps: [step(1, 'status_page', NO_DATA), step(2, 'shell', undefined, 'not allowed'), step(3, 'config_check', 'PAYMENT_API_KEY missing')],
    });
    expect(recovered).toMatchObject({ steps: 3, toolCalls: 2, usefulCalls: 1, invalidDecisions: 1, hadBadStep: true, completed: true });
    const lost = scoreAgentRun(scenario, { outcome: 'escalated', recommendation: '', steps: [step(1, 'shell', undefined, 'not allowed')] });
    const clean = scoreAgentRun(scenario, { outcome: 'resolved', recommendation: 'payment API key', steps: [step(1, 'config_check', 'missing')] });
    const s = summarizeAgent([recovered, lost, clean]);
    expect(s).toMatchObject({ runs: 3, runsWithBadStep: 2, recoveryRate: 0.5, stepsPerTask: 5 / 3 });
    expect(s.completionRate).toBeCloseTo(2 / 3);
    expect(s.toolEfficiency).toBeCloseTo(2 / 3);
    expect(s.invalidDecisionRate).toBeCloseTo(2 / 5);
    expect(s.escalationRate).toBeCloseTo(1 / 3);
  });
});

describe('hybrid metrics', () => {
  it('gives the share per path and the approval rate among cases a person decided', () => {
    const s = summarizeHybrid([
      { path: 'workflow', decision: 'routed' },
      { path: 'workflow', decision: 'routed' },
      { path: 'agent', decision: 'auto_approved' },
      { path: 'human', decision: 'approved' },
      { path: 'human', decision: 'rejected' },
    ]);
    expect(s.pathShare).toEqual({ workflow: 0.4, agent: 0.2, human: 0.4 });
    expect(s.humanApprovalRate).toBe(0.5);
    expect(s.decisions).toEqual({ routed: 2, auto_approved: 1, approved: 1, rejected: 1 });
  });
});

describe('ticket figures', () => {
  const outcome = (id: string, language: 'en' | 'de', gold: string, predicted: string, confidence: number, priority = 'low') => ({
    ticket: { id, language, category: gold as never, priority: 'low' as const },
    category: predicted,
    priority,
    confidence,
  });
  const outcomes = [
    outcome('t1', 'en', 'billing', 'billing', 0.9),
    outcome('t2', 'en', 'billing', 'refund_request', 0.4, 'high'),
    outcome('t3', 'de', 'refund_request', 'refund_request', 0.8),
    outcome('t4', 'de', 'other', 'billing', 0.7, 'medium'),
  ];

  it('counts a confusion matrix with gold categories as rows', () => {
    const labels = ['a', 'b'];
    expect(confusionMatrix(['a', 'a', 'b', 'b', 'b'], ['a', 'b', 'b', 'b', 'a'], labels)).toEqual([
      [1, 1],
      [1, 2],
    ]);
    expect(() => confusionMatrix(['a'], ['z'], labels)).toThrow(/label outside a, b/);
  });

  it('scores overall, per language, per category and on each side of the review threshold', () => {
    const s = scoreTickets(outcomes, 0.6);
    expect(s).toMatchObject({ n: 4, accuracy: 0.5, priorityAccuracy: 0.5 });
    expect(s.perLanguage).toEqual({ de: { n: 2, accuracy: 0.5, priorityAccuracy: 0.5 }, en: { n: 2, accuracy: 0.5, priorityAccuracy: 0.5 } });
    expect(s.perCategory.billing).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5, support: 2 });
    expect(s.confusion.labels).toEqual(['billing', 'technical_issue', 'refund_request', 'account_access', 'other']);
    expect(s.confusion.matrix[0]).toEqual([1, 0, 1, 0, 0]);
    expect(s.confusion.matrix[4]).toEqual([1, 0, 0, 0, 0]);
    expect(s.byConfidence).toMatchObject({ threshold: 0.6, confident: { n: 3, accuracy: 2 / 3 }, unconfident: { n: 1, accuracy: 0 } });
  });

  it('measures calibration: in each confidence bin, the gap between accuracy and confidence, weighted by its share', () => {
    // One ticket a bin: |1 − 0.9|, |0 − 0.4|, |1 − 0.8|, |0 − 0.7|, a quarter each.
    expect(expectedCalibrationError(outcomes)).toBeCloseTo(0.35, 10);
    expect(scoreTickets(outcomes, 0.6).byConfidence.expectedCalibrationError).toBeCloseTo(0.35, 10);
    // Right half the time at 0.5, and always at 1.0: perfectly calibrated.
    expect(
      expectedCalibrationError([
        outcome('a', 'en', 'billing', 'billing', 0.5),
        outcome('b', 'en', 'billing', 'other', 0.5),
        outcome('c', 'en', 'other', 'other', 1),
      ]),
    ).toBeCloseTo(0, 10);
    expect(expectedCalibrationError([])).toBe(0);
  });
});
