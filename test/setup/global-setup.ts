import type { DevServer } from '../../tools/dev/dev-server';
import { startTestDevServer } from '../helpers/dev-server';

/**
 * One real Temporal dev server for the whole suite: loopback only, free ports, a throw-away SQLite
 * file, stopped by globalTeardown, and ending itself after 30 minutes should the test run die first.
 */
export default async function globalSetup(): Promise<void> {
  const { server, address } = await startTestDevServer('suite', 1800);
  process.env.SWITCHBOARD_TEST_TEMPORAL_ADDRESS = address;
  (globalThis as { __temporalTestServer?: DevServer }).__temporalTestServer = server;
}
