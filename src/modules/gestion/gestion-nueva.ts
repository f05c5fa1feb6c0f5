import type { CanalGestion, ProximaAccion } from '../../db/esquema.ts';
import type { Centavos } from '../../domain/dinero.ts';
import type { Fecha } from '../../domain/fecha.ts';

/** A contact attempt as the gestor reports it (validated at the edge: `esquema-gestion.ts`). */
export interface GestionNueva {
  canal: CanalGestion;
  /** The person contacted, when known (an inbound call from a stranger has none). */
  personaId: number | null;
  contactoNombre: string | null;
  telefonoId: number | null;
  correoId: number | null;
  domicilioId: number | null;
  /** Clave of `resultados_gestion`. */
  resultado: string;
  nota: string | null;
  proximaAccion: { tipo: ProximaAccion; fecha: Fecha } | null;
  /** When the contact began; null: now. */
  inicio: Date | null;
  duracionSegundos: number | null;
  promesa: { monto: Centavos; fecha: Fecha; toleranciaDias: number } | null;
  /** The recado this gestión answers. */
  recadoId: number | null;
}

export const CANALES_SALIENTES: readonly CanalGestion[] = [
  'llamada_saliente',
  'visita_domiciliaria',
  'correo',
  'sms',
  'whatsapp',
];
