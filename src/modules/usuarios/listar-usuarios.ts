import type { Db } from '../../db/conexion.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { consultaUsuarios, type UsuarioVista, usuarioVistaDesdeFila } from './vista-usuario.ts';

/** Names of staff are personal data: the listing is logged like any other view of it. */
export async function listarUsuarios(trx: Db, ctx: ContextoAutenticado): Promise<UsuarioVista[]> {
  const filas = await consultaUsuarios(trx).orderBy('u.usuario').execute();
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'usuarios.listar',
    detalle: { filas: filas.length },
  });
  return filas.map(usuarioVistaDesdeFila);
}
