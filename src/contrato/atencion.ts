/** Atención en mostrador: la búsqueda de personas, su ficha y revelar un dato (src/http/rutas/atencion.ts). */
import { z } from 'zod';
import { fecha, id, pesos, tasa } from './comun.ts';
import { tipoTelefono } from './contactos.ts';
import { canalMovimiento, creditoLigado, estadoCredito, situacion } from './creditos.ts';

/** The people a gestor negotiates with (CONDUSEF): never beneficiaries or references. */
export const rolDeudor = z.enum(['acreditado', 'aval']);
export type RolDeudor = z.infer<typeof rolDeudor>;

export const hallazgo = z.strictObject({
  personaId: id,
  nombre: z.string(),
  roles: z.array(rolDeudor),
  creditos: z.array(z.string()),
  /** What tells two people of the same name apart at the counter. */
  anioNacimiento: z.number().int().nullable(),
  municipio: z.string().nullable(),
  /** Masked (`IINA85…N07`). */
  curp: z.string().nullable(),
});
export type Hallazgo = z.infer<typeof hallazgo>;

/** An office attending people who match but are not in the user's portfolio: only its name. */
export const oficinaQueAtiende = z.strictObject({ clave: z.string(), nombre: z.string() });
export type OficinaQueAtiende = z.infer<typeof oficinaQueAtiende>;

export const paginaBusqueda = z.strictObject({
  resultados: z.array(hallazgo),
  hayMas: z.boolean(),
  /** First page only. */
  otrasOficinas: z.array(oficinaQueAtiende),
});
export type PaginaBusqueda = z.infer<typeof paginaBusqueda>;

/** A credit of the person, as the ficha lists it, with today's numbers from the engine. */
export const creditoEnFicha = z.strictObject({
  id,
  numero: z.string(),
  rol: rolDeudor,
  estado: estadoCredito,
  oficina: z.string(),
  situacion,
  diasAtraso: z.number().int(),
  saldoExigible: pesos,
  saldoParaLiquidar: pesos,
  pagosAdelantados: pesos,
  /** R9 today: "Paga puntual: 3%" or "Perdió la tasa puntual el … (debía la amortización N)". */
  puntualidad: z.string().nullable(),
  /** The ordinary rate agreed in a reestructura; null if the product's applies. */
  tasaOrdinariaPactada: tasa.nullable(),
  /** The credit this one restructured, and the one that restructured this one. */
  reestructuraDe: creditoLigado.nullable(),
  reestructuradoEn: creditoLigado.nullable(),
});
export type CreditoEnFicha = z.infer<typeof creditoEnFicha>;

/**
 * The debtor on one screen (`GET /api/personas/:id/ficha`). CURP, RFC, phones and e-mails come
 * masked; the whole value is a logged reveal (`POST /api/personas/:id/revelar`).
 */
export const ficha = z.strictObject({
  persona: z.strictObject({
    id,
    nombre: z.string(),
    curp: z.string().nullable(),
    rfc: z.string().nullable(),
    fechaNacimiento: fecha.nullable(),
  }),
  telefonos: z.array(
    z.strictObject({
      id,
      numero: z.string(),
      tipo: tipoTelefono,
      consentimiento: z.boolean(),
      valido: z.boolean(),
    }),
  ),
  correos: z.array(
    z.strictObject({ id, correo: z.string(), consentimiento: z.boolean(), valido: z.boolean() }),
  ),
  domicilios: z.array(
    z.strictObject({
      id,
      texto: z.string(),
      municipio: z.string(),
      estado: z.string(),
      vigente: z.boolean(),
    }),
  ),
  creditos: z.array(creditoEnFicha),
  ultimosPagos: z.array(
    z.strictObject({
      id,
      creditoNumero: z.string(),
      fecha,
      monto: pesos,
      canal: canalMovimiento.nullable(),
      cancelado: z.boolean(),
    }),
  ),
});
export type Ficha = z.infer<typeof ficha>;
