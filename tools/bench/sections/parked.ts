import type { Client } from '@temporalio/client';
import { signalDecision } from '../../../src/clients/support-case';
import { loadScenario } from '../../../src/scenarios';
import { supportCase } from '../../../src/workflows';
import { percentile } from '../../eval/metrics';
import { runPool } from '../../eval/pool';
import { rssMiB } from '../worker-rss';
import { approversWithKeys } from '../../approvers';

const APPROVER = 'bench-approver';
const approver = approversWithKeys([APPROVER]);

async function waitForWaiting(client: Client, taskQueue: string, n: number): Promise<void> {
  const deadline = Date.now() + 900_000;
  for (;;) {
    const { count } = await client.workflow.count(`TaskQueue = "${taskQueue}" AND CaseStatus = "AwaitingApproval"`);
    if (count >= n) return;
    if (Date.now() > deadline) throw new Error(`only ${count} of ${n} cases reached approval in 15 minutes`);
    await new Promise((r) => setTimeout(r, 1_000));
  }
}

/**
 * A worker process with default settings while `cases` support cases wait for a person: its RSS,
 * then the time from an approval to the result for a sample of them, one at a time (most are no
 * longer in the worker's cache, so each is replayed first: the price of a bounded cache).
 */
export async function measureParked(o: {
  client: Client;
  taskQueue: string;
  workerPid: number;
  cases: number;
  approvals: number;
  log: (line: string) => void;
}) {
  const runId = Date.now().toString(36);
  const scenario = loadScenario('payment-after-deploy');
  const start = (workflowId: string) =>
    o.client.workflow.start(supportCase, {
      taskQueue: o.taskQueue,
      workflowId,
      args: [{ ticket: { text: 'Checkout API fails with error 500 since the deployment' }, scenario, ...approver.pinned }],
    });
  // Warm: one case to approval, so the bundle, caches and connections are in place before the idle figure.
  const warm = await start(`parked-${runId}-warm`);
  await waitForWaiting(o.client, o.taskQueue, 1);
  await signalDecision(warm, { kind: 'approve', by: APPROVER }, approver.as(APPROVER));
  await warm.result();
  await new Promise((r) => setTimeout(r, 2_000));
  const idleMiB = rssMiB(o.workerPid);
  o.log(`parked: ${o.cases} cases to their approval step`);
  const ids = Array.from({ length: o.cases }, (_, i) => `parked-${runId}-${i}`);
  await runPool(ids, 50, start);
  await waitForWaiting(o.client, o.taskQueue, o.cases);
  await new Promise((r) => setTimeout(r, 2_000));
  const parkedMiB = rssMiB(o.workerPid);
  o.log(`parked: approving ${o.approvals} of them, one at a time`);
  const every = Math.max(1, Math.floor(o.cases / o.approvals));
  const latencies: number[] = [];
  for (let i = 0; i < o.cases && latencies.length < o.approvals; i += every) {
    const handle = o.client.workflow.getHandle<typeof supportCase>(ids[i]!);
    const t0 = performance.now();
    await signalDecision(handle, { kind: 'approve', by: APPROVER }, approver.as(APPROVER));
    const result = await handle.result();
    if (result.decision !== 'approved') throw new Error(`${ids[i]} ended ${result.decision}, not approved`);
    latencies.push(performance.now() - t0);
  }
  return {
    cases: o.cases,
    idleMiB,
    parkedMiB,
    kiBPerCase: ((parkedMiB - idleMiB) * 1024) / o.cases,
    approvals: latencies.length,
    signalToResultP50Ms: percentile(latencies, 50),
    signalToResultP95Ms: percentile(latencies, 95),
  };
}
