import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Convenio, ConvenioEnLista, Pendiente } from '../../../src/contrato/convenios.ts';
import { solicitar } from './cliente.ts';
import type { Rol } from './tipos.ts';

// The wire's shapes are the server's contract (src/contrato/convenios.ts), imported type-only.
export type {
  AvisoDeConvenio,
  Convenio,
  ConvenioEnLista,
  CreditoDeConvenio,
  EstadoConvenio,
  Pendiente,
  Promesa,
  TipoConvenio,
} from '../../../src/contrato/convenios.ts';

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
