import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { isServerUp } from './dev-server';
import { startManagedProcess, type ManagedProcess } from './managed-process';
import { freePorts } from './ports';
import { startPostgres, type Postgres } from './postgres';
import { runStep, StepFailed, waitFor } from './steps';
import { resolveTemporalCli } from './temporal-cli';

const ROOT = join(__dirname, '..', '..');
/** What docker-compose.yml mounts: the server config, dynamic config, UI config, schema and set-up scripts. */
export const DEPLOY_DIR = join(ROOT, 'deploy');
const TEMPORAL_HOME = join(ROOT, '.temporal');
const BIN = join(TEMPORAL_HOME, 'bin');

/** The server's nine ports; the defaults are temporal-server's own (deploy/temporal-server.yaml). */
export interface ServerPorts {
  FRONTEND_GRPC_PORT: number;
  FRONTEND_HTTP_PORT: number;
  FRONTEND_MEMBERSHIP_PORT: number;
  HISTORY_GRPC_PORT: number;
  HISTORY_MEMBERSHIP_PORT: number;
  MATCHING_GRPC_PORT: number;
  MATCHING_MEMBERSHIP_PORT: number;
  WORKER_GRPC_PORT: number;
  WORKER_MEMBERSHIP_PORT: number;
}

export const DEFAULT_SERVER_PORTS: ServerPorts = {
  FRONTEND_GRPC_PORT: 7233,
  FRONTEND_HTTP_PORT: 7243,
  FRONTEND_MEMBERSHIP_PORT: 6933,
  HISTORY_GRPC_PORT: 7234,
  HISTORY_MEMBERSHIP_PORT: 6934,
  MATCHING_GRPC_PORT: 7235,
  MATCHING_MEMBERSHIP_PORT: 6935,
  WORKER_GRPC_PORT: 7239,
  WORKER_MEMBERSHIP_PORT: 6939,
};

export interface PostgresStackOptions {
  /** State: PostgreSQL's cluster and password (see scripts/postgres.sh), and logs/ with every process's log. */
  dir: string;
  namespace: string;
  postgresPort: number;
  serverPorts: ServerPorts;
  uiPort: number;
  /** A remote codec for the UI (the project's codec server), so it shows encrypted payloads in clear. */
  uiCodecEndpoint?: string;
  /** Origins the UI accepts (CSRF); default: http://localhost:<uiPort> and http://127.0.0.1:<uiPort>. */
  uiCorsOrigins?: string[];
  /** Tests set this: every process ends itself after this long even if the test run dies first. */
  maxLifetimeSeconds?: number;
  log: (line: string) => void;
}

export interface PostgresStack {
  /** The frontend, host:port. */
  address: string;
  uiUrl: string;
  namespace: string;
  logDir: string;
  postgres: Postgres;
  server: ManagedProcess;
  ui: ManagedProcess;
  /** Stops temporal-server (SIGTERM, or SIGKILL with kill) and starts it again on the same database. */
  restartServer(o?: { kill?: boolean }): Promise<void>;
  /** Creates a namespace with the project's search attributes, as compose's temporal-setup job does. */
  setupNamespace(namespace: string): Promise<void>;
  /** The UI, the server, then PostgreSQL. */
  stop(): Promise<void>;
  /** stop(), then deletes the cluster's files (tens of MB): for throw-away stacks. The logs stay. */
  discard(): Promise<void>;
}

/**
 * The production topology on one host, without Docker: PostgreSQL, both databases migrated,
 * temporal-server with deploy/temporal-server.yaml, the Web UI, and the namespace with the
 * project's search attributes, all from the same deploy/ files docker-compose.yml runs.
 * Everything listens on loopback. A second start on the same `dir` finds the data of the first.
 */
