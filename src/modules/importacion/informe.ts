import { Causas } from './causas.ts';
import { DISPOSICION, HOJAS, hojaDeNombre } from './disposicion.ts';

/** Where a fault is, as the person sees the workbook: sheet, row (header = 1) and column. */
export interface Observacion {
  hoja: string;
  /** null: the sheet as a whole (a missing column, an unknown sheet). */
  fila: number | null;
  columna: string | null;
  mensaje: string;
}

/**
 * How many observations of each sheet the report lists. A wrong column in a 300,000-row sheet
 * is 300,000 errors: listing them all made a 161 MB answer that no one reads. The first ones of
 * each sheet, with the counts, say what to fix.
 */
export const OBSERVACIONES_POR_HOJA = 200;
// Distinct kinds counted per list; the rest go together in one line (see tipoDe).
const TIPOS_CONTADOS = 100;
export const OTROS_TIPOS = 'otros motivos';

/** The counts behind a capped list: every observation is counted, even those not listed. */
export interface Recuento {
  total: number;
  porHoja: Array<{ hoja: string; total: number; listadas: number }>;
  /** By sheet, column and reason (the message without its values), most frequent first. */
  porTipo: Array<{ hoja: string; columna: string | null; tipo: string; total: number }>;
}

/** A message's kind: the message with its quoted values (the cells' contents) taken out. */
export function tipoDe(mensaje: string): string {
  return mensaje.replace(/«[^»]*»/g, '«…»');
}

/**
 * The first `porHoja` observations of each sheet (in the report's order) and the counts of all.
 * Memory stays bounded however many there are: each sheet's list is cut back to its first
 * `porHoja` whenever it doubles.
 */
export class ListaAcotada {
  private readonly hojas = new Map<string, { total: number; lista: Observacion[] }>();
  private readonly tipos = new Map<string, Recuento['porTipo'][number]>();
  total = 0;

  constructor(private readonly porHoja = OBSERVACIONES_POR_HOJA) {}

  agregar(o: Observacion): void {
    this.total++;
    let hoja = this.hojas.get(o.hoja);
    if (!hoja) {
      hoja = { total: 0, lista: [] };
      this.hojas.set(o.hoja, hoja);
    }
    hoja.total++;
    hoja.lista.push(o);
    if (hoja.lista.length >= 2 * this.porHoja)
      hoja.lista = ordenarObservaciones(hoja.lista).slice(0, this.porHoja);
    const tipo = tipoDe(o.mensaje);
    const llave = `${o.hoja}\u0000${o.columna ?? ''}\u0000${tipo}`;
    const contado = this.tipos.get(llave);
    if (contado) contado.total++;
    else if (this.tipos.size < TIPOS_CONTADOS)
      this.tipos.set(llave, { hoja: o.hoja, columna: o.columna, tipo, total: 1 });
    else {
      const otros = `${o.hoja}\u0000\u0000${OTROS_TIPOS}`;
      const resto = this.tipos.get(otros);
      if (resto) resto.total++;
      else this.tipos.set(otros, { hoja: o.hoja, columna: null, tipo: OTROS_TIPOS, total: 1 });
    }
  }

  /** The listed observations, sheet by sheet (in the order they were found while few). */
  listadas(): Observacion[] {
    return [...this.hojas.values()].flatMap((h) =>
      h.total <= this.porHoja ? h.lista : ordenarObservaciones(h.lista).slice(0, this.porHoja),
    );
  }

  recuento(): Recuento {
    const porHoja = [...this.hojas.entries()].map(([hoja, h]) => ({
      hoja,
      total: h.total,
      listadas: Math.min(h.total, this.porHoja),
    }));
    porHoja.sort((a, b) => ordenHoja(a.hoja) - ordenHoja(b.hoja) || a.hoja.localeCompare(b.hoja));
    // Ties by sheet, column and reason, not by the order found: a book read a batch of
    // credits at a time finds them in another order than one read whole.
    const porTipo = [...this.tipos.values()].sort(
      (a, b) =>
        b.total - a.total ||
        ordenHoja(a.hoja) - ordenHoja(b.hoja) ||
        a.hoja.localeCompare(b.hoja) ||
        (a.columna ?? '').localeCompare(b.columna ?? '') ||
        a.tipo.localeCompare(b.tipo),
    );
    return { total: this.total, porHoja, porTipo };
  }
}

/** Errors block the import; advertencias (warnings) are reported and do not. */
export class Informe {
  readonly conteoErrores: ListaAcotada;
  readonly conteoAdvertencias: ListaAcotada;
  /** The errors that hide others: what they left unchecked is counted there, not reported. */
  readonly causas = new Causas();

  constructor(porHoja = OBSERVACIONES_POR_HOJA) {
    this.conteoErrores = new ListaAcotada(porHoja);
    this.conteoAdvertencias = new ListaAcotada(porHoja);
  }

  /** The listed errors (the first of each sheet); `conteoErrores` counts them all. */
  get errores(): Observacion[] {
    return this.conteoErrores.listadas();
  }

  get advertencias(): Observacion[] {
    return this.conteoAdvertencias.listadas();
  }

  error(hoja: string, fila: number | null, columna: string | null, mensaje: string): void {
    this.conteoErrores.agregar({ hoja, fila, columna, mensaje });
  }

  advertencia(hoja: string, fila: number | null, columna: string | null, mensaje: string): void {
    this.conteoAdvertencias.agregar({ hoja, fila, columna, mensaje });
  }
}

function ordenHoja(nombre: string): number {
  const hoja = hojaDeNombre(nombre);
  return hoja === null ? -1 : HOJAS.indexOf(hoja);
}

function clave(o: Observacion): [number, string, number, number] {
  const hoja = hojaDeNombre(o.hoja);
  const columnas = hoja === null ? [] : DISPOSICION[hoja].map((c) => c.nombre);
  const columna = o.columna === null ? -1 : columnas.indexOf(o.columna);
  return [ordenHoja(o.hoja), o.hoja, o.fila ?? 0, columna];
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
