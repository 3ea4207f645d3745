import { Client, Connection } from '@temporalio/client';
import { runChaos, type ChaosFault, type ChaosOptions } from '../../tools/chaos/run-chaos';
import { freeStackPorts, startPostgresStack, type PostgresStack } from '../../tools/dev/postgres-stack';
import { expectNothingLost } from '../helpers/chaos';
import { tempDir } from '../helpers/files';
import { describeOnPostgresStack } from '../helpers/postgres-stack';

// The short form of `npm run chaos --only postgres`: a stack of this file's own (the suite's is
// shared), 15 workflows of the three kinds in flight, the fake model at 10 % faults, and the
// server side struck mid-run. Then the whole stack stops and starts again on the same data.
describeOnPostgresStack('faults on the production topology', () => {
  let stack: PostgresStack;
  let dir: string;
  let ports: Awaited<ReturnType<typeof freeStackPorts>>;
  const start = async () => startPostgresStack({ dir, namespace: 'default', ...ports, maxLifetimeSeconds: 900, log: () => {} });
  beforeAll(async () => {
    dir = tempDir('switchboard-pg-chaos-');
    ports = await freeStackPorts();
    stack = await start();
  }, 180_000);
  afterAll(() => stack?.discard());

  const chaos = async (fault: ChaosFault, strike: ChaosOptions['strike']) => {
    const connection = await Connection.connect({ address: stack.address });
    try {
      const summary = await runChaos({
        fault,
        strike,
        client: new Client({ connection }),
        address: stack.address,
        perKind: 5,
        latencyMs: 100,
        failRate: 0.1,
        faultAfterRequests: 15,
        workDir: tempDir('switchboard-chaos-'),
      });
      console.log(JSON.stringify(summary));
      expectNothingLost(summary, 15);
    } finally {
      await connection.close();
    }
  };

  it(
    'loses nothing and does nothing twice when temporal-server is SIGKILLed mid-run and started again',
    () => chaos('kill-server', () => stack.restartServer({ kill: true })),
    300_000,
  );

  it(
    'loses nothing and does nothing twice when PostgreSQL is restarted mid-run under the server',
    () => chaos('restart-postgres', () => stack.postgres.restart()),
    300_000,
  );

  it('finds every run again after the whole stack stops and starts on the same data', async () => {
    const count = async () => {
      const connection = await Connection.connect({ address: stack.address });
      try {
        return (await new Client({ connection }).workflow.count('WorkflowId STARTS_WITH "chaos-"')).count;
      } finally {
        await connection.close();
      }
    };
    // Two runs of 15, and the agent child of each of their 5 cases; closed runs reach visibility a moment later.
    const expected = 2 * 15 + 2 * 5;
    for (let i = 0; i < 50 && (await count()) < expected; i += 1) await new Promise((r) => setTimeout(r, 200));
    expect(await count()).toBe(expected);
    await stack.stop();
    stack = await start();
    expect(await count()).toBe(expected);
  }, 180_000);
});
