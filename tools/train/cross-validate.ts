import { createTicketClassifier } from '../../src/model/offline/ticket-classifier';
import type { LabelledTicket } from '../eval/dataset';
import { scoreTickets, type TicketOutcome, type TicketScore } from '../eval/ticket-metrics';
import { foldOf } from './folds';
import { DEFAULT_TRAIN_OPTIONS, trainTicketModel, type TrainOptions } from './train';

export interface CrossValidation {
  folds: number;
  score: TicketScore;
  outcomes: TicketOutcome[];
}

/**
 * k-fold cross-validation in process: every ticket is classified by a model trained on the other folds
 * (calibration included), so the figures are on tickets the model did not see. For choosing settings;
 * the held-out set stays untouched.
 */
export function crossValidate(tickets: readonly LabelledTicket[], o: { folds: number; reviewThreshold: number; train?: TrainOptions }): CrossValidation {
  if (o.folds < 2) throw new Error(`cross-validation needs at least 2 folds, got ${o.folds}`);
  const outcomes: TicketOutcome[] = [];
  for (let fold = 0; fold < o.folds; fold += 1) {
    const test = tickets.filter((t) => foldOf(t.id, o.folds) === fold);
    if (!test.length) continue;
    const train = tickets.filter((t) => foldOf(t.id, o.folds) !== fold);
    const classify = createTicketClassifier(trainTicketModel(train, { file: `fold ${fold}`, sha256: '0'.repeat(64) }, o.train ?? DEFAULT_TRAIN_OPTIONS));
    for (const ticket of test) {
      const p = classify(ticket.text);
      outcomes.push({ ticket, category: p.category, priority: p.priority, confidence: p.confidence });
    }
  }
  outcomes.sort((a, b) => (a.ticket.id < b.ticket.id ? -1 : 1));
  return { folds: o.folds, score: scoreTickets(outcomes, o.reviewThreshold), outcomes };
}
