import { join } from 'node:path';
import { startDevServer, type DevServer, type DevServerOptions } from '../../tools/dev/dev-server';
import { resolveTemporalCli } from '../../tools/dev/temporal-cli';
import { tempDir } from './files';
import { freePort } from './ports';

export interface TestDevServer {
  server: DevServer;
  /** What started it: start it again with startDevServer(options) (the restart chaos test). */
  options: DevServerOptions;
  address: string;
  namespace: string;
  uiUrl: string;
}

/**
 * A dev server of a test's own: loopback, free ports, its SQLite file and log in a throw-away
 * folder, ending itself after `maxLifetimeSeconds` should the test die before stopping it.
 */
export async function startTestDevServer(name: string, maxLifetimeSeconds: number, extra: Partial<DevServerOptions> = {}): Promise<TestDevServer> {
  const dir = tempDir(`switchboard-${name}-`);
  const options: DevServerOptions = {
    cli: resolveTemporalCli(),
    address: `127.0.0.1:${await freePort()}`,
    namespace: 'default',
    uiPort: await freePort(),
    dbFile: join(dir, 'temporal.sqlite'),
    logFile: join(dir, 'temporal-server.log'),
    maxLifetimeSeconds,
    ...extra,
  };
  const server = await startDevServer(options);
  return { server, options, address: options.address, namespace: options.namespace, uiUrl: `http://127.0.0.1:${options.uiPort}` };
}
