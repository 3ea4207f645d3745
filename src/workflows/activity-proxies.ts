import { proxyActivities, workflowInfo } from '@temporalio/workflow';
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
 * The model-calling activities, on their own task queue next to the workflow's: the server rate
 * limits that queue (MODEL_RATE_LIMIT_PER_SECOND), so all workers together stay under the
 * provider's limit. Call inside a workflow: the queue's name comes from the running workflow.
 */
export function modelActivities() {
  return proxyActivities<Pick<Activities, 'classifyTicket' | 'decideNextStep'>>({
    taskQueue: modelTaskQueue(workflowInfo().taskQueue),
    // Covers the per-call timeout (OPENAI_TIMEOUT_MS, 30 s by default); a worker lost mid-call is retried after this.
    startToCloseTimeout: '2 minutes',
    // The activity heartbeats every second while the call is out: a lost worker shows within 5 s.
    heartbeatTimeout: '5s',
    retry: MODEL_RETRY,
  });
}
