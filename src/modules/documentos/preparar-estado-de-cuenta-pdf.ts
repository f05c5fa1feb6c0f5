import type { Db } from '../../db/conexion.ts';
import type { Fecha } from '../../domain/fecha.ts';
import { exigirCreditoEnCartera } from '../autorizacion/politicas.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type CreditoCargado, cargarCredito } from '../cartera/cargar-credito.ts';
import {
  estadoConPuntualidad,
  registrarConsultaDeEstado,
} from '../cartera/consultar-estado-de-cuenta.ts';
import { nombreDelAcreditado } from '../cartera/nombre-del-acreditado.ts';
import type { EstadoDeCuentaConPuntualidad } from '../cartera/puntualidad-del-estado.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { type DatosDelInstituto, datosParaImprimir } from '../instituto/datos-del-instituto.ts';
import type { CabeceraEstadoDeCuenta } from './estado-de-cuenta-pdf.ts';

export interface EstadoDeCuentaParaPdf {
  credito: CabeceraEstadoDeCuenta;
  estado: EstadoDeCuentaConPuntualidad;
  instituto: DatosDelInstituto;
}

function cabeceraDe(credito: CreditoCargado, acreditado: string | null): CabeceraEstadoDeCuenta {
  return {
    numero: credito.credito.numero,
    oficina: credito.oficina,
    producto: { nombre: credito.producto.nombre },
    acreditado,
  };
}

/**
 * The statement PDF's content from one load of the credit and its history: the header comes
 * from the same rows the engine reads. It names the acreditado (personal data) and shows the
 * statement, so it is logged as both a consultation of the credit and of its statement.
 */
export async function prepararEstadoDeCuentaPdf(
  trx: Db,
  creditoId: number,
  fecha: Fecha | null,
  ctx: ContextoAutenticado,
): Promise<EstadoDeCuentaParaPdf> {
  const credito = await cargarCredito(trx, creditoId);
  exigirCreditoEnCartera(ctx.actor, credito.alcance);
  const instituto = await datosParaImprimir(trx, 'estado_de_cuenta');
  const cabecera = cabeceraDe(credito, await nombreDelAcreditado(trx, creditoId));
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'credito.consultar',
    objetoTipo: 'credito',
    objetoId: creditoId,
  });
  const corte = fecha ?? ctx.reloj.hoy();
  const estado = estadoConPuntualidad(credito, corte);
  await registrarConsultaDeEstado(trx, creditoId, corte, ctx);
  return { credito: { ...cabecera, proyeccion: corte > ctx.reloj.hoy() }, estado, instituto };
}
