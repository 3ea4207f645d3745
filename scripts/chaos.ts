/**
 * `npm run chaos`: the long form of test/chaos. Its own dev server on loopback, 17 workflows of each
 * kind (51), the fake model at 100 ms with 10% faults, the worker process SIGKILLed mid-run; prints
 * the summary and exits 1 if anything was lost, wrong or done twice.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { runChaos } from '../src/chaos/run-chaos';
import { startDevServer } from '../src/dev/dev-server';
import { resolveTemporalCli } from '../src/dev/temporal-cli';

async function main(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-chaos-'));
  const port = 17233 + Math.floor(Math.random() * 1000);
  const server = await startDevServer({ cli: resolveTemporalCli(), address: `127.0.0.1:${port}`, namespace: 'default', uiPort: port + 1000, dbFile: join(dir, 'temporal.sqlite'), logFile: join(dir, 'server.log'), maxLifetimeSeconds: 900 });
  const connection = await Connection.connect({ address: `127.0.0.1:${port}` });
  try {
    const summary = await runChaos({ client: new Client({ connection }), address: `127.0.0.1:${port}`, perKind: 17, latencyMs: 100, failRate: 0.1, killAfterRequests: 50, workDir: dir, log: (l) => console.log(l) });
    console.table(summary);
    const ok = summary.lost === 0 && summary.wrongResults.length === 0 && summary.duplicateSideEffects === 0 && summary.modelRequests <= summary.modelAttemptsInHistory;
    console.log(ok ? 'chaos: nothing lost, nothing done twice' : 'chaos: FAILED');
    return ok ? 0 : 1;
  } finally {
    await connection.close();
    await server.stop();
  }
}

main().then((code) => process.exit(code), (err: unknown) => {
  console.error(err);
  process.exit(1);
});
