import type { Client } from '@temporalio/client';
import type { Activities } from '../../../src/activities';
import { routeTicket } from '../../../src/workflows';
import { percentile } from '../../eval/metrics';
import { directRoute } from '../direct';
import { overheadRatio } from '../ratios';

const elapsed = async (run: () => Promise<unknown>) => {
  const t0 = performance.now();
  await run();
  return performance.now() - t0;
};

/**
 * Pattern A one ticket at a time, through Temporal and as the same activities called directly
 * against the same model, interleaved: what the engine adds to a ticket's latency.
 */
export async function measureOverhead(o: { client: Client; taskQueue: string; activities: Activities; samples: number; log: (line: string) => void }) {
  const runId = Date.now().toString(36);
  const direct = directRoute(o.activities);
  const ticket = (i: number, tag: string) => ({ ticketId: `${tag}-${runId}-${i}`, text: `I was charged twice for invoice ${i}, please fix the bill` });
  const viaTemporal = (i: number) => o.client.workflow.execute(routeTicket, { taskQueue: o.taskQueue, workflowId: `ovh-${runId}-${i}`, args: [ticket(i, 'ovh')] });
  for (let i = 0; i < 3; i += 1) await viaTemporal(-1 - i); // warm caches and connections
  const engineMs: number[] = [];
  const directMs: number[] = [];
  o.log(`overhead: ${o.samples} tickets one at a time, engine and direct interleaved`);
  for (let i = 0; i < o.samples; i += 1) {
    directMs.push(await elapsed(() => direct(ticket(i, 'ovh-d'))));
    engineMs.push(await elapsed(() => viaTemporal(i)));
  }
  const engineP50Ms = percentile(engineMs, 50);
  const directP50Ms = percentile(directMs, 50);
  return { samples: o.samples, engineP50Ms, directP50Ms, engineP95Ms: percentile(engineMs, 95), directP95Ms: percentile(directMs, 95), ratio: overheadRatio(engineP50Ms, directP50Ms) };
}
