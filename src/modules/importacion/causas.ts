import type { NombreHoja } from './disposicion.ts';
import type { Observacion } from './informe.ts';

/**
 * Root causes and what they hide. A faulty row can make a credit, a person or a product
 * unknown to the rest of the book (a duplicated credit number, a CURP that does not read, a
 * sheet whose header does not read): every row of other sheets that names it would repeat the
 * same fault as «no está en la hoja …». Those rows are not reported one by one; each cause gets
 * one line saying how many rows it left unchecked and where the error to fix is.
 */
export type TipoDeLlave = 'credito' | 'persona' | 'producto';

const HOJA_DE: Record<TipoDeLlave, NombreHoja> = {
  credito: 'creditos',
  persona: 'personas',
  producto: 'productos',
};

interface Raiz {
  hoja: string;
  fila: number;
}

interface Oculto {
  raiz: Raiz;
  /** null: a whole sheet that was not read. */
  tipo: TipoDeLlave | null;
  valor: string;
  filas: number;
  hojas: string[];
  ultima: string;
}

// Pairing an unknown key with a row whose own key is doubtful compares them letter by letter:
// past this many comparisons (a book full of faults) the rest are reported as they are.
const COMPARACIONES_MAXIMAS = 500_000;

/** Letters to change, add or drop to turn `a` into `b`; anything above `tope` is `tope + 1`. */
export function distancia(a: string, b: string, tope: number): number {
  if (Math.abs(a.length - b.length) > tope) return tope + 1;
  let previa = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const actual = [i];
    let menor = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(
        (previa[j] ?? 0) + 1,
        (actual[j - 1] ?? 0) + 1,
        (previa[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      actual.push(v);
      menor = Math.min(menor, v);
    }
    if (menor > tope) return tope + 1;
    previa = actual;
  }
  return previa[b.length] ?? tope + 1;
}

const plural = (n: number, uno: string, varios: string) =>
  `${n.toLocaleString('es-MX')} ${n === 1 ? uno : varios}`;

function enumerar(hojas: readonly string[]): string {
  if (hojas.length <= 1) return hojas.join('');
  return `${hojas.slice(0, -1).join(', ')} y ${hojas.at(-1)}`;
}

export class Causas {
  private readonly raices = new Map<string, Raiz>();
  /** Rows whose key may be another one mistyped: a repeated credit number, a CURP that fails. */
  private readonly dudosas: Array<{ tipo: TipoDeLlave; valor: string; raiz: Raiz }> = [];
  private readonly sinPareja = new Set<string>();
  private readonly sinLeer = new Map<NombreHoja, { raiz: Raiz; propias: number }>();
  private readonly ocultos = new Map<string, Oculto>();
  private comparaciones = 0;
  private ultimaFila = '';
  /** Rows left unchecked (whole or in part) because of an error elsewhere. */
  filas = 0;

  /** The row where key `valor` has its error: what names it elsewhere depends on that row. */
  raiz(tipo: TipoDeLlave, valor: string, hoja: string, fila: number): void {
    const llave = `${tipo}\u0000${valor}`;
    if (!this.raices.has(llave)) this.raices.set(llave, { hoja, fila });
  }

  /** A row whose key is doubtful (repeated, unreadable): it may be the one others name. */
  dudosa(tipo: TipoDeLlave, valor: string, hoja: string, fila: number): void {
    this.dudosas.push({ tipo, valor, raiz: { hoja, fila } });
  }

  /** A sheet (or part of one) whose header did not read: none of its `propias` rows was read. */
  hojaSinLeer(tipo: NombreHoja, hoja: string, propias: number): void {
    const previa = this.sinLeer.get(tipo);
    if (previa) previa.propias += propias;
    else this.sinLeer.set(tipo, { raiz: { hoja, fila: 1 }, propias });
    this.filas += propias;
  }

  /**
   * Whether the reference of row `fila` of `hoja` to key `valor` fails only because of an
   * error elsewhere; if so it is counted here instead of reported.
   */
  ocultar(tipo: TipoDeLlave, valor: string, hoja: string, fila: number): boolean {
    const raiz = this.raices.get(`${tipo}\u0000${valor}`);
    if (raiz) return this.contar(`${tipo}\u0000${valor}`, raiz, tipo, valor, hoja, fila);
    const hojaTipo = HOJA_DE[tipo];
    const sinLeer = this.sinLeer.get(hojaTipo);
    if (sinLeer)
      return this.contar(`hoja\u0000${hojaTipo}`, sinLeer.raiz, null, hojaTipo, hoja, fila);
    const pareja = this.emparejar(tipo, valor);
    return pareja !== null && this.contar(`${tipo}\u0000${valor}`, pareja, tipo, valor, hoja, fila);
  }

  /** Whether what row `fila` lacks from sheet `tipo` is missing only because it was not read. */
  ocultarPorHoja(tipo: NombreHoja, hoja: string, fila: number): boolean {
    const sinLeer = this.sinLeer.get(tipo);
    return (
      sinLeer !== undefined &&
      this.contar(`hoja\u0000${tipo}`, sinLeer.raiz, null, tipo, hoja, fila)
    );
  }

  /**
   * When only one key is unknown and only one doubtful row is left, that row is it, however
   * differently it is spelled (a copied row whose number was changed to another credit's).
   */
  emparejarUnico(tipo: TipoDeLlave, desconocidas: Iterable<string>): void {
    if (this.sinLeer.has(HOJA_DE[tipo])) return;
    const sinRaiz = new Set<string>();
    for (const v of desconocidas) if (!this.raices.has(`${tipo}\u0000${v}`)) sinRaiz.add(v);
    const restantes = this.dudosas.filter((d) => d.tipo === tipo);
    const [valor] = sinRaiz;
    const [dudosa] = restantes;
    if (sinRaiz.size !== 1 || restantes.length !== 1 || !dudosa || valor === undefined) return;
    this.raices.set(`${tipo}\u0000${valor}`, dudosa.raiz);
    this.dudosas.splice(this.dudosas.indexOf(dudosa), 1);
  }

  /** One line per cause, at its row. */
  lineas(): Observacion[] {
    const lineas: Observacion[] = [];
    for (const [tipo, { raiz, propias }] of this.sinLeer) {
      if (!this.ocultos.has(`hoja\u0000${tipo}`))
        lineas.push(
          this.linea(
            raiz,
            `no se ${propias === 1 ? 'revisó' : 'revisaron'} ${plural(propias, 'fila', 'filas')} de ${raiz.hoja}`,
          ),
        );
    }
    for (const o of this.ocultos.values()) {
      const hojas = enumerar(o.hojas);
      let texto: string;
      if (o.tipo === null) {
        const propias = this.sinLeer.get(o.valor as NombreHoja)?.propias ?? 0;
        texto = `no se revisaron ${plural(propias, 'fila', 'filas')} de ${o.raiz.hoja} ni ${plural(o.filas, 'fila', 'filas')} de ${hojas} que ${o.filas === 1 ? 'depende' : 'dependen'} de ella`;
      } else if (o.tipo === 'credito')
        texto = `${plural(o.filas, 'fila', 'filas')} de ${o.valor} no se ${o.filas === 1 ? 'revisó' : 'revisaron'}`;
      else
        texto = `${o.tipo === 'persona' ? 'la CURP' : 'el producto'} ${o.valor} no se revisó en ${plural(o.filas, 'fila', 'filas')} de ${hojas}`;
      lineas.push(this.linea(o.raiz, texto));
    }
    return lineas;
  }

  private linea(raiz: Raiz, texto: string): Observacion {
    return {
      hoja: raiz.hoja,
      fila: raiz.fila,
      columna: null,
      mensaje: `${texto}: error en ${raiz.hoja} fila ${raiz.fila}`,
    };
  }

  private contar(
    llave: string,
    raiz: Raiz,
    tipo: TipoDeLlave | null,
    valor: string,
    hoja: string,
    fila: number,
  ): true {
    let o = this.ocultos.get(llave);
    if (!o) {
      o = { raiz, tipo, valor, filas: 0, hojas: [], ultima: '' };
      this.ocultos.set(llave, o);
    }
    // A row naming three unknown CURPs is one row left unchecked, not three.
    const donde = `${hoja}\u0000${fila}`;
    if (o.ultima !== donde) {
      o.ultima = donde;
      o.filas++;
      if (!o.hojas.includes(hoja)) o.hojas.push(hoja);
    }
    if (this.ultimaFila !== donde) {
      this.ultimaFila = donde;
      this.filas++;
    }
    return true;
  }

  /**
   * The doubtful row an unknown key most likely is: the closest by spelling (a copied row whose
   * number was not changed, one letter mistyped), each row taken by one key only.
   */
  private emparejar(tipo: TipoDeLlave, valor: string): Raiz | null {
    const llave = `${tipo}\u0000${valor}`;
    if (this.sinPareja.has(llave)) return null;
    const tope = Math.max(2, Math.floor(valor.length / 6));
    let mejor = -1;
    let menor = tope + 1;
    this.dudosas.forEach((d, i) => {
      if (d.tipo !== tipo || this.comparaciones >= COMPARACIONES_MAXIMAS) return;
      this.comparaciones++;
      const dist = distancia(d.valor, valor, tope);
      if (dist < menor) {
        menor = dist;
        mejor = i;
      }
    });
    const [elegida] = mejor < 0 ? [] : this.dudosas.splice(mejor, 1);
    if (!elegida) {
      this.sinPareja.add(llave);
      return null;
    }
    this.raices.set(llave, elegida.raiz);
    return elegida.raiz;
  }
}
