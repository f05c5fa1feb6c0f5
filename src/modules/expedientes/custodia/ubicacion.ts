import type { Db } from '../../../db/conexion.ts';
import type { UbicacionPieza } from '../../../db/esquema.ts';
import { diasEntre, type Fecha } from '../../../domain/fecha.ts';

/**
 * Where a piece is, as every answer shows it (the shared contract of issue 10): the custody
 * routes and the expediente view (piezas-de-credito.ts) build it here, from one reading.
 */
export interface Ubicacion {
  tipo: UbicacionPieza;
  /** The archive; for a person, her office. */
  oficina: { id: number; clave: string; nombre: string } | null;
  estante: string | null;
  caja: string | null;
  usuario: { id: number; nombre: string } | null;
  despacho: { id: number; nombre: string } | null;
  devolverAMasTardar: string | null;
  /** Out with someone and past the date it had to be back. */
  vencida: boolean;
  /** False: no custody row yet, so it is in its credit's office archive, shelf unknown. */
  registrada: boolean;
}

/** A custody row joined with the names it points to (or the credit's office when no row). */
export interface FilaDeUbicacion {
  ubicacion: UbicacionPieza;
  oficina_id: number | null;
  oficina_clave: string | null;
  oficina_nombre: string | null;
  estante: string | null;
  caja: string | null;
  usuario_id: number | null;
  usuario_nombre: string | null;
  despacho_id: number | null;
  despacho_nombre: string | null;
  devolver_a_mas_tardar: string | null;
}

export const clavePieza = (creditoId: number, ministracionId: number | null): string =>
  `${creditoId}:${ministracionId ?? 'expediente'}`;

export function ubicacionDesdeFila(f: FilaDeUbicacion, hoy: Fecha, registrada: boolean): Ubicacion {
  const fecha = f.devolver_a_mas_tardar;
  return {
    tipo: f.ubicacion,
    oficina:
      f.oficina_id === null
        ? null
        : { id: f.oficina_id, clave: f.oficina_clave ?? '', nombre: f.oficina_nombre ?? '' },
    estante: f.estante,
    caja: f.caja,
    usuario: f.usuario_id === null ? null : { id: f.usuario_id, nombre: f.usuario_nombre ?? '' },
    despacho:
      f.despacho_id === null ? null : { id: f.despacho_id, nombre: f.despacho_nombre ?? '' },
    devolverAMasTardar: fecha,
    vencida:
      (f.ubicacion === 'persona' || f.ubicacion === 'despacho') &&
      fecha !== null &&
      diasEntre(hoy, fecha as Fecha) < 0,
    registrada,
  };
}

/** Who holds a piece that is out, as a message names it. */
export function quienLaTiene(u: Ubicacion): string {
  switch (u.tipo) {
    case 'persona':
      return u.usuario?.nombre ?? 'una persona';
    case 'despacho':
      return `el despacho ${u.despacho?.nombre ?? ''}`.trim();
    case 'archivo':
      return `el archivo de ${u.oficina?.nombre ?? 'la oficina'}`;
    case 'devuelto':
      return 'el acreditado (se le devolvió)';
  }
}

/** «Archivo de Hermosillo, estante A-1, caja 3», «Sofía Valenzuela Peña», «Despacho …». */
export function describirUbicacion(u: Ubicacion): string {
  switch (u.tipo) {
    case 'archivo': {
      const partes = [`Archivo de ${u.oficina?.nombre ?? 'la oficina'}`];
      if (u.estante !== null) partes.push(`estante ${u.estante}`);
      if (u.caja !== null) partes.push(`caja ${u.caja}`);
      if (!u.registrada) partes.push('sin estante registrado');
      return partes.join(', ');
    }
    case 'persona':
      return u.usuario?.nombre ?? 'Persona';
    case 'despacho':
      return `Despacho ${u.despacho?.nombre ?? ''}`.trim();
    case 'devuelto':
      return 'Devuelto al acreditado';
  }
}

/**
 * Where each of the pieces is now. A piece without a custody row is in the archive of its
 * credit's office (migration 0029): the answer says so with `registrada: false`.
 */
export async function ubicacionesDePiezas(
  trx: Db,
  piezas: ReadonlyArray<{ creditoId: number; ministracionId: number | null }>,
  hoy: Fecha,
): Promise<Map<string, Ubicacion>> {
  const creditoIds = [...new Set(piezas.map((p) => p.creditoId))];
  const r = new Map<string, Ubicacion>();
  if (creditoIds.length === 0) return r;
  const filas = await trx
    .selectFrom('custodia_piezas as cp')
    .leftJoin('usuarios as u', 'u.id', 'cp.usuario_id')
    // The archive's office; for a person, the one recorded when she took it, else hers now.
    .leftJoin('oficinas as o', (j) =>
      j.on((eb) => eb('o.id', '=', eb.fn.coalesce('cp.oficina_id', 'u.oficina_id'))),
    )
    .leftJoin('despachos as d', 'd.id', 'cp.despacho_id')
    .select([
      'cp.credito_id',
      'cp.ministracion_id',
      'cp.ubicacion',
      'o.id as oficina_id',
      'o.clave as oficina_clave',
      'o.nombre as oficina_nombre',
      'cp.estante',
      'cp.caja',
      'cp.usuario_id',
      'u.nombre as usuario_nombre',
      'cp.despacho_id',
      'd.nombre as despacho_nombre',
      'cp.devolver_a_mas_tardar',
    ])
    .where('cp.credito_id', 'in', creditoIds)
    .execute();
  const registradas = new Map(filas.map((f) => [clavePieza(f.credito_id, f.ministracion_id), f]));
  const oficinas = new Map(
    (
      await trx
        .selectFrom('creditos as c')
        .innerJoin('oficinas as o', 'o.id', 'c.oficina_id')
        .select(['c.id', 'o.id as oficina_id', 'o.clave', 'o.nombre'])
        .where('c.id', 'in', creditoIds)
        .execute()
    ).map((c) => [c.id, c]),
  );
  for (const p of piezas) {
    const clave = clavePieza(p.creditoId, p.ministracionId);
    const fila = registradas.get(clave);
    if (fila) {
      r.set(clave, ubicacionDesdeFila(fila, hoy, true));
      continue;
    }
    const o = oficinas.get(p.creditoId);
    r.set(clave, ubicacionDesdeFila(archivoSinRegistro(o ?? null), hoy, false));
  }
  return r;
}

/** The default place: the archive of the credit's office, shelf unknown. */
export function archivoSinRegistro(
  o: { oficina_id: number; clave: string; nombre: string } | null,
): FilaDeUbicacion {
  return {
    ubicacion: 'archivo',
    oficina_id: o?.oficina_id ?? null,
    oficina_clave: o?.clave ?? null,
    oficina_nombre: o?.nombre ?? null,
    estante: null,
    caja: null,
    usuario_id: null,
    usuario_nombre: null,
    despacho_id: null,
    despacho_nombre: null,
    devolver_a_mas_tardar: null,
  };
}
