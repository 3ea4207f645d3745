/**
 * The bench's worker process: the product's workers (src/worker.ts's createWorker, settings from the
 * environment, the bench's 0 ms model or, with MODEL_PROVIDER=openai, the fake OpenAI server) and,
 * on `<TASK_QUEUE>-floor`, the floor workflows, with the same worker options. One process, so the
 * CPU of both is read from the same /proc entry, phase by phase.
 */
import { Worker } from '@temporalio/worker';
import { createActivities } from '../../../src/activities';
import { FileOutbox } from '../../../src/activities/outbox';
import { loadSettings } from '../../../src/config';
import { connectWorker } from '../../../src/connection';
import { providerFromSettings } from '../../../src/model';
import { installRuntime } from '../../../src/runtime';
import { createWorker } from '../../../src/worker';
import { WorkerGroup } from '../../../src/worker-group';
import { BenchModelProvider } from '../bench-model-provider';
import * as activities from './activities';

async function main(): Promise<void> {
  const settings = loadSettings();
  installRuntime(settings);
  const { connection, namespace } = await connectWorker();
  // The model costs next to nothing here, so the figures are the engine's and this project's code's;
  // only the latency figure asks for a model with a latency (the fake OpenAI server).
  const provider = settings.MODEL_PROVIDER === 'openai' ? providerFromSettings(settings) : new BenchModelProvider();
  const productActivities = createActivities({ provider, outbox: new FileOutbox(settings.OUTBOX_DIR) });
  const product = await createWorker({ settings, connection, namespace, activities: productActivities });
  const floor = await Worker.create({
    connection,
    namespace,
    taskQueue: `${settings.TASK_QUEUE}-floor`,
    workflowsPath: require.resolve('./workflows'),
    activities,
    maxConcurrentActivityTaskExecutions: settings.WORKER_MAX_CONCURRENT_ACTIVITIES,
    maxConcurrentWorkflowTaskExecutions: settings.WORKER_MAX_CONCURRENT_WORKFLOW_TASKS,
    maxCachedWorkflows: settings.WORKER_MAX_CACHED_WORKFLOWS,
  });
  const group = new WorkerGroup([...product.workers, floor]);
  process.once('SIGTERM', () => group.shutdown());
  console.log('ready');
  await group.run();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
