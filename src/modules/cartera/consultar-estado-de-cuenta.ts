import type { Db } from '../../db/conexion.ts';
import {
  type EstadoDeCuentaJson,
  estadoDeCuentaAJson,
} from '../../domain/estado-de-cuenta/index.ts';
import type { Fecha } from '../../domain/fecha.ts';
import { exigirCreditoEnCartera } from '../autorizacion/politicas.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { textosDePuntualidad } from '../documentos/textos-puntualidad.ts';
import { calcularEstado } from './calcular-estado.ts';
import { type CreditoCargado, cargarCredito } from './cargar-credito.ts';
import {
  type EstadoDeCuentaConPuntualidad,
  puntualidadDelEstado,
} from './puntualidad-del-estado.ts';

/** The statement of an already loaded credit on `corte`, R9 included: no query. */
export function estadoConPuntualidad(
  credito: CreditoCargado,
  corte: Fecha,
): EstadoDeCuentaConPuntualidad {
  const calculado = calcularEstado(credito, corte);
  const json = estadoDeCuentaAJson(calculado);
  const tasas = puntualidadDelEstado(credito, calculado);
  const textos = textosDePuntualidad({ ...json, puntualidad: tasas }, tasaPropiaDe(credito));
  return {
    ...json,
    puntualidad: tasas === null || textos === null ? null : { ...tasas, textos },
  };
}

/** The credit's own punctual rate (R9) with the reason it was granted; null when it has none. */
export function tasaPropiaDe(credito: CreditoCargado): { tasa: string; motivo: string } | null {
  const tasa = credito.credito.tasa_puntual_anual;
  return tasa === null ? null : { tasa, motivo: credito.tasaPuntualMotivo ?? '' };
}

/** Who saw which credit's statement on which cut-off date. */
export function registrarConsultaDeEstado(
  trx: Db,
  creditoId: number,
  corte: Fecha,
  ctx: ContextoAutenticado,
): Promise<void> {
  return registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'estado_de_cuenta.consultar',
    objetoTipo: 'credito',
    objetoId: creditoId,
    detalle: { fecha: corte },
  });
}

/**
 * The statement of one credit on a date (today's business date when none is given), as the
 * API, the screen and the PDF show it: the CLI contract's fields plus `puntualidad` (R9).
 */
export async function consultarEstadoDeCuentaConPuntualidad(
  trx: Db,
  creditoId: number,
  fecha: Fecha | null,
  ctx: ContextoAutenticado,
): Promise<EstadoDeCuentaConPuntualidad> {
  const credito = await cargarCredito(trx, creditoId);
  exigirCreditoEnCartera(ctx.actor, credito.alcance);
  const corte = fecha ?? ctx.reloj.hoy();
  const estado = estadoConPuntualidad(credito, corte);
  await registrarConsultaDeEstado(trx, creditoId, corte, ctx);
  return estado;
}

/** The same statement with exactly the CLI contract's fields (calculo.md «Salida»). */
export async function consultarEstadoDeCuenta(
  trx: Db,
  creditoId: number,
  fecha: Fecha | null,
  ctx: ContextoAutenticado,
): Promise<EstadoDeCuentaJson> {
  const { puntualidad: _, ...contrato } = await consultarEstadoDeCuentaConPuntualidad(
    trx,
    creditoId,
    fecha,
    ctx,
  );
  return contrato;
}
