import { sql } from 'kysely';
import type { Db } from '../../db/conexion.ts';
import type { Fecha } from '../../domain/fecha.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type Contexto, origenDe } from '../contexto.ts';
import type { Actor } from '../seguridad/actor.ts';
import { cargarCatalogos, cargarCreditosDeHoja, cargarLibros } from './base-existente.ts';
import { EscrituraDeImportacion } from './escribir-importacion.ts';
import { agruparHojas } from './hojas-del-libro.ts';
import {
  Informe,
  ListaAcotada,
  type Observacion,
  ordenarObservaciones,
  type Recuento,
} from './informe.ts';
import { carteraVacia, leerHojas } from './leer-filas.ts';
import type { HojasLeidas } from './libro.ts';
import { type ConteosDeContactos, planearContactos } from './planear-contactos.ts';
import {
  type Conteos,
  creditosNuevos,
  planearCatalogos,
  planearCreditos,
  planearMovimientos,
} from './planear-importacion.ts';
import { type CreditoParaMotor, validarCediendo } from './validar-con-motor.ts';

// Any constant works; it names the lock that serializes imports (bitácora's is 727001).
const CANDADO_IMPORTACION = 727_002;

export interface ResultadoImportacion {
  archivo: string;
  /** false: the workbook has errors and nothing was written. */
  importado: boolean;
  /** The first ones of each sheet (OBSERVACIONES_POR_HOJA); `resumen` counts them all. */
  errores: Observacion[];
  advertencias: Observacion[];
  /**
   * One line per error that hid others («24 filas de IBC-2019-0114 no se revisaron: error en
   * creditos fila 16»), at the row of that error; the rows it names are not in `errores`.
   */
  sinRevisar: Observacion[];
  resumen: {
    errores: Recuento;
    advertencias: Recuento;
    /** Rows left unchecked, whole or in part, because of an error elsewhere; its lines. */
    sinRevisar: { filas: number; causas: number };
  };
  conteos: ConteosImportacion;
}

/**
 * What the import writes or would write. `contactos`: the phones, e-mails and addresses added
 * (of new people, and new ones of registered people), those that took the place of a current
 * one (the old one retired, in its history) and those already on file.
 */
export interface ConteosImportacion extends Conteos {
  contactos: ConteosDeContactos;
}

/** How far an import has got, for a screen that waits on it. */
export interface AvanceImportacion {
  fase: 'lectura' | FaseImportacion;
  /** Rows of the file read (an XLSX is read before it is validated). */
  filasLeidas: number;
  /** Rows whose cells were checked. */
  filasValidadas: number;
  /** Rows written to the database: known when the import ends. */
  filasEscritas: number;
}

/** How the engine checks the credits; a caller may spread the work over threads. */
export type ValidadorMotor = (
  creditos: readonly CreditoParaMotor[],
  hoy: Fecha,
) => Promise<Observacion[]>;

export type FaseImportacion = 'validacion' | 'motor' | 'escritura';

export interface OpcionesImportacion {
  validarMotor?: ValidadorMotor;
  /** Called as each phase ends (the benchmark times them). */
  alTerminar?: (fase: FaseImportacion) => void;
  /** Told the rows validated so far, every few thousand. */
  alValidar?: (filas: number) => void;
}

/**
 * Imports the institute's portfolio workbook. Every row is validated — each cell, the
 * references between sheets and to what is stored, and each credit by the statement engine —
 * and the report lists every fault found. Only a valid workbook is written, whole, in the
 * caller's transaction, with one bitácora row. Importing the same workbook again finds every
 * person, credit and movement already there and writes nothing but that row.
 *
 * To be quick with hundreds of thousands of rows, writing does not wait for the last check:
 * the sheets are read in three steps (people, credits, movements), each part is sent to the
 * database as soon as it is valid while the next is read, and the engine checks while the
 * database writes. All of it happens under a savepoint that a fault found later undoes, so what
 * the caller's transaction ends up with is the same: the whole workbook, or nothing.
 */
