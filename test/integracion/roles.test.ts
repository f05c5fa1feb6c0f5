import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { Fecha } from '../../src/domain/fecha.ts';
import { abrirBase, type Base } from '../../src/plataforma/arranque.ts';
import { leerConfig } from '../../src/plataforma/config.ts';
import { RelojManual } from '../../src/plataforma/reloj-sistema.ts';
import { iniciarTrabajos } from '../../src/plataforma/trabajos.ts';

// DATABASE_URL (the app's role) and DATABASE_URL_MIGRACIONES (the owner), on a new database
// that the operator created for the owner, as docs/bitacora.md asks.
const datos = mkdtempSync(join(tmpdir(), 'recupera-roles-'));
const bases: string[] = [];
const abiertas: Base[] = [];

function conBase(url: string, base: string): string {
  const u = new URL(url);
  u.pathname = `/${base}`;
  return u.toString();
}

async function baseNueva(): Promise<string> {
  const nombre = `roles_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client(inject('urlServidor'));
  await admin.connect();
  await admin.query(`CREATE DATABASE ${nombre} TEMPLATE template0 OWNER recupera_duenio`);
  await admin.end();
  bases.push(nombre);
  return nombre;
}

async function abrir(entorno: Record<string, string>): Promise<Base> {
  const base = await abrirBase(leerConfig({ DATA_DIR: datos, ...entorno }));
  abiertas.push(base);
  return base;
}

afterAll(async () => {
  for (const b of abiertas) await b.cerrar();
  const admin = new pg.Client(inject('urlServidor'));
  await admin.connect();
  for (const b of bases) await admin.query(`DROP DATABASE IF EXISTS ${b} WITH (FORCE)`);
  await admin.end();
  rmSync(datos, { recursive: true, force: true });
});

describe('la aplicación con su propio rol sobre DATABASE_URL', () => {
  it('la dueña migra y prepara la cola; la app se conecta con su rol, sin aviso, y la cola trabaja con él', async () => {
    const nombre = await baseNueva();
    const base = await abrir({
      DATABASE_URL: conBase(inject('urlServidorApp'), nombre),
      DATABASE_URL_MIGRACIONES: conBase(inject('urlServidorDuenio'), nombre),
    });
    expect(base.advertencias).toEqual([]);
    const { rows } = await sql<{ quien: string }>`SELECT current_user AS quien`.execute(
      base.conexion.db,
    );
    expect(rows[0]?.quien).toBe('recupera_app');
    const tablas = await base.conexion.db.selectFrom('usuarios').select('id').execute();
    expect(tablas).toEqual([]);

    // pg-boss as the app: its queues are new here, so create_queue makes their partitions.
    const reloj = new RelojManual('2024-07-01T18:00:00Z');
    const cola = await iniciarTrabajos(base.url, base.conexion.db, reloj, 'America/Hermosillo');
    try {
      const id = await cola.encolarAntiguedad('2024-06-30' as Fecha, null);
      let estado = await cola.estadoDeTrabajo(id);
      for (
        let i = 0;
        i < 100 && estado?.estado !== 'terminado' && estado?.estado !== 'fallido';
        i++
      ) {
        await new Promise((r) => setTimeout(r, 200));
        estado = await cola.estadoDeTrabajo(id);
      }
      expect(estado).toMatchObject({ estado: 'terminado', resultado: { creditos: 0 } });
    } finally {
      await cola.detener();
    }

    // A second start on the same database: roles and grants stay, nothing to migrate.
    const otra = await abrir({
      DATABASE_URL: conBase(inject('urlServidorApp'), nombre),
      DATABASE_URL_MIGRACIONES: conBase(inject('urlServidorDuenio'), nombre),
    });
    expect(otra.advertencias).toEqual([]);
  }, 60_000);

  it('con una sola DATABASE_URL sigue funcionando, y avisa que la app se conecta como dueña', async () => {
    const nombre = await baseNueva();
    const base = await abrir({ DATABASE_URL: conBase(inject('urlServidorDuenio'), nombre) });
    expect(base.advertencias.join('\n')).toContain(
      'la aplicación se conecta a PostgreSQL como dueña de las tablas («recupera_duenio»)',
    );
    const superusuario = await abrir({ DATABASE_URL: conBase(inject('urlServidor'), nombre) });
    expect(superusuario.advertencias.join('\n')).toContain(
      'la aplicación se conecta a PostgreSQL como superusuario',
    );
  }, 60_000);
});
