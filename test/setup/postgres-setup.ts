import { join } from 'node:path';
import { freeStackPorts, stackPrerequisitesMissing, startPostgresStack, type PostgresStack } from '../../tools/dev/postgres-stack';
import { tempDir } from '../helpers/files';

/**
 * The production topology for test/postgres, once for the suite: PostgreSQL, temporal-server and
 * the UI from deploy/, on free loopback ports, state in a temp folder, every process ending itself
 * after 30 minutes should the run die first. Without the binaries it says why and the suite is
 * skipped, except under CI=true, where that fails the run (.ci/run provides them).
 */
export default async function postgresSetup(): Promise<void> {
  const missing = await stackPrerequisitesMissing();
  if (missing) {
    if (process.env.CI) throw new Error(`CI needs the PostgreSQL stack: ${missing} (.ci/run installs PostgreSQL and builds the binaries)`);
    process.env.SWITCHBOARD_PG_MISSING = missing;
    return;
  }
  const dir = tempDir('switchboard-pg-suite-');
  const stack = await startPostgresStack({ dir, namespace: 'default', ...(await freeStackPorts()), maxLifetimeSeconds: 1800, log: () => {} });
  Object.assign(process.env, {
    SWITCHBOARD_PG_ADDRESS: stack.address,
    SWITCHBOARD_PG_UI_URL: stack.uiUrl,
    SWITCHBOARD_PG_NAMESPACE: stack.namespace,
    SWITCHBOARD_PG_LOGS: join(dir, 'logs'),
    SWITCHBOARD_PG_PORT: String(stack.postgres.port),
    SWITCHBOARD_PG_PASSWORD_FILE: join(dir, 'password'),
  });
  (globalThis as { __postgresStack?: PostgresStack }).__postgresStack = stack;
}
