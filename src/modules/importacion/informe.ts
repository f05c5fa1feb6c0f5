import { DISPOSICION, HOJAS, hojaDeNombre } from './disposicion.ts';

/** Where a fault is, as the person sees the workbook: sheet, row (header = 1) and column. */
export interface Observacion {
  hoja: string;
  /** null: the sheet as a whole (a missing column, an unknown sheet). */
  fila: number | null;
  columna: string | null;
  mensaje: string;
}

/** Errors block the import; advertencias (warnings) are reported and do not. */
export class Informe {
  readonly errores: Observacion[] = [];
  readonly advertencias: Observacion[] = [];

  error(hoja: string, fila: number | null, columna: string | null, mensaje: string): void {
    this.errores.push({ hoja, fila, columna, mensaje });
  }

  advertencia(hoja: string, fila: number | null, columna: string | null, mensaje: string): void {
    this.advertencias.push({ hoja, fila, columna, mensaje });
  }
}

function clave(o: Observacion): [number, string, number, number] {
  const hoja = hojaDeNombre(o.hoja);
  const orden = hoja === null ? -1 : HOJAS.indexOf(hoja);
  const columnas = hoja === null ? [] : DISPOSICION[hoja].map((c) => c.nombre);
  const columna = o.columna === null ? -1 : columnas.indexOf(o.columna);
  return [orden, o.hoja, o.fila ?? 0, columna];
}

/** Sheet by sheet in the workbook's order, then by row and by column. */
export function ordenarObservaciones(lista: readonly Observacion[]): Observacion[] {
  const conClave = lista.map((o) => ({ o, k: clave(o) }));
  conClave.sort((a, b) => {
    const [h1, n1, f1, c1] = a.k;
    const [h2, n2, f2, c2] = b.k;
    return h1 - h2 || n1.localeCompare(n2) || f1 - f2 || c1 - c2;
  });
  return conClave.map((x) => x.o);
}

/** One line per observation: «creditos, fila 7, columna producto: no existe el producto «CE-9».» */
export function describirObservacion(o: Observacion): string {
  const donde = [o.hoja];
  if (o.fila !== null) donde.push(`fila ${o.fila}`);
  if (o.columna !== null) donde.push(`columna ${o.columna}`);
  return `${donde.join(', ')}: ${o.mensaje}`;
}
