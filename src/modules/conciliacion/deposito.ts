import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../db/conexion.ts';
import type { EstadoDepositoPendiente } from '../../db/esquema.ts';
import { type Centavos, formatearCentavos } from '../../domain/dinero.ts';
import type { Fecha } from '../../domain/fecha.ts';
import type { DatosPago } from '../pagos/pago.ts';

/** What a bank line says about the money, whether read from a file or from a pending row. */
export interface DepositoDelBanco {
  fecha: Fecha;
  importe: Centavos;
  folio: string;
}

/**
 * The ledger key of a bank line. The bank's folio identifies the deposit (see
 * docs/estado-de-cuenta-bancario.md), so the same line imported twice, or assigned by hand
 * after an import, is the same movement.
 */
export function claveDeDeposito(folio: string): string {
  return `banco:${folio}`;
}

/**
 * A deposit is posted like a payment captured at the counter (registrarPago): the money
 * arrived at the bank on the statement's date, and the bank's folio is its reference. Being
 * money that did arrive, it is posted even above what the credit owes, and flagged
 * (`excedeAdeudo`); the bank folio, not the capture's duplicate check, keeps it single.
 */
export function pagoDeDeposito(d: DepositoDelBanco): DatosPago {
  return {
    fecha: d.fecha,
    monto: d.importe,
    canal: 'banco',
    referencia: d.folio,
    excedente: 'reducir_plazo',
    claveExterna: claveDeDeposito(d.folio),
    procedencia: { tipo: 'deposito' },
  };
}

// Any constant works; it names the one lock that serializes imports and assignments.
const CANDADO_CONCILIACION = 727_002;

/**
 * Imports and manual assignments take turns: each decides "is this folio already posted or
 * pending?" and then acts on the answer, which must not change in between. They are rare
 * (a few a day), so one lock for all of them costs nothing. It is taken before any credit
 * row, like every path that posts payments takes the credit row before the bitácora lock.
 */
export async function tomarCandadoConciliacion(trx: Db): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${CANDADO_CONCILIACION})`.execute(trx);
}

export function sha256DeArchivo(texto: string): string {
  return createHash('sha256').update(texto, 'utf8').digest('hex');
}

export interface VistaDeposito {
  id: number;
  estado: EstadoDepositoPendiente;
  importacionId: number;
  linea: number;
  lineaCruda: string;
  fecha: string;
  referencia: string;
  importe: string;
  folio: string;
  concepto: string;
  motivo: string;
  creditoReferido: { id: number; numero: string } | null;
  asignacion: { creditoId: number; numero: string; movimientoId: number } | null;
  resolucion: { usuario: string; instante: string; motivo: string | null } | null;
}

/** A pending deposit as the API shows it; the columns come from `consultaDeDepositos`. */
export function vistaDeDeposito(f: FilaDeDeposito): VistaDeposito {
  return {
    id: f.id,
    estado: f.estado,
    importacionId: f.importacion_id,
    linea: f.linea,
    lineaCruda: f.linea_cruda,
    fecha: f.fecha,
    referencia: f.referencia,
    importe: formatearCentavos(f.importe_centavos),
    folio: f.folio_banco,
    concepto: f.concepto,
    motivo: f.motivo,
    creditoReferido:
      f.credito_referido_id === null
        ? null
        : { id: f.credito_referido_id, numero: f.numero_referido ?? '' },
    asignacion:
      f.credito_id === null || f.movimiento_id === null
        ? null
        : {
            creditoId: f.credito_id,
            numero: f.numero_asignado ?? '',
            movimientoId: f.movimiento_id,
          },
    resolucion:
      f.resuelto === null
        ? null
        : {
            usuario: f.usuario_resolvio ?? '',
            instante: new Date(f.resuelto).toISOString(),
            motivo: f.motivo_resolucion,
          },
  };
}

/** Pending deposits with the credit numbers and the user their view names. */
export function consultaDeDepositos(trx: Db) {
  return trx
    .selectFrom('depositos_pendientes as d')
    .leftJoin('creditos as cr', 'cr.id', 'd.credito_referido_id')
    .leftJoin('creditos as ca', 'ca.id', 'd.credito_id')
    .leftJoin('usuarios as u', 'u.id', 'd.resuelto_por')
    .select([
      'd.id',
      'd.estado',
      'd.importacion_id',
      'd.linea',
      'd.linea_cruda',
      'd.fecha',
      'd.referencia',
      'd.importe_centavos',
      'd.folio_banco',
      'd.concepto',
      'd.motivo',
      'd.credito_referido_id',
      'cr.numero as numero_referido',
      'd.credito_id',
      'ca.numero as numero_asignado',
      'd.movimiento_id',
      'd.resuelto',
      'u.usuario as usuario_resolvio',
      'd.motivo_resolucion',
    ]);
}

export type FilaDeDeposito = Awaited<
  ReturnType<ReturnType<typeof consultaDeDepositos>['executeTakeFirstOrThrow']>
>;
