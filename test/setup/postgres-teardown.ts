import type { PostgresStack } from '../../tools/dev/postgres-stack';

export default async function postgresTeardown(): Promise<void> {
  await (globalThis as { __postgresStack?: PostgresStack }).__postgresStack?.discard();
}
