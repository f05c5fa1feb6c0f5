import type { Db } from '../../db/conexion.ts';
import type { EstadoDepositoPendiente } from '../../db/esquema.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { consultaDeDepositos, type VistaDeposito, vistaDeDeposito } from './deposito.ts';

export const POR_PAGINA = 100;

export interface FiltroPendientes {
  estado: EstadoDepositoPendiente;
  pagina: number;
}

export interface ListaDePendientes {
  total: number;
  pagina: number;
  porPagina: number;
  depositos: VistaDeposito[];
}

/**
 * Deposits waiting for a person, oldest first. A bank's concept often carries the depositor's
 * name, which is personal data: the consultation is logged.
 */
export async function listarDepositosPendientes(
  trx: Db,
  filtro: FiltroPendientes,
  ctx: ContextoAutenticado,
): Promise<ListaDePendientes> {
  const [conteo, filas] = await Promise.all([
    trx
      .selectFrom('depositos_pendientes')
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .where('estado', '=', filtro.estado)
      .executeTakeFirstOrThrow(),
    consultaDeDepositos(trx)
      .where('d.estado', '=', filtro.estado)
      .orderBy('d.fecha')
      .orderBy('d.id')
      .limit(POR_PAGINA)
      .offset((filtro.pagina - 1) * POR_PAGINA)
      .execute(),
  ]);
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'conciliacion.listar_pendientes',
    objetoTipo: 'deposito_pendiente',
    detalle: { estado: filtro.estado, pagina: filtro.pagina },
  });
  return {
    total: Number(conteo.total),
    pagina: filtro.pagina,
    porPagina: POR_PAGINA,
    depositos: filas.map(vistaDeDeposito),
  };
}
