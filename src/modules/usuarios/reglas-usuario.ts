import type { Db } from '../../db/conexion.ts';
import type { Rol } from '../../db/esquema.ts';
import { ErrorDominio } from '../../domain/errores.ts';

/** Gestores and coordinadores work in one office: their access is scoped to it. */
export function rolRequiereOficina(rol: Rol): boolean {
  switch (rol) {
    case 'gestor':
    case 'coordinador':
      return true;
    case 'contabilidad':
    case 'abogado_externo':
    case 'administrador':
      return false;
  }
}

export async function validarOficinaParaRol(
  db: Db,
  rol: Rol,
  oficinaId: number | null,
): Promise<void> {
  if (oficinaId === null) {
    if (rolRequiereOficina(rol)) {
      throw new ErrorDominio(
        'entrada_invalida',
        'Un gestor o coordinador necesita oficina.',
        'oficinaId',
      );
    }
    return;
  }
  const oficina = await db
    .selectFrom('oficinas')
    .select('id')
    .where('id', '=', oficinaId)
    .executeTakeFirst();
  if (!oficina) throw new ErrorDominio('entrada_invalida', 'La oficina no existe.', 'oficinaId');
}
