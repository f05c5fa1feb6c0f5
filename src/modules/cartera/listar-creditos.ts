import { sql } from 'kysely';
import type { Db } from '../../db/conexion.ts';
import type { AntiguedadSaldosFila } from '../../db/esquema.ts';
import type { Bucket } from '../../domain/antiguedad.ts';
import { formatearCentavos } from '../../domain/dinero.ts';
import type { EstadoCredito } from '../../domain/estado-credito.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { filtroDeAlcance } from './alcance-sql.ts';

export interface FiltroCreditos {
  numero?: string;
  bucket?: Bucket;
  pagina: number;
}

export interface CreditoEnLista {
  id: number;
  numero: string;
  acreditado: string;
  oficina: string;
  estado: EstadoCredito;
  antiguedad: {
    fecha: string;
    situacion: AntiguedadSaldosFila['situacion'];
    diasAtraso: number;
    bucket: Bucket;
    saldoExigible: string;
    saldoParaLiquidar: string;
  } | null;
}

export const POR_PAGINA = 50;

/** The portfolio the actor may see, with each credit's latest aging snapshot. */
export async function listarCreditos(
  trx: Db,
  filtro: FiltroCreditos,
  ctx: ContextoAutenticado,
): Promise<{ creditos: CreditoEnLista[]; pagina: number; porPagina: number }> {
  let consulta = trx
    .selectFrom('creditos as c')
    .innerJoin('oficinas as o', 'o.id', 'c.oficina_id')
    .innerJoin('participantes_credito as pc', (j) =>
      j.onRef('pc.credito_id', '=', 'c.id').on('pc.rol', '=', 'acreditado'),
    )
    .innerJoin('personas as p', 'p.id', 'pc.persona_id')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('antiguedad_saldos as a')
          .selectAll('a')
          .whereRef('a.credito_id', '=', 'c.id')
          .orderBy('a.fecha', 'desc')
          .limit(1)
          .as('a'),
      (j) => j.onTrue(),
    )
    .select([
      'c.id',
      'c.numero',
      'c.estado',
      'o.nombre as oficina',
      sql<string>`concat_ws(' ', p.nombres, p.primer_apellido, p.segundo_apellido)`.as(
        'acreditado',
      ),
      'a.fecha',
      'a.situacion',
      'a.dias_atraso',
      'a.bucket',
      'a.saldo_exigible_centavos',
      'a.saldo_para_liquidar_centavos',
    ])
    .where(filtroDeAlcance(ctx.actor));
  if (filtro.numero)
    consulta = consulta.where('c.numero', 'like', `${filtro.numero.replace(/[%_\\]/g, '\\$&')}%`);
  if (filtro.bucket) consulta = consulta.where('a.bucket', '=', filtro.bucket);
  const filas = await consulta
    .orderBy('c.numero')
    .limit(POR_PAGINA)
    .offset((filtro.pagina - 1) * POR_PAGINA)
    .execute();
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'creditos.listar',
    detalle: { ...filtro, filas: filas.length },
  });
  return {
    pagina: filtro.pagina,
    porPagina: POR_PAGINA,
    creditos: filas.map((f) => ({
      id: f.id,
      numero: f.numero,
      acreditado: f.acreditado,
      oficina: f.oficina,
      estado: f.estado,
      // The left join's columns are null together: a credit without a snapshot yet.
      antiguedad:
        f.fecha === null ||
        f.situacion === null ||
        f.dias_atraso === null ||
        f.bucket === null ||
        f.saldo_exigible_centavos === null ||
        f.saldo_para_liquidar_centavos === null
          ? null
          : {
              fecha: f.fecha,
              situacion: f.situacion,
              diasAtraso: f.dias_atraso,
              bucket: f.bucket,
              saldoExigible: formatearCentavos(f.saldo_exigible_centavos),
              saldoParaLiquidar: formatearCentavos(f.saldo_para_liquidar_centavos),
            },
    })),
  };
}
