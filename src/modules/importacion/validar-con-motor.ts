import { validarCaso } from '../../domain/estado-de-cuenta/index.ts';
import type { Fecha } from '../../domain/fecha.ts';
import type { CreditoGuardado } from './base-existente.ts';
import type { EnFila } from './cartera-archivo.ts';
import {
  casoDeCredito,
  type DatosDeCaso,
  idDeGuardado,
  idsDeMovimientos,
  type MovimientoDeCaso,
} from './caso-de-credito.ts';
import type { Observacion } from './informe.ts';
import type { MovimientosDeCredito } from './revisar-movimientos.ts';
import type { CreditoValidado } from './validar-creditos.ts';

/**
 * A credit the engine must accept before anything is written, with the rows each part of its
 * case came from, to put the engine's message where the person can fix it.
 */
export interface CreditoParaMotor {
  datos: DatosDeCaso;
  /** The row that answers for the credit as a whole. */
  fila: EnFila;
  ministraciones: readonly EnFila[];
  amortizaciones: readonly EnFila[];
  /** The rows of `datos.movimientos` (the stored ones, `datos.previos`, have none). */
  movimientos: readonly EnFila[];
  periodos: readonly EnFila[];
  producto: EnFila | null;
}

function movimientosGuardados(g: CreditoGuardado): MovimientoDeCaso[] {
  const claveDe = new Map(g.movimientos.map((m) => [m.id, m.clave]));
  return g.movimientos.map((m) => ({
    id: idDeGuardado(m.clave, m.id),
    tipo: m.tipo,
    fecha: m.fecha,
    monto: m.monto,
    excedente: m.excedente,
    concepto: m.concepto,
    cancela:
      m.cancelaId === null ? null : idDeGuardado(claveDe.get(m.cancelaId) ?? null, m.cancelaId),
  }));
}

/** A credit of the workbook, new or stored and identical, with its new movements (if any). */
export function paraMotor(
  validado: CreditoValidado | null,
  guardado: CreditoGuardado | null,
  nuevos: MovimientosDeCredito | undefined,
): CreditoParaMotor | null {
  const claves = new Map(guardado?.movimientos.map((m) => [m.id, m.clave]) ?? []);
  const movimientos = {
    previos: guardado ? movimientosGuardados(guardado) : [],
    movimientos: nuevos ?? [],
    idDeCancelado: (id: number) => idDeGuardado(claves.get(id) ?? null, id),
  };
  const filas = nuevos ?? [];
  if (validado) {
    return {
      datos: {
        numero: validado.fila.numero,
        tasas: validado.version,
        // A stored credit may have got its own rate after its import (an empty cell says nothing).
        tasaPuntualDelCredito: validado.fila.tasaPuntual ?? validado.guardado?.tasaPuntual ?? null,
        fechaInicioInteres: validado.fila.fechaInicioInteres,
        ministraciones: validado.ministraciones,
        amortizaciones: validado.amortizaciones,
        ...movimientos,
        periodosSinMoratorio: validado.periodos,
      },
      fila: validado.fila,
      ministraciones: validado.ministraciones,
      amortizaciones: validado.amortizaciones,
      movimientos: filas,
      periodos: validado.periodos,
      producto: validado.version.fila,
    };
  }
  const primera = filas[0];
  const calendario = guardado?.calendario;
  if (!guardado || !calendario || !primera) return null;
  return {
    datos: {
      numero: guardado.numero,
      tasas: guardado.version,
      tasaPuntualDelCredito: guardado.tasaPuntual,
      fechaInicioInteres: guardado.fechaInicioInteres,
      ministraciones: calendario.ministraciones,
      amortizaciones: calendario.amortizaciones,
      ...movimientos,
      periodosSinMoratorio: calendario.periodos,
    },
    fila: primera,
    ministraciones: [],
    amortizaciones: [],
    movimientos: filas,
    periodos: [],
    producto: null,
  };
}

// The engine names the offending field by its path in the case (lectura.ts, campo()).
const RUTA =
  /^(credito\.ministraciones|credito\.amortizaciones|movimientos|periodos_sin_moratorio)\[(\d+)\](?:\.(\w+))?: /;
const COLUMNAS: Record<string, string> = { id: 'clave', movimiento: 'cancela_clave' };

/** Where the engine's message belongs in the workbook, and the message without its path. */
export function ubicarErrorDelMotor(credito: CreditoParaMotor, mensaje: string): Observacion {
  const enFila = (
    f: EnFila | null | undefined,
    columna: string | null,
    texto: string,
  ): Observacion => {
    const donde = f ?? credito.fila;
    return { hoja: donde.hoja, fila: donde.fila, columna: f ? columna : null, mensaje: texto };
  };
  const explicar = (texto: string) => `el estado de cuenta no se puede calcular: ${texto}`;
  const ruta = RUTA.exec(mensaje);
  if (ruta) {
    const i = Number(ruta[2]);
    const campo = ruta[3] ?? null;
    const columna = campo === null ? null : (COLUMNAS[campo] ?? campo);
    const resto = explicar(mensaje.slice(ruta[0].length));
    switch (ruta[1]) {
      case 'credito.ministraciones':
        return enFila(credito.ministraciones[i], columna, resto);
      case 'credito.amortizaciones':
        return enFila(credito.amortizaciones[i], columna, resto);
      case 'movimientos':
        return enFila(credito.movimientos[i - credito.datos.previos.length], columna, resto);
      default:
        return enFila(credito.periodos[i], columna, resto);
    }
  }
  const movimiento = /^movimiento ([^\s:]+)/.exec(mensaje);
  if (movimiento) {
    const i = idsDeMovimientos(credito.datos).indexOf(movimiento[1] ?? '');
    return enFila(credito.movimientos[i - credito.datos.previos.length], null, explicar(mensaje));
  }
  if (mensaje.startsWith('producto.') && credito.producto) {
    return enFila(credito.producto, null, explicar(mensaje));
  }
  const inicio = 'credito.fecha_inicio_interes: ';
  if (mensaje.startsWith(inicio)) {
    return enFila(credito.fila, 'fecha_inicio_interes', explicar(mensaje.slice(inicio.length)));
  }
  return enFila(credito.fila, null, explicar(mensaje));
}

/** The engine's own validation of each credit (calculo.md), cut at today. */
export function validarConMotor(creditos: readonly CreditoParaMotor[], hoy: Fecha): Observacion[] {
  const errores: Observacion[] = [];
  for (const c of creditos) {
    const r = validarCaso(casoDeCredito(c.datos, hoy));
    if (!r.ok) errores.push(ubicarErrorDelMotor(c, r.error.mensaje));
  }
  return errores;
}

// Credits between two pauses of validarCediendo: a few tens of milliseconds of work.
const CREDITOS_POR_PAUSA = 200;

/**
 * validarConMotor on this thread, pausing every few credits so that the rest of its work goes
 * on meanwhile: the import's writes (the database is never left waiting for its next
 * statement) or, in the server, other requests.
 */
export async function validarCediendo(
  creditos: readonly CreditoParaMotor[],
  hoy: Fecha,
): Promise<Observacion[]> {
  const errores: Observacion[] = [];
  for (let i = 0; i < creditos.length; i += CREDITOS_POR_PAUSA) {
    errores.push(...validarConMotor(creditos.slice(i, i + CREDITOS_POR_PAUSA), hoy));
    await new Promise((listo) => setImmediate(listo));
  }
  return errores;
}
