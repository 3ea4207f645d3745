import type { TestTarget } from './temporal';

// test/setup/postgres-setup.ts starts the stack, or says here why it could not.
const missing = process.env.SWITCHBOARD_PG_MISSING;

/** `describe` when the PostgreSQL stack runs, else a skip with the reason printed (under CI=true the setup fails instead). */
export function describeOnPostgresStack(name: string, fn: () => void): void {
  if (!missing) return describe(name, fn);
  console.warn(`test/postgres not run: ${missing}`);
  describe.skip(name, fn);
}

/** The suite's stack: temporal-server on PostgreSQL and its UI. */
export function postgresStack(): TestTarget & { uiUrl: string; logs: string; postgresPort: number; passwordFile: string } {
  const env = (name: string) => {
    const value = process.env[name];
    if (!value) throw new Error(`${name} is not set: run test/postgres through jest (its globalSetup starts the stack)`);
    return value;
  };
  return {
    address: env('SWITCHBOARD_PG_ADDRESS'),
    namespace: env('SWITCHBOARD_PG_NAMESPACE'),
    uiUrl: env('SWITCHBOARD_PG_UI_URL'),
    logs: env('SWITCHBOARD_PG_LOGS'),
    postgresPort: Number(env('SWITCHBOARD_PG_PORT')),
    passwordFile: env('SWITCHBOARD_PG_PASSWORD_FILE'),
  };
}
