/**
 * Records the workflow histories the replay test replays (test/replay/histories/*.json).
 * Run it after a deliberate, versioned change to workflow code: `npm run record-histories`.
 * It starts its own dev server on loopback and stops it when done.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkflowHandle } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, DefaultLogger, Runtime } from '@temporalio/worker';
import { createActivities } from '../src/activities';
import { loadSettings } from '../src/config';
import { FileOutbox } from '../src/activities/outbox';
import { resolveTemporalCli } from './dev/temporal-cli';
import { ALL_SEARCH_ATTRIBUTES } from '../src/workflows/search-attributes';
import { startFakeOpenAI } from './fake-openai/server';
import { OpenAIProvider } from '../src/model/openai-provider';
import { loadScenario } from '../src/scenarios';
import type { SupportCaseStatus } from '../src/workflows/support-case';
import { createWorker } from '../src/worker';
import { tempDir } from '../test/helpers/files';

const OUT = join(__dirname, '..', 'test', 'replay', 'histories');
const TECHNICAL = 'Checkout API fails with error 500 since the deployment';

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const cli = resolveTemporalCli();
  const env = await TestWorkflowEnvironment.createLocal({
    server: { executable: { type: 'existing-path', path: cli }, ip: '127.0.0.1', searchAttributes: ALL_SEARCH_ATTRIBUTES },
  });
  const fake = await startFakeOpenAI();
  try {
    const taskQueue = 'record-histories';
    const worker = await createWorker({
      settings: loadSettings({}),
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: await bundleWorkflowCode({ workflowsPath: require.resolve('../src/workflows') }),
      activities: createActivities({
        provider: new OpenAIProvider({ apiKey: 'sk-record', model: 'gpt-5.4-mini', baseURL: fake.baseURL, timeoutMs: 2_000 }),
        outbox: new FileOutbox(tempDir()),
      }),
    });
    const payment = loadScenario('payment-after-deploy');
    const awaiting = async (h: WorkflowHandle) => {
      while ((await h.query<SupportCaseStatus>('status')).stage !== 'awaiting_approval') await new Promise((r) => setTimeout(r, 100));
    };
    const runs: Array<{ name: string; type: string; args: unknown[]; before?: () => void; steer?: (h: WorkflowHandle) => Promise<void> }> = [
      { name: 'route-ticket-billing', type: 'routeTicket', args: [{ text: 'I was charged twice, duplicate invoice' }] },
      { name: 'route-ticket-retried', type: 'routeTicket', args: [{ text: 'Refund please' }], before: () => fake.enqueue({ fault: 'rate_limit', retryAfterMs: 100 }, { fault: 'server_error' }) },
      { name: 'route-ticket-fallback', type: 'routeTicket', args: [{ text: 'Refund please' }], before: () => fake.enqueue(...Array.from({ length: 4 }, () => ({ fault: 'schema_violation' as const }))) },
      { name: 'troubleshoot-payment', type: 'troubleshoot', args: [{ scenario: payment }] },
      {
        name: 'troubleshoot-rejected-tool',
        type: 'troubleshoot',
        args: [{ scenario: payment }],
        before: () => fake.enqueue({ task: 'agent_decision', output: { thought: 't', action: 'investigate', tool: 'restart_database', message: 'm', confidence: 0.5 } }),
      },
      { name: 'support-case-routed', type: 'supportCase', args: [{ ticket: { text: 'I was charged twice' }, approvers: ['alice'] }] },
      {
        name: 'support-case-approved',
        type: 'supportCase',
        args: [{ ticket: { text: TECHNICAL }, scenario: payment, approvers: ['alice'] }],
        steer: async (h) => {
          await awaiting(h);
          await h.signal('approve', { by: 'mallory' });
          await h.signal('approve', { by: 'alice', comment: 'ok' });
          await h.signal('approve', { by: 'alice' });
        },
      },
      {
        name: 'support-case-rejected',
        type: 'supportCase',
        args: [{ ticket: { text: TECHNICAL }, scenario: payment, approvers: ['alice'] }],
        steer: async (h) => {
          await awaiting(h);
          await h.signal('reject', { by: 'alice', reason: 'not now' });
        },
      },
      { name: 'support-case-expired', type: 'supportCase', args: [{ ticket: { text: TECHNICAL }, scenario: payment, approvers: ['alice'], approvalTimeout: '1s' }] },
    ];
    mkdirSync(OUT, { recursive: true });
    await worker.runUntil(async () => {
      for (const run of runs) {
        fake.reset();
        run.before?.();
        const handle = await env.client.workflow.start(run.type, { taskQueue, workflowId: run.name, args: run.args });
        await run.steer?.(handle);
        await handle.result();
        // The CLI writes the standard JSON history format (the one the UI downloads and replay reads).
        // Child workflows (the agent stage of a case) have histories of their own; the parent's is the one kept.
        const json = execFileSync(cli, ['workflow', 'show', '--workflow-id', run.name, '--address', env.address, '--output', 'json'], { encoding: 'utf8' });
        writeFileSync(join(OUT, `${run.name}.json`), json);
        console.log(`recorded ${run.name}`);
      }
    });
  } finally {
    await fake.close();
    await env.teardown();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
