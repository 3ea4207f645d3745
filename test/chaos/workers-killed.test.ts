import { Client, Connection } from '@temporalio/client';
import { runChaos } from '../../tools/chaos/run-chaos';
import { expectNothingLost } from '../helpers/chaos';
import { tempDir } from '../helpers/files';

// The short form of `npm run chaos` for the two worker faults. The workers are child processes;
// this file needs only a client (no native runtime to keep alive).
const address = process.env.SWITCHBOARD_TEST_TEMPORAL_ADDRESS!;
let connection: Connection;
beforeAll(async () => {
  connection = await Connection.connect({ address });
});
afterAll(() => connection?.close());

const run = (fault: 'kill-worker' | 'kill-one-of-two') =>
  runChaos({
    fault,
    client: new Client({ connection }),
    address,
    perKind: 5,
    latencyMs: 100,
    failRate: 0.1,
    faultAfterRequests: 15,
    workDir: tempDir('switchboard-chaos-'),
  });

it('loses nothing and does nothing twice when the worker process is killed mid-run and a new one starts', async () => {
  const summary = await run('kill-worker');
  console.log(JSON.stringify(summary));
  expectNothingLost(summary, 15);
}, 240_000);

it('loses nothing when one of two worker processes on the queue is killed: the other finishes', async () => {
  const summary = await run('kill-one-of-two');
  console.log(JSON.stringify(summary));
  expectNothingLost(summary, 15);
}, 240_000);
