import { sql } from 'kysely';
import type { Db } from '../../db/conexion.ts';
import type { Fecha } from '../../domain/fecha.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type Contexto, origenDe } from '../contexto.ts';
import type { Actor } from '../seguridad/actor.ts';
import {
  type BaseExistente,
  cargarCatalogos,
  cargarCreditosDeHoja,
  cargarLibros,
} from './base-existente.ts';
import type { CarteraArchivo } from './cartera-archivo.ts';
import { EscrituraDeImportacion } from './escribir-importacion.ts';
import { FilasPorCredito } from './filas-por-credito.ts';
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
import { carteraDeLote, leerDelIndice, sumarConteos } from './lote-de-creditos.ts';
import { type ConteosDeContactos, planearContactos } from './planear-contactos.ts';
import {
  type Catalogos,
  type Conteos,
  conteosIniciales,
  creditosNuevos,
  planearCatalogos,
  planearCreditos,
  planearMovimientos,
} from './planear-importacion.ts';
import { type CreditoParaMotor, validarCediendo } from './validar-con-motor.ts';
import { creditosDesconocidos, numerosDeCredito } from './validar-creditos.ts';

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
  /** Credits checked and written together (CREDITOS_POR_LOTE; the tests make it small). */
  creditosPorLote?: number;
}

/**
 * A big book's credits are checked and written this many at a time: with ~100 rows a credit,
 * a batch is some tens of megabytes of rows, plans and engine cases, whatever the book's size.
 */
export const CREDITOS_POR_LOTE = 500;

/**
 * Imports the institute's portfolio workbook. Every row is validated — each cell, the
 * references between sheets and to what is stored, and each credit by the statement engine —
 * and the report lists every fault found. Only a valid workbook is written, whole, in the
 * caller's transaction, with one bitácora row. Importing the same workbook again finds every
 * person, credit and movement already there and writes nothing but that row.
 *
 * To be quick with hundreds of thousands of rows, writing does not wait for the last check:
 * people and products are read and written first; then the credits go a batch at a time
 * (CREDITOS_POR_LOTE): a first pass notes where each credit's rows are (FilasPorCredito), and
 * each batch's rows are read, checked, sent to the database and to the engine, and let go, so
 * the memory depends on the batch and not on the book (a 50,000-credit book took 3.3 GB read
 * whole). The database writes one batch while the next is checked. Once a fault is found
 * nothing more is written but every batch is still checked, so the report lists every fault of
 * the book. All of it happens under a savepoint that a fault undoes, so what the caller's
 * transaction ends up with is the same: the whole workbook, or nothing.
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
  const { catalogosBase, catalogos, conteosDeContactos } = await escribirCatalogos(
    trx,
    archivo,
    informe,
    escritura,
  );

  await leerHojas(grupos, ['creditos'], archivo, informe, contar());
  const numeros = numerosDeCredito(archivo, informe);
  // A big book is checked and written a batch of credits at a time (FilasPorCredito); a
  // reader that cannot re-read a row alone (XLSX, at most a million rows a sheet) is read whole.
  const indice = await FilasPorCredito.construir(grupos, numeros);
  const porLote = indice
    ? (opciones.creditosPorLote ?? CREDITOS_POR_LOTE)
    : Number.POSITIVE_INFINITY;
  if (indice) informe.causas.emparejarUnico('credito', indice.desconocidos);
  const todos = [...numeros.keys()];
  if (indice) for (const n of indice.llaves) if (!numeros.has(n)) todos.push(n);
  const conteos = conteosIniciales(catalogos);
  const avisar = contar();
  let leidas = 0;
  // Writes of the batch before the last: one batch is written while the next is checked.
  let anterior: Promise<void> = Promise.resolve();
  for (let desde = 0; desde < Math.max(todos.length, 1); desde += porLote) {
    const numerosDelLote = todos.slice(desde, desde + porLote);
    const lote = carteraDeLote(archivo, numerosDelLote, numeros);
    const alLeer = (n: number) => avisar(leidas + n);
    const deCredito = ['ministraciones', 'amortizaciones', 'periodos_sin_moratorio'] as const;
    if (indice)
      leidas += await leerDelIndice(indice, deCredito, numerosDelLote, lote, informe, alLeer);
    else {
      await leerHojas(grupos, deCredito, lote, informe, alLeer);
      informe.causas.emparejarUnico('credito', creditosDesconocidos(lote, numeros));
    }
    // What is stored of this batch's credits: let go with the batch.
    const base: BaseExistente = { ...catalogosBase, creditos: new Map(), pagares: new Map() };
    await cargarCreditosDeHoja(trx, lote, base);
    escritura.comprobar();
    const creditos = planearCreditos(lote, base, catalogos, informe, {
      filas: indice ? new Map(lote.creditos.map((c) => [c.numero, c])) : numeros,
      pagaresRepetidos: indice?.pagaresRepetidos,
    });
    if (limpio()) escritura.creditos(creditosNuevos(creditos, lote));
    if (indice)
      leidas += await leerDelIndice(indice, ['movimientos'], numerosDelLote, lote, informe, alLeer);
    else await leerHojas(grupos, ['movimientos'], lote, informe, alLeer);
    escritura.comprobar();
    await cargarLibros(trx, lote, base);
    const plan = planearMovimientos(
      lote,
      base,
      catalogos,
      creditos,
      hoy,
      ctx.actor?.id ?? null,
      informe,
    );
    sumarConteos(conteos, plan.conteos);
    if (limpio()) escritura.movimientos(plan);
    for (const e of await validar(plan.paraMotor, hoy))
      informe.error(e.hoja, e.fila, e.columna, e.mensaje);
    await anterior;
    anterior = escritura.hastaAhora();
  }
  fase('validacion');

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
    conteos: { ...conteos, contactos: conteosDeContactos },
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
      ...conteos,
      contactos: conteosDeContactos,
      advertencias: informe.conteoAdvertencias.total,
    },
  });
  fase('escritura');
  return resultado(true);
}

/**
 * Products and people: checked, and written if the book has no fault so far. The people (a
 * hundred thousand in a big book, in three forms) are let go once queued for writing: the
 * credits need only their CURPs (`catalogos.personas.conocidas`).
 */
async function escribirCatalogos(
  trx: Db,
  archivo: CarteraArchivo,
  informe: Informe,
  escritura: EscrituraDeImportacion,
): Promise<{
  catalogosBase: BaseExistente;
  catalogos: Catalogos;
  conteosDeContactos: ConteosDeContactos;
}> {
  const catalogosBase = await cargarCatalogos(trx, archivo);
  const catalogos = planearCatalogos(archivo, catalogosBase, informe);
  const contactos = planearContactos(
    catalogos.personas.personas,
    catalogosBase,
    new Set(archivo.personas.map((p) => p.curp)),
  );
  if (informe.conteoErrores.total === 0) escritura.catalogos(catalogos, contactos);
  archivo.personas = [];
  archivo.telefonos = [];
  catalogos.personas.personas = [];
  catalogosBase.contactos = new Map();
  return { catalogosBase, catalogos, conteosDeContactos: contactos.conteos };
}
