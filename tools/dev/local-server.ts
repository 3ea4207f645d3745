import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
import { NativeConnection } from '@temporalio/worker';
import { startDevServer, type DevServer } from './dev-server';
import { freePort } from './ports';
import { resolveTemporalCli } from './temporal-cli';

export interface LocalServer {
  address: string;
  server: DevServer;
  /** For workers. */
  nativeConnection: NativeConnection;
  client: Client;
  /** Closes both connections, stops the server and removes its files. */
  close(): Promise<void>;
}

/**
 * A throw-away Temporal dev server for a measuring run (eval, bench): loopback only, free ports,
 * its SQLite file in a temp folder, and a time limit after which it stops even if we do not.
 */
export async function startLocalServer(o: {
  maxLifetimeSeconds: number;
  dataConverter?: DataConverter;
  inMemory?: boolean;
  sqlitePragmas?: string[];
}): Promise<LocalServer> {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-run-'));
  const address = `127.0.0.1:${await freePort()}`;
  const server = await startDevServer({
    cli: resolveTemporalCli(),
    address,
    namespace: 'default',
    uiPort: await freePort(),
    ...(!o.inMemory && { dbFile: join(dir, 'temporal.sqlite'), sqlitePragmas: o.sqlitePragmas }),
    logFile: join(dir, 'server.log'),
    maxLifetimeSeconds: o.maxLifetimeSeconds,
  });
  const nativeConnection = await NativeConnection.connect({ address });
  const connection = await Connection.connect({ address });
  return {
    address,
    server,
    nativeConnection,
    client: new Client({ connection, dataConverter: o.dataConverter }),
    async close() {
      await connection.close();
      await nativeConnection.close();
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
