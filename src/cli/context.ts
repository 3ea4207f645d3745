import type { Client } from '@temporalio/client';
import { WorkflowFailedError } from '@temporalio/client';
import { loadSettings, type Settings } from '../config';
import { dataConverterFromSettings } from '../codec';
import { connectClient } from '../connection';
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

/** Settings first (a bad value stops before any connection), then the connection. */
export async function openClientContext(): Promise<ClientContext> {
  const settings = loadSettings();
  const { client, connection } = await connectClient(dataConverterFromSettings(settings));
  return {
    client,
    settings,
    namespace: client.options.namespace,
    uiUrl: (workflowId, runId) => runUrl(settings.TEMPORAL_UI_URL, client.options.namespace, workflowId, runId),
    close: () => connection.close(),
  };
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
