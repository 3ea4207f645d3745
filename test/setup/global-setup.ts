import { join } from 'node:path';
import { startDevServer, type DevServer } from '../../tools/dev/dev-server';
import { resolveTemporalCli } from '../../tools/dev/temporal-cli';
import { tempDir } from '../helpers/files';
import { freePort } from '../helpers/ports';

/**
 * One real Temporal dev server for the whole suite: loopback only, free ports, a throw-away SQLite
 * file, stopped by globalTeardown, and ending itself after 30 minutes should the test run die first.
 */
export default async function globalSetup(): Promise<void> {
  const dir = tempDir('switchboard-suite-');
  const port = await freePort();
  const server = await startDevServer({
    cli: resolveTemporalCli(),
    address: `127.0.0.1:${port}`,
    namespace: 'default',
    uiPort: await freePort(),
    dbFile: join(dir, 'temporal.sqlite'),
    logFile: join(dir, 'temporal-server.log'),
    maxLifetimeSeconds: 1800,
  });
  process.env.SWITCHBOARD_TEST_TEMPORAL_ADDRESS = `127.0.0.1:${port}`;
  (globalThis as { __temporalTestServer?: DevServer }).__temporalTestServer = server;
}
