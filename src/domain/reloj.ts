import type { Fecha } from './fecha.ts';

/**
 * The only source of "now" and "today". Domain code and use cases receive it; nothing below
 * `src/plataforma/` calls `new Date()`. `hoy()` is the business date in the institute's time
 * zone (America/Hermosillo, UTC−7 all year), which differs from the UTC date every evening.
 */
export interface Reloj {
  ahora(): Date;
  hoy(): Fecha;
}
