// Imported as a module, not read from disk, so that the build ships it in lib/.
import modelJson from './ticket-model.json';
import { createTicketClassifier, type TicketPrediction } from './ticket-classifier';
import { parseTicketModel } from './ticket-model';

// Checked and built once, when the worker (or the fake model server) loads this module: a broken model
// stops it at start with the field that is wrong, and no ticket pays the ~150 ms of loading.
const classifier = createTicketClassifier(parseTicketModel(modelJson, 'src/model/offline/ticket-model.json'));

/** The committed model's answer for a ticket: deterministic, a few milliseconds. */
export function classifyWithTrainedModel(text: string): TicketPrediction {
  return classifier(text);
}
