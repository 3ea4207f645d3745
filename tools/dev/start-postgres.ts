import { join } from 'node:path';
import { startCodecServerFromSettings } from '../../src/codec/main';
import { ConfigError, loadSettings } from '../../src/config';
import { temporalTarget } from '../../src/connection';
import { installRuntime } from '../../src/runtime';
import { connectClient } from '../../src/connection';
import { startWorkerTelemetry } from '../../src/telemetry/worker-telemetry';
import { createWorker } from '../../src/worker';
import { advertiseLocalStack } from './advertise';
import { startBanner } from './banner';
import { ensureDemoApproverKey } from './demo-key';
import { splitAddress } from './dev-server';
import { DATA_DIR } from './embedded';
import { stopEveryManagedProcess } from './managed-process';
import { DEFAULT_SERVER_PORTS, startPostgresStack } from './postgres-stack';

const STATE_DIR = join(DATA_DIR, 'postgres');

function port(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535) throw new ConfigError(`${name}=${raw} is not a port number (1-65535)`);
  return value;
}

/**
 * `npm run start:postgres`: the production topology on this machine, in this terminal. PostgreSQL
 * (state in .data/postgres), temporal-server on TEMPORAL_ADDRESS (127.0.0.1:7233), the Web UI on
 * TEMPORAL_UI_PORT (8080), the namespace and search attributes, then the worker. Ctrl-C or SIGTERM
 * stops the worker, the UI, the server and PostgreSQL, in that order; the next start finds the data.
 */
async function main(): Promise<number> {
  const uiPort = port('TEMPORAL_UI_PORT', 8080);
  // Links printed here, and the codec server's CORS origin, point at this stack's UI.
  process.env.TEMPORAL_UI_URL ??= `http://localhost:${uiPort}`;
  const settings = loadSettings();
  installRuntime(settings);
  const { connectionOptions, namespace } = temporalTarget();
  const { host, port: frontendPort } = splitAddress(connectionOptions.address);
  if (!['localhost', '127.0.0.1'].includes(host)) {
    throw new ConfigError(
      `TEMPORAL_ADDRESS=${connectionOptions.address}: start:postgres runs the server on this machine (127.0.0.1); for a server elsewhere run \`npm run worker\``,
    );
  }

  // Until the worker runs, Ctrl-C stops whatever has been started so far; then the worker's own
  // shutdown does. `on`, not `once`: a Ctrl-C can arrive twice (from the terminal and relayed by
  // tsx), and a signal with no listener left would end this process with its children still up.
  let workerRunning = false;
  let stopping = false;
  const abort = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    if (workerRunning) return;
    console.error(`\n${signal}: stopping what was started`);
    void stopEveryManagedProcess().then(() => process.exit(130));
  };
  process.on('SIGINT', abort).on('SIGTERM', abort);

  const codec = settings.PAYLOAD_ENCRYPTION_KEYS ? await startCodecServerFromSettings(settings) : undefined;
  const stack = await startPostgresStack({
    dir: STATE_DIR,
    namespace,
    postgresPort: port('POSTGRES_PORT', 55432),
    serverPorts: { ...DEFAULT_SERVER_PORTS, FRONTEND_GRPC_PORT: frontendPort },
    uiPort,
    uiCodecEndpoint: codec?.url,
    log: (line) => console.log(`  ${line}`),
  });
  advertiseLocalStack({ address: stack.address, uiUrl: settings.TEMPORAL_UI_URL, storage: `PostgreSQL in ${STATE_DIR}` });
  const telemetry = await startWorkerTelemetry(settings);
  const worker = await createWorker({ settings, tracing: telemetry.tracing });
  await telemetry.countWaitingCases(async () => (await connectClient()).client);
  workerRunning = true;
  // If the server or the database dies, nothing would be served: take the worker down too.
  let failed: string | undefined;
  for (const part of [stack.server, stack.postgres.process, stack.ui]) {
    void part.exited.then((code) => {
      if (stopping || failed) return;
      failed = `${part.name} stopped (exit ${code}): see ${part.logFile}`;
      console.error(failed);
      worker.shutdown();
    });
  }
  console.log(
    startBanner({
      settings,
      uiUrl: settings.TEMPORAL_UI_URL,
      server: [
        `temporal-server at ${stack.address} (namespace ${namespace}), PostgreSQL on 127.0.0.1:${stack.postgres.port}`,
        `state in ${STATE_DIR}, logs in ${stack.logDir}`,
      ],
      codecUrl: codec?.url,
      traces: telemetry.summary,
      approverKey: ensureDemoApproverKey(settings, console.log),
      stops: 'the worker, the UI, the server and PostgreSQL',
    }),
  );
  await worker.run();
  await telemetry.stop();
  failed ??= '';
  await stack.stop();
  await codec?.close();
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  async (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    await stopEveryManagedProcess();
    process.exit(err instanceof ConfigError ? 2 : 1);
  },
);
