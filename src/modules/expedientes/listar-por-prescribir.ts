import { type Expression, sql } from 'kysely';
import type { Db } from '../../db/conexion.ts';
import { nombreCompleto } from '../../db/nombre-persona.ts';
import { type Centavos, formatearCentavos } from '../../domain/dinero.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { etiquetaDePagare } from '../../domain/expedientes/etiquetas.ts';
import {
  calcularPrescripcion,
  inicios,
  type Prescripcion,
} from '../../domain/expedientes/prescripcion.ts';
import { type Fecha, sumarDias } from '../../domain/fecha.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import type { Actor } from '../seguridad/actor.ts';
import { leerParametrosPrescripcion } from './parametros-prescripcion.ts';
import { inicioDePrescripcion, ultimoPago } from './prescripcion-sql.ts';

export interface FiltroPrescripcion {
  dias: number;
  oficinaId?: number | undefined;
  incluirPrescritos: boolean;
  /** 1, 2, …: `LIMITE_POR_PRESCRIBIR` pagarés per page. */
  pagina: number;
}

export interface PagarePorPrescribir {
  creditoId: number;
  numero: string;
  acreditado: string;
  oficina: { id: number; clave: string; nombre: string };
  etiqueta: string;
  pagareNumero: string;
  vencimiento: string;
  prescripcion: Prescripcion;
  /** The balance to settle at the latest aging; null: the credit has none computed yet. */
  saldo: string | null;
}

export interface ListaPorPrescribir {
  hoy: string;
  dias: number;
  pagares: PagarePorPrescribir[];
  /** How many pagarés match; a page carries at most `LIMITE_POR_PRESCRIBIR` of them. */
  total: number;
  pagina: number;
  porPagina: number;
}

/**
 * A page of the list. The demo's 300,000 accounts have some 18,000 pagarés prescribing within
 * 180 days in one office: they are read a page at a time, soonest first.
 */
export const LIMITE_POR_PRESCRIBIR = 500;

interface Fila {
  credito_id: number;
  numero: string;
  nombres: string;
  primer_apellido: string;
  segundo_apellido: string | null;
  oficina_id: number;
  oficina_clave: string;
  oficina_nombre: string;
  pagare_numero: string;
  vencimiento: string;
  reconocimiento: string | null;
  convenio_id: number | null;
  demanda: string | null;
  pago: string | null;
  saldo: Centavos | null;
  total: number;
}

/** The office the list may cover: an office's staff only theirs; the rest, any or all. */
function oficinaDeLaLista(actor: Actor, oficinaId: number | undefined): number | null {
  if (actor.rol !== 'gestor' && actor.rol !== 'coordinador') return oficinaId ?? null;
  if (actor.oficinaId === null) {
    throw new ErrorDominio('prohibido', 'No tienes una oficina asignada.');
  }
  if (oficinaId !== undefined && oficinaId !== actor.oficinaId) {
    throw new ErrorDominio(
      'prohibido',
      'Solo puedes consultar la cartera de tu oficina.',
      'oficinaId',
    );
  }
  return actor.oficinaId;
}

/**
 * The pagarés of credits still owing (activo, en jurídico) that prescribe within `dias` days of
 * today, by prescription date; with `incluirPrescritos`, also those that prescribed within the
 * last `dias` days, marked (the debt may still be collected out of court; the expediente shows
 * every pagaré, however old). One statement over the portfolio.
 *
 * A pagaré prescribes 3 years after its start (its due date, or the latest act after it), so it
 * is in the window exactly when its start is in the window three years earlier (`inicios`):
 * the candidates are the pagarés due in that window (an index range) and those of credits with
 * an act in it (few rows). The prescription itself is the clock's, computed here per row.
 */
