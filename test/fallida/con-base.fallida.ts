import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type BaseDePrueba, crearBaseDePrueba } from '../soporte/base-de-prueba.ts';

// Runs against the embedded PostgreSQL, as the integration suites do: its start and stop must
// not decide the exit code.
let base: BaseDePrueba;
beforeAll(async () => {
  base = await crearBaseDePrueba();
});
afterAll(async () => {
  await base?.cerrar();
});

it('pasa', async () => {
  const r = await sql<{ uno: number }>`SELECT 1 AS uno`.execute(base.db);
  expect(r.rows[0]?.uno).toBe(1);
});

it('falla a propósito', () => {
  expect(1 + 1).toBe(3);
});
