import type { WorkflowHandle } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';

/**
 * A history as the server stores it, as text, with every base64 string (payload data and
 * metadata) decoded too: text hidden in base64 is still found.
 */
export async function historyText(handle: WorkflowHandle): Promise<string> {
  return withBase64Decoded(historyToJSON(await handle.fetchHistory()));
}

/** JSON text followed by every quoted base64 string in it, decoded. */
export function withBase64Decoded(json: string): string {
  const decoded = [...json.matchAll(/"([A-Za-z0-9+/]{4,}={0,2})"/g)].map((m) => Buffer.from(m[1]!, 'base64').toString('utf8'));
  return `${json}\n${decoded.join('\n')}`;
}
