import { defineConfig } from 'vitest/config';

// Two projects: the pure domain runs without a database; everything else shares one real
// PostgreSQL per run (embedded, or TEST_DATABASE_URL) and gets a fresh database per test file.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'dominio',
          sequence: { groupOrder: 0 },
          include: ['test/domain/**/*.test.ts', 'test/unidad/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'integracion',
          // After the pure suites: it has its own worker limit (one PostgreSQL, two cores).
          sequence: { groupOrder: 1 },
          include: [
            'test/integracion/**/*.test.ts',
            'test/http/**/*.test.ts',
            'test/navegador/**/*.test.ts',
          ],
          globalSetup: ['test/soporte/postgres-global.ts'],
          pool: 'forks',
          maxWorkers: 2,
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
