import { sql } from 'kysely';
import type { Db } from '../../db/conexion.ts';
import { ZONA_INSTITUTO } from '../../domain/gestion/zona-horaria.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { consultaBitacora, type FiltroBitacora, filaBitacora } from './filtro-bitacora.ts';
import { registrarEnBitacora } from './registrar-en-bitacora.ts';

const LOTE = 1_000;

export const ENCABEZADO_CSV = [
  'Folio',
  'Fecha y hora (Sonora)',
  'Usuario',
  'Acción',
  'Objeto',
  'Id del objeto',
  'IP',
  'Detalle',
] as const;

/**
 * Records the export and fixes its end: the last row sealed now. Rows sealed while the file
 * streams are left out, so the file is the bitácora as it was when it was asked for.
 */
export async function prepararExportacionBitacora(
  trx: Db,
  filtro: FiltroBitacora,
  ctx: ContextoAutenticado,
): Promise<number> {
  const { tope } = await trx
    .selectFrom('bitacora')
    .select(sql<number>`coalesce(max(id), 0)`.as('tope'))
    .executeTakeFirstOrThrow();
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'bitacora.exportar',
    detalle: { ...filtro, hastaFolio: tope },
  });
  return tope;
}

const formatoFechaHora = new Intl.DateTimeFormat('es-MX', {
  timeZone: ZONA_INSTITUTO,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** `10/03/2026 09:00:00`, Hermosillo time: what Excel in es-MX reads as a date and time. */
function fechaHora(instante: Date): string {
  const p = formatoFechaHora.formatToParts(instante);
  const v = (tipo: Intl.DateTimeFormatPartTypes) => p.find((x) => x.type === tipo)?.value ?? '';
  return `${v('day')}/${v('month')}/${v('year')} ${v('hour')}:${v('minute')}:${v('second')}`;
}

/**
 * One CSV field (RFC 4180). A text a spreadsheet would take for a formula (`=`, `+`, `-`, `@`)
 * gets a leading apostrophe: reasons and names in the detail are typed by people (OWASP,
 * CSV injection).
 */
export function celdaCsv(valor: string | number | null): string {
  if (valor === null) return '';
  let texto = String(valor);
  if (typeof valor === 'string' && /^[=+\-@\t\r]/.test(texto)) texto = `'${texto}`;
  return /[",\r\n]/.test(texto) ? `"${texto.replaceAll('"', '""')}"` : texto;
}

const lineaCsv = (campos: (string | number | null)[]) => `${campos.map(celdaCsv).join(',')}\r\n`;

/**
 * The file, line by line, in batches walked by folio (newest first): memory stays flat for a
 * range of millions of rows. UTF-8 with a byte-order mark so that Excel shows the accents.
 */
export async function* lineasCsvBitacora(
  db: Db,
  filtro: FiltroBitacora,
  tope: number,
): AsyncGenerator<string> {
  yield `\ufeff${lineaCsv([...ENCABEZADO_CSV])}`;
  let antesDe = tope + 1;
  for (;;) {
    const filas = await consultaBitacora(db, filtro)
      .where('b.id', '<', antesDe)
      .limit(LOTE)
      .execute();
    if (filas.length === 0) return;
    let bloque = '';
    for (const f of filas) {
      const v = filaBitacora(f);
      bloque += lineaCsv([
        v.id,
        fechaHora(f.instante),
        v.usuario,
        v.accion,
        v.objetoTipo,
        v.objetoId,
        v.ip,
        JSON.stringify(v.detalle),
      ]);
    }
    yield bloque;
    antesDe = filas[filas.length - 1]?.id ?? 0;
    if (filas.length < LOTE) return;
  }
}
