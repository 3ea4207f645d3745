import { TestWorkflowEnvironment } from '@temporalio/testing';
import { resolveTemporalCli } from '../../src/dev/temporal-cli';
import { ALL_SEARCH_ATTRIBUTES } from '../../src/domain/search-attributes';

/** One real Temporal dev server for the whole suite: loopback only, in memory, stopped by globalTeardown. */
export default async function globalSetup(): Promise<void> {
  const env = await TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'existing-path', path: resolveTemporalCli() },
      ip: '127.0.0.1',
      searchAttributes: ALL_SEARCH_ATTRIBUTES,
      log: { format: 'pretty', level: 'warn' },
    },
  });
  process.env.SWITCHBOARD_TEST_TEMPORAL_ADDRESS = env.address;
  (globalThis as { __temporalTestEnv?: TestWorkflowEnvironment }).__temporalTestEnv = env;
}
