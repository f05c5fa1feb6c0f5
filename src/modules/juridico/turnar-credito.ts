import type { Db } from '../../db/conexion.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { transicion } from '../../domain/estado-credito.ts';
import { type Fecha, formatearFecha } from '../../domain/fecha.ts';
import { exigirCreditoEnCartera } from '../autorizacion/politicas.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { moverPiezas } from '../expedientes/custodia/mover-piezas.ts';

export interface DatosTurnado {
  despachoId: number;
  motivo: string;
  /** The last day the firm holds the account (and its lawyers see it). */
  hasta: Fecha;
}

export interface TurnadoRegistrado {
  turnadoId: number;
  creditoId: number;
  numero: string;
  despacho: { id: number; nombre: string };
  desde: Fecha;
  hasta: Fecha;
  /** The hand-over of the expediente and its pagarés to the firm, to be signed. */
  acuseId: number;
  acusePdf: string;
}

/** Most accounts a coordinador turns over in one go (one transaction, one acuse). */
export const MAXIMO_TURNADO_EN_BLOQUE = 500;

async function despachoActivo(trx: Db, despachoId: number) {
  const d = await trx
    .selectFrom('despachos')
    .select(['id', 'nombre', 'activo', 'contacto'])
    .where('id', '=', despachoId)
    .executeTakeFirst();
  if (!d) throw new ErrorDominio('entrada_invalida', 'El despacho no existe.', 'despachoId');
  if (!d.activo) {
    throw new ErrorDominio(
      'entrada_invalida',
      `El despacho «${d.nombre}» está dado de baja: no recibe cuentas nuevas.`,
      'despachoId',
    );
  }
  return d;
}

/**
 * Turns accounts over to a law firm until `hasta`, all or none (docs/juridico.md): each credit
 * goes through the state table (turnar_a_juridico → en_juridico), gets its turnado row and
 * `despacho_id`/`turnado_hasta` (the lawyer's scope), and the custody of its expediente and
 * pagarés moves to the firm in one acuse. A credit already held by a firm is a 409 naming it.
 * Pagarés already given back to the debtor stay where they are.
 */
