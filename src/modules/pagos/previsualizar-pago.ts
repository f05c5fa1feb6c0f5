import type { Db } from '../../db/conexion.ts';
import { entradaDesdeFilas } from '../../db/mapeo-caso.ts';
import { type Centavos, formatearCentavos, restar } from '../../domain/dinero.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import {
  calcularEntrada,
  diaDe,
  estadoDeCuentaAJson,
  type Movimiento,
} from '../../domain/estado-de-cuenta/index.ts';
import type { Fecha } from '../../domain/fecha.ts';
import { puede } from '../autorizacion/politicas.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { cargarCredito } from '../cartera/cargar-credito.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { adeudoAl, mensajeDeExceso } from './controles-de-captura.ts';
import { type AplicacionDePago, aplicacionDelPago, type DatosPago, verificarPago } from './pago.ts';
import { type PagoParecido, pagosParecidos } from './pagos-parecidos.ts';
import { type OpcionesDePago, planearPago } from './planear-pago.ts';

const ID_PREVIO = 'vista-previa';

export interface VistaPreviaDePago extends AplicacionDePago {
  /** Same date and amount already in force on the credit: maybe the same payment twice. */
  pagosParecidos: PagoParecido[];
  /** Why part of it would be kept as a pago adelantado, in words; null when it goes as it came. */
  anticipoPuntual: string | null;
  /**
   * It pays more than settles the credit on its date: registering it will be refused unless
   * a coordinador or contabilidad authorizes the excess (`puedeAutorizar`: whether the caller
   * may). Only a warning here.
   */
  excedeAdeudo: {
    adeudo: string;
    exceso: string;
    mensaje: string;
    puedeAutorizar: boolean;
  } | null;
}

function avisoDeExceso(
  adeudo: Centavos,
  fecha: Fecha,
  monto: Centavos,
  ctx: ContextoAutenticado,
): VistaPreviaDePago['excedeAdeudo'] {
  if (monto <= adeudo) return null;
  return {
    adeudo: formatearCentavos(adeudo),
    exceso: formatearCentavos(restar(monto, adeudo)),
    mensaje: mensajeDeExceso(adeudo, fecha, monto),
    puedeAutorizar: puede(ctx.actor, 'pagos.autorizar_excedente'),
  };
}

/**
 * "Si paga $X hoy, se aplica así": the engine over the credit plus this payment, nothing
 * stored; and any payment already posted that looks like this one.
 */
const alNoPoderAplicar = (mensaje: string) =>
  new ErrorDominio('pago_invalido', `El pago no se puede aplicar: ${mensaje}`);

export async function previsualizarPago(
  trx: Db,
  creditoId: number,
  pago: DatosPago,
  ctx: ContextoAutenticado,
  opciones: OpcionesDePago = {},
): Promise<VistaPreviaDePago> {
  const credito = await cargarCredito(trx, creditoId);
  const fecha = pago.fecha ?? ctx.reloj.hoy();
  verificarPago(credito, fecha, ctx);
  const guardado = entradaDesdeFilas(credito, fecha);
  if (!guardado.ok) throw alNoPoderAplicar(guardado.error.mensaje);
  // Split as registrarPago would store it (planearPago), each part a movement of its own.
  const plan = planearPago(credito, fecha, pago.monto, pago.excedente, opciones);
  const ids = plan.partes.map((_, i) => (i === 0 ? ID_PREVIO : `${ID_PREVIO}-${i + 1}`));
  const { dia } = diaDe(fecha);
  const previos = plan.partes.map(
    (parte, i): Movimiento => ({
      tipo: 'pago',
      id: ids[i] as string,
      fecha,
      dia,
      monto: parte.monto,
      excedente: parte.excedente,
    }),
  );
  const r = calcularEntrada({
    ...guardado.valor,
    movimientos: [...guardado.valor.movimientos, ...previos],
  });
  if (!r.ok) throw alNoPoderAplicar(r.error.mensaje);
  const estado = estadoDeCuentaAJson(r.valor);
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'pago.vista_previa',
    objetoTipo: 'credito',
    objetoId: creditoId,
    detalle: { fecha, monto: formatearCentavos(pago.monto) },
  });
  return {
    aplicacion: aplicacionDelPago(estado, ids),
    estado,
    pagosParecidos: await pagosParecidos(trx, creditoId, fecha, pago.monto),
    anticipoPuntual: plan.explicacion,
    excedeAdeudo: avisoDeExceso(adeudoAl(credito, fecha), fecha, pago.monto, ctx),
  };
}
