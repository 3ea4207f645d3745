/**
 * Two projects, each with the server it needs, started once in its globalSetup (only when one of
 * its tests runs): unit, integration, replay, chaos, e2e and deploy tests share a Temporal dev
 * server; test/postgres runs on the production topology (PostgreSQL, temporal-server, ui-server).
 */
const common = { preset: 'ts-jest', testEnvironment: 'node', testMatch: ['**/*.test.ts'] };

module.exports = {
  testTimeout: 60_000,
  // Two cores: one test file per core keeps workers and the servers from starving each other.
  maxWorkers: 2,
  projects: [
    {
      ...common,
      displayName: 'dev-server',
      roots: ['<rootDir>/test'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/postgres/'],
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
    },
    {
      ...common,
      displayName: 'postgres',
      roots: ['<rootDir>/test/postgres'],
      globalSetup: '<rootDir>/test/setup/postgres-setup.ts',
      globalTeardown: '<rootDir>/test/setup/postgres-teardown.ts',
    },
  ],
};
