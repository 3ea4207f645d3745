/**
 * `npm run chaos`: the long form of test/chaos. Its own dev server on loopback (SQLite file); for
 * each fault (worker killed and replaced, one of two workers killed, server restarted) 17 workflows
 * of each kind (51), the fake model at 100 ms with 10% faults. Prints one summary row per fault and
 * exits 1 if anything was lost, wrong or done twice.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { runChaos, type ChaosFault, type ChaosSummary } from './run-chaos';
import { startDevServer, type DevServerOptions } from '../dev/dev-server';
import { resolveTemporalCli } from '../dev/temporal-cli';

const FAULTS: ChaosFault[] = ['kill-worker', 'kill-one-of-two', 'restart-server'];

async function main(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-chaos-'));
  const port = 17233 + Math.floor(Math.random() * 1000);
  const options: DevServerOptions = { cli: resolveTemporalCli(), address: `127.0.0.1:${port}`, namespace: 'default', uiPort: port + 1000, dbFile: join(dir, 'temporal.sqlite'), logFile: join(dir, 'server.log'), maxLifetimeSeconds: 1800 };
  let server = await startDevServer(options);
  const connection = await Connection.connect({ address: options.address });
  const summaries: ChaosSummary[] = [];
  try {
    for (const fault of FAULTS) {
      const restartServer = async () => {
        await server.stop();
        server = await startDevServer(options);
      };
      summaries.push(
        await runChaos({ fault, restartServer, client: new Client({ connection }), address: options.address, perKind: 17, latencyMs: 100, failRate: 0.1, faultAfterRequests: 50, workDir: join(dir, fault), log: (l) => console.log(l) }),
      );
    }
    console.table(summaries.map(({ wrongResults, ...row }) => ({ ...row, wrongResults: wrongResults.length })));
    for (const s of summaries) for (const wrong of s.wrongResults) console.log(`${s.fault}: wrong result ${wrong}`);
    const ok = summaries.every((s) => s.lost === 0 && s.wrongResults.length === 0 && s.duplicateSideEffects === 0 && s.modelRequests <= s.modelAttemptsInHistory);
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
