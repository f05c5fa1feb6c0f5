import { clave } from './campos.ts';
import type { CarteraArchivo, CreditoArchivo, MinistracionArchivo } from './cartera-archivo.ts';
import type { NombreHoja } from './disposicion.ts';
import type { ParteDeHoja } from './hojas-del-libro.ts';
import { Informe } from './informe.ts';
import { LectorDeFila } from './lector-de-fila.ts';
import { carteraVacia, LectorDeHojas } from './leer-filas.ts';
import { celdaVacia, type FilaLeida } from './libro.ts';

/** The sheets whose rows belong to a credit, by its `numero_credito`. */
export type HojaDeCredito =
  | 'ministraciones'
  | 'amortizaciones'
  | 'periodos_sin_moratorio'
  | 'movimientos';

const HOJAS_DE_CREDITO: readonly HojaDeCredito[] = [
  'ministraciones',
  'amortizaciones',
  'periodos_sin_moratorio',
  'movimientos',
];

// Rows between two pauses of the first pass: other requests go on meanwhile.
const FILAS_POR_PAUSA = 5_000;

/**
 * The rows of one sheet kind as four numbers each (key, part, position, row number) in typed
 * arrays, then sorted by key: 5 million rows take ~70 MB here, where as objects they took
 * gigabytes.
 */
class FilasDeHoja {
  private n = 0;
  private llave = new Int32Array(1024);
  private parte = new Uint16Array(1024);
  private posicion = new Int32Array(1024);
  private numero = new Int32Array(1024);
  /** After `ordenar`: the rows of key k are [inicio[k], inicio[k + 1]). */
  private inicio = new Int32Array(1);

  agregar(llave: number, parte: number, posicion: number, numero: number): void {
    if (this.n === this.llave.length) {
      const crecer = <T extends Int32Array | Uint16Array>(a: T, nuevo: T): T => {
        nuevo.set(a);
        return nuevo;
      };
      const tam = this.n * 2;
      this.llave = crecer(this.llave, new Int32Array(tam));
      this.parte = crecer(this.parte, new Uint16Array(tam));
      this.posicion = crecer(this.posicion, new Int32Array(tam));
      this.numero = crecer(this.numero, new Int32Array(tam));
    }
    this.llave[this.n] = llave;
    this.parte[this.n] = parte;
    this.posicion[this.n] = posicion;
    this.numero[this.n] = numero;
    this.n++;
  }

  /** A stable counting sort by key: each credit's rows keep the sheet's order. */
  ordenar(llaves: number): void {
    const inicio = new Int32Array(llaves + 1);
    for (let i = 0; i < this.n; i++) {
      const k = (this.llave[i] ?? 0) + 1;
      inicio[k] = (inicio[k] ?? 0) + 1;
    }
    for (let k = 0; k < llaves; k++) inicio[k + 1] = (inicio[k + 1] ?? 0) + (inicio[k] ?? 0);
    const siguiente = inicio.slice(0, llaves);
    const parte = new Uint16Array(this.n);
    const posicion = new Int32Array(this.n);
    const numero = new Int32Array(this.n);
    for (let i = 0; i < this.n; i++) {
      const k = this.llave[i] ?? 0;
      const j = siguiente[k] ?? 0;
      siguiente[k] = j + 1;
      parte[j] = this.parte[i] ?? 0;
      posicion[j] = this.posicion[i] ?? 0;
      numero[j] = this.numero[i] ?? 0;
    }
    this.inicio = inicio;
    this.parte = parte;
    this.posicion = posicion;
    this.numero = numero;
    this.llave = new Int32Array(0);
  }

  *de(llave: number): Generator<{ parte: number; posicion: number; numero: number }> {
    const hasta = this.inicio[llave + 1] ?? 0;
    for (let j = this.inicio[llave] ?? 0; j < hasta; j++)
      yield {
        parte: this.parte[j] ?? 0,
        posicion: this.posicion[j] ?? 0,
        numero: this.numero[j] ?? 0,
      };
  }
}

/**
 * Where each row of each credit is in the sheets that belong to credits, so that a big book is
 * checked and written credit by credit, a batch at a time, re-reading only the batch's rows:
 * the memory depends on the batch, not on the book. The rows of one credit need not be
 * adjacent. Built by a first pass that keeps four numbers per row.
 */
export class FilasPorCredito {
  private readonly indice = new Map<string, number>();
  /** Every credit number the sheets name, in the order first seen. */
  readonly llaves: string[] = [];
  /**
   * The credits the ministraciones, amortizaciones and periodos name, on a row that reads,
   * that the creditos sheet lacks (Causas.emparejarUnico).
   */
  readonly desconocidos = new Set<string>();
  /** See LoteDeCreditos.pagaresRepetidos. */
  readonly pagaresRepetidos = new Map<string, number>();
  private readonly hojas = new Map<HojaDeCredito, { partes: ParteDeHoja[]; filas: FilasDeHoja }>();

