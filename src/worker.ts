import { existsSync } from 'node:fs';
import { bundleWorkflowCode, NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { FileOutbox } from './activities/outbox';
import { createActivities, type Activities } from './activities';
import { dataConverterFromSettings } from './codec';
import { ConfigError, loadSettings, type Settings } from './config';
import { connectWorker } from './connection';
import { modelLabel, providerFromSettings } from './model';
import { installRuntime } from './runtime';
import { WorkerGroup } from './worker-group';
import { modelTaskQueue } from './workflows/task-queues';

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

/**
 * The workflow code the worker runs: the pre-built bundle WORKFLOW_BUNDLE names (`npm run build`,
 * as the Docker image does), else the sources, bundled now.
 */
export async function workflowSource(settings: Settings): Promise<NonNullable<WorkerOptions['workflowBundle']>> {
  const prebuilt = settings.WORKFLOW_BUNDLE;
  if (prebuilt) {
    if (!existsSync(prebuilt)) throw new ConfigError(`WORKFLOW_BUNDLE ${prebuilt} does not exist: run \`npm run build\` or unset it`);
    return { codePath: prebuilt };
  }
  return bundleWorkflowCode({ workflowsPath: require.resolve('./workflows'), logger: quietBundler });
}

/**
 * The workers for every switchboard workflow and activity: one on TASK_QUEUE, one on its model
 * queue. Defaults come from the environment: settings from loadSettings(), the connection from
 * @temporalio/envconfig.
 */
export async function createWorker(options: CreateWorkerOptions = {}): Promise<WorkerGroup> {
  const settings = options.settings ?? loadSettings();
  const workflowBundle = options.workflowBundle ?? (await workflowSource(settings));
  const target = options.connection
    ? { connection: options.connection, namespace: options.namespace ?? 'default' }
    : await connectWorker();
  const activities =
    options.activities ??
    createActivities({
      provider: providerFromSettings(settings),
      outbox: new FileOutbox(settings.OUTBOX_DIR),
    });
  const common = {
    connection: target.connection,
    namespace: options.namespace ?? target.namespace,
    activities,
    // Both queues carry payloads: both encrypt them when PAYLOAD_ENCRYPTION_KEYS is set.
    dataConverter: dataConverterFromSettings(settings),
    // On SIGTERM the worker stops polling and lets running activities finish for this long;
    // what is still running then is retried by Temporal on another worker.
    shutdownGraceTime: '30s',
  } satisfies Partial<WorkerOptions>;
  const taskQueue = options.taskQueue ?? settings.TASK_QUEUE;
  const main = await Worker.create({
    ...common,
    taskQueue,
    maxConcurrentActivityTaskExecutions: settings.WORKER_MAX_CONCURRENT_ACTIVITIES,
    maxConcurrentWorkflowTaskExecutions: settings.WORKER_MAX_CONCURRENT_WORKFLOW_TASKS,
    maxCachedWorkflows: settings.WORKER_MAX_CACHED_WORKFLOWS,
    workflowBundle,
  });
  const model = await Worker.create({
    ...common,
    taskQueue: modelTaskQueue(taskQueue),
    maxConcurrentActivityTaskExecutions: settings.WORKER_MAX_CONCURRENT_ACTIVITIES,
    // Enforced by the server across every worker polling this queue: the provider's limit, shared.
    ...(settings.MODEL_RATE_LIMIT_PER_SECOND && { maxTaskQueueActivitiesPerSecond: settings.MODEL_RATE_LIMIT_PER_SECOND }),
  });
  return new WorkerGroup([main, model]);
}

async function main(): Promise<void> {
  const settings = loadSettings();
  installRuntime(settings);
  const worker = await createWorker({ settings });
  console.log(
    `worker: task queue ${settings.TASK_QUEUE}, model ${modelLabel(settings)} (${settings.MODEL_PROVIDER}); Ctrl-C stops it`,
  );
  await worker.run();
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(err instanceof ConfigError ? 2 : 1);
  });
}
