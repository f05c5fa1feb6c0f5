import { sql } from 'kysely';
import type { Db } from '../../db/conexion.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import type { Fecha } from '../../domain/fecha.ts';
import type { ContextoAutenticado } from '../contexto.ts';

export interface Indicador {
  registrados: number;
  atendidos: number;
  abandonados: number;
  pendientes: number;
  /** atendidos ÷ registrados, 0 when nobody came. */
  tasaAtencion: number;
  esperaPromedioMin: number | null;
  atencionPromedioMin: number | null;
}

export interface IndicadoresTurnos {
  desde: string;
  hasta: string;
  porDia: Array<Indicador & { fecha: string }>;
  porGestor: Array<Indicador & { gestor: string }>;
}

const columnas = sql<{
  registrados: number;
  atendidos: number;
  abandonados: number;
  pendientes: number;
  espera: number | null;
  atencion: number | null;
}>`count(*)::int AS registrados,
   count(*) FILTER (WHERE t.estado = 'atendido')::int AS atendidos,
   count(*) FILTER (WHERE t.estado = 'abandonado')::int AS abandonados,
   count(*) FILTER (WHERE t.estado IN ('en_espera', 'en_atencion'))::int AS pendientes,
   round(avg(extract(epoch FROM t.inicio_atencion - t.llegada) / 60)::numeric, 1)::float8 AS espera,
   round(avg(extract(epoch FROM t.fin_atencion - t.inicio_atencion) / 60)::numeric, 1)::float8 AS atencion`;

function indicador(f: {
  registrados: number;
  atendidos: number;
  abandonados: number;
  pendientes: number;
  espera: number | null;
  atencion: number | null;
}): Indicador {
  return {
    registrados: f.registrados,
    atendidos: f.atendidos,
    abandonados: f.abandonados,
    pendientes: f.pendientes,
    tasaAtencion: f.registrados === 0 ? 0 : Math.round((f.atendidos / f.registrados) * 1000) / 1000,
    esperaPromedioMin: f.espera,
    atencionPromedioMin: f.atencion,
  };
}

/**
 * "Attend every borrower who comes in", measured: per day and per gestor, over the actor's
 * office (a coordinador's) or the whole institute (administración).
 */
export async function indicadoresTurnos(
  db: Db,
  desde: Fecha,
  hasta: Fecha,
  ctx: ContextoAutenticado,
): Promise<IndicadoresTurnos> {
  if (desde > hasta)
    throw new ErrorDominio(
      'entrada_invalida',
      '«desde» no puede ser posterior a «hasta».',
      'desde',
    );
  const oficina = ctx.actor.rol === 'administrador' ? null : ctx.actor.oficinaId;
  const filtro = oficina === null ? sql`true` : sql`t.oficina_id = ${oficina}`;
  const porDia = await sql<{
    fecha: string;
    registrados: number;
    atendidos: number;
    abandonados: number;
    pendientes: number;
    espera: number | null;
    atencion: number | null;
  }>`
    SELECT t.fecha, ${columnas} FROM turnos t
     WHERE t.fecha BETWEEN ${desde} AND ${hasta} AND ${filtro}
     GROUP BY t.fecha ORDER BY t.fecha`.execute(db);
  // Per gestor: the turns each one took (registered ones nobody took count for nobody).
  const porGestor = await sql<{
    gestor: string;
    registrados: number;
    atendidos: number;
    abandonados: number;
    pendientes: number;
    espera: number | null;
    atencion: number | null;
  }>`
    SELECT u.nombre AS gestor, ${columnas} FROM turnos t JOIN usuarios u ON u.id = t.gestor_id
     WHERE t.fecha BETWEEN ${desde} AND ${hasta} AND ${filtro}
     GROUP BY u.nombre ORDER BY u.nombre`.execute(db);
  return {
    desde,
    hasta,
    porDia: porDia.rows.map((f) => ({ fecha: f.fecha, ...indicador(f) })),
    porGestor: porGestor.rows.map((f) => ({ gestor: f.gestor, ...indicador(f) })),
  };
}
