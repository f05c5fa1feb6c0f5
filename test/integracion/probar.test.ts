import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const raiz = join(import.meta.dirname, '..', '..');

/** `npm test`'s own script over the deliberately failing files of test/fallida. */
function probar(filtro: string): Promise<{ codigo: number | null; salida: string }> {
  const entorno = { ...process.env };
  // Always the embedded PostgreSQL, even in CI's PostgreSQL 15 run: its start and stop are
  // what once decided the exit code.
  delete entorno.TEST_DATABASE_URL;
  const hijo = spawn(
    process.execPath,
    ['scripts/probar.mjs', '--config', 'test/fallida/vitest.config.ts', filtro],
    { cwd: raiz, env: entorno },
  );
  let salida = '';
  hijo.stdout.on('data', (d) => (salida += d));
  hijo.stderr.on('data', (d) => (salida += d));
  return new Promise((r) => hijo.on('close', (codigo) => r({ codigo, salida })));
}

describe('npm test falla cuando algo falla', () => {
  it('una prueba fallida contra PostgreSQL: cuenta 1 fallida y sale con 1', async () => {
    const { codigo, salida } = await probar('con-base');
    expect(salida).toMatch(/^1 passed, 1 failed, 0 skipped$/m);
    expect(codigo).toBe(1);
  }, 120_000);

  it('un archivo roto antes de correr sus pruebas cuenta como fallido y sale con 1', async () => {
    const { codigo, salida } = await probar('rota');
    expect(salida).toMatch(/^0 passed, 1 failed, \d+ skipped$/m);
    expect(codigo).toBe(1);
  }, 120_000);
});
