import { join } from 'node:path';
import { loadSettings, modelLabel } from './config';
import { temporalTarget } from './connection';
import { isServerUp, startDevServer, type DevServer } from './dev/dev-server';
import { resolveTemporalCli } from './dev/temporal-cli';
import { createWorker } from './worker';

const DATA_DIR = join(__dirname, '..', '.data');

/**
 * `npm start`: the embedded default. Starts a Temporal dev server (SQLite file, UI) when nothing
 * answers at TEMPORAL_ADDRESS, then the worker, in this terminal; Ctrl-C stops both.
 */
async function main(): Promise<number> {
  const settings = loadSettings();
  const { connectionOptions, namespace } = temporalTarget();
  const address = connectionOptions.address;
  let server: DevServer | undefined;

  if (await isServerUp(address)) {
    console.log(`Temporal answers at ${address}: starting only the worker`);
  } else {
    const uiPort = Number(process.env.TEMPORAL_UI_PORT ?? 8233);
    const logFile = join(DATA_DIR, 'temporal-server.log');
    console.log(`Nothing answers at ${address}: starting a Temporal dev server (log: ${logFile})`);
    server = await startDevServer({
      cli: resolveTemporalCli(),
      address,
      namespace,
      uiPort,
      dbFile: join(DATA_DIR, 'temporal.sqlite'),
      logFile,
    });
  }

  const worker = await createWorker({ settings });
  // A dev server that dies takes the worker down with it: nothing would be served.
  let stopping = false;
  process.once('SIGINT', () => (stopping = true)).once('SIGTERM', () => (stopping = true));
  server?.process.once('exit', (code) => {
    if (stopping) return;
    console.error(`the Temporal dev server stopped (exit ${code}): see .data/temporal-server.log`);
    worker.shutdown();
  });
  console.log(
    [
      '',
      `  Temporal UI   ${settings.TEMPORAL_UI_URL}`,
      `  server        ${address} (namespace ${namespace})`,
      `  task queue    ${settings.TASK_QUEUE}`,
      `  model         ${modelLabel(settings)} (${settings.MODEL_PROVIDER})`,
      '',
      '  Try, in another terminal:',
      '    npm run client -- route "I was charged twice this month"',
      '    npm run client -- troubleshoot --scenario payment-after-deploy',
      '    npm run client -- case "Checkout API returns 500 since the deploy" --scenario payment-after-deploy',
      '',
      '  Ctrl-C stops the worker and the server.',
      '',
    ].join('\n'),
  );
  await worker.run();
  const serverDied = server !== undefined && server.process.exitCode !== null && !stopping;
  await server?.stop();
  return serverDied ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(err instanceof Error && err.name === 'ConfigError' ? 2 : 1);
  },
);
