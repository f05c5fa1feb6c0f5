import type { Db } from '../../db/conexion.ts';
import type { CanalPago, TipoMovimiento } from '../../db/esquema.ts';
import { formatearCentavos } from '../../domain/dinero.ts';
import { exigirCreditoVisible } from '../autorizacion/exigir-credito-visible.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';

export interface MovimientoVista {
  id: number;
  tipo: TipoMovimiento;
  fecha: string;
  monto: string | null;
  concepto: string | null;
  excedente: string | null;
  canal: CanalPago | null;
  referencia: string | null;
  motivo: string | null;
  cancela: number | null;
  canceladoPor: number | null;
  registradoPor: string | null;
  registrado: string;
}

/** The ledger of one credit as it was written, reversals included, oldest first. */
export async function listarMovimientos(
  trx: Db,
  creditoId: number,
  ctx: ContextoAutenticado,
): Promise<MovimientoVista[]> {
  await exigirCreditoVisible(trx, creditoId, ctx.actor);
  const filas = await trx
    .selectFrom('movimientos as m')
    .leftJoin('usuarios as u', 'u.id', 'm.registrado_por')
    .leftJoin('movimientos as x', 'x.cancela_id', 'm.id')
    .select([
      'm.id',
      'm.tipo',
      'm.fecha',
      'm.monto_centavos',
      'm.concepto',
      'm.excedente',
      'm.canal',
      'm.referencia',
      'm.motivo',
      'm.cancela_id',
      'm.registrado',
      'u.nombre as registrado_por',
      'x.id as cancelado_por',
    ])
    .where('m.credito_id', '=', creditoId)
    .orderBy('m.id')
    .execute();
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'movimientos.listar',
    objetoTipo: 'credito',
    objetoId: creditoId,
  });
  return filas.map((f) => ({
    id: f.id,
    tipo: f.tipo,
    fecha: f.fecha,
    monto: f.monto_centavos === null ? null : formatearCentavos(f.monto_centavos),
    concepto: f.concepto,
    excedente: f.excedente,
    canal: f.canal,
    referencia: f.referencia,
    motivo: f.motivo,
    cancela: f.cancela_id,
    canceladoPor: f.cancelado_por,
    registradoPor: f.registrado_por,
    registrado: f.registrado.toISOString(),
  }));
}
