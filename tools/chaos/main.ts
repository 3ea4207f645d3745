/**
 * `npm run chaos`: the long form of test/chaos and test/postgres/chaos. For each fault 17 workflows
 * of each kind (51 in flight), the fake model at 100 ms with 10% faults:
 * - on a dev server (SQLite file): worker killed and replaced, one of two workers killed, server restarted;
 * - on the production topology (PostgreSQL, temporal-server and UI from deploy/): temporal-server
 *   SIGKILLed and started again, PostgreSQL restarted under a running server.
 * `--only dev-server` or `--only postgres` runs one of them. Prints one summary row per fault
 * (with the time to strike and to recover) and exits 1 if anything was lost, wrong or done twice.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { Command, Option } from 'commander';
import { runChaos, type ChaosFault, type ChaosOptions, type ChaosSummary } from './run-chaos';
import { startDevServer, type DevServerOptions } from '../dev/dev-server';
import { freeStackPorts, stackPrerequisitesMissing, startPostgresStack } from '../dev/postgres-stack';
import { resolveTemporalCli } from '../dev/temporal-cli';

type Run = (fault: ChaosFault, strike: ChaosOptions['strike'], address: string) => Promise<ChaosSummary>;

/** Runs each fault against a server at `address`, on one connection. */
function runner(dir: string): Run {
  return async (fault, strike, address) => {
    const connection = await Connection.connect({ address });
    try {
      const client = new Client({ connection });
      return await runChaos({
        fault,
        strike,
        client,
        address,
        perKind: 17,
        latencyMs: 100,
        failRate: 0.1,
        faultAfterRequests: 50,
        workDir: join(dir, fault),
        log: (l) => console.log(l),
      });
    } finally {
      await connection.close();
    }
  };
}

async function onDevServer(dir: string, run: Run): Promise<ChaosSummary[]> {
  const port = 17233 + Math.floor(Math.random() * 1000);
  const options: DevServerOptions = {
    cli: resolveTemporalCli(),
    address: `127.0.0.1:${port}`,
    namespace: 'default',
    uiPort: port + 1000,
    dbFile: join(dir, 'temporal.sqlite'),
    logFile: join(dir, 'server.log'),
    maxLifetimeSeconds: 1800,
  };
  let server = await startDevServer(options);
  const restart = async () => {
    await server.stop();
    server = await startDevServer(options);
  };
  try {
    const summaries: ChaosSummary[] = [];
    for (const fault of ['kill-worker', 'kill-one-of-two', 'restart-server'] as const) summaries.push(await run(fault, restart, options.address));
    return summaries;
  } finally {
    await server.stop();
  }
}

async function onPostgres(run: Run): Promise<ChaosSummary[]> {
  const missing = await stackPrerequisitesMissing();
  if (missing) throw new Error(`the PostgreSQL stack cannot start here: ${missing}`);
  // A directory of its own: scripts/postgres.sh opens it (search only) to the postgres user.
  const state = mkdtempSync(join(tmpdir(), 'switchboard-chaos-postgres-'));
  const stack = await startPostgresStack({
    dir: state,
    namespace: 'default',
    ...(await freeStackPorts()),
    maxLifetimeSeconds: 1800,
    log: (l) => console.log(l),
  });
  try {
    return [
      await run('kill-server', () => stack.restartServer({ kill: true }), stack.address),
      await run('restart-postgres', () => stack.postgres.restart(), stack.address),
    ];
  } finally {
    await stack.discard();
  }
}

async function main(): Promise<number> {
  const { only } = new Command('chaos')
    .description('Faults mid-run on the dev server and on the PostgreSQL stack: nothing may be lost or done twice')
    .addOption(new Option('--only <topology>', 'run one topology only').choices(['dev-server', 'postgres']))
    .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2))
    .parse()
    .opts<{ only?: 'dev-server' | 'postgres' }>();
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-chaos-'));
  const run = runner(dir);
  const summaries = [...(only !== 'postgres' ? await onDevServer(join(dir, 'dev-server'), run) : []), ...(only !== 'dev-server' ? await onPostgres(run) : [])];
  console.table(summaries.map(({ wrongResults, ...row }) => ({ ...row, wrongResults: wrongResults.length })));
  for (const s of summaries) for (const wrong of s.wrongResults) console.log(`${s.fault}: wrong result ${wrong}`);
  const ok = summaries.every((s) => s.lost === 0 && s.wrongResults.length === 0 && s.duplicateSideEffects === 0 && s.modelRequests <= s.modelAttemptsInHistory);
  console.log(ok ? 'chaos: nothing lost, nothing done twice' : 'chaos: FAILED');
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
