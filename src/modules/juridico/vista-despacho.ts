import type { Db } from '../../db/conexion.ts';
import { ErrorDominio } from '../../domain/errores.ts';

/** A law firm as the catalogue shows it, with the external lawyers tied to it. */
export interface DespachoJson {
  id: number;
  nombre: string;
  activo: boolean;
  contacto: string | null;
  telefono: string | null;
  correo: string | null;
  abogados: Array<{ id: number; usuario: string; nombre: string; activo: boolean }>;
  /** Accounts it holds now (open turnados). */
  cuentasTurnadas: number;
}

export async function despachosComoJson(trx: Db, ids?: readonly number[]): Promise<DespachoJson[]> {
  let consulta = trx
    .selectFrom('despachos as d')
    .select((eb) => [
      'd.id',
      'd.nombre',
      'd.activo',
      'd.contacto',
      'd.telefono',
      'd.correo',
      eb
        .selectFrom('turnados as t')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('t.despacho_id', '=', 'd.id')
        .where('t.devuelto_en', 'is', null)
        .as('cuentas'),
    ])
    .orderBy('d.nombre');
  if (ids !== undefined) consulta = consulta.where('d.id', 'in', ids.length > 0 ? ids : [0]);
  const despachos = await consulta.execute();
  const abogados = await trx
    .selectFrom('usuarios')
    .select(['id', 'usuario', 'nombre', 'activo', 'despacho_id'])
    .where('rol', '=', 'abogado_externo')
    .where('despacho_id', 'is not', null)
    .orderBy('nombre')
    .execute();
  return despachos.map((d) => ({
    id: d.id,
    nombre: d.nombre,
    activo: d.activo,
    contacto: d.contacto,
    telefono: d.telefono,
    correo: d.correo,
    abogados: abogados
      .filter((a) => a.despacho_id === d.id)
      .map((a) => ({ id: a.id, usuario: a.usuario, nombre: a.nombre, activo: a.activo })),
    cuentasTurnadas: Number(d.cuentas ?? 0),
  }));
}

export async function unDespachoComoJson(trx: Db, id: number): Promise<DespachoJson> {
  const [d] = await despachosComoJson(trx, [id]);
  if (!d) throw new ErrorDominio('no_encontrado', 'El despacho no existe.');
  return d;
}

/**
 * Ties exactly `abogadoIds` to the firm: each must be a user with the role abogado_externo (a
 * lawyer works for one firm, so one tied elsewhere moves here); lawyers no longer listed are
 * untied and lose every account of the firm at once.
 */
export async function vincularAbogados(
  trx: Db,
  despachoId: number,
  abogadoIds: readonly number[],
): Promise<void> {
  if (abogadoIds.length > 0) {
    const validos = await trx
      .selectFrom('usuarios')
      .select('id')
      .where('id', 'in', abogadoIds)
      .where('rol', '=', 'abogado_externo')
      .execute();
    const faltan = abogadoIds.filter((id) => !validos.some((v) => v.id === id));
    if (faltan.length > 0) {
      throw new ErrorDominio(
        'entrada_invalida',
        `El usuario ${faltan[0]} no existe o no tiene el rol de abogado externo.`,
        'abogadoIds',
      );
    }
  }
  let desvincular = trx
    .updateTable('usuarios')
    .set({ despacho_id: null })
    .where('despacho_id', '=', despachoId);
  if (abogadoIds.length > 0) desvincular = desvincular.where('id', 'not in', abogadoIds);
  await desvincular.execute();
  if (abogadoIds.length > 0) {
    await trx
      .updateTable('usuarios')
      .set({ despacho_id: despachoId })
      .where('id', 'in', abogadoIds)
      .execute();
  }
}
