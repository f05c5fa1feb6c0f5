import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  calcularCaso,
  type EstadoDeCuentaJson,
  estadoDeCuentaAJson,
} from '../../src/domain/estado-de-cuenta/index.ts';
import type { Fecha } from '../../src/domain/fecha.ts';
import { consultarEstadoDeCuenta } from '../../src/modules/cartera/consultar-estado-de-cuenta.ts';
import { cargarDemo } from '../../src/modules/demo/cargar-demo.ts';
import { RelojManual } from '../../src/plataforma/reloj-sistema.ts';
import { arbCaso } from '../domain/generador.ts';
import { type BaseDePrueba, crearBaseDePrueba } from '../soporte/base-de-prueba.ts';
import { CARPETA_CASOS } from '../soporte/casos.ts';
import { type CasoEntrada, guardarCaso } from '../soporte/fabricas.ts';

interface Ejemplo {
  caso: CasoEntrada;
  esperado: EstadoDeCuentaJson & { error?: { codigo: string } };
}

/** The `*.json` examples of a folder of CARPETA_CASOS, and its `aleatorios.jsonl` when asked. */
function ejemplos(carpeta: string, conAleatorios: boolean): Array<Ejemplo & { nombre: string }> {
  const ruta = join(CARPETA_CASOS, carpeta);
  const archivos = readdirSync(ruta)
    .filter((n) => n.endsWith('.json'))
    .sort()
    .map((n) => ({
      nombre: join(carpeta, n),
      ...(JSON.parse(readFileSync(join(ruta, n), 'utf8')) as Ejemplo),
    }));
  const aleatorios = conAleatorios
    ? readFileSync(join(ruta, 'aleatorios.jsonl'), 'utf8')
        .split('\n')
        .filter((linea) => linea.trim() !== '')
        .map((linea, i) => ({
          nombre: `${join(carpeta, 'aleatorios.jsonl')}:${i + 1}`,
          ...(JSON.parse(linea) as Ejemplo),
        }))
    : [];
  return [...archivos, ...aleatorios];
}

// Every published example goes through PostgreSQL: the 60 random lines and R9's folder (tasa
// por puntualidad) with its 40.
const publicados = [...ejemplos('', true), ...ejemplos('puntualidad', true)];
const casosValidos = publicados.filter((c) => c.esperado.error === undefined);
const puntualidadInvalida = publicados.filter(
  (c) => c.nombre.startsWith('puntualidad') && c.esperado.error !== undefined,
);

let base: BaseDePrueba;
const reloj = new RelojManual('2026-11-27T18:00:00Z');
const admin = {
  id: 0,
  usuario: 'admin',
  nombre: 'Admin',
  rol: 'administrador' as const,
  oficinaId: null,
  despachoId: null,
};

