import type { Db } from '../../db/conexion.ts';
import {
  type Oferta,
  type OfertaJson,
  ofertaAJson,
  simularOfertas,
} from '../../domain/alternativas/index.ts';
import {
  autorizacionDelConvenio,
  convenioDeLaOferta,
  type LimiteAutorizacion,
  rolQueConviene,
} from '../../domain/convenios/autorizacion.ts';
import { formatearCentavos as pesos } from '../../domain/dinero.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { type Fecha, formatearFecha, sumarDias } from '../../domain/fecha.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { cargarLimites } from '../convenios/limites.ts';
import { propuestasVigentes } from './catalogo-vigente.ts';
import { creditosASimular, type QuienSimula } from './creditos-a-simular.ts';

/** How far ahead a simulation may look, and how late a plan may start after it. */
const DIAS_HACIA_ADELANTE = 366;
const DIAS_PARA_EL_PRIMER_PAGO = 31;

export interface PedidoDeSimulacion {
  quien: QuienSimula;
  fecha: Fecha | null;
  primerPago: Fecha | null;
  plazo: number | null;
}

export interface Simulacion {
  fecha: Fecha;
  primerPago: Fecha;
  plazo: number | null;
  creditos: Array<{
    id: number;
    numero: string;
    producto: string;
    oficina: string;
    estado: string;
    situacion: string;
    diasAtraso: number;
    saldoExigible: string;
    saldoParaLiquidar: string;
    pagosAdelantados: string;
  }>;
  ofertas: Array<OfertaJson & { autorizacion: AutorizacionDeLaOferta }>;
}

/** Whether proposing this offer now, as the user who simulates, waits for someone above. */
export interface AutorizacionDeLaOferta {
  requerida: boolean;
  rol: 'coordinador' | 'administrador' | null;
  motivos: string[];
}

/**
 * The same decision proposing the convenio would take today (the matrix in force, the user's
 * role), so the counter sees before capturing whether it will wait for a coordinador.
 */
function autorizacionDeLaOferta(
  o: Oferta,
  limites: readonly LimiteAutorizacion[],
  ctx: ContextoAutenticado,
): AutorizacionDeLaOferta {
  const decision = autorizacionDelConvenio(
    limites,
    rolQueConviene(ctx.actor.rol),
    convenioDeLaOferta(o),
    ctx.reloj.hoy(),
  );
  return { requerida: decision.rol !== null, rol: decision.rol, motivos: [...decision.motivos] };
}

function invalido(campo: string, mensaje: string): ErrorDominio {
  return new ErrorDominio('entrada_invalida', `Campo «${campo}»: ${mensaje}.`, campo);
}

function fechasDelPedido(pedido: PedidoDeSimulacion, hoy: Fecha) {
  const fecha = pedido.fecha ?? hoy;
  // The stored history is real up to today; a past date would mix it with hypothetical payments.
  if (fecha < hoy) throw invalido('fecha', `no puede ser anterior a hoy (${formatearFecha(hoy)})`);
  if (fecha > sumarDias(hoy, DIAS_HACIA_ADELANTE)) {
    throw invalido('fecha', `no puede ser posterior a un año a partir de hoy`);
  }
  const primerPago = pedido.primerPago ?? fecha;
  if (primerPago < fecha) {
    throw invalido('primerPago', 'no puede ser anterior a la fecha de la simulación');
  }
  if (primerPago > sumarDias(fecha, DIAS_PARA_EL_PRIMER_PAGO)) {
    throw invalido(
      'primerPago',
      `debe caer dentro de los ${DIAS_PARA_EL_PRIMER_PAGO} días siguientes a la fecha de la simulación`,
    );
  }
  return { fecha, primerPago };
}

/**
 * "¿Qué le puedo ofrecer?": every alternative and campaign in force, for one credit or all of
 * a debtor's, side by side, computed by the statement engine; nothing is stored. Seeing a
 * debtor's figures is a read of personal data, so it goes to the bitácora.
 */
export async function simularAlternativas(
  trx: Db,
  pedido: PedidoDeSimulacion,
  ctx: ContextoAutenticado,
): Promise<Simulacion> {
  const { fecha, primerPago } = fechasDelPedido(pedido, ctx.reloj.hoy());
  const creditos = await creditosASimular(trx, pedido.quien, fecha, ctx);
  const propuestas = await propuestasVigentes(trx, fecha);
  const ofertas = simularOfertas(propuestas, creditos, {
    fecha,
    primerPago: pedido.primerPago,
    plazo: pedido.plazo,
  });
  const limites = await cargarLimites(trx);
  const porPersona = 'personaId' in pedido.quien;
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'simulacion.consultar',
    objetoTipo: porPersona ? 'persona' : 'credito',
    objetoId: 'personaId' in pedido.quien ? pedido.quien.personaId : pedido.quien.creditoId,
    detalle: {
      fecha,
      primerPago,
      plazo: pedido.plazo,
      creditos: creditos.map((c) => c.id),
      ofertas: ofertas.map((o) => ({
        origen: o.propuesta.origen,
        versionId: o.propuesta.versionId,
        califica: o.califica,
      })),
    },
  });
  return {
    fecha,
    primerPago,
    plazo: pedido.plazo,
    creditos: creditos.map((c) => ({
      id: c.id,
      numero: c.numero,
      producto: c.cargado.producto.nombre,
      oficina: c.datos.oficina.nombre,
      estado: c.estado,
      situacion: c.alCorte.situacion,
      diasAtraso: c.alCorte.diasAtraso,
      saldoExigible: pesos(c.alCorte.saldoExigible),
      saldoParaLiquidar: pesos(c.alCorte.saldoParaLiquidar),
      pagosAdelantados: pesos(c.alCorte.pagosAdelantados),
    })),
    ofertas: ofertas.map((o) => ({
      ...ofertaAJson(o),
      autorizacion: autorizacionDeLaOferta(o, limites, ctx),
    })),
  };
}
