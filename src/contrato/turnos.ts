/** Turnos: the counter's walk-in queue and its figures (src/http/rutas/turnos.ts). */
import { z } from 'zod';
import { MOTIVOS_TURNO } from './valores.ts';

export { MOTIVOS_TURNO };

import { fecha, id, instante } from './comun.ts';

export const motivoTurno = z.enum(MOTIVOS_TURNO);
export type MotivoTurno = z.infer<typeof motivoTurno>;
export const estadoTurno = z.enum(['en_espera', 'en_atencion', 'atendido', 'abandonado']);
export type EstadoTurno = z.infer<typeof estadoTurno>;

const nombrado = z.strictObject({ id, nombre: z.string() });

export const turno = z.strictObject({
  id,
  /** `H-007`: the office's letter and the day's number, what the person hears called. */
  clave: z.string(),
  fecha,
  nombre: z.string(),
  motivo: motivoTurno,
  estado: estadoTurno,
  llegada: instante,
  inicioAtencion: instante.nullable(),
  finAtencion: instante.nullable(),
  gestor: nombrado.nullable(),
  persona: nombrado.nullable(),
  resultado: z.string().nullable(),
});
export type Turno = z.infer<typeof turno>;
export const listaTurnos = z.strictObject({ fecha, turnos: z.array(turno) });
export type ListaTurnos = z.infer<typeof listaTurnos>;

export const indicador = z.strictObject({
  registrados: z.number().int(),
  atendidos: z.number().int(),
  abandonados: z.number().int(),
  pendientes: z.number().int(),
  /** atendidos ÷ registrados, 0..1 (three decimals); 0 when nobody came. */
  tasaAtencion: z.number().min(0).max(1),
  /** Minutes, one decimal; null when nobody was attended. */
  esperaPromedioMin: z.number().nullable(),
  atencionPromedioMin: z.number().nullable(),
});
export type Indicador = z.infer<typeof indicador>;

export const indicadoresTurnos = z.strictObject({
  desde: fecha,
  hasta: fecha,
  porDia: z.array(indicador.extend({ fecha })),
  porGestor: z.array(indicador.extend({ gestor: z.string() })),
});
export type IndicadoresTurnos = z.infer<typeof indicadoresTurnos>;
