import type { EstadoCreditoColumna } from '../../db/esquema.ts';
import { type Fecha, sumarDias } from '../../domain/fecha.ts';
import type { Aleatorio } from './aleatorio.ts';
import { instanteEnHermosillo } from './fechas.ts';

/** A demo credit as stored, with what deciding its assignment history needs. */
export interface CreditoDemo {
  id: number;
  oficinaId: number;
  /** The current holder, as the portfolio generator dealt it. */
  gestorId: number;
  estado: EstadoCreditoColumna;
  primeraMinistracion: Fecha;
}

export interface AsignacionDemo {
  creditoId: number;
  gestorId: number;
  desde: Date;
  hasta: Date | null;
  asignadoPor: number | null;
  motivo: string;
}

/** Who held the account from which day on (from 08:00, when the office opens). */
export interface TramoDemo {
  gestorId: number;
  desde: Fecha;
}

/** An active account that will have gestiones, with its holders over time. */
export interface CuentaGestionada {
  creditoId: number;
  oficinaId: number;
  tramos: TramoDemo[];
  /** How many gestiones it gets over the last year. */
  gestiones: number;
}

export interface OficinaDemo {
  /** Its active gestores, by id. */
  gestores: readonly number[];
  coordinadorId: number | null;
}

/** Share of the active accounts that someone has worked in the last year. */
export const PROPORCION_GESTIONADA = 0.35;
// Share of the accounts that changed hands in the last months (only where there is someone to
// hand them to).
const PROPORCION_REASIGNADA = 0.05;
// Over a year (the indicators chart twelve months): about one gestión a quarter to two a month.
const CUANTAS: ReadonlyArray<readonly [number, number]> = [
  [4, 30],
  [8, 30],
  [12, 20],
  [16, 12],
  [20, 8],
];

const APERTURA = 8 * 60;

/**
 * The assignment history of the demo portfolio (the migration's backfill only covered rows
 * that existed then): one open interval per credit, with its current gestor, since a day some
 * months back (never before the first disbursement); for about 5% of the accounts of an office
 * with more than one gestor, an earlier closed interval with another of them. It also picks the
 * active accounts that get gestiones. Deterministic for the same `rnd` and input order.
 */
export function generarAsignaciones(
  creditos: readonly CreditoDemo[],
  oficinas: ReadonlyMap<number, OficinaDemo>,
  hoy: Fecha,
  rnd: Aleatorio,
): { asignaciones: AsignacionDemo[]; cuentas: CuentaGestionada[] } {
  const asignaciones: AsignacionDemo[] = [];
  const cuentas: CuentaGestionada[] = [];
  for (const c of creditos) {
    const oficina = oficinas.get(c.oficinaId);
    const coordinador = oficina?.coordinadorId ?? null;
    // More than a year back: the indicators' twelve months each have the account's holder.
    let desde = sumarDias(hoy, -rnd.entero(370, 720));
    if (desde < c.primeraMinistracion) desde = c.primeraMinistracion;
    const tramos: TramoDemo[] = [];
    const otros = (oficina?.gestores ?? []).filter((g) => g !== c.gestorId);
    const cambio = sumarDias(hoy, -rnd.entero(15, 330));
    if (otros.length > 0 && cambio > desde && rnd.probabilidad(PROPORCION_REASIGNADA)) {
      const anterior = rnd.elegir(otros);
      tramos.push({ gestorId: anterior, desde }, { gestorId: c.gestorId, desde: cambio });
      asignaciones.push(
        {
          creditoId: c.id,
          gestorId: anterior,
          desde: instanteEnHermosillo(desde, APERTURA),
          hasta: instanteEnHermosillo(cambio, APERTURA),
          asignadoPor: coordinador,
          motivo: 'Asignación inicial',
        },
        {
          creditoId: c.id,
          gestorId: c.gestorId,
          desde: instanteEnHermosillo(cambio, APERTURA),
          hasta: null,
          asignadoPor: coordinador,
          motivo: 'Reparto de cartera',
        },
      );
    } else {
      tramos.push({ gestorId: c.gestorId, desde });
      asignaciones.push({
        creditoId: c.id,
        gestorId: c.gestorId,
        desde: instanteEnHermosillo(desde, APERTURA),
        hasta: null,
        asignadoPor: coordinador,
        motivo: 'Asignación inicial',
      });
    }
    // Accounts with a law firm (outbound contact refused) and closed ones are not worked.
    if (c.estado === 'activo' && rnd.probabilidad(PROPORCION_GESTIONADA)) {
      cuentas.push({
        creditoId: c.id,
        oficinaId: c.oficinaId,
        tramos,
        gestiones: rnd.ponderado(CUANTAS),
      });
    }
  }
  return { asignaciones, cuentas };
}

/** The holder of the account on `dia`. */
export function titularEl(tramos: readonly TramoDemo[], dia: Fecha): number {
  let titular = tramos[0]?.gestorId ?? 0;
  for (const t of tramos) if (t.desde <= dia) titular = t.gestorId;
  return titular;
}
