import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DescuentoPorConcepto, RolAutorizador, TipoAlternativa } from './alternativas.ts';
import { solicitar } from './cliente.ts';
import type { Rol } from './tipos.ts';

/** The server's rules (src/modules/autorizacion/politicas.ts), to show only what will work. */
export const ROLES_PROPONER_CONVENIO: readonly Rol[] = ['gestor', 'coordinador'];
export const ROLES_CONVENIOS: readonly Rol[] = [
  'gestor',
  'coordinador',
  'contabilidad',
  'administrador',
];
export const ROLES_PENDIENTES: readonly Rol[] = ['gestor', 'coordinador', 'administrador'];
export const ROLES_CANCELAR_CONVENIO: readonly Rol[] = ROLES_PENDIENTES;
export const ROLES_FIRMAR_CONVENIO: readonly Rol[] = ['gestor', 'coordinador'];

export type EstadoConvenio =
  | 'propuesto'
  | 'autorizado'
  | 'firmado'
  | 'cumplido'
  | 'incumplido'
  | 'cancelado';

export type TipoConvenio = TipoAlternativa | 'campana';

export interface CreditoDeConvenio {
  id: number;
  numero: string;
}

export interface Promesa {
  creditoId: number;
  numero: number;
  fecha: string;
  monto: string;
  estado: 'pendiente' | 'cumplida' | 'incumplida';
}

export interface Convenio {
  id: number;
  estado: EstadoConvenio;
  estadoEtiqueta: string;
  origen: 'alternativa' | 'campana';
  versionId: number;
  tipo: TipoConvenio;
  nombre: string;
  fecha: string;
  primerPago: string;
  plazo: number | null;
  liquida: boolean;
  liquidarHoy: string;
  total: string;
  descuento: DescuentoPorConcepto;
  condiciones: string;
  toleranciaDias: number;
  /** The debtor: the acreditado of the first credit (null only if the credit has none). */
  acreditado: { personaId: number; nombre: string } | null;
  creditos: CreditoDeConvenio[];
  /** A signed reestructura's new credits: its promises are theirs (absent on older servers). */
  creditosNuevos?: Array<CreditoDeConvenio & { reestructuraDe: number | null }>;
  promesas: Promesa[];
  condonaciones: Array<{
    creditoId: number;
    fecha: string;
    concepto: 'moratorio' | 'interes';
    monto: string;
  }>;
  periodosSinMoratorio: Array<{ creditoId: number; desde: string; hasta: string }>;
  firmantes: Array<{ personaId: number; calidad: 'acreditado' | 'aval'; nombre: string }>;
  autorizacion: {
    requerida: boolean;
    rol: RolAutorizador | null;
    motivos: string[];
    autorizadoPor: string | null;
    autorizadoEl: string | null;
  };
  /** Whether the current user may authorize it now (maker-checker and the matrix decide). */
  puedesAutorizar: boolean;
  /** Why not, in a sentence, while it waits for authorization; null otherwise. */
  motivoParaNoAutorizar: string | null;
  propuestoPor: string;
  propuestoEl: string;
  fechaFirma: string | null;
  cerradoEl: string | null;
  motivoCancelacion: string | null;
}

export interface ConvenioEnLista {
  id: number;
  estado: EstadoConvenio;
  estadoEtiqueta: string;
  nombre: string;
  tipo: TipoConvenio;
  fecha: string;
  fechaFirma: string | null;
  creditos: CreditoDeConvenio[];
  total: string;
  descuento: string;
  propuestoPor: string;
}

export interface Pendiente {
  id: number;
  nombre: string;
  tipo: TipoConvenio;
  creditos: CreditoDeConvenio[];
  total: string;
  descuento: string;
  requiereRol: RolAutorizador;
  motivos: string[];
  propuestoPor: string;
  propuestoEl: string;
  puedesAutorizar: boolean;
}