export async function listarPorPrescribir(
  trx: Db,
  filtro: FiltroPrescripcion,
  ctx: ContextoAutenticado,
): Promise<ListaPorPrescribir> {
  const oficinaId = oficinaDeLaLista(ctx.actor, filtro.oficinaId);
  const hoy = ctx.reloj.hoy();
  const { pagoInterrumpe } = await leerParametrosPrescripcion(trx);
  // With the prescribed: those that prescribed within the same number of days back.
  const { minimo, maximo } = inicios(
    sumarDias(hoy, filtro.incluirPrescritos ? -filtro.dias : 0),
    sumarDias(hoy, filtro.dias),
  );
  const enVentana = (fecha: Expression<string | null>) =>
    sql`${fecha} BETWEEN ${minimo}::date AND ${maximo}::date`;
  const pagina = (limite: number, desplazamiento: number) => sql<Fila>`
    WITH corte AS (SELECT max(fecha) AS fecha FROM antiguedad_saldos WHERE fecha <= ${hoy}::date),
    -- Each credit's latest acknowledgment and lawsuit up to today: few rows, read once.
    rec AS (
      SELECT DISTINCT ON (r.credito_id) r.credito_id, r.fecha, r.convenio_id
        FROM reconocimientos_de_adeudo r WHERE r.fecha <= ${hoy}::date
       ORDER BY r.credito_id, r.fecha DESC, r.convenio_id DESC
    ),
    dem AS (
      SELECT a.credito_id, max(a.fecha) AS fecha FROM actuaciones_juridicas a
       WHERE a.estado = 'demanda_presentada' AND a.fecha <= ${hoy}::date
       GROUP BY a.credito_id
    ),
    con_acto AS (
      SELECT credito_id FROM rec WHERE ${enVentana(sql.ref('fecha'))}
      UNION
      SELECT credito_id FROM dem WHERE ${enVentana(sql.ref('fecha'))}
      ${
        pagoInterrumpe
          ? sql`UNION
      -- Of the credits with a payment in the window, those whose latest payment is in it.
      -- (OFFSET 0: each lookup once per credit, not once per side of the BETWEEN.)
      SELECT u.credito_id FROM (
        SELECT DISTINCT p.credito_id FROM movimientos p
         WHERE p.tipo = 'pago' AND p.fecha <= ${hoy}::date AND ${enVentana(sql.ref('p.fecha'))}
      ) u
      CROSS JOIN LATERAL (SELECT ${ultimoPago(sql.ref('u.credito_id'), hoy, true)} AS fecha OFFSET 0) up
       WHERE ${enVentana(sql.ref('up.fecha'))}`
          : sql``
      }
    ),
    -- The pagarés due in the window, from the index alone (migration 0030), and those of
    -- credits with an act in it.
    candidatos AS (
      SELECT m.credito_id, m.numero, m.pagare_vencimiento FROM ministraciones m
       WHERE ${enVentana(sql.ref('m.pagare_vencimiento'))}
      UNION ALL
      SELECT m.credito_id, m.numero, m.pagare_vencimiento
        FROM con_acto CROSS JOIN LATERAL (
          -- By the credit's index: a few thousand credits, not a pass over two million rows.
          SELECT m.credito_id, m.numero, m.pagare_vencimiento FROM ministraciones m
           WHERE m.credito_id = con_acto.credito_id
             AND NOT ${enVentana(sql.ref('m.pagare_vencimiento'))}
          OFFSET 0
        ) m
    ),
    calculados AS (
      SELECT k.credito_id, k.numero AS ministracion, k.pagare_vencimiento, c.numero, c.oficina_id,
             rec.fecha AS reconocimiento, rec.convenio_id, dem.fecha AS demanda, pag.fecha AS pago,
             ${inicioDePrescripcion(sql.ref('k.pagare_vencimiento'), sql.ref('rec.fecha'), sql.ref('dem.fecha'), sql.ref('pag.fecha'))} AS inicio
        FROM candidatos k
        JOIN creditos c ON c.id = k.credito_id
        LEFT JOIN rec ON rec.credito_id = k.credito_id
        LEFT JOIN dem ON dem.credito_id = k.credito_id
        CROSS JOIN LATERAL (
          SELECT ${ultimoPago(sql.ref('k.credito_id'), hoy, pagoInterrumpe)} AS fecha ${pagoInterrumpe ? sql`OFFSET 0` : sql``}
        ) pag
       WHERE c.estado IN ('activo', 'en_juridico')
         ${oficinaId === null ? sql`` : sql`AND c.oficina_id = ${oficinaId}`}
    ),
    -- By start is by prescription date (three years later, in the same order).
    elegidos AS (
      SELECT *, count(*) OVER () AS total FROM calculados
       WHERE ${enVentana(sql.ref('inicio'))}
       ORDER BY inicio, numero, ministracion
       LIMIT ${limite} OFFSET ${desplazamiento}
    )
    SELECT e.credito_id, e.numero, pe.nombres, pe.primer_apellido, pe.segundo_apellido,
           o.id AS oficina_id, o.clave AS oficina_clave, o.nombre AS oficina_nombre,
           m.pagare_numero, e.pagare_vencimiento::text AS vencimiento,
           e.reconocimiento::text AS reconocimiento, e.convenio_id,
           e.demanda::text AS demanda, e.pago::text AS pago,
           s.saldo_para_liquidar_centavos AS saldo, e.total::int AS total
      FROM elegidos e
      JOIN ministraciones m ON m.credito_id = e.credito_id AND m.numero = e.ministracion
      JOIN oficinas o ON o.id = e.oficina_id
      LEFT JOIN participantes_credito pc ON pc.credito_id = e.credito_id AND pc.rol = 'acreditado'
      LEFT JOIN personas pe ON pe.id = pc.persona_id
      CROSS JOIN corte
      LEFT JOIN antiguedad_saldos s ON s.credito_id = e.credito_id AND s.fecha = corte.fecha
     ORDER BY e.inicio, e.numero, e.ministracion
  `;
  const { rows } = await pagina(
    LIMITE_POR_PRESCRIBIR,
    (filtro.pagina - 1) * LIMITE_POR_PRESCRIBIR,
  ).execute(trx);
  // Past the last page no row carries the count: the first pagaré does.
  const total =
    rows[0]?.total ??
    (filtro.pagina > 1 ? ((await pagina(1, 0).execute(trx)).rows[0]?.total ?? 0) : 0);
  const pagares = rows.map((f): PagarePorPrescribir => {
    const vencimiento = f.vencimiento as Fecha;
    return {
      creditoId: f.credito_id,
      numero: f.numero,
      acreditado: f.nombres === null ? '' : nombreCompleto(f),
      oficina: { id: f.oficina_id, clave: f.oficina_clave, nombre: f.oficina_nombre },
      etiqueta: etiquetaDePagare(f.pagare_numero),
      pagareNumero: f.pagare_numero,
      vencimiento,
      prescripcion: calcularPrescripcion({
        vencimiento,
        reconocimientos:
          f.reconocimiento === null || f.convenio_id === null
            ? []
            : [{ fecha: f.reconocimiento as Fecha, convenioId: f.convenio_id }],
        demandas: f.demanda === null ? [] : [f.demanda as Fecha],
        pagos: f.pago === null ? [] : [f.pago as Fecha],
        pagoInterrumpe,
        hoy,
      }),
      saldo: f.saldo === null ? null : formatearCentavos(f.saldo),
    };
  });
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'prescripcion.consultar',
    objetoTipo: oficinaId === null ? undefined : 'oficina',
    objetoId: oficinaId ?? undefined,
    detalle: {
      dias: filtro.dias,
      incluirPrescritos: filtro.incluirPrescritos,
      pagina: filtro.pagina,
      total,
    },
  });
  return {
    hoy,
    dias: filtro.dias,
    pagares,
    total,
    pagina: filtro.pagina,
    porPagina: LIMITE_POR_PRESCRIBIR,
  };
}
