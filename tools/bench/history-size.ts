import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';

/** A workflow's history as the server stores it: event count and encoded bytes. */
export async function historySize(client: Client, workflowId: string): Promise<{ events: number; bytes: number }> {
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  return { events: history.events?.length ?? 0, bytes: temporal.api.history.v1.History.encode(history).finish().length };
}

export interface TaskTimings {
  workflowTaskQueuedMs: number;
  workflowTaskRunMs: number;
  activityQueuedMs: number;
  activityRunMs: number;
}

const at = (e: temporal.api.history.v1.IHistoryEvent) => Number(e.eventTime?.seconds ?? 0) * 1000 + (e.eventTime?.nanos ?? 0) / 1e6;

/**
 * Where a run's time went, from the server's own timestamps: mean time tasks waited in their queue
 * (scheduled → started) and ran on the worker (started → completed), for workflow and activity tasks.
 */
export async function taskTimings(client: Client, workflowId: string): Promise<TaskTimings> {
  const events = (await client.workflow.getHandle(workflowId).fetchHistory()).events ?? [];
  const byId = new Map(events.map((e) => [String(e.eventId), e]));
  const gap = (e: temporal.api.history.v1.IHistoryEvent, from: unknown) => at(e) - at(byId.get(String(from))!);
  const sums = { wq: [] as number[], wr: [] as number[], aq: [] as number[], ar: [] as number[] };
  for (const e of events) {
    if (e.workflowTaskStartedEventAttributes) sums.wq.push(gap(e, e.workflowTaskStartedEventAttributes.scheduledEventId));
    if (e.workflowTaskCompletedEventAttributes) sums.wr.push(gap(e, e.workflowTaskCompletedEventAttributes.startedEventId));
    if (e.activityTaskStartedEventAttributes) sums.aq.push(gap(e, e.activityTaskStartedEventAttributes.scheduledEventId));
    if (e.activityTaskCompletedEventAttributes) sums.ar.push(gap(e, e.activityTaskCompletedEventAttributes.startedEventId));
  }
  const avg = (v: number[]) => (v.length ? v.reduce((a, b) => a + b, 0) / v.length : Number.NaN);
  return { workflowTaskQueuedMs: avg(sums.wq), workflowTaskRunMs: avg(sums.wr), activityQueuedMs: avg(sums.aq), activityRunMs: avg(sums.ar) };
}
