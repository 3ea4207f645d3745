import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startManagedProcess, type ManagedProcess } from './managed-process';
import { runStep, waitFor } from './steps';

const SCRIPT = join(__dirname, '..', '..', 'scripts', 'postgres.sh');

export interface PostgresOptions {
  /** State directory: the cluster in dir/data, its password in dir/password (scripts/postgres.sh). */
  dir: string;
  port: number;
  logDir: string;
  maxLifetimeSeconds?: number;
}

export interface Postgres {
  port: number;
  /** The password of the superuser `temporal`, made when the cluster was created. */
  password: string;
  process: ManagedProcess;
  /** A fast shutdown (SIGINT), then a new start on the same data; resolves once it accepts connections. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** Creates the cluster if the state directory holds none, starts PostgreSQL on 127.0.0.1:port, and waits until it accepts connections. */
export async function startPostgres(o: PostgresOptions): Promise<Postgres> {
  await runStep('PostgreSQL cluster', 'bash', [SCRIPT, 'init', o.dir], { logFile: join(o.logDir, 'postgres-init.log') });
  const password = readFileSync(join(o.dir, 'password'), 'utf8').trim();
  const start = async (): Promise<ManagedProcess> => {
    const child = startManagedProcess({
      name: 'PostgreSQL',
      command: 'bash',
      args: [SCRIPT, 'run', o.dir, String(o.port)],
      env: { PATH: process.env.PATH, ...(process.env.PG_BIN && { PG_BIN: process.env.PG_BIN }) },
      logFile: join(o.logDir, 'postgres.log'),
      stopSignal: 'SIGINT',
      maxLifetimeSeconds: o.maxLifetimeSeconds,
    });
    await waitFor(child, `PostgreSQL on 127.0.0.1:${o.port}`, () => accepts(o.dir, o.port), 60_000);
    return child;
  };
  const pg: Postgres = {
    port: o.port,
    password,
    process: await start(),
    async restart() {
      await pg.process.stop();
      pg.process = await start();
    },
    stop: () => pg.process.stop(),
  };
  return pg;
}

function accepts(dir: string, port: number): Promise<boolean> {
  return promisify(execFile)('bash', [SCRIPT, 'ready', dir, String(port)]).then(
    () => true,
    () => false,
  );
}
