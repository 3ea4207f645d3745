import { Client, Connection } from '@temporalio/client';
import { runChaos } from '../../src/chaos/run-chaos';
import { tempDir } from '../helpers/files';

// The short form of `npm run chaos`: a worker process SIGKILLed mid-run, a new one finishes the work.
// The workers are child processes; this file needs only a client (no native runtime to keep alive).
it('loses nothing and does nothing twice when the worker process is killed mid-run', async () => {
  const address = process.env.SWITCHBOARD_TEST_TEMPORAL_ADDRESS!;
  const connection = await Connection.connect({ address });
  try {
    const summary = await runChaos({
      client: new Client({ connection }),
      address,
      perKind: 5,
      latencyMs: 100,
      failRate: 0.1,
      killAfterRequests: 15,
      workDir: tempDir('switchboard-chaos-'),
    });
    console.log(JSON.stringify(summary));
    expect(summary).toMatchObject({ started: 15, completed: 15, lost: 0, wrongResults: [], duplicateSideEffects: 0 });
    // The kill landed mid-run: the first worker had done some of the work, not all of it.
    expect(summary.requestsBeforeKill).toBeGreaterThan(0);
    expect(summary.requestsBeforeKill).toBeLessThan(summary.modelRequests);
    // Every model request the fake server saw is an attempt recorded in a history: no hidden calls.
    // An attempt can be recorded without a request when the worker dies after taking the task and
    // before sending the call; at most the tasks it held then (a handful at this size).
    expect(summary.modelRequests).toBeLessThanOrEqual(summary.modelAttemptsInHistory);
    expect(summary.modelAttemptsInHistory - summary.modelRequests).toBeLessThanOrEqual(5);
  } finally {
    await connection.close();
  }
}, 240_000);