  private constructor() {}

  /** null: a sheet whose reader cannot read a row again alone (then the book is read whole). */
  static async construir(
    grupos: ReadonlyMap<NombreHoja, readonly ParteDeHoja[]>,
    creditos: ReadonlyMap<string, CreditoArchivo>,
  ): Promise<FilasPorCredito | null> {
    const partes = HOJAS_DE_CREDITO.flatMap((h) => grupos.get(h) ?? []);
    if (partes.some((p) => !p.filaEn)) return null;
    const indice = new FilasPorCredito();
    // The key read as the sheet's reader reads it, its faults discarded: they are reported
    // when the row is read for real.
    const borrador = new Informe(1);
    const l = new LectorDeFila(borrador);
    const huerfanas = carteraVacia();
    const lector = new LectorDeHojas(huerfanas, borrador);
    let vistas = 0;
    const pagares = new Map<string, number>();
    for (const hoja of HOJAS_DE_CREDITO) {
      const deHoja = { partes: [...(grupos.get(hoja) ?? [])], filas: new FilasDeHoja() };
      indice.hojas.set(hoja, deHoja);
      for (const [p, parte] of deHoja.partes.entries()) {
        for (const fila of parte.filas) {
          if (fila.celdas.every(celdaVacia)) continue;
          l.situar(parte.nombre, parte.indices, fila.numero, fila.celdas);
          const numero =
            clave(l, 'numero_credito') ??
            String(l.celda('numero_credito') ?? '')
              .trim()
              .toUpperCase();
          if (hoja === 'ministraciones') {
            const m = leida(lector, parte, fila);
            if (m && !creditos.has(numero)) indice.desconocidos.add(numero);
            // Pagarés in the sheet's order, as the book read whole: the later row is the error.
            const previa = m ? pagares.get(m.pagareNumero) : undefined;
            if (m && previa !== undefined)
              indice.pagaresRepetidos.set(`${m.hoja}\u0000${m.fila}`, previa);
            else if (m) pagares.set(m.pagareNumero, m.fila);
          } else if (
            hoja !== 'movimientos' &&
            !creditos.has(numero) &&
            leible(lector, hoja, parte, fila)
          )
            indice.desconocidos.add(numero);
          deHoja.filas.agregar(indice.llave(numero), p, fila.posicion ?? 0, fila.numero);
          if (++vistas % FILAS_POR_PAUSA === 0) await new Promise((listo) => setImmediate(listo));
        }
      }
    }
    for (const { filas } of indice.hojas.values()) filas.ordenar(indice.llaves.length);
    return indice;
  }

  private llave(numero: string): number {
    let k = this.indice.get(numero);
    if (k === undefined) {
      k = this.llaves.length;
      this.indice.set(numero, k);
      this.llaves.push(numero);
    }
    return k;
  }

  /** The rows of `hoja` of the credits `numeros`, credit by credit, each in the sheet's order. */
  *filas(
    hoja: HojaDeCredito,
    numeros: readonly string[],
  ): Generator<{ parte: ParteDeHoja; fila: FilaLeida }> {
    const deHoja = this.hojas.get(hoja);
    if (!deHoja) return;
    for (const numero of numeros) {
      const k = this.indice.get(numero);
      if (k === undefined) continue;
      for (const { parte: p, posicion, numero: fila } of deHoja.filas.de(k)) {
        const parte = deHoja.partes[p];
        if (parte?.filaEn) yield { parte, fila: parte.filaEn(posicion, fila) };
      }
    }
  }
}

/** A ministraciones row read alone; null if it has a fault. */
function leida(
  lector: LectorDeHojas,
  parte: ParteDeHoja,
  fila: FilaLeida,
): MinistracionArchivo | null {
  const lista = lector.cartera.ministraciones;
  lector.leer('ministraciones', parte, fila);
  const m = lista[0] ?? null;
  lista.length = 0;
  return m;
}

/** Whether a row of a credit the creditos sheet lacks reads without fault. */
function leible(
  lector: LectorDeHojas,
  hoja: 'amortizaciones' | 'periodos_sin_moratorio',
  parte: ParteDeHoja,
  fila: FilaLeida,
): boolean {
  const lista = listaDe(lector.cartera, hoja);
  lector.leer(hoja, parte, fila);
  const leida = lista.length > 0;
  lista.length = 0;
  return leida;
}

function listaDe(cartera: CarteraArchivo, hoja: Exclude<HojaDeCredito, 'movimientos'>): unknown[] {
  if (hoja === 'ministraciones') return cartera.ministraciones;
  if (hoja === 'amortizaciones') return cartera.amortizaciones;
  return cartera.periodos;
}
