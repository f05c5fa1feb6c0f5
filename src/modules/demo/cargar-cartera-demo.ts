import { sql } from 'kysely';
import type { Db } from '../../db/conexion.ts';
import { escribirCartera } from '../../db/escritura-cartera.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type Contexto, origenDe } from '../contexto.ts';
import type { Actor } from '../seguridad/actor.ts';
import { Aleatorio } from './aleatorio.ts';
import { type ConveniosDemo, cargarConveniosDemo } from './cargar-convenios-demo.ts';
import { cargarCustodiaDemo } from './cargar-custodia-demo.ts';
import { cargarGestionDemo, type ResumenGestionDemo } from './cargar-gestion-demo.ts';
import { cargarTurnadosDemo } from './cargar-turnados-demo.ts';
import { DESPACHOS } from './catalogos.ts';
import { type DestinoDemo, generarCartera } from './generar-cartera.ts';
import type { TipoHistorial } from './generar-historial.ts';
import { PRODUCTOS_DEMO, VERSIONES_DEMO } from './productos-demo.ts';

export interface OpcionesCarteraDemo {
  acreditados: number;
  semilla: number;
}

/** The default demo portfolio: loads in seconds, big enough for every screen to mean something. */
export const CARTERA_DEMO: OpcionesCarteraDemo = { acreditados: 3_000, semilla: 1996 };

export const MAXIMO_ACREDITADOS_DEMO = 300_000;

export interface ResultadoCarteraDemo {
  /** false: a portfolio already existed and nothing was written. */
  creada: boolean;
  personas: number;
  creditos: number;
  amortizaciones: number;
  movimientos: number;
  porTipo: Partial<Record<TipoHistorial, number>>;
  /** Assignment history, gestiones, promises and recados written for it. */
  gestion: ResumenGestionDemo;
  convenios: ConveniosDemo;
}

// Any constant works; it names the lock that keeps two demo loads from running at once.
const CANDADO_DEMO = 727_003;

/** Products, law firms and the stored ids the generated credits point to. */
async function prepararDestino(trx: Db, ctx: Contexto): Promise<DestinoDemo> {
  for (const p of PRODUCTOS_DEMO) {
    await trx
      .insertInto('productos')
      .values(p)
      .onConflict((oc) => oc.column('clave').doNothing())
      .execute();
  }
  const productos = new Map(
    (await trx.selectFrom('productos').select(['id', 'clave']).execute()).map((p) => [
      p.clave,
      p.id,
    ]),
  );
  for (const v of VERSIONES_DEMO) {
    await trx
      .insertInto('versiones_producto')
      .values({
        producto_id: productos.get(v.producto) ?? 0,
        vigente_desde: v.vigenteDesde,
        tasa_ordinaria_anual: v.tasaOrdinaria,
        tasa_moratoria_anual: v.tasaMoratoria,
        tasa_puntual_anual: v.tasaPuntual,
        base_dias: v.baseDias,
        prelacion: v.prelacion,
      })
      .onConflict((oc) => oc.columns(['producto_id', 'vigente_desde']).doNothing())
      .execute();
  }
  const versiones = await trx
    .selectFrom('versiones_producto as v')
    .innerJoin('productos as p', 'p.id', 'v.producto_id')
    .select(['v.id', 'p.clave', 'v.vigente_desde'])
    .execute();
  for (const nombre of DESPACHOS) {
    await trx
      .insertInto('despachos')
      .values({ nombre })
      .onConflict((oc) => oc.column('nombre').doNothing())
      .execute();
  }
  const despacho = await trx
    .selectFrom('despachos')
    .select('id')
    .where('nombre', '=', DESPACHOS[0])
    .executeTakeFirstOrThrow();
  // The demo lawyer works at the first firm: the accounts turned over to it are what she sees.
  await trx
    .updateTable('usuarios')
    .set({ despacho_id: despacho.id })
    .where('usuario', '=', 'abogado')
    .where('despacho_id', 'is', null)
    .execute();
  const gestores = new Map<string, number[]>();
  const filas = await trx
    .selectFrom('usuarios as u')
    .innerJoin('oficinas as o', 'o.id', 'u.oficina_id')
    .select(['u.id', 'o.clave'])
    .where('u.rol', '=', 'gestor')
    .where('u.activo', '=', true)
    .orderBy('u.id')
    .execute();
  for (const f of filas) gestores.set(f.clave, [...(gestores.get(f.clave) ?? []), f.id]);
  return {
    hoy: ctx.reloj.hoy(),
    versiones: new Map(versiones.map((v) => [`${v.clave}|${v.vigente_desde}`, v.id])),
    oficinas: new Map(
      (await trx.selectFrom('oficinas').select(['id', 'clave']).execute()).map((o) => [
        o.clave,
        o.id,
      ]),
    ),
    gestores,
    despachoId: despacho.id,
  };
}

/**
 * The synthetic Sonoran portfolio of demo mode (generar-cartera.ts), written through the bulk
 * writer in the caller's transaction, with one bitácora row. Skipped when any credit exists:
 * running it twice does not duplicate anything.
 */
export async function cargarCarteraDemo(
  trx: Db,
  opciones: OpcionesCarteraDemo,
  ctx: Contexto & { actor?: Actor | null },
): Promise<ResultadoCarteraDemo> {
  const r: ResultadoCarteraDemo = {
    creada: false,
    personas: 0,
    creditos: 0,
    amortizaciones: 0,
    movimientos: 0,
    porTipo: {},
    gestion: { asignaciones: 0, gestiones: 0, promesas: 0, recados: 0 },
    convenios: { firmados: 0, autorizados: 0, propuestos: 0 },
  };
  await sql`SELECT pg_advisory_xact_lock(${CANDADO_DEMO})`.execute(trx);
  if (await trx.selectFrom('creditos').select('id').limit(1).executeTakeFirst()) return r;
  const destino = await prepararDestino(trx, ctx);
  const instante = ctx.reloj.ahora();
  for (const lote of generarCartera(opciones.acreditados, opciones.semilla, destino)) {
    const escrito = await escribirCartera(trx, lote, instante);
    r.personas += escrito.personasCreadas;
    r.creditos += escrito.creditos;
    r.amortizaciones += escrito.amortizaciones;
    r.movimientos += escrito.movimientos;
    for (const t of lote.tipos) r.porTipo[t] = (r.porTipo[t] ?? 0) + 1;
  }
  await cargarTurnadosDemo(trx, ctx, new Aleatorio((opciones.semilla ^ 0x7042d0) >>> 0));
  // Its own stream, so that the portfolio stays what the seed gave before this existed.
  r.gestion = await cargarGestionDemo(
    trx,
    destino.hoy,
    instante,
    new Aleatorio((opciones.semilla ^ 0x9e5710) >>> 0),
  );
  // Shelves, boxes and a few loans (one overdue) for the custody screens.
  await cargarCustodiaDemo(trx, ctx);
  // Signed, authorized and proposed convenios, through the counter's own use cases.
  r.convenios = await cargarConveniosDemo(trx, ctx);
  r.creada = true;
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'demo.cargar_cartera',
    objetoTipo: 'cartera',
    detalle: {
      ...opciones,
      personas: r.personas,
      creditos: r.creditos,
      movimientos: r.movimientos,
      ...r.gestion,
      hoy: destino.hoy,
    },
  });
  return r;
}