beforeAll(async () => {
  base = await crearBaseDePrueba();
  await base.db.transaction().execute((trx) => cargarDemo(trx, { reloj, ip: null }));
  admin.id = (
    await base.db
      .selectFrom('usuarios')
      .select('id')
      .where('usuario', '=', 'admin')
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(() => base.cerrar());

describe('estado de cuenta desde las filas guardadas', () => {
  it('hay casos publicados que probar', () => {
    expect(casosValidos.length).toBeGreaterThanOrEqual(10);
    expect(casosValidos.filter((c) => c.nombre.startsWith('puntualidad/')).length).toBe(43);
    expect(puntualidadInvalida.map((c) => c.esperado.error?.codigo)).toEqual(['tasa_invalida']);
  });

  for (const { nombre, caso } of puntualidadInvalida) {
    it(`${nombre}: PostgreSQL no guarda una tasa puntual mayor que la ordinaria`, async () => {
      await expect(guardarCaso(base.db, caso)).rejects.toThrow(
        /versiones_producto_tasa_puntual_check/,
      );
    });
  }

  /**
   * The case stored in PostgreSQL and its statement read back through the app, in the case's
   * terms: its own movement ids where the ledger has its ids, and its credit id (guardarCaso
   * makes the stored number unique; the engine echoes the case's id).
   */
  async function estadoGuardado(caso: CasoEntrada) {
    const guardado = await guardarCaso(base.db, caso);
    const estado = await base.db.transaction().execute((trx) =>
      consultarEstadoDeCuenta(trx, guardado.id, caso.fecha_corte as Fecha, {
        reloj,
        ip: null,
        actor: admin,
      }),
    );
    const idDelCaso = new Map(
      [...guardado.movimientos].map(([delCaso, id]) => [String(id), delCaso]),
    );
    const aplicaciones = estado.aplicaciones.map((a) => ({
      ...a,
      id: idDelCaso.get(a.id) ?? a.id,
    }));
    return { ...estado, credito: caso.credito.id, aplicaciones };
  }

  for (const { nombre, caso, esperado } of casosValidos) {
    it(`${nombre}: guardado en PostgreSQL da el mismo estado de cuenta, campo por campo`, async () => {
      expect(await estadoGuardado(caso)).toEqual(esperado);
    });
  }

  it('casos aleatorios del generador de propiedades: guardados en PostgreSQL dan el estado del motor en memoria', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(arbCaso, async (generado) => {
        const caso = { ...generado, credito: { ...generado.credito, id: `PROP-${++n}` } };
        const enMemoria = calcularCaso(caso);
        if (!enMemoria.ok) return;
        expect(await estadoGuardado(caso)).toEqual(estadoDeCuentaAJson(enMemoria.valor));
      }),
      { numRuns: Number(process.env.PROPIEDADES_CORRIDAS_PG ?? 40) },
    );
    expect(n).toBeGreaterThan(0);
  });

  it('sin fecha usa la fecha de negocio del reloj inyectado, y la consulta queda en la bitácora', async () => {
    const primero = casosValidos[0];
    if (!primero) throw new Error('sin casos');
    const guardado = await guardarCaso(base.db, primero.caso);
    const estado = await base.db
      .transaction()
      .execute((trx) =>
        consultarEstadoDeCuenta(trx, guardado.id, null, { reloj, ip: '10.1.2.3', actor: admin }),
      );
    expect(estado.fecha_corte).toBe('2026-11-27');
    const fila = await base.db
      .selectFrom('bitacora')
      .select(['accion', 'objeto_id', 'ip', 'actor_usuario'])
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(fila).toEqual({
      accion: 'estado_de_cuenta.consultar',
      objeto_id: String(guardado.id),
      ip: '10.1.2.3',
      actor_usuario: 'admin',
    });
  });

  it('los movimientos no se modifican ni se borran', async () => {
    const primero = casosValidos[0];
    if (!primero) throw new Error('sin casos');
    const guardado = await guardarCaso(base.db, primero.caso);
    const id = [...guardado.movimientos.values()][0] ?? 0;
    await expect(
      base.db.updateTable('movimientos').set({ monto_centavos: 1 }).where('id', '=', id).execute(),
    ).rejects.toThrow(/registra una cancelación/);
    await expect(base.db.deleteFrom('movimientos').where('id', '=', id).execute()).rejects.toThrow(
      /registra una cancelación/,
    );
  });

  it('un monto int8 que no cabe exacto en un número falla su consulta, no pierde centavos', async () => {
    const exacto = await sql<{ n: number }>`select 9007199254740991::int8 as n`.execute(base.db);
    expect(exacto.rows[0]?.n).toBe(Number.MAX_SAFE_INTEGER);
    await expect(sql`select 9007199254740993::int8 as n`.execute(base.db)).rejects.toThrow(
      /fuera del rango exacto/,
    );
    // The pool's connection survives the refused row.
    const despues = await sql<{ n: number }>`select 1::int8 as n`.execute(base.db);
    expect(despues.rows[0]?.n).toBe(1);
  });
});
