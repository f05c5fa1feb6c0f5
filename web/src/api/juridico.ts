import {
  keepPreviousData,
  type QueryClient,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type {
  Candidatos,
  CuentasTurnadas,
  Devolucion,
  EstadoJuridico,
  ListaActuaciones,
  ListaDespachos,
  ReporteDespachos,
  RespuestaActuacion,
  RespuestaDespacho,
  Turnados,
} from '../../../src/contrato/juridico.ts';
import { solicitar } from './cliente.ts';
import type { Rol } from './tipos.ts';

// The wire's shapes are the server's contract (src/contrato/juridico.ts), imported type-only.
export type {
  Actuacion,
  Candidato,
  CuentaTurnada,
  Despacho,
  EstadoJuridico,
  PrescripcionCercana,
  RenglonReporte as FilaReporte,
  Turnado,
} from '../../../src/contrato/juridico.ts';

/** The server's rules (src/modules/autorizacion/politicas.ts), to show only what will work. */
export const ROLES_JURIDICO: readonly Rol[] = ['coordinador', 'administrador'];
export const ROLES_ADMINISTRAR_DESPACHOS: readonly Rol[] = ['administrador'];
export const ROLES_CUENTAS_JURIDICO: readonly Rol[] = [
  'abogado_externo',
  'coordinador',
  'administrador',
];
export const ROLES_ACTUAR: readonly Rol[] = ['abogado_externo', 'administrador'];
export const ROLES_EVIDENCIA: readonly Rol[] = ['abogado_externo', 'coordinador', 'administrador'];

/** The contract's own values (src/contrato/valores.ts: plain arrays, no zod in the bundle). */
export { ESTADOS_JURIDICOS } from '../../../src/contrato/valores.ts';

export const NOMBRE_ESTADO_JURIDICO: Record<EstadoJuridico, string> = {
  recibido: 'Recibido',
  requerimiento_extrajudicial: 'Requerimiento extrajudicial',
  demanda_presentada: 'Demanda presentada',
  emplazado: 'Emplazado',
  sentencia: 'Sentencia',
  embargo: 'Embargo',
  convenio_judicial: 'Convenio judicial',
  cobrado: 'Cobrado',
  incobrable: 'Incobrable',
};

/** Amounts travel as decimal strings `"1234.56"`: read them with `centavosDe`. */
type Monto = string;

export interface DatosDespacho {
  nombre: string;
  contacto: string | null;
  telefono: string | null;
  correo: string | null;
  /** Exactly the lawyers of the firm: one left out is untied (and stops seeing its accounts). */
  abogadoIds: number[];
  activo?: boolean;
}

export interface CriteriosTurnado {
  oficinaId?: number;
  prescribeEnDias?: number;
  saldoMayorA?: Monto;
  convenioIncumplido?: boolean;
  sinContactoMeses?: number;
  creditoIds?: number[];
}

export interface DatosTurnado {
  creditoIds: number[];
  despachoId: number;
  motivo: string;
  hasta: string;
}

export interface DatosActuacion {
  estado: EstadoJuridico;
  fecha: string;
  juzgado?: string;
  expedienteJudicial?: string;
  nota?: string;
}

export const LARGO_EXPEDIENTE_JUDICIAL = 60;

export function useDespachos(habilitada = true) {
  return useQuery({
    queryKey: ['despachos'],
    queryFn: ({ signal }) => solicitar<ListaDespachos>('GET', '/api/despachos', { senal: signal }),
    select: (r) => r.despachos,
    enabled: habilitada,
  });
}

export function useGuardarDespacho() {
  const clienteConsultas = useQueryClient();
  return useMutation({
    mutationFn: ({ id, datos }: { id: number | null; datos: DatosDespacho }) =>
      id === null
        ? solicitar<RespuestaDespacho>('POST', '/api/despachos', { cuerpo: datos })
        : solicitar<RespuestaDespacho>('PUT', `/api/despachos/${id}`, { cuerpo: datos }),
    onSuccess: () => clienteConsultas.invalidateQueries({ queryKey: ['despachos'] }),
  });
}

/** The preview: which accounts the criteria pick (nothing is changed yet). */
export function useCandidatos() {
  return useMutation({
    mutationFn: (criterios: CriteriosTurnado) =>
      solicitar<Candidatos>('POST', '/api/turnados/candidatos', { cuerpo: criterios }),
  });
}

/** Turned over or recalled: the lists, the reports and the credits themselves change. */
function refrescar(clienteConsultas: QueryClient, creditoIds: readonly number[]) {
  return Promise.all([
    clienteConsultas.invalidateQueries({ queryKey: ['juridico'] }),
    clienteConsultas.invalidateQueries({ queryKey: ['despachos', 'reporte'] }),
    ...creditoIds.map((id) => clienteConsultas.invalidateQueries({ queryKey: ['creditos', id] })),
  ]);
}

/** Custody moves with the accounts: one Idempotency-Key per attempt, as with payments. */
export function useTurnar() {
  const clienteConsultas = useQueryClient();
  return useMutation({
    mutationFn: ({ datos, clave }: { datos: DatosTurnado; clave: string }) =>
      solicitar<Turnados>('POST', '/api/turnados', {
        cuerpo: datos,
        encabezados: { 'Idempotency-Key': clave },
      }),
    onSuccess: (_, { datos }) => refrescar(clienteConsultas, datos.creditoIds),
  });
}

export function useDevolverTurnado() {
  const clienteConsultas = useQueryClient();
  return useMutation({
    mutationFn: ({ creditoId, motivo }: { creditoId: number; motivo: string }) =>
      solicitar<Devolucion>('POST', `/api/creditos/${creditoId}/turnado/devolucion`, {
        cuerpo: { motivo },
      }),
    onSuccess: (_, { creditoId }) => refrescar(clienteConsultas, [creditoId]),
  });
}

/** The accounts held by law firms: the lawyer's own firm, or one the coordinador picks. */
export function useCuentasTurnadas(despachoId: number | null, pagina: number) {
  const consulta = new URLSearchParams({ pagina: String(pagina) });
  if (despachoId !== null) consulta.set('despachoId', String(despachoId));
  return useQuery({
    queryKey: ['juridico', 'cuentas', despachoId, pagina],
    queryFn: ({ signal }) =>
      solicitar<CuentasTurnadas>('GET', `/api/juridico/cuentas?${consulta.toString()}`, {
        senal: signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useReporteDespachos(desde: string, hasta: string) {
  return useQuery({
    queryKey: ['despachos', 'reporte', desde, hasta],
    queryFn: ({ signal }) =>
      solicitar<ReporteDespachos>('GET', `/api/despachos/reporte?desde=${desde}&hasta=${hasta}`, {
        senal: signal,
      }),
    select: (r) => r.despachos,
  });
}

export function useActuaciones(creditoId: number, habilitada = true) {
  return useQuery({
    queryKey: ['juridico', 'actuaciones', creditoId],
    queryFn: ({ signal }) =>
      solicitar<ListaActuaciones>('GET', `/api/creditos/${creditoId}/actuaciones`, {
        senal: signal,
      }),
    select: (r) => r.actuaciones,
    enabled: habilitada,
  });
}

export function useRegistrarActuacion(creditoId: number) {
  const clienteConsultas = useQueryClient();
  return useMutation({
    mutationFn: (datos: DatosActuacion) =>
      solicitar<RespuestaActuacion>('POST', `/api/creditos/${creditoId}/actuaciones`, {
        cuerpo: datos,
      }),
    // A lawsuit restarts the prescription clock: the expediente's dates change too.
    onSuccess: () =>
      Promise.all([
        clienteConsultas.invalidateQueries({ queryKey: ['juridico'] }),
        clienteConsultas.invalidateQueries({ queryKey: ['creditos', creditoId] }),
      ]),
  });
}

/** A plain same-origin GET: the session cookie authorises it, the browser downloads it. */
export function urlPaqueteDeEvidencia(creditoId: number): string {
  return `/api/creditos/${creditoId}/paquete-de-evidencia.pdf`;
}
