import type { Client } from '@temporalio/client';
import { WorkflowFailedError } from '@temporalio/client';
import { loadSettings, type Settings } from '../config';
import { dataConverterFromSettings } from '../codec';
import { connectClient } from '../connection';
import { startTracing } from '../telemetry/tracing';
import { localStackAt } from '../local-stack';
import { CommandFailure } from './errors';
import { runUrl } from './ui-url';

export interface ClientContext {
  client: Client;
  settings: Settings;
  namespace: string;
  /** The UI page of a run. */
  uiUrl(workflowId: string, runId?: string): string;
  close(): Promise<void>;
}

/** Settings first (a bad value stops before any connection), then the connection; traced when tracing is on. */
export async function openClientContext(): Promise<ClientContext> {
  const settings = loadSettings();
  const tracing = await startTracing('client');
  const { client, connection, address } = await connectClient(dataConverterFromSettings(settings), tracing && { workflow: tracing.workflowClientInterceptors });
  // Unless TEMPORAL_UI_URL says otherwise, links go to the UI of the server a launcher runs here.
  const uiBase = process.env.TEMPORAL_UI_URL ? settings.TEMPORAL_UI_URL : (localStackAt(address)?.uiUrl ?? settings.TEMPORAL_UI_URL);
  return {
    client,
    settings,
    namespace: client.options.namespace,
    uiUrl: (workflowId, runId) => runUrl(uiBase, client.options.namespace, workflowId, runId),
    close: () => connection.close(),
  };
}

/**
 * Model calls go through the server's rate limit when MODEL_RATE_LIMIT_PER_SECOND is set: a
 * setting clients and workers share, like TASK_QUEUE (only such workers poll the limited queue).
 */
export function rateLimit(settings: Pick<Settings, 'MODEL_RATE_LIMIT_PER_SECOND'>): { rateLimitModelCalls?: true } {
  return settings.MODEL_RATE_LIMIT_PER_SECOND === undefined ? {} : { rateLimitModelCalls: true };
}

/** A failed run as the client reports it: the workflow's own failure message, with its type. */
export function runFailure(err: unknown, workflowId: string, uiUrl: string): unknown {
  if (!(err instanceof WorkflowFailedError)) return err;
  const cause = err.cause as (Error & { type?: string }) | undefined;
  const message = cause?.message ?? err.message;
  return new CommandFailure(`workflow ${workflowId} failed: ${message}`, {
    workflowId,
    uiUrl,
    failureType: cause?.type ?? cause?.name,
  });
}

/** Runs `work` with a client context: one connection, opened after the settings are read, closed after. */
export async function withClient<T>(work: (ctx: ClientContext) => Promise<T>): Promise<T> {
  const ctx = await openClientContext();
  try {
    return await work(ctx);
  } finally {
    await ctx.close();
  }
}
