import type { ChildProcess } from 'node:child_process';
import { Client, Connection, type WorkflowHandle } from '@temporalio/client';
import { FileOutbox } from '../../src/activities/outbox';
import { untilCaseWaits, updateDecision } from '../../src/clients/support-case';
import { loadScenario } from '../../src/scenarios';
import { supportCase } from '../../src/workflows';
import { stopWorkerProcess, workerProcess } from '../../tools/dev/worker-process';
import { bundleFile, bundleWithPatches } from '../helpers/patch-bundles';
import { describeOnPostgresStack, postgresStack } from '../helpers/postgres-stack';
import { tempDir, uniqueId } from '../helpers/temporal';
import { approversWithKeys } from '../../tools/approvers';

// A deploy while cases wait for a person: 20 cases park under the worker from before the change
// (supportCase without "the customer hears of the wait"), that worker process is stopped, the new
// one starts, and every case is approved and finishes as it began. Changes in src/workflows/versions.ts.
const CASES = 20;

describeOnPostgresStack('replacing the worker while cases wait for approval', () => {
  let connection: Connection;
  let client: Client;
  const workers: ChildProcess[] = [];
  beforeAll(async () => {
    connection = await Connection.connect({ address: postgresStack().address });
    client = new Client({ connection, namespace: postgresStack().namespace });
  });
  afterAll(async () => {
    await Promise.all(workers.map(stopWorkerProcess));
    await connection?.close();
  });

  it('loses none of 20 waiting cases, and only cases begun after the deploy get the new step', async () => {
    const outboxDir = tempDir('switchboard-deploy-outbox-');
    const taskQueue = uniqueId('deploy');
    const logs: string[] = [];
    const worker = (bundle?: string) => {
      const env: Record<string, string> = {
        TEMPORAL_ADDRESS: postgresStack().address,
        TEMPORAL_NAMESPACE: postgresStack().namespace,
        TASK_QUEUE: taskQueue,
        MODEL_PROVIDER: 'offline',
        OUTBOX_DIR: outboxDir,
        LOG_LEVEL: 'WARN',
        ...(bundle && { WORKFLOW_BUNDLE: bundle }),
      };
      const child = workerProcess(env, (line) => logs.push(line));
      workers.push(child);
      return child;
    };
    // Signed: the cases version 2 starts require it; those version 1 started keep the old rule.
    const alice = approversWithKeys(['alice']);
    const open = (i: number) =>
      client.workflow.start(supportCase, {
        taskQueue,
        workflowId: `${taskQueue}-case-${i}`,
        args: [
          {
            ticket: { text: `Checkout API fails with error 500 since the deployment (#${i})` },
            scenario: loadScenario('payment-after-deploy'),
            ...alice.pinned,
          },
        ],
      });

    // Version 1 runs; 20 cases reach the person.
    const before = worker(bundleFile(await bundleWithPatches('before')));
    const waiting: Array<WorkflowHandle<typeof supportCase>> = [];
    for (let i = 0; i < CASES; i += 1) waiting.push(await open(i));
    const parked = await Promise.all(waiting.map((h) => untilCaseWaits(h)));
    expect(parked.map((s) => s.stage)).toEqual(Array(CASES).fill('awaiting_approval'));

    // The deploy: version 1 stops (SIGTERM, graceful), version 2 (today's code) starts.
    await stopWorkerProcess(before);
    worker();
    const after = await open(CASES);
    expect((await untilCaseWaits(after)).stage).toBe('awaiting_approval');

    // Every case is approved through the update; version 2 replays the old histories to take it.
    const records = await Promise.all(
      [...waiting, after].map((h) => updateDecision(h, { kind: 'approve', by: 'alice', comment: 'after the deploy' }, alice.as('alice'))),
    );
    expect(records.map((r) => r.result)).toEqual(Array(CASES + 1).fill('accepted'));
    const results = await Promise.all([...waiting, after].map((h) => h.result()));
    // Cases begun on version 1 keep the action it read from the recommendation's prose; version 2 takes the one the agent named.
    const actionsTaken = [...Array(CASES).fill('rotate_credentials'), 'update_configuration'];
    results.forEach((r, i) => expect(r).toMatchObject({ decision: 'approved', decidedBy: 'alice', action: actionsTaken[i], reason: 'after the deploy' }));

    // Side effects once each; the customer heard of the wait only in the case begun on version 2.
    const outbox = new FileOutbox(outboxDir);
    const actions = await outbox.list('actions');
    expect(actions.map((a) => a.caseId).sort()).toEqual([...waiting, after].map((h) => h.workflowId).sort());
    const notifications = await outbox.list('notifications');
    const heard = (purpose: string) =>
      notifications
        .filter((n) => n.purpose === purpose)
        .map((n) => n.caseId)
        .sort();
    expect(heard('closed')).toEqual([...waiting, after].map((h) => h.workflowId).sort());
    expect(heard('waiting')).toEqual([after.workflowId]);
    expect(logs.join('\n')).not.toMatch(/[Nn]ondeterminism|TMPRL1100/);
  }, 300_000);
});
