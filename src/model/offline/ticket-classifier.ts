import type { Priority, TicketCategory } from '../../domain/ticket';
import { priorityTokens, ticketTokens } from './features';
import { naiveBayesScorer, type LabelProbability } from './naive-bayes';
import type { TicketModel } from './ticket-model';

export interface TicketPrediction {
  category: TicketCategory;
  priority: Priority;
  /** The category's probability: under the review threshold, a person should look. */
  confidence: number;
  /** Every category and priority with its probability, most probable first (empty when no token was known). */
  categories: LabelProbability[];
  priorities: LabelProbability[];
}

// Nothing learnt applies (no known token): say so rather than guess with confidence.
const UNKNOWN = { category: 'other', priority: 'medium', confidence: 0 } as const;

/** A classifier over a trained model: pure and deterministic, the same text always gets the same answer. */
export function createTicketClassifier(model: TicketModel): (text: string) => TicketPrediction {
  const category = naiveBayesScorer(model.category);
  const priority = naiveBayesScorer(model.priority);
  return (text) => {
    const tokens = ticketTokens(text, model.features);
    const categories = category.probabilities(tokens);
    const best = categories[0];
    const priorities = priority.probabilities(priorityTokens(tokens, best?.label ?? UNKNOWN.category, model.features));
    return {
      category: (best?.label as TicketCategory | undefined) ?? UNKNOWN.category,
      priority: (priorities[0]?.label as Priority | undefined) ?? UNKNOWN.priority,
      confidence: best?.p ?? UNKNOWN.confidence,
      categories,
      priorities,
    };
  };
}
