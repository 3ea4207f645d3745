import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { bundleWorkflowCode, NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { FileOutbox } from './activities/outbox';
import { createActivities, type Activities } from './activities';
import { loadSettings, modelLabel, type Settings } from './config';
import { connectWorker } from './connection';
import { providerFromSettings } from './model';

/** Built by `npm run build:bundle`; when present the worker skips bundling at start-up. */
export const WORKFLOW_BUNDLE_PATH = join(__dirname, '..', 'lib', 'workflow-bundle.js');

export interface CreateWorkerOptions {
  settings?: Settings;
  connection?: NativeConnection;
  namespace?: string;
  taskQueue?: string;
  activities?: Activities;
  /** Pre-bundled workflow code (tests bundle once per suite). */
  workflowBundle?: WorkerOptions['workflowBundle'];
}

// webpack's build report is noise in an operator's terminal; its warnings and errors still show.
const quietBundler = { trace() {}, debug() {}, info() {}, log() {}, warn: console.warn, error: console.error } as never;

/** The workflow code the worker runs: a pre-built bundle when there is one, else the sources bundled now. */
export async function workflowSource(): Promise<NonNullable<WorkerOptions['workflowBundle']>> {
  if (existsSync(WORKFLOW_BUNDLE_PATH)) return { codePath: WORKFLOW_BUNDLE_PATH };
  return bundleWorkflowCode({ workflowsPath: require.resolve('./workflows'), logger: quietBundler });
}

/**
 * A worker for every switchboard workflow and activity. Defaults come from the environment:
 * settings from loadSettings(), the connection from @temporalio/envconfig.
 */
export async function createWorker(options: CreateWorkerOptions = {}): Promise<Worker> {
  const settings = options.settings ?? loadSettings();
  const target = options.connection
    ? { connection: options.connection, namespace: options.namespace ?? 'default' }
    : await connectWorker();
  const activities =
    options.activities ??
    createActivities({
      provider: providerFromSettings(settings),
      outbox: new FileOutbox(settings.OUTBOX_DIR),
    });
  return Worker.create({
    connection: target.connection,
    namespace: options.namespace ?? target.namespace,
    taskQueue: options.taskQueue ?? settings.TASK_QUEUE,
    activities,
    workflowBundle: options.workflowBundle ?? (await workflowSource()),
  });
}

async function main(): Promise<void> {
  const settings = loadSettings();
  const worker = await createWorker({ settings });
  console.log(
    `worker: task queue ${settings.TASK_QUEUE}, model ${modelLabel(settings)} (${settings.MODEL_PROVIDER}); Ctrl-C stops it`,
  );
  await worker.run();
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
