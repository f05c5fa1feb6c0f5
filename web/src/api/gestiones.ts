import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { solicitar } from './cliente.ts';
import type { ProximaAccion } from './cola.ts';
import type { Rol } from './tipos.ts';

/** Contact attempts are logged by the office's staff (the server's rule). */
export const ROLES_REGISTRAR_GESTION: readonly Rol[] = ['gestor', 'coordinador'];
/** Who reads an account's timeline. */
export const ROLES_HISTORIA: readonly Rol[] = [
  'gestor',
  'coordinador',
  'contabilidad',
  'administrador',
];

import type { CanalGestion, Gestion, Historia } from '../../../src/contrato/gestion.ts';

// The wire's shapes are the server's contract (src/contrato/gestion.ts), imported type-only.
export type {
  CanalGestion,
  EventoHistoria,
  Gestion,
  Historia,
  TipoEvento,
} from '../../../src/contrato/gestion.ts';

/** The contract's own values (src/contrato/valores.ts: plain arrays, no zod in the bundle). */
export { CANALES_GESTION } from '../../../src/contrato/valores.ts';

export const NOMBRE_CANAL_GESTION: Record<CanalGestion, string> = {
  llamada_saliente: 'Llamada saliente',
  llamada_entrante: 'Llamada entrante',
  visita_domiciliaria: 'Visita domiciliaria',
  correo: 'Correo electrónico',
  sms: 'SMS',
  whatsapp: 'WhatsApp',
  carta: 'Carta',
  ventanilla: 'En ventanilla',
};

/** Which contact datum a channel goes through (docs/gestion.md): none for a walk-in. */
export type MedioDeCanal = 'telefono' | 'correo' | 'domicilio' | null;

export const MEDIO_DE_CANAL: Record<CanalGestion, MedioDeCanal> = {
  llamada_saliente: 'telefono',
  llamada_entrante: 'telefono',
  sms: 'telefono',
  whatsapp: 'telefono',
  correo: 'correo',
  visita_domiciliaria: 'domicilio',
  carta: 'domicilio',
  ventanilla: null,
};

/** Channels that carry a start and a duration. */
export const CANALES_LLAMADA: readonly CanalGestion[] = ['llamada_saliente', 'llamada_entrante'];

/** Messages the server refuses to send without recorded consent. */
export const CANALES_CON_CONSENTIMIENTO: readonly CanalGestion[] = ['sms', 'whatsapp', 'correo'];

export interface PromesaNueva {
  monto: string;
  fecha: string;
  toleranciaDias: number;
}

export interface DatosGestion {
  canal: CanalGestion;
  personaId: number | null;
  contactoNombre: string | null;
  telefonoId: number | null;
  correoId: number | null;
  domicilioId: number | null;
  resultado: string;
  nota: string | null;
  proximaAccion: ProximaAccion | null;
  /** ISO instant with offset; null: now. */
  inicio: string | null;
  duracionSegundos: number | null;
  promesa: PromesaNueva | null;
  recadoId: number | null;
}

export function useHistoria(creditoId: number, habilitada = true) {
  return useQuery({
    // Under the credit's key: a payment or a convenio invalidates it too.
    queryKey: ['creditos', creditoId, 'historia'],
    queryFn: ({ signal }) =>
      solicitar<Historia>('GET', `/api/creditos/${creditoId}/historia`, {
        senal: signal,
      }),
    select: (r) => r.eventos,
    enabled: habilitada,
  });
}

export function useRegistrarGestion(creditoId: number) {
  const clienteConsultas = useQueryClient();
  return useMutation({
    mutationFn: (datos: DatosGestion) =>
      solicitar<Gestion>('POST', `/api/creditos/${creditoId}/gestiones`, { cuerpo: datos }),
    onSuccess: () =>
      Promise.all([
        clienteConsultas.invalidateQueries({ queryKey: ['creditos', creditoId, 'historia'] }),
        clienteConsultas.invalidateQueries({ queryKey: ['creditos', creditoId, 'gestiones'] }),
        clienteConsultas.invalidateQueries({ queryKey: ['cola'] }),
        clienteConsultas.invalidateQueries({ queryKey: ['agenda'] }),
        clienteConsultas.invalidateQueries({ queryKey: ['recados'] }),
      ]),
  });
}
