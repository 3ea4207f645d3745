import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { installQuietRuntime } from '../../src/runtime';
import { Command, Option } from 'commander';
import { wholeNumber } from '../cli-args';
import { ConfigError, loadSettings } from '../../src/config';
import { startLocalServer } from '../dev/local-server';
import { listScenarios } from '../../src/scenarios';
import { createWorker } from '../../src/worker';
import { LIMITS } from '../../src/domain/limits';
import { crossValidate } from '../train/cross-validate';
import { loadTrainingData } from '../train/training-data';
import { HELDOUT_FILE, loadTickets } from './dataset';
import { loadPrices } from '../../src/model/prices';
import { progressBar } from './progress';
import { renderChart, renderMarkdown, renderTerminal } from './render';
import { runEval } from './run-eval';
import { summarizeEval } from './summarize';

const REVIEWER = 'eval-reviewer';

const positiveInt = wholeNumber(1);

async function main(): Promise<void> {
  const program = new Command('eval')
    .description(
      'Runs the held-out labelled tickets (data/tickets/heldout.json, never trained on) through Pattern A, the\n' +
        'troubleshooting scenarios through Pattern B, and both through Pattern C, on a Temporal dev server of its own,\n' +
        'and prints the measures side by side; offline, also the classifier\'s k-fold cross-validation on its\n' +
        'training tickets. Writes <out>/eval-<provider>.json, .md and .svg.',
    )
    .addOption(new Option('--provider <provider>', 'offline rules, or the OpenAI API (needs OPENAI_API_KEY; OPENAI_BASE_URL and OPENAI_MODEL apply)').choices(['offline', 'openai']))
    .option('--concurrency <n>', 'workflows in flight at once', positiveInt, 8)
    .option('--limit <n>', 'only the first n tickets', positiveInt)
    .option('--tickets <file>', 'labelled tickets (default: the held-out set, never trained on)', HELDOUT_FILE)
    .option('--folds <k>', 'folds of the offline cross-validation (0: skip it)', (v) => (v === '0' ? 0 : positiveInt(v)), 5)
    .option('--prices <file>', 'price table JSON: {"model": {"inputPerMTok": 0.75, "outputPerMTok": 4.5}}')
    .option('--out <dir>', 'where the JSON, Markdown and SVG go', 'reports')
    .parse();
  const opts = program.opts<{ provider?: 'offline' | 'openai'; concurrency: number; limit?: number; tickets: string; folds: number; prices?: string; out: string }>();

  const settings = loadSettings({ ...process.env, ...(opts.provider && { MODEL_PROVIDER: opts.provider }), LOG_LEVEL: 'WARN' });
  const prices = loadPrices(opts.prices);
  const tickets = loadTickets(opts.tickets).slice(0, opts.limit);
  const scenarios = listScenarios();
  const provider = settings.MODEL_PROVIDER;
  // In process and before the server starts: the offline classifier's figures on its own training tickets.
  const training = provider === 'offline' && opts.folds >= 2 ? loadTrainingData() : undefined;
  const crossValidation = training && {
    file: training.source.file,
    folds: opts.folds,
    score: crossValidate(training.tickets, { folds: opts.folds, reviewThreshold: LIMITS.reviewThreshold.default }).score,
  };
  // The worker's own log would tear the progress bar: only warnings and errors.
  installQuietRuntime();

  console.error(`eval: ${tickets.length} tickets, ${scenarios.length} scenarios, provider ${provider}, concurrency ${opts.concurrency}; starting a Temporal dev server`);
  const local = await startLocalServer({ maxLifetimeSeconds: 3_600 });
  const startedAt = new Date();
  try {
    const taskQueue = `eval-${startedAt.getTime()}`;
    const worker = await createWorker({ settings, connection: local.nativeConnection, taskQueue });
    const run = await worker.runUntil(
      runEval({ client: local.client, taskQueue, tickets, scenarios, concurrency: opts.concurrency, reviewer: REVIEWER, onProgress: progressBar() }),
    );
    const report = summarizeEval(run, { provider, concurrency: opts.concurrency, prices, startedAt, durationS: (Date.now() - startedAt.getTime()) / 1000, ticketsFile: relative(process.cwd(), opts.tickets), crossValidation });
    console.log(`\n${renderTerminal(report)}\n`);
    mkdirSync(opts.out, { recursive: true });
    const base = join(opts.out, `eval-${provider}`);
    writeFileSync(`${base}.json`, `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(`${base}.svg`, renderChart(report));
    writeFileSync(`${base}.md`, renderMarkdown(report, `eval-${provider}.svg`));
    console.log(`wrote ${[`${base}.json`, `${base}.md`, `${base}.svg`].map((f) => relative(process.cwd(), f)).join(', ')}`);
  } finally {
    await local.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(err instanceof ConfigError ? 2 : 1);
});
