import type { Client } from '@temporalio/client';
import type { MetricMeter } from '@temporalio/common';
import { Runtime } from '@temporalio/worker';
import type { Settings } from '../config';
import { durationMs } from '../domain/durations';
import { supportCase } from '../workflows';
import { SearchAttributes } from '../workflows/search-attributes';

export const WAITING_CASES_METRIC = {
  name: 'switchboard_cases_awaiting_approval',
  help: 'Support cases on this task queue waiting for a person now, as the server counts them (every worker reports the same figure: aggregate with max)',
} as const;

/** The visibility query for the cases on a task queue that wait for a person. */
export function waitingCasesQuery(taskQueue: string): string {
  return `WorkflowType = '${supportCase.name}' AND ExecutionStatus = 'Running' AND ${SearchAttributes.caseStatus.name} = 'AwaitingApproval' AND TaskQueue = '${taskQueue}'`;
}

/**
 * Reports how many cases wait for a person, counted by the server's visibility store every `everyMs`.
 * A count the server keeps stays right across worker restarts, replays and several workers, which a
 * counter kept in the workers cannot: one worker's +1 dies with it while another's -1 lives on.
 * Returns a function that stops it.
 */
export function reportWaitingCases(client: Client, meter: MetricMeter, taskQueue: string, everyMs: number, warn: (message: string) => void): () => void {
  const gauge = meter.createGauge(WAITING_CASES_METRIC.name, 'int', 'cases', WAITING_CASES_METRIC.help);
  const query = waitingCasesQuery(taskQueue);
  let failing = false;
  const refresh = async () => {
    try {
      const { count } = await client.workflow.count(query);
      gauge.set(count, { taskQueue });
      failing = false;
    } catch (err) {
      // Said once per outage, not every refresh; the gauge keeps its last value meanwhile.
      if (!failing) warn(`cannot count waiting cases (${err instanceof Error ? err.message : String(err)}); retrying every ${everyMs} ms`);
      failing = true;
    }
  };
  void refresh();
  const timer = setInterval(() => void refresh(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** reportWaitingCases for a worker with these settings: only with a metrics endpoint is there anyone to tell. */
export function reportWaitingCasesFor(settings: Pick<Settings, 'METRICS_BIND' | 'TASK_QUEUE' | 'WAITING_CASES_REFRESH'>, client: Client): () => void {
  if (!settings.METRICS_BIND) return () => {};
  const runtime = Runtime.instance();
  return reportWaitingCases(client, runtime.metricMeter, settings.TASK_QUEUE, durationMs(settings.WAITING_CASES_REFRESH)!, (m) => runtime.logger.warn(m));
}
