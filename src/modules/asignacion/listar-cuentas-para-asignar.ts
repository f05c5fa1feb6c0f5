import { sql } from 'kysely';
import type { Db } from '../../db/conexion.ts';
import type { Bucket } from '../../domain/antiguedad.ts';
import { formatearCentavos } from '../../domain/dinero.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { cuentasAsignables, type FiltroCuentas, saldoDeCuenta } from './cuentas-asignables.ts';
import { oficinaDeTrabajo } from './oficina-de-trabajo.ts';

export const CUENTAS_POR_PAGINA = 50;

export interface CuentaParaAsignar {
  creditoId: number;
  numero: string;
  acreditado: string;
  municipio: string | null;
  bucket: Bucket | null;
  saldoExigible: string;
  gestor: { id: number; nombre: string } | null;
  ultimaGestion: string | null;
}

export interface ListaParaAsignar {
  total: number;
  pagina: number;
  porPagina: number;
  cuentas: CuentaParaAsignar[];
}

/**
 * The office's assignable accounts (active, not with a law firm), largest balance first, for
 * assigning by hand or choosing what to distribute. A coordinador always gets his own office.
 */
export async function listarCuentasParaAsignar(
  trx: Db,
  consulta: FiltroCuentas & { oficinaId?: number; pagina: number },
  ctx: ContextoAutenticado,
): Promise<ListaParaAsignar> {
  const { oficinaId, pagina, ...filtro } = consulta;
  const oficina = await oficinaDeTrabajo(trx, ctx.actor, oficinaId);
  const { total } = await cuentasAsignables(trx, oficina.id, filtro)
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  const filas = await cuentasAsignables(trx, oficina.id, filtro)
    .innerJoin('participantes_credito as pc', (j) =>
      j.onRef('pc.credito_id', '=', 'c.id').on('pc.rol', '=', 'acreditado'),
    )
    .innerJoin('personas as p', 'p.id', 'pc.persona_id')
    .leftJoin('usuarios as u', 'u.id', 'c.gestor_id')
    .select((eb) => [
      'c.id',
      'c.numero',
      'pc.persona_id',
      sql<string>`concat_ws(' ', p.nombres, p.primer_apellido, p.segundo_apellido)`.as(
        'acreditado',
      ),
      'a.bucket',
      saldoDeCuenta.as('saldo'),
      'u.id as gestor_id',
      'u.nombre as gestor_nombre',
      eb
        .selectFrom('gestiones as g')
        .select((g) => g.fn.max('g.inicio').as('inicio'))
        .whereRef('g.credito_id', '=', 'c.id')
        .as('ultima_gestion'),
    ])
    .orderBy(saldoDeCuenta, 'desc')
    .orderBy('c.numero')
    .limit(CUENTAS_POR_PAGINA)
    .offset((pagina - 1) * CUENTAS_POR_PAGINA)
    .execute();
  const municipios = await municipiosDe(
    trx,
    filas.map((f) => f.persona_id),
  );
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'asignacion.cuentas',
    objetoTipo: 'oficina',
    objetoId: oficina.id,
    detalle: { ...filtro, pagina, filas: filas.length },
  });
  return {
    total,
    pagina,
    porPagina: CUENTAS_POR_PAGINA,
    cuentas: filas.map((f) => ({
      creditoId: f.id,
      numero: f.numero,
      acreditado: f.acreditado,
      municipio: municipios.get(f.persona_id) ?? null,
      bucket: f.bucket,
      saldoExigible: formatearCentavos(f.saldo),
      gestor:
        f.gestor_id === null || f.gestor_nombre === null
          ? null
          : { id: f.gestor_id, nombre: f.gestor_nombre },
      ultimaGestion: f.ultima_gestion === null ? null : new Date(f.ultima_gestion).toISOString(),
    })),
  };
}

/**
 * Each person's current address' municipio (the newest, when several are current). One query
 * for the page rather than one per row.
 */
async function municipiosDe(trx: Db, personas: number[]): Promise<Map<number, string>> {
  if (personas.length === 0) return new Map();
  const filas = await trx
    .selectFrom('domicilios')
    .select(['persona_id', 'municipio'])
    .distinctOn('persona_id')
    .where('persona_id', 'in', personas)
    .where('vigente', '=', true)
    .where('retirado', 'is', null)
    .orderBy('persona_id')
    .orderBy('id', 'desc')
    .execute();
  return new Map(filas.map((f) => [f.persona_id, f.municipio]));
}