export async function importarCartera(
  trx: Db,
  libro: HojasLeidas,
  ctx: Contexto & { actor: Actor | null },
  opciones: OpcionesImportacion = {},
): Promise<ResultadoImportacion> {
  const hoy = ctx.reloj.hoy();
  const fase = opciones.alTerminar ?? (() => {});
  const validar = opciones.validarMotor ?? validarCediendo;
  const informe = new Informe();
  const limpio = () => informe.conteoErrores.total === 0;
  // Rows checked by the earlier steps plus those of the step under way.
  let validadas = 0;
  const contar = () => {
    const antes = validadas;
    return (n: number) => {
      validadas = antes + n;
      opciones.alValidar?.(validadas);
    };
  };
  const grupos = agruparHojas(libro, informe);
  const archivo = carteraVacia();
  // One import at a time: two at once could both find a credit new and race to create it.
  await sql`SELECT pg_advisory_xact_lock(${CANDADO_IMPORTACION})`.execute(trx);
  await sql`SAVEPOINT importacion`.execute(trx);
  const escritura = new EscrituraDeImportacion(trx, ctx.reloj.ahora(), ctx.actor?.id ?? null);

  await leerHojas(grupos, ['productos', 'personas', 'telefonos'], archivo, informe, contar());
  const base = await cargarCatalogos(trx, archivo);
  const catalogos = planearCatalogos(archivo, base, informe);
  const contactos = planearContactos(
    catalogos.personas.personas,
    base,
    new Set(archivo.personas.map((p) => p.curp)),
  );
  if (limpio()) escritura.catalogos(catalogos, contactos);

  await leerHojas(
    grupos,
    ['creditos', 'ministraciones', 'amortizaciones', 'periodos_sin_moratorio'],
    archivo,
    informe,
    contar(),
  );
  escritura.comprobar();
  await cargarCreditosDeHoja(trx, archivo, base);
  const creditos = planearCreditos(archivo, base, catalogos, informe);
  if (limpio()) escritura.creditos(creditosNuevos(creditos, archivo));

  await leerHojas(grupos, ['movimientos'], archivo, informe, contar());
  escritura.comprobar();
  await cargarLibros(trx, archivo, base);
  const plan = planearMovimientos(
    archivo,
    base,
    catalogos,
    creditos,
    hoy,
    ctx.actor?.id ?? null,
    informe,
  );
  if (limpio()) escritura.movimientos(plan);
  fase('validacion');

  for (const e of await validar(plan.paraMotor, hoy))
    informe.error(e.hoja, e.fila, e.columna, e.mensaje);
  fase('motor');
  const sinRevisar = new ListaAcotada();
  for (const o of informe.causas.lineas()) sinRevisar.agregar(o);
  const resultado = (importado: boolean): ResultadoImportacion => ({
    archivo: libro.archivo,
    importado,
    errores: ordenarObservaciones(informe.errores),
    advertencias: ordenarObservaciones(informe.advertencias),
    sinRevisar: ordenarObservaciones(sinRevisar.listadas()),
    resumen: {
      errores: informe.conteoErrores.recuento(),
      advertencias: informe.conteoAdvertencias.recuento(),
      sinRevisar: { filas: informe.causas.filas, causas: sinRevisar.total },
    },
    conteos: { ...plan.conteos, contactos: contactos.conteos },
  });
  if (!limpio()) {
    await escritura.abandonar();
    await sql`ROLLBACK TO SAVEPOINT importacion`.execute(trx);
    return resultado(false);
  }
  await escritura.terminar(`Importación de ${libro.archivo}`, ctx);
  await sql`RELEASE SAVEPOINT importacion`.execute(trx);
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'cartera.importar',
    objetoTipo: 'importacion',
    detalle: {
      archivo: libro.archivo,
      ...plan.conteos,
      contactos: contactos.conteos,
      advertencias: informe.conteoAdvertencias.total,
    },
  });
  fase('escritura');
  return resultado(true);
}
