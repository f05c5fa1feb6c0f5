/**
 * Gestión: contact attempts on an account, its timeline, the results catalogue and the contact
 * rules' parameters (src/http/rutas/gestion.ts; the work queue is src/contrato/cola.ts).
 */
import { z } from 'zod';
import { CANALES_GESTION } from './valores.ts';

export { CANALES_GESTION };

import { tipoProximaAccion } from './cola.ts';
import { fecha, id, instante, pesos } from './comun.ts';

export const canalGestion = z.enum(CANALES_GESTION);
export type CanalGestion = z.infer<typeof canalGestion>;
export const estadoPromesaPago = z.enum(['pendiente', 'cumplida', 'incumplida']);
export type EstadoPromesaPago = z.infer<typeof estadoPromesaPago>;

/** A gestión as logged: the contact datum masked as the lists show it. */
export const gestion = z.strictObject({
  id,
  creditoId: id,
  canal: canalGestion,
  persona: z.strictObject({ id, nombre: z.string().nullable() }).nullable(),
  contactoNombre: z.string().nullable(),
  /** The phone or e-mail as used, masked (`•••• 2847`); an address whole. */
  medio: z.string().nullable(),
  resultado: z.strictObject({
    clave: z.string(),
    nombre: z.string(),
    contactoEfectivo: z.boolean(),
  }),
  nota: z.string().nullable(),
  proximaAccion: z.strictObject({ tipo: tipoProximaAccion, fecha }).nullable(),
  inicio: instante,
  duracionSegundos: z.number().int().nullable(),
  promesa: z
    .strictObject({
      monto: pesos,
      fecha,
      toleranciaDias: z.number().int(),
      estado: estadoPromesaPago,
    })
    .nullable(),
  recadoId: id.nullable(),
  registradoPor: z.strictObject({ id, nombre: z.string() }),
  registrado: instante,
});
export type Gestion = z.infer<typeof gestion>;
/** Newest first. */
export const listaGestiones = z.strictObject({ gestiones: z.array(gestion) });
export type ListaGestiones = z.infer<typeof listaGestiones>;

export const tipoEvento = z.enum([
  'gestion',
  'pago',
  'condonacion',
  'cancelacion',
  'convenio',
  'turno',
  'promesa',
  'recado',
]);
export type TipoEvento = z.infer<typeof tipoEvento>;

/** One line of the account's timeline, written in Spanish by the server. */
export const eventoHistoria = z.strictObject({
  tipo: tipoEvento,
  /** Unique within its `tipo`. */
  id: z.string(),
  /** When it happened or was registered. */
  instante,
  /** The business date of the event (America/Hermosillo). */
  fecha,
  titulo: z.string(),
  detalle: z.string().nullable(),
  /** Who registered it; null for what came by an import. */
  quien: z.string().nullable(),
});
export type EventoHistoria = z.infer<typeof eventoHistoria>;
export const historia = z.strictObject({ eventos: z.array(eventoHistoria) });
export type Historia = z.infer<typeof historia>;

export const resultadoGestion = z.strictObject({
  id,
  /** `promesa_de_pago`: what a gestión sends as its `resultado`. */
  clave: z.string(),
  nombre: z.string(),
  /** The debtor (or an aval) was reached: counts as an effective contact. */
  contactoEfectivo: z.boolean(),
  /** A gestión with this result carries a promesa de pago. */
  promesa: z.boolean(),
  activo: z.boolean(),
  /** Position in the catalogue (lower first). */
  orden: z.number().int(),
});
export type ResultadoGestion = z.infer<typeof resultadoGestion>;
export const catalogoResultados = z.strictObject({ resultados: z.array(resultadoGestion) });
export type CatalogoResultados = z.infer<typeof catalogoResultados>;

export const parametrosGestion = z.strictObject({
  intentosDiariosPorPersona: z.number().int(),
  horasHabilesParaEscalar: z.number().int(),
  diasSinContacto: z.number().int(),
  minutosDeToma: z.number().int(),
  /** From this balance an account counts as high in the queue. */
  saldoAlto: pesos,
});
export type ParametrosGestion = z.infer<typeof parametrosGestion>;