/** A convenio captured from a simulator offer: the server simulates it again, never amounts. */
export interface NuevoConvenio {
  creditoId?: number;
  personaId?: number;
  origen: 'alternativa' | 'campana';
  versionId: number;
  primerPago?: string;
  plazo?: number;
  condiciones: string;
  firmantes: number[];
}

export function useConvenio(id: number) {
  return useQuery({
    queryKey: ['convenios', id],
    queryFn: ({ signal }) =>
      solicitar<{ convenio: Convenio }>('GET', `/api/convenios/${id}`, { senal: signal }),
    select: (r) => r.convenio,
  });
}

/** The convenios of a credit or of a person (every credit they take part in), newest first. */
export function useConvenios(filtro: { creditoId: number } | { personaId: number }) {
  const consulta =
    'creditoId' in filtro ? `creditoId=${filtro.creditoId}` : `personaId=${filtro.personaId}`;
  return useQuery({
    queryKey: ['convenios', 'lista', filtro],
    queryFn: ({ signal }) =>
      solicitar<{ convenios: ConvenioEnLista[] }>('GET', `/api/convenios?${consulta}`, {
        senal: signal,
      }),
    select: (r) => r.convenios,
  });
}

export function usePendientes(habilitada = true) {
  return useQuery({
    queryKey: ['convenios', 'pendientes'],
    queryFn: ({ signal }) =>
      solicitar<{ pendientes: Pendiente[] }>('GET', '/api/convenios/pendientes', {
        senal: signal,
      }),
    select: (r) => r.pendientes,
    enabled: habilitada,
  });
}

/** A convenio changed: its page, the lists and queue, and the credits whose money it moves. */
function refrescar(clienteConsultas: QueryClient, convenio: Convenio) {
  clienteConsultas.setQueryData(['convenios', convenio.id], { convenio });
  return Promise.all([
    clienteConsultas.invalidateQueries({ queryKey: ['convenios'] }),
    clienteConsultas.invalidateQueries({ queryKey: ['personas'] }),
    ...convenio.creditos.map((c) =>
      clienteConsultas.invalidateQueries({ queryKey: ['creditos', c.id] }),
    ),
  ]);
}

export function useProponerConvenio() {
  const clienteConsultas = useQueryClient();
  return useMutation({
    mutationFn: (cuerpo: NuevoConvenio) =>
      solicitar<{ convenio: Convenio }>('POST', '/api/convenios', { cuerpo }),
    onSuccess: ({ convenio }) => refrescar(clienteConsultas, convenio),
  });
}

export function useAutorizarConvenio() {
  const clienteConsultas = useQueryClient();
  return useMutation({
    mutationFn: (id: number) =>
      solicitar<{ convenio: Convenio }>('POST', `/api/convenios/${id}/autorizacion`, {
        cuerpo: {},
      }),
    onSuccess: ({ convenio }) => refrescar(clienteConsultas, convenio),
  });
}

export function useCancelarConvenio(id: number) {
  const clienteConsultas = useQueryClient();
  return useMutation({
    mutationFn: (motivo: string) =>
      solicitar<{ convenio: Convenio }>('POST', `/api/convenios/${id}/cancelacion`, {
        cuerpo: { motivo },
      }),
    onSuccess: ({ convenio }) => refrescar(clienteConsultas, convenio),
  });
}

/** Signing posts the condonaciones (money): one Idempotency-Key per attempt, as with payments. */
export function useFirmarConvenio(id: number) {
  const clienteConsultas = useQueryClient();
  return useMutation({
    mutationFn: ({ fechaFirma, clave }: { fechaFirma: string | null; clave: string }) =>
      solicitar<{ convenio: Convenio }>('POST', `/api/convenios/${id}/firma`, {
        cuerpo: fechaFirma === null ? {} : { fechaFirma },
        encabezados: { 'Idempotency-Key': clave },
      }),
    onSuccess: ({ convenio }) => refrescar(clienteConsultas, convenio),
  });
}

/** A plain same-origin GET: the session cookie authorises it, the browser downloads it. */
export function urlPdfConvenio(id: number): string {
  return `/api/convenios/${id}/convenio.pdf`;
}
