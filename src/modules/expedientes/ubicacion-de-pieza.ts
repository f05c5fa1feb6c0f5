import type { Db } from '../../db/conexion.ts';
import type { UbicacionPieza } from '../../db/esquema.ts';
import type { Fecha } from '../../domain/fecha.ts';

/** Where a piece is, as the API shows it (the shared contract of issue 10). */
export interface Ubicacion {
  tipo: UbicacionPieza;
  /** The archive's office; for a person, the office she works at. */
  oficina: { id: number; clave: string; nombre: string } | null;
  estante: string | null;
  caja: string | null;
  usuario: { id: number; nombre: string } | null;
  despacho: { id: number; nombre: string } | null;
  /** While lent: the date it must be back. */
  devolverAMasTardar: string | null;
  /** Lent and past that date. */
  vencida: boolean;
  /** False: custody recorded nothing yet; it is in its office's archive, shelf unknown. */
  registrada: boolean;
}

type Oficina = { id: number; clave: string; nombre: string };

/** `ministracionId` null is the expediente: one key per piece of a credit. */
export const clavePieza = (ministracionId: number | null) =>
  ministracionId === null ? 'expediente' : String(ministracionId);

/** A piece without a custody row: in the archive of its credit's office (migration 0029). */
export function ubicacionPorOmision(oficina: Oficina): Ubicacion {
  return {
    tipo: 'archivo',
    oficina,
    estante: null,
    caja: null,
    usuario: null,
    despacho: null,
    devolverAMasTardar: null,
    vencida: false,
    registrada: false,
  };
}

/**
 * Where each recorded piece of a credit is now (custodia_piezas), by `clavePieza`; pieces
 * missing from the map are in their office's archive (`ubicacionPorOmision`).
 */
export async function ubicacionesDeCredito(
  trx: Db,
  creditoId: number,
  hoy: Fecha,
): Promise<Map<string, Ubicacion>> {
  const filas = await trx
    .selectFrom('custodia_piezas as p')
    .leftJoin('usuarios as u', 'u.id', 'p.usuario_id')
    // The archive's office, or the office of the person who holds it.
    .leftJoin('oficinas as o', (j) =>
      j.on((eb) => eb('o.id', '=', eb.fn.coalesce('p.oficina_id', 'u.oficina_id'))),
    )
    .leftJoin('despachos as d', 'd.id', 'p.despacho_id')
    .select([
      'p.ministracion_id',
      'p.ubicacion',
      'p.estante',
      'p.caja',
      'p.devolver_a_mas_tardar',
      'o.id as oficina_id',
      'o.clave as oficina_clave',
      'o.nombre as oficina_nombre',
      'u.id as usuario_id',
      'u.nombre as usuario_nombre',
      'd.id as despacho_id',
      'd.nombre as despacho_nombre',
    ])
    .where('p.credito_id', '=', creditoId)
    .execute();
  return new Map(
    filas.map((f) => [
      clavePieza(f.ministracion_id),
      {
        tipo: f.ubicacion,
        oficina:
          f.oficina_id === null || f.oficina_clave === null || f.oficina_nombre === null
            ? null
            : { id: f.oficina_id, clave: f.oficina_clave, nombre: f.oficina_nombre },
        estante: f.estante,
        caja: f.caja,
        usuario:
          f.usuario_id === null || f.usuario_nombre === null
            ? null
            : { id: f.usuario_id, nombre: f.usuario_nombre },
        despacho:
          f.despacho_id === null || f.despacho_nombre === null
            ? null
            : { id: f.despacho_id, nombre: f.despacho_nombre },
        devolverAMasTardar: f.devolver_a_mas_tardar,
        vencida: f.devolver_a_mas_tardar !== null && f.devolver_a_mas_tardar < hoy,
        registrada: true,
      },
    ]),
  );
}
