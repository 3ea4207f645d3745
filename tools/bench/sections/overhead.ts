import { setTimeout as sleep } from 'node:timers/promises';
import type { Client } from '@temporalio/client';
import type { Activities } from '../../../src/activities';
import { routeTicket } from '../../../src/workflows';
import { percentile } from '../../eval/metrics';
import { directRoute } from '../direct';
import { floorTicketAllLocal, floorTicketSameShape } from '../floor/workflows';
import { overheadRatio } from '../ratios';

const elapsed = async (run: () => Promise<unknown>) => {
  const t0 = performance.now();
  await run();
  return performance.now() - t0;
};

/**
 * Pattern A one ticket at a time, through Temporal and as the same activities called directly
 * against the same model, interleaved: what the engine adds to a ticket's latency. Beside it, the
 * engine's floor at the same latency: the no-op floor in routeTicket's shape whose first activity
 * waits as long as the model takes, against that wait alone; and the same floor with that activity
 * local (one workflow task for the run).
 */
export async function measureOverhead(o: {
  client: Client;
  taskQueue: string;
  activities: Activities;
  samples: number;
  latencyMs: number;
  log: (line: string) => void;
}) {
  const runId = Date.now().toString(36);
  const direct = directRoute(o.activities);
  const ticket = (i: number, tag: string) => ({ ticketId: `${tag}-${runId}-${i}`, text: `I was charged twice for invoice ${i}, please fix the bill` });
  const viaTemporal = (i: number) =>
    o.client.workflow.execute(routeTicket, { taskQueue: o.taskQueue, workflowId: `ovh-${runId}-${i}`, args: [ticket(i, 'ovh')] });
  const floor = (workflow: typeof floorTicketSameShape, tag: string, i: number) =>
    o.client.workflow.execute(workflow, {
      taskQueue: `${o.taskQueue}-floor`,
      workflowId: `${tag}-${runId}-${i}`,
      args: [{ ...ticket(i, tag), waitMs: o.latencyMs }],
    });
  for (let i = 0; i < 3; i += 1) {
    // Warm caches and connections.
    await viaTemporal(-1 - i);
    await floor(floorTicketSameShape, 'ovh-f', -1 - i);
    await floor(floorTicketAllLocal, 'ovh-fl', -1 - i);
  }
  const ms = { engine: [] as number[], direct: [] as number[], floor: [] as number[], floorLocal: [] as number[], wait: [] as number[] };
  o.log(`overhead: ${o.samples} tickets one at a time, engine and direct interleaved, and the floor at the same latency`);
  for (let i = 0; i < o.samples; i += 1) {
    ms.direct.push(await elapsed(() => direct(ticket(i, 'ovh-d'))));
    ms.engine.push(await elapsed(() => viaTemporal(i)));
    ms.wait.push(await elapsed(() => sleep(o.latencyMs)));
    ms.floor.push(await elapsed(() => floor(floorTicketSameShape, 'ovh-f', i)));
    ms.floorLocal.push(await elapsed(() => floor(floorTicketAllLocal, 'ovh-fl', i)));
  }
  const p50 = Object.fromEntries(Object.entries(ms).map(([k, v]) => [k, percentile(v, 50)])) as Record<keyof typeof ms, number>;
  return {
    samples: o.samples,
    engineP50Ms: p50.engine,
    directP50Ms: p50.direct,
    engineP95Ms: percentile(ms.engine, 95),
    directP95Ms: percentile(ms.direct, 95),
    ratio: overheadRatio(p50.engine, p50.direct),
    floor: {
      waitP50Ms: p50.wait,
      engineP50Ms: p50.floor,
      ratio: overheadRatio(p50.floor, p50.wait),
      allLocalP50Ms: p50.floorLocal,
      allLocalRatio: overheadRatio(p50.floorLocal, p50.wait),
    },
  };
}
