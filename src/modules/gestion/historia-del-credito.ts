import { sql } from 'kysely';
import type { Db } from '../../db/conexion.ts';
import { cierreDelDia } from '../../db/dia-de-negocio.ts';
import { type Centavos, formatearPesos } from '../../domain/dinero.ts';
import { type CanalGestion, NOMBRE_CANAL } from '../../domain/gestion/canal.ts';
import { ZONA_INSTITUTO } from '../../domain/gestion/zona-horaria.ts';
import { exigirCreditoVisible } from '../autorizacion/exigir-credito-visible.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { medioVisible } from './vista-gestion.ts';

export type TipoEvento =
  | 'gestion'
  | 'pago'
  | 'condonacion'
  | 'cancelacion'
  | 'convenio'
  | 'turno'
  | 'promesa'
  | 'recado';

export interface EventoDeHistoria {
  tipo: TipoEvento;
  id: string;
  instante: string;
  /** The business date of the event (America/Hermosillo). */
  fecha: string;
  titulo: string;
  detalle: string | null;
  quien: string | null;
}

interface FilaHistoria {
  tipo: TipoEvento;
  id: string;
  instante: Date;
  canal: string | null;
  monto: Centavos | null;
  texto: string | null;
  extra: string | null;
  quien: string | null;
  /** A gestión's phone, e-mail or address, masked here (not in SQL), and its note. */
  medio: string | null;
  nota: string | null;
}

const NOMBRE_CONCEPTO: Record<string, string> = {
  moratorio: 'interés moratorio',
  interes: 'interés ordinario',
  capital: 'capital',
};

// The turno's state as people read it: the keys (`en_atencion`) are not Spanish text.
const NOMBRE_ESTADO_TURNO: Record<string, string> = {
  en_espera: 'en espera',
  en_atencion: 'en atención',
  atendido: 'atendido',
  abandonado: 'abandonado',
};

// en-CA formats as YYYY-MM-DD.
const fechaDeNegocio = new Intl.DateTimeFormat('en-CA', { timeZone: ZONA_INSTITUTO });

function pesos(monto: Centavos | null): string {
  return monto === null ? '' : formatearPesos(monto);
}

function titulo(f: FilaHistoria): { titulo: string; detalle: string | null } {
  switch (f.tipo) {
    case 'gestion':
      return {
        titulo: `${NOMBRE_CANAL[f.canal as CanalGestion] ?? f.canal}: ${f.extra ?? ''}`,
        detalle: [f.texto, medioVisible(f.canal as CanalGestion, f.medio), f.nota]
          .filter((t) => t !== null)
          .join(' · '),
      };
    case 'pago':
      return { titulo: `Pago de ${pesos(f.monto)}`, detalle: f.texto };
    case 'condonacion':
      return {
        titulo: `Condonación de ${pesos(f.monto)} de ${NOMBRE_CONCEPTO[f.extra ?? ''] ?? f.extra}`,
        detalle: f.texto,
      };
    case 'cancelacion':
      return { titulo: `Cancelación del movimiento ${f.extra ?? ''}`, detalle: f.texto };
    case 'convenio':
      return { titulo: `Convenio ${f.texto ?? ''} (${f.extra ?? ''})`, detalle: null };
    case 'turno':
      return {
        titulo: `Visita a ventanilla (${NOMBRE_ESTADO_TURNO[f.extra ?? ''] ?? f.extra ?? ''})`,
        detalle: f.texto,
      };
    case 'promesa':
      return {
        titulo: `Promesa de pago de ${pesos(f.monto)} para el ${f.texto ?? ''}`,
        detalle: f.extra,
      };
    case 'recado':
      return { titulo: `Recado de ${f.extra ?? ''}`, detalle: f.texto };
  }
}

/**
 * Everything that happened to an account, newest first, for the ficha: contact attempts,
 * ledger movements, convenios, walk-ins of its people, promises and recados. At most the
 * 200 latest events: an account's life fits, and the ledger has its own full list.
 */
