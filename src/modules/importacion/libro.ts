/**
 * A workbook as read, before any validation: sheets of cells. Both readers (XLSX and CSV)
 * produce it; validation never sees exceljs nor a `Date`.
 */

/** A calendar date cell of a spreadsheet, as the calendar date it shows (`YYYY-MM-DD`). */
export interface CeldaFecha {
  readonly fecha: string;
}

export type Celda = string | number | boolean | CeldaFecha | null;

export interface FilaLeida {
  /** The row number the spreadsheet shows (the header is row 1). */
  readonly numero: number;
  /** One cell per header, in the header's order. */
  readonly celdas: readonly Celda[];
  /** Where the sheet's `filaEn` finds this row again (a CSV: its offset in the text). */
  readonly posicion?: number;
}

export interface HojaLeida {
  /** The name as it came (sheet name, or file name for a CSV). */
  readonly nombre: string;
  readonly encabezados: readonly string[];
  /**
   * In order. May be read more than once; a CSV reader produces them as they are read, so the
   * millions of rows of a big file are never all in memory at once.
   */
  readonly filas: Iterable<FilaLeida>;
  /**
   * The row at `posicion` (as `filas` gave it), read again alone: the import reads a big book
   * credit by credit. A reader without it is walked whole instead.
   */
  readonly filaEn?: (posicion: number, numero: number) => FilaLeida;
}

export interface HojasLeidas {
  /** File name(s), for the report and the bitácora. */
  readonly archivo: string;
  readonly hojas: readonly HojaLeida[];
}

export function esCeldaFecha(celda: Celda): celda is CeldaFecha {
  return typeof celda === 'object' && celda !== null;
}

export function celdaVacia(celda: Celda): boolean {
  return celda === null || (typeof celda === 'string' && celda.trim() === '');
}
