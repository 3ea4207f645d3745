/**
 * Records the workflow histories the replay test replays (test/replay/histories/*.json).
 * Run it after a deliberate, versioned change to workflow code: `npm run record-histories [name ...]`.
 * It starts its own dev server on loopback and stops it when done.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { installQuietRuntime } from '../src/runtime';
import { bundleWorkflows } from '../src/workflow-bundle';
import { createActivities } from '../src/activities';
import { loadSettings } from '../src/config';
import { FileOutbox } from '../src/activities/outbox';
import { resolveTemporalCli } from './dev/temporal-cli';
import { ALL_SEARCH_ATTRIBUTES } from '../src/workflows/search-attributes';
import { startFakeOpenAI } from './fake-openai/server';
import { OpenAIProvider } from '../src/model/openai-provider';
import { loadScenario } from '../src/scenarios';
import { signalDecision, untilCaseWaits, updateDecision } from '../src/clients/support-case';
import type { PersonDecision } from '../src/domain/case';
import { approversWithKeys } from './approvers';
import { routeTicket, supportCase, troubleshoot } from '../src/workflows';
import { createWorker } from '../src/worker';
import { tempDir } from '../test/helpers/files';

const OUT = join(__dirname, '..', 'test', 'replay', 'histories');
const TECHNICAL = 'Checkout API fails with error 500 since the deployment';

async function main(): Promise<void> {
  installQuietRuntime();
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
      workflowBundle: await bundleWorkflows(),
      activities: createActivities({
        provider: new OpenAIProvider({ apiKey: 'sk-record', model: 'gpt-5.4-mini', baseURL: fake.baseURL, timeoutMs: 2_000 }),
        outbox: new FileOutbox(tempDir()),
      }),
    });
    const payment = loadScenario('payment-after-deploy');
    // alice approves; carol, whose key is pinned too, is no approver; mallory's key no case pins.
    const team = approversWithKeys(['alice', 'carol']);
    const mallory = approversWithKeys(['mallory']);
    const caseOf = (workflowId: string) =>
      env.client.workflow.start(supportCase, {
        taskQueue,
        workflowId,
        args: [{ ticket: { text: TECHNICAL }, scenario: payment, ...team.pinned, approvers: ['alice'] }],
      });
    /** A case that waits for a person, then gets these decisions, each signed by its sender's key (signals, as the UI sends them; or one update). */
    const decided = async (workflowId: string, decisions: PersonDecision[], via: 'signal' | 'update' = 'signal') => {
      const handle = await caseOf(workflowId);
      await untilCaseWaits(handle);
      for (const d of decisions) {
        const signing = d.by === 'mallory' ? mallory.as('mallory') : team.as(d.by);
        await (via === 'signal' ? signalDecision(handle, d, signing) : updateDecision(handle, d, signing));
      }
      return handle.result();
    };
    // Each run starts its workflow (by reference) and steers it to the end it records.
    const runs: Array<{ name: string; before?: () => void; run: (workflowId: string) => Promise<unknown> }> = [
      {
        name: 'route-ticket-billing',
        run: (workflowId) => env.client.workflow.execute(routeTicket, { taskQueue, workflowId, args: [{ text: 'I was charged twice, duplicate invoice' }] }),
      },
      {
        name: 'route-ticket-retried',
        before: () => fake.enqueue({ fault: 'rate_limit', retryAfterMs: 100 }, { fault: 'server_error' }),
        run: (workflowId) => env.client.workflow.execute(routeTicket, { taskQueue, workflowId, args: [{ text: 'Refund please' }] }),
      },
      {
        name: 'route-ticket-fallback',
        before: () => fake.enqueue(...Array.from({ length: 4 }, () => ({ fault: 'schema_violation' as const }))),
        run: (workflowId) => env.client.workflow.execute(routeTicket, { taskQueue, workflowId, args: [{ text: 'Refund please' }] }),
      },
      // Recorded after the versioned changes of src/workflows/versions.ts (local delivery, local tools).
      {
        name: 'route-ticket-delivered-locally',
        run: (workflowId) => env.client.workflow.execute(routeTicket, { taskQueue, workflowId, args: [{ text: 'I was charged twice, duplicate invoice' }] }),
      },
      {
        name: 'troubleshoot-tools-locally',
        run: (workflowId) => env.client.workflow.execute(troubleshoot, { taskQueue, workflowId, args: [{ scenario: payment }] }),
      },
      {
        name: 'support-case-routed-locally',
        run: (workflowId) =>
          env.client.workflow.execute(supportCase, { taskQueue, workflowId, args: [{ ticket: { text: 'I was charged twice' }, approvers: ['alice'] }] }),
      },
      {
        name: 'troubleshoot-payment',
        run: (workflowId) => env.client.workflow.execute(troubleshoot, { taskQueue, workflowId, args: [{ scenario: payment }] }),
      },
      {
        name: 'troubleshoot-rejected-tool',
        before: () =>
          fake.enqueue({ task: 'agent_decision', output: { thought: 't', action: 'investigate', tool: 'restart_database', message: 'm', confidence: 0.5 } }),
        run: (workflowId) => env.client.workflow.execute(troubleshoot, { taskQueue, workflowId, args: [{ scenario: payment }] }),
      },
      {
        name: 'support-case-routed',
        run: (workflowId) =>
          env.client.workflow.execute(supportCase, { taskQueue, workflowId, args: [{ ticket: { text: 'I was charged twice' }, approvers: ['alice'] }] }),
      },
      {
        name: 'support-case-approved',
        run: (workflowId) =>
          decided(workflowId, [
            { kind: 'approve', by: 'mallory' },
            { kind: 'approve', by: 'alice', comment: 'ok' },
            { kind: 'approve', by: 'alice' },
          ]),
      },
      { name: 'support-case-rejected', run: (workflowId) => decided(workflowId, [{ kind: 'reject', by: 'alice', reason: 'not now' }]) },
      {
        name: 'support-case-updates',
        run: (workflowId) =>
          decided(
            workflowId,
            [
              { kind: 'approve', by: 'mallory' },
              { kind: 'escalate', by: 'carol', reason: 'payments team', team: 'Payments' },
            ],
            'update',
          ),
      },
      // Since Changes.customerHearsOfTheWait: the patch marker and the customer told of the wait.
      { name: 'support-case-customer-told-of-wait', run: (workflowId) => decided(workflowId, [{ kind: 'approve', by: 'alice', comment: 'ok' }], 'update') },
      // Since Changes.signedDecisions: an unsigned approve and one signed by a key the case did not pin are refused, alice's signed one taken.
      {
        name: 'support-case-signed',
        run: async (workflowId) => {
          const handle = await caseOf(workflowId);
          await untilCaseWaits(handle);
          await signalDecision(handle, { kind: 'approve', by: 'alice' });
          await signalDecision(handle, { kind: 'approve', by: 'alice' }, mallory.as('mallory'));
          await signalDecision(handle, { kind: 'approve', by: 'alice', comment: 'signed' }, team.as('alice'));
          return handle.result();
        },
      },
      // Since Changes.proposedAction: the agent's finish names update_configuration on PAYMENT_API_KEY, the case asks for and takes it.
      {
        name: 'troubleshoot-proposed-action',
        run: (workflowId) => env.client.workflow.execute(troubleshoot, { taskQueue, workflowId, args: [{ scenario: payment }] }),
      },
      { name: 'support-case-proposed-action', run: (workflowId) => decided(workflowId, [{ kind: 'approve', by: 'alice', comment: 'set it' }], 'update') },
      {
        name: 'support-case-expired',
        run: (workflowId) =>
          env.client.workflow.execute(supportCase, {
            taskQueue,
            workflowId,
            args: [{ ticket: { text: TECHNICAL }, scenario: payment, approvers: ['alice'], approvalTimeout: '1s' }],
          }),
      },
    ];
    mkdirSync(OUT, { recursive: true });
    // Names on the command line record only those runs, so histories of older code stay as evidence.
    const only = process.argv.slice(2);
    const unknown = only.filter((name) => !runs.some((r) => r.name === name));
    if (unknown.length) throw new Error(`unknown history ${unknown.join(', ')}; known: ${runs.map((r) => r.name).join(', ')}`);
    await worker.runUntil(async () => {
      for (const run of runs.filter((r) => only.length === 0 || only.includes(r.name))) {
        fake.reset();
        run.before?.();
        await run.run(run.name);
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
