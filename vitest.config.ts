import { defineConfig } from 'vitest/config';

// The suite runs twice for everything that touches a database: once on PGlite
// (embedded, the default) and once on PostgreSQL (TEST_DATABASE_URL, default
// the local server). Pure unit tests run once; so do the browser tests
// (test/e2e/*.e2e.test.ts, Chromium driving the web app), on PGlite: they are slow.
const pgUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export default defineConfig({
  test: {
    // Ceilings for a hung test, not measures of speed: on a busy 2-core machine (another suite
    // beside this one) opening a fresh PGlite and migrating it alone can take over a minute.
    // Tests wait for the state they assert (waitFor), so a quick machine never waits this long.
    testTimeout: 180_000,
    reporters: ['default', './test/helpers/summary-reporter.ts'],
    // Most files spend their time waiting (on a database, a worker process, a DNS retry), not on the CPU:
    // three at a time on 2 cores took the suite from ~27 to ~9 minutes. Each test waits for the state
    // it asserts, so the extra load changes how long a test takes, not whether it passes.
    maxWorkers: 3,
    hookTimeout: 300_000,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts'],
          exclude: ['src/**/*.db.test.ts'],
        },
      },
      {
        test: {
          name: 'pglite',
          include: ['src/**/*.db.test.ts', 'test/**/*.test.ts'],
          // *.pg.test.ts need several processes on one database: PostgreSQL only.
          exclude: ['test/**/*.pg.test.ts', 'test/e2e/**'],
          env: { NURTURE_TEST_DB: 'pglite' },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.test.ts'],
          env: { NURTURE_TEST_DB: 'pglite' },
        },
      },
      {
        test: {
          name: 'postgres',
          include: ['src/**/*.db.test.ts', 'test/**/*.test.ts'],
          exclude: ['test/e2e/**'],
          env: { NURTURE_TEST_DB: 'postgres', TEST_DATABASE_URL: pgUrl },
        },
      },
    ],
  },
});
