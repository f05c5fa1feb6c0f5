/** La cola de trabajo del gestor (src/http/rutas/gestion.ts: /api/cola…). */
import { z } from 'zod';
import { fecha, id, instante, pesos } from './comun.ts';
import { bucket } from './creditos.ts';

export const tipoProximaAccion = z.enum([
  'llamar',
  'visitar',
  'cita',
  'enviar_carta',
  'esperar_pago',
  'revisar',
]);
export type TipoProximaAccion = z.infer<typeof tipoProximaAccion>;

export const claveMotivo = z.enum([
  'promesa_incumplida',
  'convenio_incumplido',
  'promesa_hoy',
  'pago_de_convenio',
  'recado',
  'llamada_programada',
  'prescripcion_cercana',
  'nunca_contactado',
  'sin_contacto',
  'saldo_alto',
]);

/** Why an account is in the queue today: the server writes the text users read. */
export const motivoCola = z.strictObject({ clave: claveMotivo, texto: z.string() });
export type MotivoCola = z.infer<typeof motivoCola>;

export const proximaAccion = z.strictObject({ tipo: tipoProximaAccion, fecha });
export type ProximaAccion = z.infer<typeof proximaAccion>;

export const personaBreve = z.strictObject({ id, nombre: z.string() });
export type PersonaBreve = z.infer<typeof personaBreve>;

export const cuentaEnCola = z.strictObject({
  creditoId: id,
  numero: z.string(),
  acreditado: z.string(),
  motivos: z.array(motivoCola),
  /** The documented score (expected recovery × urgency): higher first. */
  puntaje: z.number(),
  proximaAccion: proximaAccion.nullable(),
  /** Null until an aging snapshot includes the account. */
  saldoExigible: pesos.nullable(),
  bucket: bucket.nullable(),
  /** Someone else pressed «Siguiente cuenta» on it a few minutes ago. */
  tomadaPor: personaBreve.nullable(),
});
export type CuentaEnCola = z.infer<typeof cuentaEnCola>;

export const cola = z.strictObject({
  /** Whose queue it is (the coordinador may read a gestor's). */
  gestor: personaBreve,
  /** All the accounts of the queue; `cuentas` holds the first ones. */
  total: z.number().int(),
  /** Of the `total` accounts, those with a gestión started today (the day's progress). */
  gestionadasHoy: z.number().int(),
  cuentas: z.array(cuentaEnCola),
});
export type Cola = z.infer<typeof cola>;

/** The accounts of the queue with no next action: no `gestor` nor day's progress. */
export const huerfanas = z.strictObject({
  total: z.number().int(),
  cuentas: z.array(cuentaEnCola),
});
export type Huerfanas = z.infer<typeof huerfanas>;

export const cuentaTomada = z.strictObject({
  cuenta: cuentaEnCola.nullable(),
  /** Until when it is this user's alone; null when there was none to take. */
  hasta: instante.nullable(),
});
export type CuentaTomada = z.infer<typeof cuentaTomada>;
