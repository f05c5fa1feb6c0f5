import { sql } from 'kysely';
import type { Db } from '../../db/conexion.ts';
import { formatearCentavos } from '../../domain/dinero.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import {
  type EstadoDocumental,
  estadoDocumental,
} from '../../domain/expedientes/estado-documental.ts';
import { etiquetaDeExpediente, etiquetaDePagare } from '../../domain/expedientes/etiquetas.ts';
import { calcularPrescripcion, type Prescripcion } from '../../domain/expedientes/prescripcion.ts';
import type { Fecha } from '../../domain/fecha.ts';
import { clavePieza, type Ubicacion, ubicacionesDePiezas } from './custodia/ubicacion.ts';
import { actosDeCredito } from './hechos-de-prescripcion.ts';

/** A piece kept in custody, as the API shows it (the shared contract of issue 10). */
export interface Pieza {
  etiqueta: string;
  tipo: 'expediente' | 'pagare';
  ministracionId: number | null;
  pagare: {
    numero: string;
    ministracion: number;
    monto: string;
    vencimiento: string;
    periodoEscolar: string;
  } | null;
  /** Null for the expediente: only a pagaré has a documentary state and a prescription. */
  estadoDocumental: EstadoDocumental | null;
  motivoEstado: string | null;
  prescripcion: Prescripcion | null;
  ubicacion: Ubicacion;
}

/** What the documentary state reads from the credit's life, in one row. */
async function vidaDelCredito(trx: Db, creditoId: number) {
  const c = await trx
    .selectFrom('creditos as c')
    .leftJoin('despachos as d', 'd.id', 'c.despacho_id')
    .leftJoin('creditos as nuevo', 'nuevo.reestructura_de', 'c.id')
    .leftJoin('cartas_finiquito as cf', 'cf.credito_id', 'c.id')
    .select([
      'c.numero',
      'c.estado',
      'd.nombre as despacho',
      'nuevo.numero as credito_nuevo',
      'cf.folio',
      'cf.fecha as carta_fecha',
      // What covered the balance: the last payment or condonación not cancelled. A
      // reestructura's closing payment is the date of the reestructura.
      sql<string | null>`(
        SELECT max(m.fecha)::text FROM movimientos m
         WHERE m.credito_id = c.id AND m.tipo IN ('pago', 'condonacion')
           AND NOT EXISTS (SELECT 1 FROM movimientos x WHERE x.cancela_id = m.id)
      )`.as('ultimo_abono'),
    ])
    .where('c.id', '=', creditoId)
    .executeTakeFirst();
  if (!c) throw new ErrorDominio('no_encontrado', 'El crédito no existe.');
  return c;
}

/**
 * The expediente and every pagaré of a credit, with documentary state, prescription and
 * location, on `hoy`. No scope check and no bitácora: the caller (the expediente view, the
 * evidence pack) did both.
 */
export async function piezasDeCredito(trx: Db, creditoId: number, hoy: Fecha): Promise<Pieza[]> {
  const [vida, ministraciones, actos] = await Promise.all([
    vidaDelCredito(trx, creditoId),
    trx
      .selectFrom('ministraciones')
      .select([
        'id',
        'numero',
        'monto_centavos',
        'periodo_escolar',
        'pagare_numero',
        'pagare_vencimiento',
      ])
      .where('credito_id', '=', creditoId)
      .orderBy('numero')
      .execute(),
    actosDeCredito(trx, creditoId, hoy),
  ]);
  // Where each piece is: the custody answers' own reading (a piece without a custody row is
  // in its office's archive), so the expediente and custody never tell them apart.
  const refs = [null, ...ministraciones.map((m) => m.id)].map((ministracionId) => ({
    creditoId,
    ministracionId,
  }));
  const ubicaciones = await ubicacionesDePiezas(trx, refs, hoy);
  const ubicacion = (ministracionId: number | null): Ubicacion => {
    const u = ubicaciones.get(clavePieza(creditoId, ministracionId));
    if (u === undefined) throw new Error(`Sin ubicación para la pieza ${ministracionId}`);
    return u;
  };
  const expediente: Pieza = {
    etiqueta: etiquetaDeExpediente(vida.numero),
    tipo: 'expediente',
    ministracionId: null,
    pagare: null,
    estadoDocumental: null,
    motivoEstado: null,
    prescripcion: null,
    ubicacion: ubicacion(null),
  };
  const ultimoAbono = vida.ultimo_abono as Fecha | null;
  const pagares = ministraciones.map((m): Pieza => {
    const vencimiento = m.pagare_vencimiento as Fecha;
    const donde = ubicacion(m.id);
    const estado = estadoDocumental({
      estadoCredito: vida.estado,
      vencimiento,
      fechaLiquidacion: vida.estado === 'liquidado' ? ultimoAbono : null,
      reestructura:
        vida.estado === 'reestructurado'
          ? { fecha: ultimoAbono, creditoNuevo: vida.credito_nuevo }
          : null,
      cartaFiniquito:
        vida.folio === null || vida.carta_fecha === null
          ? null
          : { folio: vida.folio, fecha: vida.carta_fecha as Fecha },
      ubicacion: donde.registrada ? donde.tipo : null,
      despacho: donde.despacho?.nombre ?? vida.despacho,
      hoy,
    });
    return {
      etiqueta: etiquetaDePagare(m.pagare_numero),
      tipo: 'pagare',
      ministracionId: m.id,
      pagare: {
        numero: m.pagare_numero,
        ministracion: m.numero,
        monto: formatearCentavos(m.monto_centavos),
        vencimiento,
        periodoEscolar: m.periodo_escolar,
      },
      estadoDocumental: estado.estado,
      motivoEstado: estado.motivo,
      prescripcion: calcularPrescripcion({ ...actos, vencimiento }),
      ubicacion: donde,
    };
  });
  return [expediente, ...pagares];
}
