import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { type Conexion, conectar, type Db } from '../../src/db/conexion.ts';
import { ROL_DUENIO } from '../../src/db/roles.ts';

/** `db` and `url` are the server's superuser: a test may do what an intruder would. */
export interface BaseDePrueba extends Conexion {
  url: string;
  /** The same database as the app's role (src/db/roles.ts): what the app under test uses. */
  urlApp: string;
  /** As the owner of the tables, who migrates. */
  urlDuenio: string;
}

function conBase(url: string, base: string): string {
  const u = new URL(url);
  u.pathname = `/${base}`;
  return u.toString();
}

/**
 * A fresh, migrated database of its own for the calling test file (a copy of the template), or
 * with `vacia` an empty one, as a new installation's database is before its first start.
 */
export async function crearBaseDePrueba(opciones: { vacia?: boolean } = {}): Promise<BaseDePrueba> {
  const urlServidor = inject('urlServidor');
  const nombre = `prueba_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client(urlServidor);
  await admin.connect();
  try {
    for (let intento = 0; ; intento++) {
      try {
        await admin.query(
          opciones.vacia
            ? `CREATE DATABASE ${nombre} TEMPLATE template0`
            : `CREATE DATABASE ${nombre} TEMPLATE recupera_plantilla OWNER ${ROL_DUENIO}`,
        );
        break;
      } catch (e) {
        // Two files copying the template at the same instant can collide; retry briefly.
        if (intento >= 20) throw e;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  } finally {
    await admin.end();
  }
  const url = conBase(urlServidor, nombre);
  const conexion = conectar(url);
  return {
    ...conexion,
    url,
    urlApp: conBase(inject('urlServidorApp'), nombre),
    urlDuenio: conBase(inject('urlServidorDuenio'), nombre),
    cerrar: async () => {
      await conexion.cerrar();
      const limpieza = new pg.Client(urlServidor);
      await limpieza.connect();
      await limpieza.query(`DROP DATABASE IF EXISTS ${nombre} WITH (FORCE)`);
      await limpieza.end();
    },
  };
}

/** How many rows a table has: tests check that a refused import wrote nothing. */
export async function contarFilas(
  db: Db,
  tabla: 'creditos' | 'movimientos' | 'personas',
): Promise<number> {
  const { n } = await db
    .selectFrom(tabla)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n);
}
