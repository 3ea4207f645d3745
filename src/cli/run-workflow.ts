import type { WorkflowHandle } from '@temporalio/client';
import type { ClientContext } from './context';
import { runFailure } from './context';

export interface RunRequest {
  workflowType: string;
  workflowId: string;
  args: unknown[];
  /** One line for the UI's list and run header. */
  staticSummary: string;
  /** Markdown under the title in the UI. */
  staticDetails?: string;
  memo?: Record<string, unknown>;
}

/**
 * Starts a workflow on the configured task queue and waits for its result, calling `watch` while it
 * runs (progress lines). A failed run becomes a CommandFailure that carries the UI address.
 */
export async function runWorkflow<R>(
  ctx: ClientContext,
  request: RunRequest,
  watch?: (handle: WorkflowHandle) => Promise<void>,
): Promise<{ result: R; workflowId: string; uiUrl: string }> {
  const handle = await ctx.client.workflow.start(request.workflowType, {
    workflowId: request.workflowId,
    taskQueue: ctx.settings.TASK_QUEUE,
    args: request.args,
    staticSummary: request.staticSummary,
    staticDetails: request.staticDetails,
    memo: request.memo,
  });
  const uiUrl = ctx.uiUrl(request.workflowId, handle.firstExecutionRunId);
  const result = handle.result() as Promise<R>;
  await Promise.all([result.catch(() => undefined), watch?.(handle)]);
  try {
    return { result: await result, workflowId: request.workflowId, uiUrl };
  } catch (err) {
    throw runFailure(err, request.workflowId, uiUrl);
  }
}

/** A short random suffix for workflow ids: readable in the UI, unique enough for one operator. */
export function shortId(): string {
  return Math.random().toString(36).slice(2, 10);
}
