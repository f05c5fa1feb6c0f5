import { sql } from 'kysely';
import type { Db } from '../../db/conexion.ts';
import { type CreditoNuevo, escribirCartera } from '../../db/escritura-cartera.ts';
import type { Fecha } from '../../domain/fecha.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type Contexto, origenDe } from '../contexto.ts';
import type { Actor } from '../seguridad/actor.ts';
import { cargarBaseExistente } from './base-existente.ts';
import { Informe, type Observacion, ordenarObservaciones } from './informe.ts';
import { leerFilas } from './leer-filas.ts';
import type { HojasLeidas } from './libro.ts';
import { type Conteos, type PlanDeImportacion, planearImportacion } from './planear-importacion.ts';
import { type CreditoParaMotor, validarConMotor } from './validar-con-motor.ts';

// Any constant works; it names the lock that serializes imports (bitácora's is 727001).
const CANDADO_IMPORTACION = 727_002;

export interface ResultadoImportacion {
  archivo: string;
  /** false: the workbook has errors and nothing was written. */
  importado: boolean;
  errores: Observacion[];
  advertencias: Observacion[];
  conteos: Conteos;
}

/** How the engine checks the credits; a caller may spread the work over threads. */
export type ValidadorMotor = (
  creditos: readonly CreditoParaMotor[],
  hoy: Fecha,
) => Promise<Observacion[]>;

export interface OpcionesImportacion {
  validarMotor?: ValidadorMotor;
}

async function escribirProductos(trx: Db, plan: PlanDeImportacion): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const p of plan.productosNuevos) {
    await trx.insertInto('productos').values({ clave: p.clave, nombre: p.nombre }).execute();
  }
  const productos = new Map(
    (await trx.selectFrom('productos').select(['id', 'clave']).execute()).map((p) => [
      p.clave,
      p.id,
    ]),
  );
  for (const v of plan.versionesNuevas) {
    const { id } = await trx
      .insertInto('versiones_producto')
      .values({
        producto_id: productos.get(v.clave) ?? 0,
        vigente_desde: v.vigenteDesde,
        tasa_ordinaria_anual: v.tasaOrdinaria,
        tasa_moratoria_anual: v.tasaMoratoria,
        base_dias: v.baseDias,
        prelacion: v.prelacion,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.set(`${v.clave}|${v.vigenteDesde}`, id);
  }
  return ids;
}

function creditoNuevo(
  { validado, movimientos }: PlanDeImportacion['creditos'][number],
  versiones: ReadonlyMap<string, number>,
): CreditoNuevo {
  const { fila, version } = validado;
  const participantes: Array<CreditoNuevo['participantes'][number]> = [
    { curp: fila.curpAcreditado, rol: 'acreditado' },
  ];
  if (fila.curpAval) participantes.push({ curp: fila.curpAval, rol: 'aval' });
  if (fila.curpBeneficiario)
    participantes.push({ curp: fila.curpBeneficiario, rol: 'beneficiario' });
  return {
    numero: fila.numero,
    versionProductoId: version.id ?? versiones.get(`${fila.producto}|${version.vigenteDesde}`) ?? 0,
    oficinaId: validado.oficinaId,
    estado: 'activo',
    fechaInicioInteres: fila.fechaInicioInteres,
    gestorId: null,
    despachoId: null,
    participantes,
    ministraciones: validado.ministraciones,
    amortizaciones: validado.amortizaciones,
    movimientos,
    periodosSinMoratorio: validado.periodos,
  };
}

/**
 * Imports the institute's portfolio workbook. Every row is validated first — each cell, the
 * references between sheets and to what is stored, and each credit by the statement engine —
 * and the report lists every fault found. Only a valid workbook is written, whole, in the
 * caller's transaction, with one bitácora row. Importing the same workbook again finds every
 * person, credit and movement already there and writes nothing but that row.
 */
export async function importarCartera(
  trx: Db,
  libro: HojasLeidas,
  ctx: Contexto & { actor: Actor | null },
  opciones: OpcionesImportacion = {},
): Promise<ResultadoImportacion> {
  const hoy = ctx.reloj.hoy();
  const informe = new Informe();
  const archivo = leerFilas(libro, informe);
  // One import at a time: two at once could both find a credit new and race to create it.
  await sql`SELECT pg_advisory_xact_lock(${CANDADO_IMPORTACION})`.execute(trx);
  const base = await cargarBaseExistente(trx, archivo);
  const plan = planearImportacion(archivo, base, hoy, ctx.actor?.id ?? null, informe);
  const validar = opciones.validarMotor ?? (async (c, h) => validarConMotor(c, h));
  for (const e of await validar(plan.paraMotor, hoy))
    informe.error(e.hoja, e.fila, e.columna, e.mensaje);
  const resultado: ResultadoImportacion = {
    archivo: libro.archivo,
    importado: false,
    errores: ordenarObservaciones(informe.errores),
    advertencias: ordenarObservaciones(informe.advertencias),
    conteos: plan.conteos,
  };
  if (informe.errores.length > 0) return resultado;

  const versiones = await escribirProductos(trx, plan);
  await escribirCartera(
    trx,
    {
      personas: plan.personas,
      creditos: plan.creditos.map((c) => creditoNuevo(c, versiones)),
      anexos: plan.anexos,
    },
    ctx.reloj.ahora(),
  );
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'cartera.importar',
    objetoTipo: 'importacion',
    detalle: { archivo: libro.archivo, ...plan.conteos, advertencias: informe.advertencias.length },
  });
  return { ...resultado, importado: true };
}
