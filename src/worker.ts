import { existsSync } from 'node:fs';
import { Client } from '@temporalio/client';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { bundleWorkflows } from './workflow-bundle';
import { FileOutbox } from './activities/outbox';
import { createActivities, type Activities } from './activities';
import { dataConverterFromSettings } from './codec';
import { ConfigError, loadSettings, type Settings } from './config';
import { connectWorker } from './connection';
import { modelLabel, providerFromSettings } from './model';
import { loadPrices } from './model/prices';
import { installRuntime } from './runtime';
import { observeWith } from './telemetry/model-call';
import { modelMetrics } from './telemetry/model-metrics';
import type { Tracing } from './telemetry/tracing';
import { startWorkerTelemetry } from './telemetry/worker-telemetry';
import { tracedBundlePath } from './telemetry/workflow-modules';
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
  /** Traces workflows, activities and model calls (see startTracing); off when undefined. */
  tracing?: Tracing;
}

/**
 * The workflow code the worker runs: the pre-built bundle WORKFLOW_BUNDLE names (`npm run build`,
 * as the Docker image does; its .traced.js twin when tracing), else the sources, bundled now (with
 * the tracing interceptors only when tracing: untraced workflows carry none of their cost).
 */
export async function workflowSource(settings: Settings, tracing?: Tracing): Promise<NonNullable<WorkerOptions['workflowBundle']>> {
  const prebuilt = settings.WORKFLOW_BUNDLE && (tracing ? tracedBundlePath(settings.WORKFLOW_BUNDLE) : settings.WORKFLOW_BUNDLE);
  if (prebuilt) {
    if (!existsSync(prebuilt)) throw new ConfigError(`WORKFLOW_BUNDLE ${prebuilt} does not exist: run \`npm run build\` or unset it`);
    return { codePath: prebuilt };
  }
  return bundleWorkflows({ workflowInterceptorModules: tracing?.workflowInterceptorModules });
}

/**
 * The workers for every switchboard workflow and activity: one on TASK_QUEUE, and with
 * MODEL_RATE_LIMIT_PER_SECOND one more on its model queue, which the server rate limits. Defaults
 * come from the environment: settings from loadSettings(), the connection from @temporalio/envconfig.
 */
export async function createWorker(options: CreateWorkerOptions = {}): Promise<WorkerGroup> {
  const settings = options.settings ?? loadSettings();
  const workflowBundle = options.workflowBundle ?? (await workflowSource(settings, options.tracing));
  const target = options.connection ? { connection: options.connection, namespace: options.namespace ?? 'default' } : await connectWorker();
  const activities =
    options.activities ??
    createActivities({
      provider: providerFromSettings(settings),
      outbox: new FileOutbox(settings.OUTBOX_DIR),
      observeModelCall: observeWith(...(options.tracing ? [options.tracing.modelCalls] : []), modelMetrics(loadPrices(settings.MODEL_PRICES_FILE))),
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
    ...options.tracing?.workerOptions,
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
  // A connection opened here is the group's: closed when its workers stop. A given one stays the caller's.
  const release = options.connection ? undefined : () => target.connection.close();
  if (settings.MODEL_RATE_LIMIT_PER_SECOND === undefined) return new WorkerGroup([main], release);
  const model = await Worker.create({
    ...common,
    taskQueue: modelTaskQueue(taskQueue),
    maxConcurrentActivityTaskExecutions: settings.WORKER_MAX_CONCURRENT_ACTIVITIES,
    // Enforced by the server across every worker polling this queue: the provider's limit, shared.
    maxTaskQueueActivitiesPerSecond: settings.MODEL_RATE_LIMIT_PER_SECOND,
  });
  return new WorkerGroup([main, model], release);
}

async function main(): Promise<void> {
  const settings = loadSettings();
  installRuntime(settings);
  const telemetry = await startWorkerTelemetry(settings);
  const { connection, namespace } = await connectWorker();
  const worker = await createWorker({ settings, tracing: telemetry.tracing, connection, namespace });
  await telemetry.countWaitingCases(async () => new Client({ connection, namespace }));
  console.log(
    `worker: task queue ${settings.TASK_QUEUE}, model ${modelLabel(settings)} (${settings.MODEL_PROVIDER}), traces ${telemetry.summary}; Ctrl-C stops it`,
  );
  try {
    await worker.run();
  } finally {
    await telemetry.stop();
    await connection.close();
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(err instanceof ConfigError ? 2 : 1);
  });
}
