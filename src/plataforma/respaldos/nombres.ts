import { join } from 'node:path';
import { type Fecha, fechaDesdeTexto } from '../../domain/fecha.ts';

/** Where backups go by default, and the only folder the nightly job prunes. */
export const carpetaDeRespaldos = (carpetaDatos: string) => join(carpetaDatos, 'respaldos');

/** `embebido`: the cluster's files (a tar.gz); `externo`: pg_dump's custom format of DATABASE_URL. */
export type TipoDeRespaldo = 'embebido' | 'externo';

const EXTENSIONES: Record<TipoDeRespaldo, string> = { embebido: '.tar.gz', externo: '.dump' };

const PATRON = /^recupera-(\d{4}-\d{2}-\d{2})-(\d{6})\.(?:tar\.gz|dump)$/;

/**
 * `recupera-AAAA-MM-DD-HHMMSS.tar.gz` in business time: the date in the name is the one people
 * say ("the backup of the 3rd"), and the days, weeks and months of the retention are theirs.
 */
export function nombreDeRespaldo(instante: Date, zona: string, tipo: TipoDeRespaldo): string {
  const partes = new Intl.DateTimeFormat('en-CA', {
    timeZone: zona,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instante);
  const parte = (tipoDeParte: Intl.DateTimeFormatPartTypes) =>
    partes.find((p) => p.type === tipoDeParte)?.value ?? '00';
  const fecha = `${parte('year')}-${parte('month')}-${parte('day')}`;
  const hora = `${parte('hour')}${parte('minute')}${parte('second')}`;
  return `recupera-${fecha}-${hora}${EXTENSIONES[tipo]}`;
}

export interface NombreDeRespaldo {
  nombre: string;
  fecha: Fecha;
  /** `AAAA-MM-DD-HHMMSS`: sorts as time does. */
  marca: string;
}

/** A name `nombreDeRespaldo` writes, read back; null for any other file. */
export function leerNombreDeRespaldo(nombre: string): NombreDeRespaldo | null {
  const partes = PATRON.exec(nombre);
  const fecha = partes?.[1] === undefined ? null : fechaDesdeTexto(partes[1]);
  const hora = partes?.[2];
  if (fecha === null || hora === undefined) return null;
  if (Number(hora.slice(0, 2)) > 23 || Number(hora.slice(2, 4)) > 59 || Number(hora.slice(4)) > 59)
    return null;
  return { nombre, fecha, marca: `${fecha}-${hora}` };
}
