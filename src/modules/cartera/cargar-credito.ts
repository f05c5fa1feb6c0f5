import type { Db } from '../../db/conexion.ts';
import type { FilasDeCredito } from '../../db/mapeo-caso.ts';
import { tasaOrdinariaEnVigor, tasaPuntualDeVersion } from '../../db/tasas-en-vigor.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import type { EstadoCredito } from '../../domain/estado-credito.ts';
import type { AlcanceObjeto } from '../autorizacion/politicas.ts';

export interface CreditoCargado extends FilasDeCredito {
  id: number;
  alcance: AlcanceObjeto;
  estado: EstadoCredito;
  producto: { clave: string; nombre: string };
  oficina: string;
  /** Why the credit has its own punctual rate (R9); null when it has none. */
  tasaPuntualMotivo: string | null;
}

/** A credit's own columns, as both loaders select them (this one and leer-creditos-en-lotes). */
export interface ColumnasDeCredito {
  id: number;
  numero: string;
  fecha_inicio_interes: string;
  estado: EstadoCredito;
  oficina_id: number;
  despacho_id: number | null;
  turnado_hasta: AlcanceObjeto['turnadoHasta'];
  oficina: string;
  producto_clave: string;
  producto_nombre: string;
  tasa_ordinaria_anual: string;
  tasa_puntual_version: string | null;
  tasa_puntual_anual: string | null;
  tasa_puntual_motivo: string | null;
  tasa_moratoria_anual: string;
  base_dias: FilasDeCredito['version']['base_dias'];
  prelacion: FilasDeCredito['version']['prelacion'];
}

type Historial = Pick<
  FilasDeCredito,
  'ministraciones' | 'amortizaciones' | 'movimientos' | 'periodos'
>;

export function creditoCargado(c: ColumnasDeCredito, historial: Historial): CreditoCargado {
  return {
    id: c.id,
    alcance: { oficinaId: c.oficina_id, despachoId: c.despacho_id, turnadoHasta: c.turnado_hasta },
    estado: c.estado,
    producto: { clave: c.producto_clave, nombre: c.producto_nombre },
    oficina: c.oficina,
    tasaPuntualMotivo: c.tasa_puntual_motivo,
    credito: {
      numero: c.numero,
      fecha_inicio_interes: c.fecha_inicio_interes,
      tasa_puntual_anual: c.tasa_puntual_anual,
    },
    version: {
      tasa_ordinaria_anual: c.tasa_ordinaria_anual,
      tasa_moratoria_anual: c.tasa_moratoria_anual,
      tasa_puntual_anual: c.tasa_puntual_version,
      base_dias: c.base_dias,
      prelacion: c.prelacion,
    },
    ...historial,
  };
}

function agrupar<T extends { credito_id: number }>(filas: T[]): Map<number, T[]> {
  const grupos = new Map<number, T[]>();
  for (const f of filas) {
    const grupo = grupos.get(f.credito_id);
    if (grupo) grupo.push(f);
    else grupos.set(f.credito_id, [f]);
  }
  return grupos;
}

/**
 * Everything the engine needs of several credits in five queries, plus where each lives (for
 * the access check). Rows come back in schedule and ledger order.
 */
export async function cargarCreditos(
  db: Db,
  ids: readonly number[],
): Promise<Map<number, CreditoCargado>> {
  if (ids.length === 0) return new Map();
  const lista = [...ids];
  const [creditos, ministraciones, amortizaciones, movimientos, periodos] = await Promise.all([
    db
      .selectFrom('creditos as c')
      .innerJoin('versiones_producto as v', 'v.id', 'c.version_producto_id')
      .innerJoin('productos as p', 'p.id', 'v.producto_id')
      .innerJoin('oficinas as o', 'o.id', 'c.oficina_id')
      .select([
        'c.id',
        'c.numero',
        'c.fecha_inicio_interes',
        'c.estado',
        'c.oficina_id',
        'c.despacho_id',
        'c.turnado_hasta',
        'o.nombre as oficina',
        'p.clave as producto_clave',
        'p.nombre as producto_nombre',
        tasaOrdinariaEnVigor.as('tasa_ordinaria_anual'),
        tasaPuntualDeVersion.as('tasa_puntual_version'),
        'c.tasa_puntual_anual',
        'c.tasa_puntual_motivo',
        'v.tasa_moratoria_anual',
        'v.base_dias',
        'v.prelacion',
      ])
      .where('c.id', 'in', lista)
      .execute(),
    db
      .selectFrom('ministraciones')
      .select(['credito_id', 'fecha', 'monto_centavos'])
      .where('credito_id', 'in', lista)
      .orderBy('credito_id')
      .orderBy('numero')
      .execute(),
    db
      .selectFrom('amortizaciones')
      .select(['credito_id', 'numero', 'fecha', 'capital_centavos'])
      .where('credito_id', 'in', lista)
      .orderBy('credito_id')
      .orderBy('numero')
      .execute(),
    db
      .selectFrom('movimientos')
      .select([
        'credito_id',
        'id',
        'tipo',
        'fecha',
        'monto_centavos',
        'excedente',
        'concepto',
        'cancela_id',
      ])
      .where('credito_id', 'in', lista)
      .orderBy('credito_id')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('periodos_sin_moratorio')
      .select(['credito_id', 'desde', 'hasta', 'revocado_el'])
      .where('credito_id', 'in', lista)
      .orderBy('credito_id')
      .orderBy('desde')
      .execute(),
  ]);
  const porCredito = {
    ministraciones: agrupar(ministraciones),
    amortizaciones: agrupar(amortizaciones),
    movimientos: agrupar(movimientos),
    periodos: agrupar(periodos),
  };
  const resultado = new Map<number, CreditoCargado>();
  for (const c of creditos) {
    resultado.set(
      c.id,
      creditoCargado(c, {
        ministraciones: porCredito.ministraciones.get(c.id) ?? [],
        amortizaciones: porCredito.amortizaciones.get(c.id) ?? [],
        movimientos: porCredito.movimientos.get(c.id) ?? [],
        periodos: porCredito.periodos.get(c.id) ?? [],
      }),
    );
  }
  return resultado;
}

export async function cargarCredito(db: Db, creditoId: number): Promise<CreditoCargado> {
  const credito = (await cargarCreditos(db, [creditoId])).get(creditoId);
  if (!credito) throw new ErrorDominio('no_encontrado', 'El crédito no existe.');
  return credito;
}
