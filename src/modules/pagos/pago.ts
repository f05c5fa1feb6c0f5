import type { Db } from '../../db/conexion.ts';
import type { CanalPago } from '../../db/esquema.ts';
import { idDeMovimiento } from '../../db/mapeo-caso.ts';
import {
  type Centavos,
  centavosDeSalida,
  formatearCentavos,
  sumarTodos,
} from '../../domain/dinero.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import type { AplicacionJson, EstadoDeCuentaJson } from '../../domain/estado-de-cuenta/index.ts';
import { type Fecha, numeroDeDia } from '../../domain/fecha.ts';
import { exigirCreditoEnCartera } from '../autorizacion/politicas.ts';
import type { CreditoCargado } from '../cartera/cargar-credito.ts';
import type { ContextoAutenticado } from '../contexto.ts';
import type { Procedencia } from './controles-de-captura.ts';

export type Excedente = 'reducir_plazo' | 'adelantar';

export interface DatosPago {
  fecha: Fecha | null;
  monto: Centavos;
  /** Money received; `reestructura` (a closing payment, no money) is only posted by signing. */
  canal: Exclude<CanalPago, 'importacion' | 'reestructura'>;
  referencia: string;
  excedente: Excedente;
  /** The source's own key (a bank line: `banco:<folio>`); the ledger refuses it twice per credit. */
  claveExterna?: string;
  /** Typed at the counter (the default, with its checks) or a bank deposit; see `Procedencia`. */
  procedencia?: Procedencia;
}

export interface AplicacionDePago {
  aplicacion: AplicacionJson;
  estado: EstadoDeCuentaJson;
}

/** The rules a payment must meet before the engine sees it; the engine then judges the rest. */
export function verificarPago(
  credito: CreditoCargado,
  fecha: Fecha,
  ctx: ContextoAutenticado,
): void {
  exigirCreditoEnCartera(ctx.actor, credito.alcance);
  if (credito.estado === 'reestructurado') {
    throw new ErrorDominio(
      'pago_invalido',
      'El crédito fue reestructurado: registra el pago en el crédito que lo sustituyó.',
    );
  }
  if (numeroDeDia(fecha) > numeroDeDia(ctx.reloj.hoy())) {
    throw new ErrorDominio(
      'pago_invalido',
      'La fecha del pago no puede ser posterior a hoy.',
      'fecha',
    );
  }
}

/** Where the engine put one movement's money. */
export function aplicacionDe(
  estado: EstadoDeCuentaJson,
  movimientoId: number | string,
): AplicacionJson {
  const id = typeof movimientoId === 'number' ? idDeMovimiento(movimientoId) : movimientoId;
  const aplicacion = estado.aplicaciones.find((a) => a.id === id);
  if (!aplicacion) throw new Error(`el motor no aplicó el movimiento ${id}`);
  return aplicacion;
}

/**
 * Where the engine put one payment's money when the ledger holds it in parts (migration 0016):
 * the parts' lines added up, under the first part's id; what stays held is what the last part
 * left. Like each line, the sum squares: its amount plus the held funds it took along.
 */
export function aplicacionDelPago(
  estado: EstadoDeCuentaJson,
  ids: ReadonlyArray<number | string>,
): AplicacionJson {
  const lineas = ids.map((id) => aplicacionDe(estado, id));
  const [primera] = lineas;
  const ultima = lineas.at(-1);
  if (primera === undefined || ultima === undefined) throw new Error('un pago sin movimientos');
  if (lineas.length === 1) return primera;
  const suma = (campo: 'monto' | 'moratorio' | 'interes' | 'capital' | 'a_favor') =>
    formatearCentavos(sumarTodos(lineas.map((l) => centavosDeSalida(l[campo]))));
  return {
    id: primera.id,
    fecha: primera.fecha,
    monto: suma('monto'),
    moratorio: suma('moratorio'),
    interes: suma('interes'),
    capital: suma('capital'),
    adelantado: ultima.adelantado,
    a_favor: suma('a_favor'),
  };
}

/** Locks the credit row: postings to one credit serialize; other credits are not held up. */
export async function bloquearCredito(trx: Db, creditoId: number): Promise<void> {
  const fila = await trx
    .selectFrom('creditos')
    .select('id')
    .where('id', '=', creditoId)
    .forUpdate()
    .executeTakeFirst();
  if (!fila) throw new ErrorDominio('no_encontrado', 'El crédito no existe.');
}
