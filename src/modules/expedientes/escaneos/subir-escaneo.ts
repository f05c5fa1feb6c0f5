import type { Db } from '../../../db/conexion.ts';
import { ErrorDominio } from '../../../domain/errores.ts';
import { exigirCreditoVisible } from '../../autorizacion/exigir-credito-visible.ts';
import { registrarEnBitacora } from '../../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../../contexto.ts';
import type { TipoDeEscaneo } from './tipo-por-firma.ts';
import { type Escaneo, escaneosDe, vistaDeEscaneo } from './vista-escaneo.ts';

/** What a scan is attached to: the credit's expediente, one of its pagarés, or a legal action. */
export interface DestinoDeEscaneo {
  creditoId: number;
  ministracionId: number | null;
  actuacionId: number | null;
}

/**
 * The credit exists (404) and is in the actor's portfolio (403), and the pagaré (ministración)
 * or the legal action named is one of that credit's (400 naming the field). Called before the
 * upload is read, so that nothing is written for a request that will be refused, and again in
 * the transaction that records the scan.
 */
export async function comprobarDestinoDeEscaneo(
  trx: Db,
  destino: DestinoDeEscaneo,
  ctx: ContextoAutenticado,
): Promise<void> {
  await exigirCreditoVisible(trx, destino.creditoId, ctx.actor);
  if (destino.ministracionId !== null) {
    const m = await trx
      .selectFrom('ministraciones')
      .select('id')
      .where('id', '=', destino.ministracionId)
      .where('credito_id', '=', destino.creditoId)
      .executeTakeFirst();
    if (!m)
      throw new ErrorDominio(
        'entrada_invalida',
        `La ministración ${destino.ministracionId} no es de este crédito: elige uno de sus pagarés.`,
        'ministracionId',
      );
  }
  if (destino.actuacionId !== null) {
    const a = await trx
      .selectFrom('actuaciones_juridicas')
      .select('id')
      .where('id', '=', destino.actuacionId)
      .where('credito_id', '=', destino.creditoId)
      .executeTakeFirst();
    if (!a)
      throw new ErrorDominio(
        'entrada_invalida',
        `La actuación jurídica ${destino.actuacionId} no es de este crédito.`,
        'actuacionId',
      );
  }
}

export interface EscaneoPorRegistrar extends DestinoDeEscaneo {
  nombre: string;
  descripcion: string | null;
  sha256: string;
  bytes: number;
  tipo: TipoDeEscaneo;
}

/**
 * Records a scan already stored by its content. The same bytes attached again to the same piece
 * (a second click, a retried upload) are the scan already there, not a second row: `nuevo`
 * false, and nothing changed to log. The same bytes on another pagaré are a row of their own
 * that shares the file.
 */
export async function registrarEscaneo(
  trx: Db,
  escaneo: EscaneoPorRegistrar,
  ctx: ContextoAutenticado,
): Promise<{ escaneo: Escaneo; nuevo: boolean }> {
  await comprobarDestinoDeEscaneo(trx, escaneo, ctx);
  const previo = await trx
    .selectFrom('escaneos')
    .select('id')
    .where('credito_id', '=', escaneo.creditoId)
    .where('sha256', '=', escaneo.sha256)
    .where((eb) =>
      eb.and([
        escaneo.ministracionId === null
          ? eb('ministracion_id', 'is', null)
          : eb('ministracion_id', '=', escaneo.ministracionId),
        escaneo.actuacionId === null
          ? eb('actuacion_id', 'is', null)
          : eb('actuacion_id', '=', escaneo.actuacionId),
      ]),
    )
    .executeTakeFirst();
  const id =
    previo?.id ??
    (
      await trx
        .insertInto('escaneos')
        .values({
          credito_id: escaneo.creditoId,
          ministracion_id: escaneo.ministracionId,
          actuacion_id: escaneo.actuacionId,
          sha256: escaneo.sha256,
          tipo_mime: escaneo.tipo,
          bytes: escaneo.bytes,
          nombre_original: escaneo.nombre,
          descripcion: escaneo.descripcion,
          subido_por: ctx.actor.id,
          subido_en: ctx.reloj.ahora(),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  if (!previo)
    await registrarEnBitacora(trx, origenDe(ctx), {
      accion: 'escaneo.subir',
      objetoTipo: 'credito',
      objetoId: escaneo.creditoId,
      detalle: {
        escaneoId: Number(id),
        nombre: escaneo.nombre,
        tipo: escaneo.tipo,
        bytes: escaneo.bytes,
        sha256: escaneo.sha256,
        ministracionId: escaneo.ministracionId,
        actuacionId: escaneo.actuacionId,
      },
    });
  const [fila] = await escaneosDe(trx, { escaneoId: Number(id) });
  if (!fila) throw new Error(`el escaneo ${id} recién registrado no se encontró`);
  return { escaneo: vistaDeEscaneo(fila), nuevo: !previo };
}