export async function turnarCreditos(
  trx: Db,
  creditoIds: readonly number[],
  datos: DatosTurnado,
  ctx: ContextoAutenticado,
): Promise<TurnadoRegistrado[]> {
  const hoy = ctx.reloj.hoy();
  if (datos.hasta <= hoy) {
    throw new ErrorDominio(
      'entrada_invalida',
      `La fecha de fin del turnado debe ser posterior a hoy (${formatearFecha(hoy)}).`,
      'hasta',
    );
  }
  const despacho = await despachoActivo(trx, datos.despachoId);
  const ids = [...new Set(creditoIds)].sort((a, b) => a - b);
  // In id order, so that two bulk turnados over the same accounts cannot deadlock.
  const creditos = await trx
    .selectFrom('creditos as c')
    .leftJoin('despachos as d', 'd.id', 'c.despacho_id')
    .select([
      'c.id',
      'c.numero',
      'c.estado',
      'c.oficina_id',
      'c.despacho_id',
      'c.turnado_hasta',
      'd.nombre as despacho',
    ])
    .where('c.id', 'in', ids.length > 0 ? ids : [0])
    .orderBy('c.id')
    .forUpdate('c')
    .execute();
  for (const id of ids) {
    const c = creditos.find((x) => x.id === id);
    if (!c) throw new ErrorDominio('no_encontrado', `El crédito ${id} no existe.`);
    exigirCreditoEnCartera(ctx.actor, {
      oficinaId: c.oficina_id,
      despachoId: c.despacho_id,
      turnadoHasta: c.turnado_hasta,
    });
    if (c.despacho_id !== null) {
      const hasta =
        c.turnado_hasta === null ? '' : ` hasta el ${formatearFecha(c.turnado_hasta as Fecha)}`;
      throw new ErrorDominio(
        'conflicto',
        `El crédito ${c.numero} ya está turnado al despacho «${c.despacho ?? ''}»${hasta}; devuélvelo antes de turnarlo de nuevo.`,
      );
    }
    if (transicion(c.estado, 'turnar_a_juridico') === null) {
      throw new ErrorDominio(
        'conflicto',
        `El crédito ${c.numero} está ${c.estado === 'liquidado' ? 'liquidado' : 'reestructurado'}: no se turna a un despacho.`,
      );
    }
  }
  await trx
    .updateTable('creditos')
    .set({ estado: 'en_juridico', despacho_id: despacho.id, turnado_hasta: datos.hasta })
    .where('id', 'in', ids)
    .execute();
  const turnados = await trx
    .insertInto('turnados')
    .values(
      ids.map((creditoId) => ({
        credito_id: creditoId,
        despacho_id: despacho.id,
        motivo: datos.motivo,
        desde: hoy,
        hasta: datos.hasta,
        turnado_por: ctx.actor.id,
        turnado_en: ctx.reloj.ahora(),
      })),
    )
    .returning(['id', 'credito_id'])
    .execute();
  const piezas = await piezasQueViajan(trx, ids);
  const { acuseId } = await moverPiezas(trx, ctx, {
    tipo: 'envio_a_despacho',
    piezas,
    destino: { despachoId: despacho.id },
    recibeNombre: despacho.contacto ?? despacho.nombre,
    // The papers are due back when the turnado ends.
    devolverAMasTardar: datos.hasta,
    nota: `Turnado: ${datos.motivo}`,
  });
  const resultado = turnados.map((t) => ({
    turnadoId: t.id,
    creditoId: t.credito_id,
    numero: creditos.find((c) => c.id === t.credito_id)?.numero ?? '',
    despacho: { id: despacho.id, nombre: despacho.nombre },
    desde: hoy,
    hasta: datos.hasta,
    acuseId,
    acusePdf: `/api/custodia/acuses/${acuseId}.pdf`,
  }));
  for (const r of resultado) {
    await registrarEnBitacora(trx, origenDe(ctx), {
      accion: 'credito.turnar',
      objetoTipo: 'credito',
      objetoId: r.creditoId,
      detalle: {
        turnadoId: r.turnadoId,
        despachoId: despacho.id,
        motivo: datos.motivo,
        desde: hoy,
        hasta: datos.hasta,
        acuseId,
        enBloque: ids.length > 1,
      },
    });
  }
  return resultado;
}

/** One account (POST /api/creditos/:id/turnado). */
export async function turnarCredito(
  trx: Db,
  creditoId: number,
  datos: DatosTurnado,
  ctx: ContextoAutenticado,
): Promise<TurnadoRegistrado> {
  const [r] = await turnarCreditos(trx, [creditoId], datos, ctx);
  if (!r) throw new ErrorDominio('no_encontrado', 'El crédito no existe.');
  return r;
}

/** The expediente and every pagaré of the credits, except those already given back. */
async function piezasQueViajan(
  trx: Db,
  creditoIds: readonly number[],
): Promise<Array<{ creditoId: number; ministracionId: number | null }>> {
  const [pagares, devueltas] = await Promise.all([
    trx
      .selectFrom('ministraciones')
      .select(['id', 'credito_id'])
      .where('credito_id', 'in', creditoIds)
      .orderBy('credito_id')
      .orderBy('numero')
      .execute(),
    trx
      .selectFrom('custodia_piezas')
      .select(['credito_id', 'ministracion_id'])
      .where('credito_id', 'in', creditoIds)
      .where('ubicacion', '=', 'devuelto')
      .execute(),
  ]);
  const devuelta = new Set(devueltas.map((d) => `${d.credito_id}|${d.ministracion_id ?? ''}`));
  const todas = creditoIds.flatMap((creditoId) => [
    { creditoId, ministracionId: null as number | null },
    ...pagares
      .filter((m) => m.credito_id === creditoId)
      .map((m) => ({ creditoId, ministracionId: m.id as number | null })),
  ]);
  return todas.filter((p) => !devuelta.has(`${p.creditoId}|${p.ministracionId ?? ''}`));
}
