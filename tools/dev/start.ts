import { startCodecServerFromSettings } from '../../src/codec/main';
import { loadSettings } from '../../src/config';
import { advertiseLocalStack } from './advertise';
import { ensureDemoApproverKey } from './demo-key';
import { startBanner } from './banner';
import { ensureServer, SERVER_LOG } from './embedded';
import { installRuntime } from '../../src/runtime';
import { connectClient } from '../../src/connection';
import { startWorkerTelemetry } from '../../src/telemetry/worker-telemetry';
import { createWorker } from '../../src/worker';

/**
 * `npm start`: the embedded default. Starts a Temporal dev server (SQLite file, UI) when nothing
 * answers at TEMPORAL_ADDRESS, then the worker, in this terminal; Ctrl-C stops both.
 */
async function main(): Promise<number> {
  const settings = loadSettings();
  installRuntime(settings);
  // With encryption on, the UI needs the codec server to show anything but ciphertext.
  const codec = settings.PAYLOAD_ENCRYPTION_KEYS ? await startCodecServerFromSettings(settings) : undefined;
  const { address, namespace, server, uiUrl: startedUi } = await ensureServer((line) => console.log(line), codec?.url);
  const uiUrl = process.env.TEMPORAL_UI_URL ? settings.TEMPORAL_UI_URL : (startedUi ?? settings.TEMPORAL_UI_URL);
  if (server) advertiseLocalStack({ address, uiUrl, storage: '.data/temporal.sqlite' });
  const telemetry = await startWorkerTelemetry(settings);
  const worker = await createWorker({ settings, tracing: telemetry.tracing });
  await telemetry.countWaitingCases(async () => (await connectClient()).client);
  // A dev server that dies takes the worker down with it: nothing would be served.
  let stopping = false;
  process.once('SIGINT', () => (stopping = true)).once('SIGTERM', () => (stopping = true));
  server?.process.once('exit', (code) => {
    if (stopping) return;
    console.error(`the Temporal dev server stopped (exit ${code}): see ${SERVER_LOG}`);
    worker.shutdown();
  });
  console.log(
    startBanner({
      settings,
      uiUrl,
      server: [`${address} (namespace ${namespace})`],
      codecUrl: codec?.url,
      traces: telemetry.summary,
      approverKey: ensureDemoApproverKey(settings, console.log),
      stops: 'the worker and the server',
    }),
  );
  await worker.run();
  await telemetry.stop();
  const serverDied = server !== undefined && server.process.exitCode !== null && !stopping;
  await server?.stop();
  await codec?.close();
  return serverDied ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(err instanceof Error && err.name === 'ConfigError' ? 2 : 1);
  },
);
