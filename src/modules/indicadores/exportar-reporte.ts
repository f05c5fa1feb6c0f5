import type { Db } from '../../db/conexion.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import type { Fecha } from '../../domain/fecha.ts';
import { ZONA_INSTITUTO } from '../../domain/gestion/zona-horaria.ts';
import type { Mes } from '../../domain/metas/mes.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { razonSocialParaImprimir } from '../instituto/datos-del-instituto.ts';
import { consultarIndicadores } from './consultar-indicadores.ts';
import { armarReporte } from './reporte-comun.ts';
import { reporteIndicadoresPdf } from './reporte-pdf.ts';
import { reporteIndicadoresXlsx } from './reporte-xlsx.ts';

export type FormatoReporte = 'xlsx' | 'pdf';

export interface SolicitudDeReporte {
  mes: Mes;
  /** Absent: the institute's report (contabilidad and administrador only). */
  oficinaId?: number;
  alCorte?: Fecha;
  formato: FormatoReporte;
}

export interface ReporteExportado {
  archivo: Buffer;
  /** The download's file name, ASCII: "indicadores-HMO-2026-03.xlsx". */
  nombre: string;
}

/**
 * Who may export which report (policy 'indicadores.exportar'): a coordinador his own office's,
 * contabilidad and the administrador any office's or the institute's. What each family shows
 * to the reader (contabilidad: recovery alone) is consultarIndicadores' rule, so the files say
 * no more than the dashboards do.
 */
function exigirAlcance(ctx: ContextoAutenticado, oficinaId: number | undefined): void {
  const { actor } = ctx;
  if (actor.rol === 'contabilidad' || actor.rol === 'administrador') return;
  if (actor.rol === 'coordinador' && oficinaId !== undefined && oficinaId === actor.oficinaId)
    return;
  throw new ErrorDominio(
    'prohibido',
    oficinaId === undefined
      ? 'Sólo Contabilidad y el administrador pueden exportar el reporte del instituto.'
      : 'Sólo puedes exportar el reporte de tu oficina.',
    'oficinaId',
  );
}

/**
 * The month's report of an office (its row and one per gestor) or of the institute (its row
 * and one per office), as XLSX or PDF. The export is logged with what was asked.
 */
export async function exportarReporte(
  trx: Db,
  s: SolicitudDeReporte,
  ctx: ContextoAutenticado,
): Promise<ReporteExportado> {
  exigirAlcance(ctx, s.oficinaId);
  let clave = 'instituto';
  if (s.oficinaId !== undefined) {
    const oficina = await trx
      .selectFrom('oficinas')
      .select('clave')
      .where('id', '=', s.oficinaId)
      .executeTakeFirst();
    if (!oficina) throw new ErrorDominio('no_encontrado', 'La oficina no existe.', 'oficinaId');
    clave = oficina.clave;
  }
  const consulta = { mes: s.mes, alCorte: s.alCorte, oficinaId: s.oficinaId };
  const principal = await consultarIndicadores(
    trx,
    { ...consulta, nivel: s.oficinaId === undefined ? 'instituto' : 'oficina' },
    ctx,
  );
  const detalle = await consultarIndicadores(
    trx,
    { ...consulta, nivel: s.oficinaId === undefined ? 'oficina' : 'gestor' },
    ctx,
  );
  const reporte = armarReporte(principal, detalle, {
    instante: ctx.reloj.ahora(),
    usuario: ctx.actor.usuario,
    zonaHoraria: ZONA_INSTITUTO,
  });
  const archivo =
    s.formato === 'xlsx'
      ? await reporteIndicadoresXlsx(reporte)
      : await reporteIndicadoresPdf(reporte, await razonSocialParaImprimir(trx));
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'indicadores.exportar',
    objetoTipo: s.oficinaId === undefined ? 'instituto' : 'oficina',
    objetoId: s.oficinaId === undefined ? undefined : String(s.oficinaId),
    detalle: {
      mes: s.mes,
      alCorte: reporte.alCorte,
      formato: s.formato,
      filas: reporte.detalle.length,
    },
  });
  return { archivo, nombre: `indicadores-${clave}-${s.mes}.${s.formato}` };
}
