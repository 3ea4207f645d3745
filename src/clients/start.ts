import type { Workflow, WorkflowHandle, WorkflowResultType, WorkflowStartOptions } from '@temporalio/client';
import type { ClientContext } from './context';
import { runFailure } from './context';

/** A start without the task queue (the settings name it); give it a staticSummary for the UI's list. */
export type RunRequest<W extends Workflow> = Omit<WorkflowStartOptions<W>, 'taskQueue'> & { workflowId: string; staticSummary: string };

/** Starts a workflow, by reference, on the configured task queue; returns its handle and UI page. */
export async function startWorkflow<W extends Workflow>(
  ctx: ClientContext,
  workflow: W,
  request: RunRequest<W>,
): Promise<{ handle: WorkflowHandle<W>; uiUrl: string }> {
  // The request plus the task queue is the whole of WorkflowStartOptions<W>; TypeScript cannot see that
  // through the conditional type of `args` while W is still generic.
  const options = { ...request, taskQueue: ctx.settings.TASK_QUEUE } as WorkflowStartOptions<W>;
  const handle = await ctx.client.workflow.start(workflow, options);
  return { handle, uiUrl: ctx.uiUrl(request.workflowId, handle.firstExecutionRunId) };
}

/**
 * Starts a workflow and waits for its result, calling `watch` while it runs (progress lines).
 * A failed run becomes a CommandFailure that carries the UI address.
 */
export async function runWorkflow<W extends Workflow>(
  ctx: ClientContext,
  workflow: W,
  request: RunRequest<W>,
  watch?: (handle: WorkflowHandle<W>) => Promise<void>,
): Promise<{ result: WorkflowResultType<W>; workflowId: string; uiUrl: string }> {
  const { handle, uiUrl } = await startWorkflow(ctx, workflow, request);
  const result = handle.result();
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
