import type { Db } from '../../db/conexion.ts';
import { conMovimientos, type MovimientoGuardado } from '../../db/mapeo-caso.ts';
import { formatearCentavos } from '../../domain/dinero.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { estadoDeCuentaAJson } from '../../domain/estado-de-cuenta/index.ts';
import type { Fecha } from '../../domain/fecha.ts';
import { type Evento, registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { calcularEstado } from '../cartera/calcular-estado.ts';
import { cargarCredito } from '../cartera/cargar-credito.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import {
  type PromesasRevisadas,
  resolverPromesasDePago,
} from '../gestion/revisar-promesas-de-pago.ts';
import {
  adeudoAl,
  admitirExceso,
  CAPTURA,
  type ExcedeAdeudo,
  exigirQueNoSeaDuplicado,
} from './controles-de-captura.ts';
import {
  type AplicacionDePago,
  aplicacionDelPago,
  bloquearCredito,
  type DatosPago,
  type Excedente,
  verificarPago,
} from './pago.ts';
import { type OpcionesDePago, planearPago } from './planear-pago.ts';
import type { Parte } from './reparto-puntual.ts';

/** One ledger row of a payment stored in parts (see `repartirPago`). */
export interface ParteRegistrada {
  id: number;
  monto: string;
  excedente: Excedente;
}

export interface PagoRegistrado extends AplicacionDePago {
  /** The payment as the person made it: its folio (first row), total and chosen excedente. */
  movimiento: {
    id: number;
    fecha: string;
    monto: string;
    canal: DatosPago['canal'];
    referencia: string;
    excedente: Excedente;
  };
  /** Its ledger rows, in posting order: one, or two when part is kept for a due date. */
  partes: ParteRegistrada[];
  /** Why part of it was kept as a pago adelantado, in words; null when it went as it came. */
  anticipoPuntual: string | null;
  /** It paid more than settled the credit on its date: authorized, or a flagged deposit. */
  excedeAdeudo: ExcedeAdeudo | null;
}

type ParteInsertada = Parte & { id: number };

