import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    setupFiles: ['test/helpers/setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // e2e tests spawn real processes; two workers suit this two-core machine.
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'sqlite', include: ['test/**/*.test.ts'], exclude: ['test/**/*.pg.test.ts'] } },
      {
        // The server suite once more on PostgreSQL (test/helpers/pg.ts reads the variable), in one
        // throwaway cluster for the run, plus the tests that need several replicas on one database.
        extends: true,
        test: {
          name: 'postgres',
          include: ['test/server/**/*.test.ts'],
          // These never open a store: once is enough.
          exclude: ['test/server/counting.test.ts', 'test/server/phone-and-sms.test.ts', 'test/server/upstream.test.ts'],
          env: { TOKENCLI_TEST_STORE: 'postgres' },
          globalSetup: ['test/helpers/pg-cluster.ts'],
        },
      },
    ],
  },
});