export async function historiaDelCredito(
  trx: Db,
  creditoId: number,
  ctx: ContextoAutenticado,
): Promise<{ eventos: EventoDeHistoria[] }> {
  await exigirCreditoVisible(trx, creditoId, ctx.actor);
  const { rows } = await sql<FilaHistoria>`
    SELECT * FROM (
      SELECT 'gestion' AS tipo, g.id::text AS id, g.inicio AS instante, g.canal, NULL::int8 AS monto,
             g.contacto_nombre AS texto, r.nombre AS extra, u.nombre AS quien, g.medio, g.nota
        FROM gestiones g JOIN resultados_gestion r ON r.id = g.resultado_id JOIN usuarios u ON u.id = g.registrado_por
       WHERE g.credito_id = ${creditoId}
      UNION ALL
      -- A movement recorded on its own date sits where it was recorded; one recorded later
      -- (backdated, imported: a 2019 payment belongs in 2019) at the end of its date.
      SELECT m.tipo, m.id::text,
             CASE WHEN (m.registrado AT TIME ZONE ${ZONA_INSTITUTO})::date = m.fecha THEN m.registrado
                  ELSE ${cierreDelDia(sql.ref('m.fecha'))} - interval '1 second' END,
             m.canal,
             (m.monto_centavos + coalesce((SELECT sum(x.monto_centavos) FROM movimientos x WHERE x.parte_de = m.id), 0))::int8,
             concat_ws(' · ', m.referencia, m.motivo), coalesce(m.concepto, m.cancela_id::text), u.nombre,
             NULL, NULL
        FROM movimientos m LEFT JOIN usuarios u ON u.id = m.registrado_por
       WHERE m.credito_id = ${creditoId} AND m.parte_de IS NULL
      UNION ALL
      SELECT 'convenio', v.id::text, v.propuesto_el, NULL, v.total_centavos, v.nombre, v.estado, u.nombre,
             NULL, NULL
        FROM convenio_creditos cc JOIN convenios v ON v.id = cc.convenio_id JOIN usuarios u ON u.id = v.propuesto_por
       WHERE cc.credito_id = ${creditoId}
      UNION ALL
      SELECT 'turno', t.id::text, t.llegada, NULL, NULL, t.resultado, t.estado, u.nombre, NULL, NULL
        FROM turnos t JOIN participantes_credito p ON p.persona_id = t.persona_id AND p.credito_id = ${creditoId}
        LEFT JOIN usuarios u ON u.id = t.gestor_id
      UNION ALL
      SELECT 'promesa', p.id::text, g.inicio + interval '1 millisecond', NULL, p.monto_centavos,
             to_char(p.fecha, 'DD/MM/YYYY'),
             CASE p.estado WHEN 'pendiente' THEN 'Pendiente' WHEN 'cumplida' THEN 'Cumplida' ELSE 'Incumplida' END,
             u.nombre, NULL, NULL
        FROM promesas_pago p JOIN gestiones g ON g.id = p.gestion_id JOIN usuarios u ON u.id = g.registrado_por
       WHERE p.credito_id = ${creditoId}
      UNION ALL
      SELECT 'recado', r.id::text, r.creado, NULL, NULL, r.mensaje, r.llamante_nombre, u.nombre,
             NULL, NULL
        FROM recados r JOIN usuarios u ON u.id = r.creado_por
       WHERE r.credito_id = ${creditoId}
    ) h
    ORDER BY instante DESC, tipo, id DESC
    LIMIT 200
  `.execute(trx);
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'credito.historia_consultada',
    objetoTipo: 'credito',
    objetoId: creditoId,
  });
  return {
    eventos: rows.map((f) => ({
      tipo: f.tipo,
      id: f.id,
      instante: new Date(f.instante).toISOString(),
      fecha: fechaDeNegocio.format(new Date(f.instante)),
      ...titulo(f),
      quien: f.quien,
    })),
  };
}
