import { proxyActivities, proxyLocalActivities, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { modelTaskQueue } from './task-queues';

/**
 * Retries for model calls. Four attempts ride out a short outage; a 429's retry-after overrides the
 * interval (the activity passes it as nextRetryDelay). Non-retryable types fail at once.
 */
export const MODEL_RETRY = {
  initialInterval: '500ms',
  backoffCoefficient: 2,
  maximumInterval: '30s',
  maximumAttempts: 4,
} as const;

/** Side effects on the outbox (deliveries, actions, notifications) and the simulated tools. */
export const { deliverToTeam, executeAction, notifyCustomer, runTool } = proxyActivities<Activities>({
  // Local file writes and simulated tools take milliseconds; a short limit lets a lost worker's task move on quickly.
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1s', maximumAttempts: 10 },
});

/**
 * The delivery and the simulated tools as local activities: run by the worker that runs the
 * workflow, inside its workflow task (no server round trip), retried by the same policy, and
 * recorded in the history as markers the UI shows with their summary. Both are idempotent: a
 * delivery is written once per key, a tool only reads the scenario.
 */
export const local = proxyLocalActivities<Pick<Activities, 'deliverToTeam' | 'runTool'>>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1s', maximumAttempts: 10 },
});

/**
 * The model-calling activities. By default on the workflow's own task queue, where the worker that
 * runs the workflow takes them at once (eager dispatch: no wait in a queue). With `rateLimited`, on
 * their own queue next to the workflow's, which the server rate limits (MODEL_RATE_LIMIT_PER_SECOND)
 * so that all workers together stay under the provider's limit. Call inside a workflow.
 */
export function modelActivities(rateLimited: boolean) {
  return proxyActivities<Pick<Activities, 'classifyTicket' | 'decideNextStep'>>({
    ...(rateLimited && {
      taskQueue: modelTaskQueue(workflowInfo().taskQueue),
      // Only workers with MODEL_RATE_LIMIT_PER_SECOND poll that queue: a call nobody takes fails instead of waiting forever.
      scheduleToStartTimeout: '5 minutes',
    }),
    // Covers the per-call timeout (OPENAI_TIMEOUT_MS, 30 s by default); a worker lost mid-call is retried after this.
    startToCloseTimeout: '2 minutes',
    // The activity heartbeats every second while the call is out: a lost worker shows within 5 s.
    heartbeatTimeout: '5s',
    retry: MODEL_RETRY,
  });
}
