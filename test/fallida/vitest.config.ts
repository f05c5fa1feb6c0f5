import { defineConfig } from 'vitest/config';

// Deliberately failing tests, outside the suite: test/integracion/probar.test.ts runs them
// through `npm test`'s own script to prove a failure turns the exit code non-zero.
export default defineConfig({
  test: {
    include: ['test/fallida/*.fallida.ts'],
    globalSetup: ['test/soporte/postgres-global.ts'],
    pool: 'forks',
    hookTimeout: 120_000,
  },
});
