/**
 * A small seeded pseudo-random generator (sfc32, seeded through splitmix32): the same seed
 * gives the same sequence on every machine, so the demo portfolio is reproducible. Not for
 * anything secret.
 */
export class Aleatorio {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(semilla: number) {
    let s = semilla >>> 0;
    const mezcla = () => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = mezcla();
    this.b = mezcla();
    this.c = mezcla();
    this.d = mezcla();
    for (let i = 0; i < 12; i++) this.siguiente();
  }

  /** Uniform in [0, 1). */
  siguiente(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t / 4294967296;
  }

  /** An integer in [min, max]. */
  entero(min: number, max: number): number {
    return min + Math.floor(this.siguiente() * (max - min + 1));
  }

  probabilidad(p: number): boolean {
    return this.siguiente() < p;
  }

  elegir<T>(lista: readonly T[]): T {
    const elegido = lista[Math.floor(this.siguiente() * lista.length)];
    if (elegido === undefined) throw new RangeError('elegir de una lista vacía');
    return elegido;
  }

  /** One of `opciones`, each with its weight. */
  ponderado<T>(opciones: ReadonlyArray<readonly [T, number]>): T {
    const total = opciones.reduce((s, [, peso]) => s + peso, 0);
    let x = this.siguiente() * total;
    for (const [valor, peso] of opciones) {
      x -= peso;
      if (x < 0) return valor;
    }
    const ultima = opciones.at(-1);
    if (ultima === undefined) throw new RangeError('ponderado sin opciones');
    return ultima[0];
  }
}
