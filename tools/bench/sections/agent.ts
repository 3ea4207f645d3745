import type { Client } from '@temporalio/client';
import type { Activities } from '../../../src/activities';
import { loadScenario } from '../../../src/scenarios';
import { troubleshoot } from '../../../src/workflows';
import { percentile } from '../../eval/metrics';
import { directAgent } from '../direct';
import { historySize, taskTimings } from '../history-size';
import { growthFactor, HISTORY_WARN } from '../ratios';

export interface AgentRunner {
  client: Client;
  /** Served by a worker whose model is the 0 ms scripted agent (one decision a step, never finishing). */
  taskQueue: string;
  activities: Activities;
  log: (line: string) => void;
}

const elapsed = async (run: () => Promise<unknown>) => {
  const t0 = performance.now();
  await run();
  return performance.now() - t0;
};

function runAgent(o: AgentRunner, steps: number, workflowId: string) {
  const scenario = loadScenario('payment-after-deploy');
  // The scripted agent never finishes: the run lasts exactly maxSteps, the later steps rejected (a repeated tool).
  return o.client.workflow.execute(troubleshoot, {
    taskQueue: o.taskQueue,
    workflowId,
    args: [{ scenario, maxSteps: steps, maxConsecutiveRejections: steps }],
  });
}

/** What the engine adds to one agent step at a 0 ms model: a 5-step loop through Temporal vs the same activities called directly. */
export async function measureAgentStep(o: AgentRunner & { samples: number }) {
  const runId = Date.now().toString(36);
  const direct = directAgent(o.activities);
  const scenario = loadScenario('payment-after-deploy');
  await runAgent(o, 5, `agent-warm-${runId}`);
  const engine: number[] = [];
  const plain: number[] = [];
  o.log(`agent: ${o.samples} runs of 5 steps at a 0 ms model, engine and direct interleaved`);
  for (let i = 0; i < o.samples; i += 1) {
    engine.push((await elapsed(() => runAgent(o, 5, `agent-${runId}-${i}`))) / 5);
    plain.push((await elapsed(() => direct(scenario, 5))) / 5);
  }
  const enginePerStepP50Ms = percentile(engine, 50);
  const directPerStepP50Ms = percentile(plain, 50);
  return {
    samples: o.samples,
    enginePerStepP50Ms,
    directPerStepP50Ms,
    overheadPerStepP50Ms: enginePerStepP50Ms - directPerStepP50Ms,
    // Where a step's time goes, from the server's own timestamps (last run).
    profile: await taskTimings(o.client, `agent-${runId}-${o.samples - 1}`),
  };
}

/**
 * History bytes a step as runs get longer (5 and 50 steps: the figure), and one long run (200
 * steps) that must complete with every step recorded and under the server's warning levels.
 */
export async function measureAgentGrowth(o: AgentRunner & { steps: number[]; longRun: number }) {
  const runId = Date.now().toString(36);
  const runs = [];
  for (const steps of [...o.steps, o.longRun]) {
    const workflowId = `agent-growth-${runId}-${steps}`;
    o.log(`agent growth: a run of ${steps} steps`);
    const ms = await elapsed(() => runAgent(o, steps, workflowId));
    const size = await historySize(o.client, workflowId);
    const events = (await o.client.workflow.getHandle(workflowId).fetchHistory()).events ?? [];
    const decisions = events.filter((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'decideNextStep').length;
    runs.push({ steps, ms, ...size, bytesPerStep: size.bytes / steps, decisionsInHistory: decisions });
  }
  const measured = runs.filter((r) => o.steps.includes(r.steps));
  const long = runs.find((r) => r.steps === o.longRun)!;
  return {
    runs,
    bytesPerStepGrowth: growthFactor(measured.map((r) => ({ size: r.steps, value: r.bytes }))),
    longRun: {
      ...long,
      everyStepRecorded: long.decisionsInHistory === long.steps,
      underWarning: long.events < HISTORY_WARN.events && long.bytes < HISTORY_WARN.bytes,
    },
  };
}
