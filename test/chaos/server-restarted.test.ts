import { Client, Connection } from '@temporalio/client';
import { runChaos } from '../../tools/chaos/run-chaos';
import { startDevServer, type DevServer, type DevServerOptions } from '../../tools/dev/dev-server';
import { expectNothingLost } from '../helpers/chaos';
import { startTestDevServer } from '../helpers/dev-server';
import { tempDir } from '../helpers/files';

// The short form of `npm run chaos` for a server restart: this file's own dev server (the suite's is
// shared), its state in a SQLite file, stopped and started again mid-run while the worker stays up.
let server: DevServer;
let options: DevServerOptions;

beforeAll(async () => {
  ({ server, options } = await startTestDevServer('restart', 300));
}, 120_000);
afterAll(() => server?.stop());

it('completes every workflow after the dev server (SQLite) is restarted mid-run', async () => {
  const connection = await Connection.connect({ address: options.address });
  try {
    const summary = await runChaos({
      fault: 'restart-server',
      strike: async () => {
        await server.stop();
        server = await startDevServer(options);
      },
      client: new Client({ connection }),
      address: options.address,
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
}, 240_000);
