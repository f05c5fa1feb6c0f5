import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as esperar } from 'node:timers/promises';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RelojManual } from '../../src/plataforma/reloj-sistema.ts';
import { type ColaDeTrabajos, iniciarTrabajos } from '../../src/plataforma/trabajos.ts';
import { type AppDePrueba, crearAppDePrueba, type Sesion } from '../soporte/app-de-prueba.ts';
import { contarFilas, crearBaseDePrueba } from '../soporte/base-de-prueba.ts';
import { escribirZip } from '../soporte/zip.ts';

const CSV = join(import.meta.dirname, '..', '..', 'plantillas', 'csv');
const hojas = readdirSync(CSV)
  .sort()
  .map((nombre) => ({ nombre, datos: readFileSync(join(CSV, nombre)) }));
// Enough for the import's thread to start and import the template, not for a big book.
const MEMORIA_MB = 48;

let t: AppDePrueba;
let cola: ColaDeTrabajos;
let admin: Sesion;

beforeAll(async () => {
  const base = await crearBaseDePrueba();
  const reloj = new RelojManual('2026-03-10T16:00:00Z');
  cola = await iniciarTrabajos(base.url, base.db, reloj, 'America/Hermosillo', {
    memoriaImportacionMb: MEMORIA_MB,
  });
  t = await crearAppDePrueba({ trabajos: cola }, base);
  admin = await t.entrar('admin');
});
afterAll(async () => {
  await cola?.detener();
  await t?.cerrar();
});

interface Estado {
  estado: string;
  avance: { fase: string } | null;
  resultado: { importado: boolean; conteos: { creditos: { nuevos: number } } } | null;
  error: { codigo: string; mensaje: string } | null;
}

/** The template's CSV folder as a ZIP; `personas` replaces its people's sheet. */
function zipDeLaPlantilla(personas?: string): Buffer {
  return escribirZip(
    hojas.map((h) => ({
      nombre: `cartera/${h.nombre}`,
      datos: h.nombre === 'personas.csv' && personas !== undefined ? personas : h.datos,
    })),
  );
}

/** A people's sheet of `n` rows, ~150 bytes each: tens of MB of text, far past the heap. */
function personasDe(n: number): string {
  const [encabezado] = readFileSync(join(CSV, 'personas.csv'), 'utf8').split('\n');
  const filas = [encabezado];
  for (let i = 0; i < n; i++) {
    const k = String(i).padStart(6, '0');
    filas.push(
      `NUPA${k}HSRXXN08,José Ángel ${k},Núñez,Peñúñuri,,1990-04-17,662 123 4567,movil,si,persona${k}@ejemplo.mx,Calle Rosales,45,Centro,83000,Hermosillo,Sonora`,
    );
  }
  return filas.join('\n');
}

async function importarComoTrabajo(zip: Buffer): Promise<Estado> {
  const r = await t.pedir('POST', '/api/importaciones', {
    sesion: admin,
    cuerpo: zip,
    encabezados: {
      'content-type': 'application/zip',
      'x-nombre-archivo': 'cartera.zip',
      prefer: 'respond-async',
    },
  });
  expect(r.statusCode).toBe(202);
  const { trabajo } = r.json() as { trabajo: string };
  for (;;) {
    const estado: Estado = (
      await t.pedir('GET', `/api/importaciones/trabajos/${trabajo}`, { sesion: admin })
    ).json();
    if (!['pendiente', 'en_curso'].includes(estado.estado)) return estado;
    // The server answers while its import's thread works (or dies).
    expect((await t.pedir('GET', '/api/salud')).statusCode).toBe(200);
    await esperar(100);
  }
}

const contar = (tabla: 'creditos' | 'movimientos' | 'personas') => contarFilas(t.base.db, tabla);

describe('la importación de la pantalla corre en su propio hilo, con su memoria topada', () => {
  it('un libro que no cabe termina su hilo, no el servidor: la pantalla lo dice en español y nada se escribe', async () => {
    const personas = await contar('personas');
    const creditos = await contar('creditos');
    const estado = await importarComoTrabajo(zipDeLaPlantilla(personasDe(300_000)));

    expect(estado).toMatchObject({
      estado: 'terminado',
      resultado: null,
      error: {
        codigo: 'demasiado_grande',
        mensaje: `«cartera.zip» no cupo en la memoria reservada para importar (${MEMORIA_MB} MB) y no se importó nada. Súbela en partes más pequeñas (por ejemplo, una oficina a la vez).`,
      },
    });
    // The server (this process) went on: only the import's thread ran out of heap.
    expect((await t.pedir('GET', '/api/salud')).statusCode).toBe(200);
    // It died checking the people, inside its transaction: PostgreSQL rolled it back.
    expect(estado.avance?.fase).toBe('validacion');
    expect(await contar('personas')).toBe(personas);
    expect(await contar('creditos')).toBe(creditos);
    // The dead thread's connection closed, so nothing holds a transaction open.
    let abiertas = -1;
    for (let i = 0; i < 50 && abiertas !== 0; i++) {
      if (i > 0) await esperar(100);
      const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND state LIKE 'idle in transaction%'`.execute(
        t.base.db,
      );
      abiertas = r.rows[0]?.n ?? -1;
    }
    expect(abiertas).toBe(0);
  });

  it('después, la misma cola importa la plantilla en su hilo, con su bitácora', async () => {
    const antes = await contar('creditos');
    const estado = await importarComoTrabajo(zipDeLaPlantilla());
    expect(estado).toMatchObject({ estado: 'terminado', error: null });
    expect(estado.resultado?.importado).toBe(true);
    expect(await contar('creditos')).toBe(antes + (estado.resultado?.conteos.creditos.nuevos ?? 0));
    expect(estado.resultado?.conteos.creditos.nuevos).toBeGreaterThan(0);
    // The thread's clock is the server's (set to 2026-03-10 16:00 UTC), not the machine's.
    const fila = await t.base.db
      .selectFrom('bitacora')
      .select(['instante', 'actor_usuario'])
      .where('accion', '=', 'cartera.importar')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(fila.actor_usuario).toBe('admin');
    const instante = new Date(fila.instante).getTime();
    expect(instante).toBeGreaterThanOrEqual(Date.parse('2026-03-10T16:00:00Z'));
    expect(instante).toBeLessThan(Date.parse('2026-03-10T16:10:00Z'));
  });
});
