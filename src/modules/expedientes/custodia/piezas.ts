import type { Db } from '../../../db/conexion.ts';
import type { Centavos } from '../../../domain/dinero.ts';
import { ErrorDominio } from '../../../domain/errores.ts';
import type { EstadoCredito } from '../../../domain/estado-credito.ts';
import {
  etiquetaDeExpediente,
  etiquetaDePagare,
  leerEtiqueta,
} from '../../../domain/expedientes/etiquetas.ts';
import { alcanzaObjeto } from '../../autorizacion/politicas.ts';
import type { Actor } from '../../seguridad/actor.ts';
import { clavePieza, type Ubicacion } from './ubicacion.ts';

/** A piece with the facts of its credit that custody needs (scope, state, what to print). */
export interface PiezaDeCredito {
  creditoId: number;
  ministracionId: number | null;
  etiqueta: string;
  numero: string;
  oficinaId: number;
  despachoId: number | null;
  estado: EstadoCredito;
  pagare: {
    numero: string;
    ministracion: number;
    montoCentavos: Centavos;
    vencimiento: string;
    periodoEscolar: string;
  } | null;
}

interface FilaCredito {
  id: number;
  numero: string;
  oficina_id: number;
  despacho_id: number | null;
  estado: EstadoCredito;
}
interface FilaMinistracion {
  id: number;
  credito_id: number;
  numero: number;
  monto_centavos: Centavos;
  pagare_numero: string;
  pagare_vencimiento: string;
  periodo_escolar: string;
}

const expediente = (c: FilaCredito): PiezaDeCredito => ({
  creditoId: c.id,
  ministracionId: null,
  etiqueta: etiquetaDeExpediente(c.numero),
  numero: c.numero,
  oficinaId: c.oficina_id,
  despachoId: c.despacho_id,
  estado: c.estado,
  pagare: null,
});

const pagare = (c: FilaCredito, m: FilaMinistracion): PiezaDeCredito => ({
  ...expediente(c),
  ministracionId: m.id,
  etiqueta: etiquetaDePagare(m.pagare_numero),
  pagare: {
    numero: m.pagare_numero,
    ministracion: m.numero,
    montoCentavos: m.monto_centavos,
    vencimiento: m.pagare_vencimiento,
    periodoEscolar: m.periodo_escolar,
  },
});

const creditos = (trx: Db) =>
  trx.selectFrom('creditos').select(['id', 'numero', 'oficina_id', 'despacho_id', 'estado']);
const ministraciones = (trx: Db) =>
  trx
    .selectFrom('ministraciones')
    .select([
      'id',
      'credito_id',
      'numero',
      'monto_centavos',
      'pagare_numero',
      'pagare_vencimiento',
      'periodo_escolar',
    ]);

/** Every piece of each credit: its expediente, then one pagaré per ministración, in order. */
export async function piezasDeCreditos(
  trx: Db,
  creditoIds: readonly number[],
): Promise<PiezaDeCredito[]> {
  if (creditoIds.length === 0) return [];
  const cs = await creditos(trx).where('id', 'in', creditoIds).execute();
  const ms = await ministraciones(trx)
    .where('credito_id', 'in', creditoIds)
    .orderBy('credito_id')
    .orderBy('numero')
    .execute();
  const porCredito = new Map(cs.map((c) => [c.id, c]));
  const r: PiezaDeCredito[] = [];
  for (const id of creditoIds) {
    const c = porCredito.get(id);
    if (!c) throw new ErrorDominio('no_encontrado', `El crédito ${id} no existe.`, 'creditoIds');
    r.push(expediente(c));
    for (const m of ms) if (m.credito_id === id) r.push(pagare(c, m));
  }
  return r;
}

/** The pieces a caller names by credit and ministración (moverPiezas' input). */
export async function piezasPorReferencia(
  trx: Db,
  refs: ReadonlyArray<{ creditoId: number; ministracionId: number | null }>,
): Promise<PiezaDeCredito[]> {
  const todas = await piezasDeCreditos(trx, [...new Set(refs.map((r) => r.creditoId))]);
  const porClave = new Map(todas.map((p) => [clavePieza(p.creditoId, p.ministracionId), p]));
  return refs.map((ref) => {
    const p = porClave.get(clavePieza(ref.creditoId, ref.ministracionId));
    if (!p) {
      throw new ErrorDominio(
        'no_encontrado',
        `La ministración ${ref.ministracionId} no es del crédito ${ref.creditoId}.`,
        'piezas',
      );
    }
    return p;
  });
}

/**
 * The pieces scanned or typed labels name, keyed by the text as given; the texts that name
 * nothing (not a label, or no such credit or pagaré) come back apart, in the order read.
 */
export async function resolverEtiquetas(
  trx: Db,
  textos: readonly string[],
): Promise<{ piezas: Map<string, PiezaDeCredito>; desconocidas: string[] }> {
  const leidas = textos.map((t) => ({ texto: t, leida: leerEtiqueta(t) }));
  const numeros = new Set<string>();
  const pagares = new Set<string>();
  for (const { leida } of leidas) {
    if (leida?.tipo === 'expediente') numeros.add(leida.numeroCredito);
    if (leida?.tipo === 'pagare') pagares.add(leida.pagareNumero);
  }
  const porNumero = new Map(
    numeros.size === 0
      ? []
      : (
          await creditos(trx)
            .where('numero', 'in', [...numeros])
            .execute()
        ).map((c) => [c.numero, c]),
  );
  const porPagare = new Map<string, PiezaDeCredito>();
  if (pagares.size > 0) {
    const ms = await ministraciones(trx)
      .where('pagare_numero', 'in', [...pagares])
      .execute();
    const cs = new Map(
      ms.length === 0
        ? []
        : (
            await creditos(trx)
              .where(
                'id',
                'in',
                ms.map((m) => m.credito_id),
              )
              .execute()
          ).map((c) => [c.id, c]),
    );
    for (const m of ms) {
      const c = cs.get(m.credito_id);
      if (c) porPagare.set(m.pagare_numero, pagare(c, m));
    }
  }
  const piezas = new Map<string, PiezaDeCredito>();
  const desconocidas: string[] = [];
  for (const { texto, leida } of leidas) {
    const c = leida?.tipo === 'expediente' ? porNumero.get(leida.numeroCredito) : undefined;
    const p = c
      ? expediente(c)
      : leida?.tipo === 'pagare'
        ? porPagare.get(leida.pagareNumero)
        : undefined;
    if (p) piezas.set(texto, p);
    else desconocidas.push(texto);
  }
  return { piezas, desconocidas };
}

/**
 * Custody follows the paper as well as the account: the staff of the credit's office, and
 * the staff of the office whose archive (or whose member) holds the piece after a traslado.
 */
export function alcanzaPieza(actor: Actor, pieza: PiezaDeCredito, ubicacion: Ubicacion): boolean {
  if (alcanzaObjeto(actor, { oficinaId: pieza.oficinaId, despachoId: pieza.despachoId })) {
    return true;
  }
  return (
    actor.oficinaId !== null &&
    (actor.rol === 'gestor' || actor.rol === 'coordinador') &&
    (ubicacion.tipo === 'archivo' || ubicacion.tipo === 'persona') &&
    ubicacion.oficina?.id === actor.oficinaId
  );
}
