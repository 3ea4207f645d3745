import { join } from 'node:path';
import { temporalTarget } from '../../src/connection';
import { isServerUp, startDevServer, type DevServer } from './dev-server';
import { resolveTemporalCli } from './temporal-cli';

export const DATA_DIR = join(__dirname, '..', '..', '.data');
export const SERVER_LOG = join(DATA_DIR, 'temporal-server.log');

/**
 * The embedded default: the server at TEMPORAL_ADDRESS if one answers, else a dev server started
 * here with its state in .data/temporal.sqlite (runs survive a restart) and the UI on TEMPORAL_UI_PORT.
 * `server` (and the `uiUrl` of its UI) is set only when this call started one; the caller stops it.
 */
export async function ensureServer(
  log: (line: string) => void,
  uiCodecEndpoint?: string,
): Promise<{ address: string; namespace: string; server?: DevServer; uiUrl?: string }> {
  const { connectionOptions, namespace } = temporalTarget();
  const address = connectionOptions.address;
  if (await isServerUp(address)) {
    log(`Temporal answers at ${address}: using it`);
    if (uiCodecEndpoint) log(`  its UI decodes payloads only if it was started with --ui-codec-endpoint ${uiCodecEndpoint}`);
    return { address, namespace };
  }
  log(`Nothing answers at ${address}: starting a Temporal dev server (log: ${SERVER_LOG})`);
  const uiPort = Number(process.env.TEMPORAL_UI_PORT || 8233);
  const server = await startDevServer({
    cli: resolveTemporalCli(),
    address,
    namespace,
    uiPort,
    dbFile: join(DATA_DIR, 'temporal.sqlite'),
    logFile: SERVER_LOG,
    uiCodecEndpoint,
  });
  return { address, namespace, server, uiUrl: `http://localhost:${uiPort}` };
}