/** The ledger rows of a payment, written in order; the first is the payment, the rest name it. */
async function insertarPartes(
  trx: Db,
  creditoId: number,
  fecha: Fecha,
  partesDelPlan: ReadonlyArray<Parte>,
  pago: DatosPago,
  ctx: ContextoAutenticado,
): Promise<ParteInsertada[]> {
  const insertadas: ParteInsertada[] = [];
  for (const parte of partesDelPlan) {
    const primera = insertadas[0];
    const { id } = await trx
      .insertInto('movimientos')
      .values({
        credito_id: creditoId,
        tipo: 'pago',
        fecha,
        monto_centavos: parte.monto,
        excedente: parte.excedente,
        canal: pago.canal,
        referencia: pago.referencia,
        // The source's key goes on the payment's first row: it alone stops a second posting.
        clave_externa: primera === undefined ? (pago.claveExterna ?? null) : null,
        parte_de: primera?.id ?? null,
        registrado_por: ctx.actor.id,
        registrado: ctx.reloj.ahora(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    insertadas.push({ ...parte, id });
  }
  return insertadas;
}

/** A part as `cargarCredito` would read its row back, so the engine sees no difference. */
function filaDeParte(parte: ParteInsertada, fecha: Fecha): MovimientoGuardado {
  return {
    id: parte.id,
    tipo: 'pago',
    fecha,
    monto_centavos: parte.monto,
    excedente: parte.excedente,
    concepto: null,
    cancela_id: null,
  };
}

/** The bitácora row of a posted payment; its parts are listed only when it was split. */
function eventoDelPago(
  creditoId: number,
  pago: DatosPago & { fecha: Fecha },
  partes: readonly [ParteRegistrada, ...ParteRegistrada[]],
  explicacion: string | null,
  promesas: PromesasRevisadas,
  excedeAdeudo: ExcedeAdeudo | null,
): Evento {
  return {
    accion: 'pago.registrar',
    objetoTipo: 'credito',
    objetoId: creditoId,
    detalle: {
      movimiento: partes[0].id,
      fecha: pago.fecha,
      monto: formatearCentavos(pago.monto),
      canal: pago.canal,
      referencia: pago.referencia,
      ...(explicacion === null
        ? {}
        : {
            partes: partes.map((p) => ({
              movimiento: p.id,
              monto: p.monto,
              excedente: p.excedente,
            })),
            anticipoPuntual: explicacion,
          }),
      ...(promesas.cumplidas.length + promesas.incumplidas.length === 0
        ? {}
        : { promesasDePago: promesas }),
      ...(excedeAdeudo === null ? {} : { excedeAdeudo }),
    },
  };
}

/**
 * Posts a payment made at the bank, the cashier or by payroll (nobody receives cash in
 * Recupera). The credit row is locked first, so concurrent postings to it serialize; the
 * engine recomputes the whole history with the new movement and must accept it, or nothing
 * is stored. A capture (`pago.procedencia`, the default) must also not repeat today's equal
 * payment nor exceed what settles the credit, unless confirmed or authorized
 * (controles-de-captura.ts); a bank deposit is only flagged when it exceeds.
 */
export async function registrarPago(
  trx: Db,
  creditoId: number,
  pago: DatosPago,
  ctx: ContextoAutenticado,
  opciones: OpcionesDePago = {},
): Promise<PagoRegistrado> {
  const { registrado, evento } = await asentarPago(trx, creditoId, pago, ctx, opciones);
  await registrarEnBitacora(trx, origenDe(ctx), evento);
  return registrado;
}

/**
 * `registrarPago` without writing its bitácora row, which it returns instead: a caller that
 * posts many payments in one transaction (a bank statement) writes all the rows at the end,
 * so it holds the bitácora's lock for a moment and not for the whole file.
 *
 * Shortly before a due date of a credit with a punctual rate, the payment may be stored as two
 * rows (`planearPago`): the first is the payment (folio, `clave_externa`), the second names it
 * in `parte_de`. Both are written here, in this transaction, so they exist together or not at all.
 */
export async function asentarPago(
  trx: Db,
  creditoId: number,
  pago: DatosPago,
  ctx: ContextoAutenticado,
  opciones: OpcionesDePago = {},
): Promise<{ registrado: PagoRegistrado; evento: Evento }> {
  // The lock comes before the load: a concurrent posting waits here and then reads this one.
  await bloquearCredito(trx, creditoId);
  const antes = await cargarCredito(trx, creditoId);
  const fecha = pago.fecha ?? ctx.reloj.hoy();
  verificarPago(antes, fecha, ctx);
  const procedencia = pago.procedencia ?? CAPTURA;
  await exigirQueNoSeaDuplicado(trx, creditoId, { ...pago, fecha }, procedencia, ctx.reloj.hoy());
  const plan = planearPago(antes, fecha, pago.monto, pago.excedente, opciones);
  const insertadas = await insertarPartes(trx, creditoId, fecha, plan.partes, pago, ctx);
  // A promesa de pago this payment covers is kept now, not at night: the queue drops it at once.
  const promesas = await resolverPromesasDePago(trx, ctx.reloj.hoy(), creditoId);
  const partes: ParteRegistrada[] = insertadas.map((p) => ({
    id: p.id,
    monto: formatearCentavos(p.monto),
    excedente: p.excedente,
  }));
  const [principal, ...resto] = partes;
  if (principal === undefined) throw new Error('un pago sin movimientos');
  const despues = conMovimientos(
    antes,
    insertadas.map((p) => filaDeParte(p, fecha)),
  );
  // The statement as of today: a backdated payment's application does not depend on the cut-off.
  const estado = estadoDeCuentaAJson(
    calcularEstado(
      despues,
      ctx.reloj.hoy(),
      (m) => new ErrorDominio('pago_invalido', `El pago no se puede aplicar: ${m}`),
    ),
  );
  const aplicacion = aplicacionDelPago(
    estado,
    partes.map((p) => p.id),
  );
  // After the engine accepted it: a payment it refuses (before the last ministración) gets the
  // engine's reason, not this one. A refusal here rolls back the rows just written.
  const excedeAdeudo = admitirExceso(
    adeudoAl(antes, fecha),
    fecha,
    pago.monto,
    procedencia,
    ctx.actor,
  );
  const evento = eventoDelPago(
    creditoId,
    { ...pago, fecha },
    [principal, ...resto],
    plan.explicacion,
    promesas,
    excedeAdeudo,
  );
  const registrado: PagoRegistrado = {
    movimiento: {
      id: principal.id,
      fecha,
      monto: formatearCentavos(pago.monto),
      canal: pago.canal,
      referencia: pago.referencia,
      excedente: pago.excedente,
    },
    partes,
    anticipoPuntual: plan.explicacion,
    excedeAdeudo,
    aplicacion,
    estado,
  };
  return { registrado, evento };
}
