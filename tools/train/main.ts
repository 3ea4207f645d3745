import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { Command } from 'commander';
import { wholeNumber } from '../cli-args';
import { LIMITS } from '../../src/domain/limits';
import { TRAINED_MODEL_FILE } from '../../src/model/offline/ticket-model';
import { renderTicketScoreText } from '../eval/render-tickets';
import { crossValidate } from './cross-validate';
import { serializeModel, trainTicketModel } from './train';
import { loadTrainingData } from './training-data';

const foldCount = wholeNumber(2);

function main(): void {
  const opts = new Command('train')
    .description(
      'Trains the offline ticket classifier on data/tickets/train.json (never on the held-out set) and writes\n' +
        'the model that ships with the product. --cv measures the settings by k-fold cross-validation instead.',
    )
    .option('--cv', 'k-fold cross-validation on the training tickets; writes nothing')
    .option('--folds <k>', 'folds for --cv', foldCount, 5)
    .option('--out <file>', 'where the model goes', TRAINED_MODEL_FILE)
    .parse()
    .opts<{ cv?: boolean; folds: number; out: string }>();

  const { tickets, source } = loadTrainingData();
  if (opts.cv) {
    const cv = crossValidate(tickets, { folds: opts.folds, reviewThreshold: LIMITS.reviewThreshold.default });
    console.log(`${opts.folds}-fold cross-validation on ${source.file} (${tickets.length} tickets)\n\n${renderTicketScoreText(cv.score)}`);
    return;
  }
  const started = performance.now();
  const model = trainTicketModel(tickets, source);
  const json = serializeModel(model);
  mkdirSync(dirname(opts.out), { recursive: true });
  writeFileSync(opts.out, json);
  console.log(
    `trained on ${tickets.length} tickets from ${source.file} in ${((performance.now() - started) / 1000).toFixed(1)} s: ` +
      `${model.category.vocabulary.length} category and ${model.priority.vocabulary.length} priority tokens, ` +
      `temperatures ${model.category.temperature} / ${model.priority.temperature}; wrote ${relative(process.cwd(), opts.out)} (${(json.length / 1024).toFixed(0)} KiB)`,
  );
}

try {
  main();
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
