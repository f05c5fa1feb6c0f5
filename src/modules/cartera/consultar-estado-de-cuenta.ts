import type { Db } from '../../db/conexion.ts';
import {
  type EstadoDeCuentaJson,
  estadoDeCuentaAJson,
} from '../../domain/estado-de-cuenta/index.ts';
import type { Fecha } from '../../domain/fecha.ts';
import { exigirCreditoEnCartera } from '../autorizacion/politicas.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { calcularEstado } from './calcular-estado.ts';
import { cargarCredito } from './cargar-credito.ts';
import {
  type EstadoDeCuentaConPuntualidad,
  puntualidadDelEstado,
} from './puntualidad-del-estado.ts';

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
  const calculado = calcularEstado(credito, corte);
  const estado = {
    ...estadoDeCuentaAJson(calculado),
    puntualidad: puntualidadDelEstado(credito, calculado),
  };
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'estado_de_cuenta.consultar',
    objetoTipo: 'credito',
    objetoId: creditoId,
    detalle: { fecha: corte },
  });
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
