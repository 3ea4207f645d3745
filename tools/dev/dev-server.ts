import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { Socket } from 'node:net';
import { ALL_SEARCH_ATTRIBUTES } from '../../src/workflows/search-attributes';

/** Whether something accepts TCP connections at host:port within the timeout. */
export function isServerUp(address: string, timeoutMs = 1_000): Promise<boolean> {
  const { host, port } = splitAddress(address);
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (up: boolean) => {
      socket.destroy();
      resolve(up);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(port, host, () => done(true));
  });
}

export function splitAddress(address: string): { host: string; port: number } {
  const i = address.lastIndexOf(':');
  return { host: address.slice(0, i).replace(/^\[|\]$/g, '') || 'localhost', port: Number(address.slice(i + 1)) };
}

/** `Name=Keyword` pairs in the form `temporal server start-dev --search-attribute` takes. */
function searchAttributeFlags(): string[] {
  return ALL_SEARCH_ATTRIBUTES.flatMap((key) => ['--search-attribute', `${key.name}=Keyword`]);
}

/**
 * The SQLite file in write-ahead-log mode with fsync at checkpoints only: the state still survives a
 * restart (and a crash of the server; a power cut may lose the last moments), and the server runs
 * about as fast as with no file (measured by `npm run bench`: embeddedVsMemoryThroughput).
 */
export const SQLITE_PRAGMAS = ['journal_mode=wal', 'synchronous=1'];

/**
 * Server settings every dev server here starts with. The history service reads new transfer tasks
 * (such as "a workflow task is ready") at most 20 times a second by default, which kept every
 * workflow task ~35 ms in its queue once the first burst was spent; 200 reads a second take that
 * to ~2 ms (the agent step figure of `npm run bench`). deploy/ sets the same for temporal-server.
 */
export const DEV_SERVER_DYNAMIC_CONFIG = { 'history.transferProcessorMaxPollRPS': 200 };

export interface DevServerOptions {
  cli: string;
  address: string;
  namespace: string;
  uiPort: number;
  /** A remote codec for the UI (the codec server), so it shows encrypted payloads in clear. */
  uiCodecEndpoint?: string;
  /** SQLite file: runs survive a restart. Without one the state is in memory (gone on exit). */
  dbFile?: string;
  /** With dbFile: SQLite pragmas; default SQLITE_PRAGMAS (the bench passes [] to measure without them). */
  sqlitePragmas?: string[];
  /** Server dynamic config, e.g. { 'matching.numTaskqueueReadPartitions': 1 }. */
  dynamicConfig?: Record<string, string | number | boolean>;
  logFile: string;
  /** How long to wait for it to answer. */
  startTimeoutMs?: number;
  /** Tests set this: the server ends itself after this long even if its parent dies first. */
  maxLifetimeSeconds?: number;
}

export interface DevServer {
  process: ChildProcess;
  /** SIGTERM, then SIGKILL after a grace period. Idempotent. */
  stop(): Promise<void>;
}

/** Starts `temporal server start-dev` on loopback with the project's search attributes, and waits until it answers. */
export async function startDevServer(o: DevServerOptions): Promise<DevServer> {
  const { port } = splitAddress(o.address);
  if (o.dbFile) mkdirSync(dirname(o.dbFile), { recursive: true });
  mkdirSync(dirname(o.logFile), { recursive: true });
  const log = openSync(o.logFile, 'a');
  const args = [
    'server',
    'start-dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--ui-port',
    String(o.uiPort),
    '--namespace',
    o.namespace,
    ...(o.dbFile ? ['--db-filename', o.dbFile, ...(o.sqlitePragmas ?? SQLITE_PRAGMAS).flatMap((p) => ['--sqlite-pragma', p])] : []),
    ...Object.entries({ ...DEV_SERVER_DYNAMIC_CONFIG, ...o.dynamicConfig }).flatMap(([key, value]) => [
      '--dynamic-config-value',
      `${key}=${JSON.stringify(value)}`,
    ]),
    '--log-level',
    'warn',
    ...searchAttributeFlags(),
    ...(o.uiCodecEndpoint ? ['--ui-codec-endpoint', o.uiCodecEndpoint] : []),
  ];
  const [command, argv] = o.maxLifetimeSeconds ? ['timeout', [String(o.maxLifetimeSeconds), o.cli, ...args]] : [o.cli, args];
  // Its own process group: Ctrl-C reaches the worker first, and the server is stopped after it.
  const child = spawn(command, argv, { stdio: ['ignore', log, log], detached: true });
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  const stop = async () => {
    if (exited) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exit;
    clearTimeout(timer);
  };
  const until = Date.now() + (o.startTimeoutMs ?? 60_000);
  while (!(await isServerUp(`127.0.0.1:${port}`, 500))) {
    if (exited) throw new Error(`the Temporal dev server exited at start-up: see ${o.logFile}`);
    if (Date.now() > until) {
      await stop();
      throw new Error(`the Temporal dev server did not answer on port ${port} within ${(o.startTimeoutMs ?? 60_000) / 1000} s: see ${o.logFile}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { process: child, stop };
}
