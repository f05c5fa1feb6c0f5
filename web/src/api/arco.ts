import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CalendarioDelAnio,
  DerechoArco,
  DiaInhabil,
  DocumentoIdentidad,
  EstadoArco,
  ListaSolicitudes,
  MedioRecepcion,
  SolicitudConEventos,
} from '../../../src/contrato/arco.ts';
import { solicitar } from './cliente.ts';
import type { Rol } from './tipos.ts';

// The wire's shapes are the server's contract (src/contrato/arco.ts), imported type-only.
export type {
  AccionArco,
  CalendarioDelAnio,
  DerechoArco,
  DiaInhabil,
  DocumentoIdentidad,
  EstadoArco,
  EventoDeSolicitud,
  ListaSolicitudes,
  MedioRecepcion,
  PlazosArco,
  SolicitudArco,
  SolicitudConEventos,
} from '../../../src/contrato/arco.ts';

/**
 * Derechos ARCO (docs/arco.md). The server's rules (arco.* in
 * src/modules/autorizacion/politicas.ts): the office's coordinador and the administrador handle
 * requests; the administrador keeps the calendar of non-working days.
 */
export const ROLES_ARCO: readonly Rol[] = ['coordinador', 'administrador'];

/** How the titular receives what was done: a field of the `ejecutar` step (a request body). */
export type MedioEntrega = 'ventanilla' | 'correo' | 'plataforma_nacional' | 'domicilio';

export const NOMBRE_DERECHO: Record<DerechoArco, string> = {
  acceso: 'Acceso',
  rectificacion: 'Rectificación',
  cancelacion: 'Cancelación',
  oposicion: 'Oposición',
  portabilidad: 'Portabilidad',
};

export const NOMBRE_ESTADO_ARCO: Record<EstadoArco, string> = {
  registrada: 'Registrada',
  en_tramite: 'En trámite',
  ampliada: 'Plazo ampliado',
  procedente: 'Procedente',
  improcedente: 'Improcedente',
  ejecutada: 'Ejecutada',
  cerrada: 'Cerrada',
};

export const NOMBRE_MEDIO_RECEPCION: Record<MedioRecepcion, string> = {
  ventanilla: 'En ventanilla',
  escrito: 'Por escrito',
  correo: 'Por correo electrónico',
  plataforma_nacional: 'Plataforma Nacional de Transparencia',
};

export const NOMBRE_MEDIO_ENTREGA: Record<MedioEntrega, string> = {
  ventanilla: 'En ventanilla',
  correo: 'Por correo electrónico',
  plataforma_nacional: 'Plataforma Nacional de Transparencia',
  domicilio: 'En su domicilio',
};

export const NOMBRE_DOCUMENTO: Record<DocumentoIdentidad, string> = {
  ine: 'Credencial para votar (INE)',
  pasaporte: 'Pasaporte',
  cedula_profesional: 'Cédula profesional',
  cartilla_militar: 'Cartilla del Servicio Militar',
  licencia: 'Licencia de conducir',
  otro: 'Otro documento oficial',
};

export type FiltroEstado = 'abiertas' | 'todas';

const CLAVE = ['arco'] as const;

export function useSolicitudesArco(estado: FiltroEstado) {
  return useQuery({
    queryKey: [...CLAVE, 'lista', estado],
    queryFn: ({ signal }) =>
      solicitar<ListaSolicitudes>('GET', `/api/arco?estado=${estado}`, { senal: signal }),
  });
}

export function useSolicitudArco(id: number | null) {
  return useQuery({
    queryKey: [...CLAVE, 'solicitud', id],
    queryFn: ({ signal }) =>
      solicitar<SolicitudConEventos>('GET', `/api/arco/${id}`, { senal: signal }),
    enabled: id !== null,
  });
}

export interface DatosSolicitud {
  derecho: DerechoArco;
  personaId: number | null;
  titularNombre: string;
  representante: string | null;
  medioRecepcion: MedioRecepcion;
  medioNotificacion: string;
  descripcion: string;
  recibida: string | null;
  oficinaId: number | null;
}

export function useRegistrarSolicitud() {
  const clienteConsultas = useQueryClient();
  return useMutation({
    mutationFn: (datos: DatosSolicitud) =>
      solicitar<SolicitudConEventos>('POST', '/api/arco', { cuerpo: datos }),
    onSuccess: () => clienteConsultas.invalidateQueries({ queryKey: CLAVE }),
  });
}

export type Rectificacion =
  | { dato: 'telefono'; id: number; numero: string }
  | { dato: 'correo'; id: number; correo: string }
  | {
      dato: 'identidad';
      nombres?: string;
      primerApellido?: string;
      segundoApellido?: string | null;
      curp?: string;
      rfc?: string;
    };

export type EventoArco =
  | {
      evento: 'verificar';
      documento: DocumentoIdentidad;
      numero: string;
      representante: string | null;
    }
  | { evento: 'ampliar'; motivo: string }
  | { evento: 'responder'; sentido: 'procedente' | 'improcedente'; fundamento: string }
  | {
      evento: 'ejecutar';
      entrega: MedioEntrega | null;
      rectificaciones: Rectificacion[];
      nota: string | null;
    }
  | { evento: 'cerrar'; motivo: string | null };

export function useEventoArco(id: number) {
  const clienteConsultas = useQueryClient();
  return useMutation({
    mutationFn: (evento: EventoArco) =>
      solicitar<SolicitudConEventos>('POST', `/api/arco/${id}/eventos`, { cuerpo: evento }),
    onSuccess: (r) => {
      clienteConsultas.setQueryData([...CLAVE, 'solicitud', id], r);
      return clienteConsultas.invalidateQueries({ queryKey: [...CLAVE, 'lista'] });
    },
  });
}

/** Links, not calls: the browser downloads them with the session cookie. */
export const urlAccesoPdf = (id: number) => `/api/arco/${id}/acceso.pdf`;
export const urlAccesoJson = (id: number) => `/api/arco/${id}/acceso.json`;

const CLAVE_DIAS = ['dias-inhabiles'] as const;

export function useDiasInhabiles(anio: number) {
  return useQuery({
    queryKey: [...CLAVE_DIAS, anio],
    queryFn: ({ signal }) =>
      solicitar<CalendarioDelAnio>('GET', `/api/dias-inhabiles?anio=${anio}`, { senal: signal }),
  });
}

export function useFijarDiasInhabiles() {
  const clienteConsultas = useQueryClient();
  return useMutation({
    mutationFn: (datos: { anio: number; dias: DiaInhabil[] }) =>
      solicitar<CalendarioDelAnio>('PUT', '/api/dias-inhabiles', { cuerpo: datos }),
    onSuccess: (r) => {
      clienteConsultas.setQueryData([...CLAVE_DIAS, r.anio], r);
      // Every open deadline over a day added or removed moves.
      return clienteConsultas.invalidateQueries({ queryKey: CLAVE });
    },
  });
}
