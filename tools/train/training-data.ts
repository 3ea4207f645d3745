import { readFileSync } from 'node:fs';
import { basename, relative, resolve } from 'node:path';
import { HELDOUT_FILE, loadTickets, TRAIN_FILE, type LabelledTicket } from '../eval/dataset';
import { sha256 } from './train';

export interface TrainingData {
  tickets: LabelledTicket[];
  /** The file as the model records it: relative to the repository, and the hash of its bytes. */
  source: { file: string; sha256: string };
}

/**
 * The training tickets. Refuses the held-out set by path and by name, so no command can train on the
 * tickets the eval measures with.
 */
export function loadTrainingData(file = TRAIN_FILE): TrainingData {
  if (resolve(file) === resolve(HELDOUT_FILE) || basename(file).startsWith('heldout')) {
    throw new Error(`${file} is the held-out set: the model must never train on the tickets it is measured with`);
  }
  return { tickets: loadTickets(file), source: { file: relative(resolve(__dirname, '..', '..'), resolve(file)), sha256: sha256(readFileSync(file)) } };
}
