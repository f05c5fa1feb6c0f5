import type { Centavos } from '../../domain/dinero.ts';
import type { Fecha } from '../../domain/fecha.ts';
import {
  Falla,
  type Lectura,
  leerEntero,
  leerFecha,
  leerMonto,
  leerOpcion,
  leerSiNo,
  leerTasa,
  leerTexto,
  revisarTexto,
} from './celdas.ts';
import type { Informe } from './informe.ts';
import { type Celda, celdaVacia } from './libro.ts';

/**
 * Reads the cells of one row by column name and records, in the report, every cell it cannot
 * read, so that a row with three faults gets three lines. One reader is moved from row to row
 * (`situar`) instead of allocating one per row: the sheets can have millions.
 */
export class LectorDeFila {
  hoja = '';
  fila = 0;
  /** Faults recorded since the last `situar`: the row is unusable if > 0. */
  fallas = 0;
  private celdas: readonly Celda[] = [];
  private indices: ReadonlyMap<string, number> = new Map();

  constructor(private readonly informe: Informe) {}

  situar(
    hoja: string,
    indices: ReadonlyMap<string, number>,
    fila: number,
    celdas: readonly Celda[],
  ) {
    this.hoja = hoja;
    this.indices = indices;
    this.fila = fila;
    this.celdas = celdas;
    this.fallas = 0;
  }

  celda(columna: string): Celda {
    const i = this.indices.get(columna);
    return i === undefined ? null : (this.celdas[i] ?? null);
  }

  vacia(columna: string): boolean {
    return celdaVacia(this.celda(columna));
  }

  error(columna: string | null, mensaje: string): void {
    this.fallas++;
    this.informe.error(this.hoja, this.fila, columna, mensaje);
  }

  advertencia(columna: string | null, mensaje: string): void {
    this.informe.advertencia(this.hoja, this.fila, columna, mensaje);
  }

  private leer<T>(
    columna: string,
    obligatoria: boolean,
    lectura: (c: Celda) => Lectura<T>,
  ): T | null {
    const celda = this.celda(columna);
    if (celdaVacia(celda)) {
      if (obligatoria) this.error(columna, 'falta el valor');
      return null;
    }
    // Every text cell, whatever it is read as: no Excel error value, no invisible character.
    const r = (typeof celda === 'string' ? revisarTexto(celda) : null) ?? lectura(celda);
    if (!(r instanceof Falla)) return r;
    this.error(columna, r.motivo);
    return null;
  }

  texto(columna: string, obligatoria = false): string | null {
    return this.leer(columna, obligatoria, leerTexto);
  }

  monto(columna: string, obligatoria = false): Centavos | null {
    return this.leer(columna, obligatoria, leerMonto);
  }

  fecha(columna: string, obligatoria = false): Fecha | null {
    return this.leer(columna, obligatoria, leerFecha);
  }

  entero(columna: string, obligatoria = false): number | null {
    return this.leer(columna, obligatoria, (c) => leerEntero(c));
  }

  tasa(columna: string, obligatoria = false): string | null {
    return this.leer(columna, obligatoria, leerTasa);
  }

  siNo(columna: string): boolean {
    return this.leer(columna, false, leerSiNo) ?? false;
  }

  /** Empty takes `porOmision` when there is one; otherwise, if required, it is a fault. */
  opcion<T extends string>(
    columna: string,
    opciones: readonly T[],
    porOmision?: T,
    obligatoria = porOmision === undefined,
  ): T | null {
    if (this.vacia(columna) && porOmision !== undefined) return porOmision;
    return this.leer(columna, obligatoria, (c) => leerOpcion(c, opciones));
  }
}
