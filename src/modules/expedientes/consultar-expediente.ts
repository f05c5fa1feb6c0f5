import type { Db } from '../../db/conexion.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { exigirCreditoEnCartera } from '../autorizacion/politicas.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { type Escaneo, escaneosDe, vistaDeEscaneo } from './escaneos/vista-escaneo.ts';
import { type Pieza, piezasDeCredito } from './piezas-de-credito.ts';

export interface Expediente {
  creditoId: number;
  numero: string;
  oficina: { id: number; clave: string; nombre: string };
  /** The law firm holding the account and until when; null: not turned over. */
  turnado: { despacho: { id: number; nombre: string }; hasta: string } | null;
  /** The expediente first, then the pagarés by ministración. */
  piezas: Pieza[];
  escaneos: Escaneo[];
}

/**
 * A credit's papers: where each piece is, what each pagaré is worth and when it prescribes,
 * and the scans. The scans name documents of a debtor: reading them is logged.
 */
export async function consultarExpediente(
  trx: Db,
  creditoId: number,
  ctx: ContextoAutenticado,
): Promise<Expediente> {
  const c = await trx
    .selectFrom('creditos as c')
    .innerJoin('oficinas as o', 'o.id', 'c.oficina_id')
    .leftJoin('despachos as d', 'd.id', 'c.despacho_id')
    .select([
      'c.numero',
      'c.oficina_id',
      'c.despacho_id',
      'c.turnado_hasta',
      'o.clave as oficina_clave',
      'o.nombre as oficina_nombre',
      'd.nombre as despacho_nombre',
    ])
    .where('c.id', '=', creditoId)
    .executeTakeFirst();
  if (!c) throw new ErrorDominio('no_encontrado', 'El crédito no existe.');
  exigirCreditoEnCartera(ctx.actor, {
    oficinaId: c.oficina_id,
    despachoId: c.despacho_id,
    turnadoHasta: c.turnado_hasta,
  });
  const hoy = ctx.reloj.hoy();
  const [piezas, escaneos] = await Promise.all([
    piezasDeCredito(trx, creditoId, hoy),
    escaneosDe(trx, { creditoId }),
  ]);
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'expediente.consultar',
    objetoTipo: 'credito',
    objetoId: creditoId,
  });
  return {
    creditoId,
    numero: c.numero,
    oficina: { id: c.oficina_id, clave: c.oficina_clave, nombre: c.oficina_nombre },
    turnado:
      c.despacho_id === null || c.despacho_nombre === null || c.turnado_hasta === null
        ? null
        : { despacho: { id: c.despacho_id, nombre: c.despacho_nombre }, hasta: c.turnado_hasta },
    piezas,
    escaneos: escaneos.map(vistaDeEscaneo),
  };
}
