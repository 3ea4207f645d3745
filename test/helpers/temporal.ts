import { randomUUID } from 'node:crypto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Runtime, type LogEntry, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { FileOutbox, type Outbox } from '../../src/activities/outbox';
import { createActivities, type Activities } from '../../src/activities';
import { loadSettings } from '../../src/config';
import { WorkerLogger } from '../../src/runtime';
import { OfflineProvider } from '../../src/model/offline-provider';
import { startFakeOpenAI, type FakeOpenAI } from '../../tools/fake-openai/server';
import { createWorker } from '../../src/worker';
import { bundleWorkflows } from '../../src/workflow-bundle';
import type { WorkerGroup } from '../../src/worker-group';
import { tempDir } from './files';
import { RESPONSES, providerOver, type OpenAIWire } from './openai-wires';

export { tempDir };

/**
 * Everything the worker logged at INFO and above in this test file, kept for tests that inspect
 * logs (no secret may appear there). Only errors are printed: assertions tell the rest.
 */
export const workerLogs: LogEntry[] = [];
Runtime.install({
  // The worker's own logger (src/runtime.ts), so tests see what an operator would.
  logger: new WorkerLogger('INFO', (entry) => {
    workerLogs.push(entry);
    if (entry.level === 'ERROR') console.error(entry.message, entry.meta);
  }),
});

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;

/** The workflow bundle, built once per test file (bundling is the slow part of starting a worker). */
export function workflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  bundle ??= bundleWorkflows();
  return bundle;
}

/** Where a test's Temporal server is: the suite's dev server unless said otherwise (test/postgres passes its stack). */
export interface TestTarget {
  address: string;
  namespace: string;
}

/** A connection to the suite's shared dev server (started in test/setup/global-setup.ts), or to `target`. */
export async function testEnv(target?: TestTarget): Promise<TestWorkflowEnvironment> {
  const address = target?.address ?? process.env.SWITCHBOARD_TEST_TEMPORAL_ADDRESS;
  if (!address) throw new Error('no test Temporal server: run the suite through jest (globalSetup starts it)');
  return TestWorkflowEnvironment.createFromExistingServer({ address, namespace: target?.namespace ?? 'default' });
}

export function uniqueId(prefix: string): string {
  return `${prefix}-${randomUUID()}`;
}

/** Activities on the offline rules: what runs with no key. */
export function offlineActivities(outbox: Outbox = new FileOutbox(tempDir())): Activities {
  return createActivities({ provider: new OfflineProvider(), outbox });
}

/** Activities wired to the real openai SDK talking to the fake server, by the Responses API unless `wire` says otherwise. */
export function activitiesAgainst(fake: FakeOpenAI, outbox: Outbox = new FileOutbox(tempDir()), timeoutMs = 2_000, wire: OpenAIWire = RESPONSES): Activities {
  return createActivities({ provider: providerOver(wire, fake.baseURL, { timeoutMs }), outbox });
}

/** A real worker on its own task queue, connected to the suite's server. */
export async function startWorker(
  env: TestWorkflowEnvironment,
  activities: Activities,
  taskQueue = uniqueId('tq'),
  settings = loadSettings({}),
): Promise<{ worker: WorkerGroup; taskQueue: string }> {
  const worker = await createWorker({
    settings,
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    taskQueue,
    activities,
    workflowBundle: await workflowBundle(),
  });
  return { worker, taskQueue };
}

/**
 * The usual integration-test fixture: a connection to the suite's server and a fresh fake Responses
 * API server, with its log and queue cleared before each test. Read them as `t.env` and `t.fake`.
 */
export function useServerAndFakeModel(): { readonly env: TestWorkflowEnvironment; readonly fake: FakeOpenAI } {
  const t = {} as { env: TestWorkflowEnvironment; fake: FakeOpenAI };
  beforeAll(async () => {
    t.env = await testEnv();
    t.fake = await startFakeOpenAI();
  });
  afterAll(async () => {
    await t.fake?.close();
    await t.env?.teardown();
  });
  beforeEach(() => t.fake.reset());
  return t;
}
