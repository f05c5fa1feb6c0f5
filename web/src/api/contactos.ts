import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Contactos } from '../../../src/contrato/contactos.ts';
import type { TipoTelefono } from './atencion.ts';
import { solicitar } from './cliente.ts';
import type { Rol } from './tipos.ts';

/** Who corrects a person's phones, e-mails and addresses (the server's rule). */
export const ROLES_EDITAR_CONTACTOS: readonly Rol[] = ['gestor', 'coordinador', 'administrador'];

export const TIPOS_TELEFONO: readonly TipoTelefono[] = ['movil', 'casa', 'trabajo', 'recados'];

export const NOMBRE_TIPO_TELEFONO: Record<TipoTelefono, string> = {
  movil: 'Móvil',
  casa: 'Casa',
  trabajo: 'Trabajo',
  recados: 'Recados',
};

/**
 * The zones a person may choose by hand (a number abroad, or a correction), as the server
 * accepts them (`src/domain/gestion/zona-horaria.ts`), with the name users read.
 */
export const ZONAS_HORARIAS: readonly { zona: string; nombre: string }[] = [
  { zona: 'America/Hermosillo', nombre: 'Hora de Sonora' },
  { zona: 'America/Tijuana', nombre: 'Hora del Pacífico (Tijuana)' },
  { zona: 'America/Mazatlan', nombre: 'Hora del Pacífico mexicano (Mazatlán)' },
  { zona: 'America/Mexico_City', nombre: 'Hora del centro' },
  { zona: 'America/Chihuahua', nombre: 'Hora de Chihuahua' },
  { zona: 'America/Ciudad_Juarez', nombre: 'Hora de Ciudad Juárez' },
  { zona: 'America/Matamoros', nombre: 'Hora de la frontera noreste (Matamoros)' },
  { zona: 'America/Cancun', nombre: 'Hora de Quintana Roo' },
  { zona: 'America/Los_Angeles', nombre: 'Hora del Pacífico de EE. UU. (Los Ángeles)' },
  { zona: 'America/Phoenix', nombre: 'Hora de Arizona (Phoenix)' },
  { zona: 'America/Denver', nombre: 'Hora de la montaña de EE. UU. (Denver)' },
  { zona: 'America/Chicago', nombre: 'Hora del centro de EE. UU. (Chicago)' },
  { zona: 'America/New_York', nombre: 'Hora del este de EE. UU. (Nueva York)' },
  { zona: 'Europe/Madrid', nombre: 'Hora de España (Madrid)' },
];

export function nombreDeZona(zona: string): string {
  return ZONAS_HORARIAS.find((z) => z.zona === zona)?.nombre ?? zona;
}

// The wire's shapes are the server's contract (src/contrato/contactos.ts), imported type-only.
export type {
  CambioContacto,
  CambioDeContacto,
  Contactos,
  Correo,
  Domicilio,
  Telefono,
  TipoContacto,
} from '../../../src/contrato/contactos.ts';

/** The person's current phones, e-mails and addresses and their history. */
export function useContactos(personaId: number | null) {
  return useQuery({
    queryKey: ['personas', personaId, 'contactos'],
    queryFn: ({ signal }) =>
      solicitar<Contactos>('GET', `/api/personas/${personaId ?? 0}/contactos`, { senal: signal }),
    enabled: personaId !== null,
  });
}

export interface TelefonoNuevo {
  numero: string;
  tipo: TipoTelefono;
  consentimiento: boolean;
  zonaHoraria?: string | null;
}

export interface CambioTelefono {
  numero?: string;
  tipo?: TipoTelefono;
  valido?: boolean;
  consentimiento?: boolean;
  zonaHoraria?: string | null;
  retirar?: boolean;
  motivo: string;
}

export interface CorreoNuevo {
  correo: string;
  consentimiento: boolean;
}

export interface CambioCorreo {
  correo?: string;
  valido?: boolean;
  consentimiento?: boolean;
  retirar?: boolean;
  motivo: string;
}

export interface DomicilioNuevo {
  calle: string;
  numero: string;
  colonia: string;
  codigoPostal: string;
  municipio: string;
  estado: string;
}

export type CambioDomicilio = Partial<DomicilioNuevo> & {
  zonaHoraria?: string | null;
  retirar?: boolean;
  motivo: string;
};

/**
 * One mutation for every change of a person's contact data: the path says what changes, and
 * afterwards her contacts, her ficha and whatever shows them are read again.
 */
export type OperacionContacto =
  | { tipo: 'alta_telefono'; datos: TelefonoNuevo }
  | { tipo: 'cambio_telefono'; id: number; datos: CambioTelefono }
  | { tipo: 'alta_correo'; datos: CorreoNuevo }
  | { tipo: 'cambio_correo'; id: number; datos: CambioCorreo }
  | { tipo: 'alta_domicilio'; datos: DomicilioNuevo }
  | { tipo: 'cambio_domicilio'; id: number; datos: CambioDomicilio };

function solicitudDe(personaId: number, op: OperacionContacto): Promise<unknown> {
  switch (op.tipo) {
    case 'alta_telefono':
      return solicitar('POST', `/api/personas/${personaId}/telefonos`, { cuerpo: op.datos });
    case 'cambio_telefono':
      return solicitar('PATCH', `/api/telefonos/${op.id}`, { cuerpo: op.datos });
    case 'alta_correo':
      return solicitar('POST', `/api/personas/${personaId}/correos`, { cuerpo: op.datos });
    case 'cambio_correo':
      return solicitar('PATCH', `/api/correos/${op.id}`, { cuerpo: op.datos });
    case 'alta_domicilio':
      return solicitar('POST', `/api/personas/${personaId}/domicilios`, { cuerpo: op.datos });
    case 'cambio_domicilio':
      return solicitar('PATCH', `/api/domicilios/${op.id}`, { cuerpo: op.datos });
  }
}

export function useCambiarContacto(personaId: number) {
  const clienteConsultas = useQueryClient();
  return useMutation({
    mutationFn: (op: OperacionContacto) => solicitudDe(personaId, op),
    onSuccess: () => clienteConsultas.invalidateQueries({ queryKey: ['personas', personaId] }),
  });
}
