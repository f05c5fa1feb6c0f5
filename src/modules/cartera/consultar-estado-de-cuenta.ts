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

/** The statement of one credit on a date (today's business date when none is given). */
export async function consultarEstadoDeCuenta(
  trx: Db,
  creditoId: number,
  fecha: Fecha | null,
  ctx: ContextoAutenticado,
): Promise<EstadoDeCuentaJson> {
  const credito = await cargarCredito(trx, creditoId);
  exigirCreditoEnCartera(ctx.actor, credito.alcance);
  const corte = fecha ?? ctx.reloj.hoy();
  const estado = estadoDeCuentaAJson(calcularEstado(credito, corte));
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'estado_de_cuenta.consultar',
    objetoTipo: 'credito',
    objetoId: creditoId,
    detalle: { fecha: corte },
  });
  return estado;
}