export async function startPostgresStack(o: PostgresStackOptions): Promise<PostgresStack> {
  const logDir = join(o.dir, 'logs');
  const address = `127.0.0.1:${o.serverPorts.FRONTEND_GRPC_PORT}`;
  const uiUrl = `http://localhost:${o.uiPort}`;
  for (const [what, where] of [
    ['a Temporal server', address],
    ['a web server', `127.0.0.1:${o.uiPort}`],
  ] as const) {
    if (await isServerUp(where, 500)) throw new StepFailed(`something (${what}?) already answers at ${where}: stop it (npm start?) or choose other ports`);
  }
  o.log('building or finding temporal-server, temporal-sql-tool and temporal-ui-server (scripts/temporal-server.sh)');
  await provisionTemporalServer(join(logDir, 'provision.log'), o.log);
  const temporalCli = resolveTemporalCli();

  o.log(`starting PostgreSQL on 127.0.0.1:${o.postgresPort} (data in ${join(o.dir, 'data')})`);
  const postgres = await startPostgres({ dir: o.dir, port: o.postgresPort, logDir, maxLifetimeSeconds: o.maxLifetimeSeconds });
  let server: ManagedProcess | undefined;
  let ui: ManagedProcess | undefined;
  const stopAll = async () => {
    await ui?.stop();
    await server?.stop();
    await postgres.stop();
  };
  try {
    o.log('creating and migrating the temporal and temporal_visibility databases (deploy/schema.sh)');
    await runStep('deploy/schema.sh', 'sh', [join(DEPLOY_DIR, 'schema.sh')], {
      logFile: join(logDir, 'schema.log'),
      env: {
        PATH: process.env.PATH,
        SQL_HOST: '127.0.0.1',
        SQL_PORT: String(o.postgresPort),
        SQL_USER: 'temporal',
        SQL_PASSWORD: postgres.password,
        TEMPORAL_SCHEMA_DIR: join(TEMPORAL_HOME, 'schema'),
        TEMPORAL_SQL_TOOL: join(BIN, 'temporal-sql-tool'),
      },
      needs: [postgres.process],
    });

    const startServer = async () => {
      const server = startManagedProcess({
        name: 'temporal-server',
        command: join(BIN, 'temporal-server'),
        args: ['--config-file', join(DEPLOY_DIR, 'temporal-server.yaml'), '--allow-no-auth', 'start'],
        env: {
          PATH: process.env.PATH,
          POSTGRES_SEEDS: '127.0.0.1',
          DB_PORT: String(o.postgresPort),
          POSTGRES_USER: 'temporal',
          POSTGRES_PWD: postgres.password,
          DYNAMIC_CONFIG_FILE_PATH: join(DEPLOY_DIR, 'dynamicconfig.yaml'),
          BIND_ON_IP: '127.0.0.1',
          LOG_LEVEL: 'warn',
          ...Object.fromEntries(Object.entries(o.serverPorts).map(([k, v]) => [k, String(v)])),
        },
        logFile: join(logDir, 'temporal-server.log'),
        maxLifetimeSeconds: o.maxLifetimeSeconds,
      });
      await waitFor(server, `temporal-server at ${address}`, () => isServerUp(address, 500), 90_000);
      return server;
    };
    o.log(`starting temporal-server on ${address} (deploy/temporal-server.yaml)`);
    server = await startServer();

    o.log(`starting the Temporal UI on ${uiUrl} (deploy/temporal-ui.yaml)`);
    ui = await startUi({
      address,
      namespace: o.namespace,
      port: o.uiPort,
      codecEndpoint: o.uiCodecEndpoint,
      corsOrigins: o.uiCorsOrigins,
      logFile: join(logDir, 'temporal-ui.log'),
      maxLifetimeSeconds: o.maxLifetimeSeconds,
    });

    const setupNamespace = (namespace: string) =>
      runStep(`deploy/setup-namespace.sh (namespace ${namespace})`, 'sh', [join(DEPLOY_DIR, 'setup-namespace.sh')], {
        logFile: join(logDir, 'setup.log'),
        env: { PATH: process.env.PATH, TEMPORAL_ADDRESS: address, TEMPORAL_NAMESPACE: namespace, TEMPORAL_CLI: temporalCli },
        needs: [server!, postgres.process],
      });
    o.log(`creating namespace ${o.namespace} and the search attributes (deploy/setup-namespace.sh)`);
    await setupNamespace(o.namespace);

    return {
      address,
      uiUrl,
      namespace: o.namespace,
      logDir,
      postgres,
      get server() {
        return server!;
      },
      ui,
      async restartServer({ kill = false } = {}) {
        await (kill ? server!.kill() : server!.stop());
        // A killed process's listening socket can take connections for a few ms more: wait until it is gone.
        for (let i = 0; i < 100 && (await isServerUp(address, 200)); i += 1) await new Promise((r) => setTimeout(r, 50));
        server = await startServer();
      },
      setupNamespace,
      stop: stopAll,
      async discard() {
        await stopAll();
        rmSync(join(o.dir, 'data'), { recursive: true, force: true });
      },
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}

/** Loopback ports for a stack of its own (tests, chaos): the server's nine, PostgreSQL's and the UI's. */
export async function freeStackPorts(): Promise<{ serverPorts: ServerPorts; postgresPort: number; uiPort: number }> {
  // Below 32768: the server keeps membership ports in a smallint column (a higher one is fatal at start-up).
  const ports = await freePorts(11, 32_768);
  const names = Object.keys(DEFAULT_SERVER_PORTS) as Array<keyof ServerPorts>;
  const serverPorts = Object.fromEntries(names.map((name, i) => [name, ports[i]!])) as unknown as ServerPorts;
  return { serverPorts, postgresPort: ports[9]!, uiPort: ports[10]! };
}

/** Why the stack cannot start here without building or installing something; undefined when it can. */
export async function stackPrerequisitesMissing(): Promise<string | undefined> {
  const missing: string[] = [];
  for (const [script, arg] of [
    ['temporal-server.sh', '--check'],
    ['postgres.sh', 'check'],
  ] as const) {
    await promisify(execFile)('bash', [join(ROOT, 'scripts', script), arg]).catch((err: { stderr?: string }) => missing.push(String(err.stderr ?? err).trim()));
  }
  return missing.length ? missing.join('; ') : undefined;
}

export interface UiOptions {
  /** The frontend it serves. */
  address: string;
  namespace: string;
  port: number;
  codecEndpoint?: string;
  /** Default: http://localhost:<port> and http://127.0.0.1:<port>. */
  corsOrigins?: string[];
  logFile: string;
  maxLifetimeSeconds?: number;
}

/** ui-server with deploy/temporal-ui.yaml on 127.0.0.1:port, once it answers. */
export async function startUi(o: UiOptions): Promise<ManagedProcess> {
  const ui = startManagedProcess({
    name: 'temporal-ui-server',
    command: join(BIN, 'temporal-ui-server'),
    args: ['--root', DEPLOY_DIR, '--config', '.', '--env', 'temporal-ui', 'start'],
    env: {
      PATH: process.env.PATH,
      TEMPORAL_ADDRESS: o.address,
      TEMPORAL_UI_HOST: '127.0.0.1',
      TEMPORAL_UI_PORT: String(o.port),
      TEMPORAL_DEFAULT_NAMESPACE: o.namespace,
      TEMPORAL_CORS_ORIGINS: (o.corsOrigins ?? [`http://localhost:${o.port}`, `http://127.0.0.1:${o.port}`]).join(','),
      TEMPORAL_CODEC_ENDPOINT: o.codecEndpoint ?? '',
    },
    logFile: o.logFile,
    maxLifetimeSeconds: o.maxLifetimeSeconds,
  });
  await waitFor(ui, `the Temporal UI on port ${o.port}`, () => isServerUp(`127.0.0.1:${o.port}`, 500), 30_000);
  return ui;
}

/** Runs scripts/temporal-server.sh: the pinned binaries and schema files into .temporal/ (built once). */
export function provisionTemporalServer(logFile: string, echo?: (line: string) => void): Promise<void> {
  return runStep('scripts/temporal-server.sh', 'bash', [join(ROOT, 'scripts', 'temporal-server.sh')], { logFile, echo });
}
