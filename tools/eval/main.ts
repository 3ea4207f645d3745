import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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
import { STRUCTURED_OUTPUT_DIALECTS } from '../../src/model/structured-output';
import { renderBesideMarkdown, renderBesideTerminal } from './beside';
import { progressBar } from './progress';
import { renderChart, renderMarkdown, renderTerminal } from './render';
import { runEval } from './run-eval';
import { summarizeEval, type EvalReport } from './summarize';

const REVIEWER = 'eval-reviewer';

const positiveInt = wholeNumber(1);

async function main(): Promise<void> {
  const program = new Command('eval')
    .description(
      'Runs the held-out labelled tickets (data/tickets/heldout.json, never trained on) through Pattern A, the\n' +
        'troubleshooting scenarios through Pattern B, and both through Pattern C, on a Temporal dev server of its own,\n' +
        "and prints the measures side by side; offline, also the classifier's k-fold cross-validation on its\n" +
        'training tickets. Writes <out>/eval-<provider>.json, .md and .svg.',
    )
    .addOption(
      new Option('--provider <provider>', 'offline rules, or the OpenAI API (needs OPENAI_API_KEY; OPENAI_BASE_URL and OPENAI_MODEL apply)').choices([
        'offline',
        'openai',
      ]),
    )
    .option(
      '--base-url <url>',
      'an OpenAI-compatible endpoint (sets OPENAI_BASE_URL); a local server needs no key, so OPENAI_API_KEY defaults to "none" with it',
    )
    .addOption(new Option('--api <api>', 'the API it speaks (sets OPENAI_API)').choices(['responses', 'chat']))
    .addOption(
      new Option('--structured-output <form>', "with --api chat: json_schema, or llama.cpp's json_object_schema (sets OPENAI_STRUCTURED_OUTPUT)").choices(
        STRUCTURED_OUTPUT_DIALECTS,
      ),
    )
    .option('--model <id>', 'the model to ask (sets OPENAI_MODEL)')
    .option('--label <name>', 'names the report files: <out>/eval-<label>.json, .md, .svg (default: the provider)')
    .option('--concurrency <n>', 'workflows in flight at once', positiveInt, 8)
    .option('--limit <n>', 'only the first n tickets', positiveInt)
    .option('--tickets <file>', 'labelled tickets (default: the held-out set, never trained on)', HELDOUT_FILE)
    .option('--folds <k>', 'folds of the offline cross-validation (0: skip it)', (v) => (v === '0' ? 0 : positiveInt(v)), 5)
    .option('--prices <file>', 'price table JSON: {"model": {"inputPerMTok": 0.75, "outputPerMTok": 4.5}}')
    .option('--out <dir>', 'where the JSON, Markdown and SVG go', 'reports')
    .parse();
  const opts = program.opts<{
    provider?: 'offline' | 'openai';
    baseUrl?: string;
    api?: string;
    structuredOutput?: string;
    model?: string;
    label?: string;
    concurrency: number;
    limit?: number;
    tickets: string;
    folds: number;
    prices?: string;
    out: string;
  }>();

  const settings = loadSettings({
    ...process.env,
    ...(opts.provider && { MODEL_PROVIDER: opts.provider }),
    ...(opts.baseUrl && { OPENAI_BASE_URL: opts.baseUrl, OPENAI_API_KEY: process.env.OPENAI_API_KEY || 'none' }),
    ...(opts.api && { OPENAI_API: opts.api }),
    ...(opts.structuredOutput && { OPENAI_STRUCTURED_OUTPUT: opts.structuredOutput }),
    ...(opts.model && { OPENAI_MODEL: opts.model }),
    LOG_LEVEL: 'WARN',
  });
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

  console.error(
    `eval: ${tickets.length} tickets, ${scenarios.length} scenarios, provider ${provider}, concurrency ${opts.concurrency}; starting a Temporal dev server`,
  );
  const local = await startLocalServer({ maxLifetimeSeconds: 3_600 });
  const startedAt = new Date();
  try {
    const taskQueue = `eval-${startedAt.getTime()}`;
    const worker = await createWorker({ settings, connection: local.nativeConnection, taskQueue });
    const run = await worker.runUntil(
      runEval({ client: local.client, taskQueue, tickets, scenarios, concurrency: opts.concurrency, reviewer: REVIEWER, onProgress: progressBar() }),
    );
    const report = summarizeEval(run, {
      provider,
      concurrency: opts.concurrency,
      prices,
      startedAt,
      durationS: (Date.now() - startedAt.getTime()) / 1000,
      ticketsFile: relative(process.cwd(), opts.tickets),
      crossValidation,
    });
    // A model's figures beside the offline model's last run, when there is one: the same held-out work.
    const offlineFile = join(opts.out, 'eval-offline.json');
    const offline = provider !== 'offline' && existsSync(offlineFile) ? (JSON.parse(readFileSync(offlineFile, 'utf8')) as EvalReport) : undefined;
    const offlineName = relative(process.cwd(), offlineFile);
    console.log(`\n${renderTerminal(report)}\n${offline ? `\n${renderBesideTerminal(report, offline, offlineName)}\n` : ''}`);
    mkdirSync(opts.out, { recursive: true });
    const name = `eval-${opts.label ?? provider}`;
    const base = join(opts.out, name);
    writeFileSync(`${base}.json`, `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(`${base}.svg`, renderChart(report));
    writeFileSync(
      `${base}.md`,
      `${renderMarkdown(report, `${name}.svg`)}${offline ? `\n\n${renderBesideMarkdown(report, offline, 'eval-offline.json')}\n` : ''}`,
    );
    console.log(`wrote ${[`${base}.json`, `${base}.md`, `${base}.svg`].map((f) => relative(process.cwd(), f)).join(', ')}`);
  } finally {
    await local.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(err instanceof ConfigError ? 2 : 1);
});
