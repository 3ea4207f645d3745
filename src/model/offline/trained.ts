import { join } from 'node:path';
import modelJson from './ticket-model.json';
import { createTicketClassifier, type TicketPrediction } from './ticket-classifier';
import { parseTicketModel } from './ticket-model';

/** Where `npm run train` writes the model; imported below, so the build ships it in lib/. */
export const TRAINED_MODEL_FILE = join(__dirname, 'ticket-model.json');

let classifier: ((text: string) => TicketPrediction) | undefined;

/** The committed model's classifier, checked and built on first use and kept for the process's life. */
export function classifyWithTrainedModel(text: string): TicketPrediction {
  classifier ??= createTicketClassifier(parseTicketModel(modelJson, 'src/model/offline/ticket-model.json'));
  return classifier(text);
}
