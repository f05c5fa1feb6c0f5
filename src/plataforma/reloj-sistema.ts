import type { Fecha } from '../domain/fecha.ts';
import type { Reloj } from '../domain/reloj.ts';

/** The one place that reads the machine's clock. The business date is the date in `zona`. */
export function relojDelSistema(zona: string): Reloj {
  return relojDesde(() => new Date(), zona);
}

export function relojDesde(ahora: () => Date, zona: string): Reloj {
  const formato = new Intl.DateTimeFormat('en-CA', {
    timeZone: zona,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  return {
    ahora,
    // en-CA formats as YYYY-MM-DD.
    hoy: () => formato.format(ahora()) as Fecha,
  };
}

/** A clock tests can set and move; it is a real Reloj, not a mock of one. */
export class RelojManual implements Reloj {
  private instante: Date;
  private readonly base: Reloj;
  constructor(inicio: string | Date, zona = 'America/Hermosillo') {
    this.instante = new Date(inicio);
    this.base = relojDesde(() => this.instante, zona);
  }
  ahora(): Date {
    return new Date(this.instante);
  }
  hoy(): Fecha {
    return this.base.hoy();
  }
  avanzarMinutos(minutos: number): void {
    this.instante = new Date(this.instante.getTime() + minutos * 60_000);
  }
  fijar(instante: string | Date): void {
    this.instante = new Date(instante);
  }
}
