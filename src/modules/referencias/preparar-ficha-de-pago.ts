import type { Db } from '../../db/conexion.ts';
import { type Centavos, formatearCentavos } from '../../domain/dinero.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import type { Fecha } from '../../domain/fecha.ts';
import { generarReferencia } from '../../domain/referencia.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { calcularEstado } from '../cartera/calcular-estado.ts';
import { cargarCredito } from '../cartera/cargar-credito.ts';
import { nombreDelAcreditado } from '../cartera/nombre-del-acreditado.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { type DatosDelInstituto, datosParaImprimir } from '../instituto/datos-del-instituto.ts';
import { creditoAlAlcance } from './consultar-referencia.ts';

/** Where the amount on the ficha came from: it is printed, so the debtor knows what it is. */
export type OrigenDelImporte = 'indicado' | 'saldo_exigible' | 'sin_saldo_exigible';

export interface FichaDePago {
  numero: string;
  acreditado: string;
  referencia: string;
  fecha: Fecha;
  importe: Centavos | null;
  origen: OrigenDelImporte;
  saldoExigible: Centavos;
  saldoParaLiquidar: Centavos;
  /** The accounts it tells the debtor to pay into: checked complete for the ficha. */
  instituto: DatosDelInstituto;
}

/**
 * What a ficha de pago says, as of today's business date: the amount asked for, or by
 * default today's saldo exigible from the engine. It names the acreditado (personal data),
 * so issuing it is logged.
 */
export async function prepararFichaDePago(
  trx: Db,
  creditoId: number,
  importe: Centavos | null,
  ctx: ContextoAutenticado,
): Promise<FichaDePago> {
  const c = await creditoAlAlcance(trx, creditoId, ctx);
  if (c.estado === 'reestructurado') await rechazarReestructurado(trx, c.id);
  const instituto = await datosParaImprimir(trx, 'ficha_de_pago');
  const hoy = ctx.reloj.hoy();
  const estado = calcularEstado(await cargarCredito(trx, creditoId), hoy);
  const acreditado = (await nombreDelAcreditado(trx, creditoId)) ?? '—';
  const origen: OrigenDelImporte =
    importe !== null
      ? 'indicado'
      : estado.saldoExigible > 0
        ? 'saldo_exigible'
        : 'sin_saldo_exigible';
  const aPagar = importe ?? (estado.saldoExigible > 0 ? estado.saldoExigible : null);
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'ficha_de_pago.emitir',
    objetoTipo: 'credito',
    objetoId: creditoId,
    detalle: { fecha: hoy, importe: aPagar === null ? null : formatearCentavos(aPagar), origen },
  });
  return {
    numero: c.numero,
    acreditado,
    referencia: generarReferencia(c.id),
    fecha: hoy,
    importe: aPagar,
    origen,
    saldoExigible: estado.saldoExigible,
    saldoParaLiquidar: estado.saldoParaLiquidar,
    instituto,
  };
}

/**
 * A reestructurado credit is closed: a deposit with its reference would be a payment it
 * refuses. The ficha to print is the new credit's, which carries the debt.
 */
async function rechazarReestructurado(trx: Db, creditoId: number): Promise<never> {
  const nuevo = await trx
    .selectFrom('creditos')
    .select('numero')
    .where('reestructura_de', '=', creditoId)
    .executeTakeFirst();
  const cual = nuevo === undefined ? 'el crédito que lo sustituyó' : `el crédito ${nuevo.numero}`;
  throw new ErrorDominio(
    'conflicto',
    `El crédito fue reestructurado: su adeudo sigue en ${cual}; emite la ficha de pago de ese crédito.`,
  );
}
