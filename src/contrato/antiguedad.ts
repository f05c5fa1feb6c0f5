/** Antigüedad: the aging summary and its recalculation as a job (src/http/rutas/antiguedad.ts). */
import { z } from 'zod';
import { fecha, pesos } from './comun.ts';
import { bucket } from './creditos.ts';

export const resumenAntiguedad = z.strictObject({
  /** Date of the latest snapshot; null while none has been computed. */
  fecha: fecha.nullable(),
  buckets: z.array(
    z.strictObject({
      bucket,
      creditos: z.number().int(),
      saldoExigible: pesos,
      saldoParaLiquidar: pesos,
    }),
  ),
});
export type ResumenAntiguedad = z.infer<typeof resumenAntiguedad>;
