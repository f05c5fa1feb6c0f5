import type { Db } from '../../db/conexion.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';

export interface AlertaAcceso {
  id: number;
  instante: string;
  /** `usuario`: many failures against one user; `direccion`: from one address. */
  tipo: 'usuario' | 'direccion';
  /** The user name (in lower case) or the address. */
  clave: string;
  fallos: number;
  /** Distinct addresses that failed for the user, or distinct users tried from the address. */
  distintos: number;
}

const DIAS_VISIBLES = 7;

/** Bursts of failed logins of the last week, newest first, for the administrador. */
export async function listarAlertasDeAcceso(
  trx: Db,
  ctx: ContextoAutenticado,
): Promise<AlertaAcceso[]> {
  const desde = new Date(ctx.reloj.ahora().getTime() - DIAS_VISIBLES * 86_400_000);
  const filas = await trx
    .selectFrom('alertas_acceso')
    .select(['id', 'instante', 'tipo', 'clave', 'fallos', 'distintos'])
    .where('instante', '>', desde)
    .orderBy('id', 'desc')
    .limit(200)
    .execute();
  // User names and addresses of people: who looked is recorded, as for the user list.
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'seguridad.alertas',
    detalle: { filas: filas.length },
  });
  return filas.map((f) => ({ ...f, instante: f.instante.toISOString() }));
}
