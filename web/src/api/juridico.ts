import {
  keepPreviousData,
  type QueryClient,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { solicitar } from './cliente.ts';
import type { Rol } from './tipos.ts';

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

/** The legal states a law firm records, in the order a lawsuit usually goes. */
export const ESTADOS_JURIDICOS = [
  'recibido',
  'requerimiento_extrajudicial',
  'demanda_presentada',
  'emplazado',
  'sentencia',
  'embargo',
  'convenio_judicial',
  'cobrado',
  'incobrable',
] as const;
export type EstadoJuridico = (typeof ESTADOS_JURIDICOS)[number];

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

export interface Despacho {
  id: number;
  nombre: string;
  activo: boolean;
  contacto: string | null;
  telefono: string | null;
  correo: string | null;
  /** The external lawyers tied to it (users with the role abogado_externo). */
  abogados: Array<{ id: number; usuario: string; nombre: string; activo: boolean }>;
  /** Accounts it holds now. */
  cuentasTurnadas: number;
}

export interface DatosDespacho {
  nombre: string;
  contacto: string | null;
  telefono: string | null;
  correo: string | null;
  /** Exactly the lawyers of the firm: one left out is untied (and stops seeing its accounts). */
  abogadoIds: number[];
  activo?: boolean;
}

/** An account's nearest prescription: of its pagarés not yet prescribed, the first to go. */
export interface PrescripcionCercana {
  fecha: string;
  /** Days left from the business date (negative once prescribed). */
  dias: number;
}

export interface CriteriosTurnado {
  oficinaId?: number;
  prescribeEnDias?: number;
  saldoMayorA?: Monto;
  convenioIncumplido?: boolean;
  sinContactoMeses?: number;
  creditoIds?: number[];
}

/** An account the criteria found, before it is turned over. */
export interface Candidato {
  creditoId: number;
  numero: string;
  acreditado: string;
  oficina: string;
  /** Saldo para liquidar of the latest aging snapshot; null before the first one. */
  saldo: Monto | null;
  bucket: string | null;
  prescribe: PrescripcionCercana | null;
  convenioIncumplido: boolean;
  /** The day of its last effective contact; null: never. */
  ultimoContactoEfectivo: string | null;
}

export interface Actuacion {
  id: number;
  /** The firm that held the account when it was recorded. */
  despacho: { id: number; nombre: string };
  estado: EstadoJuridico;
  fecha: string;
  juzgado: string | null;
  expedienteJudicial: string | null;
  nota: string | null;
  registradoPor: string;
  registradoEn: string;
}

/** An account held by a law firm now (the lawyer's list; the coordinador's, by firm). */
export interface CuentaTurnada {
  creditoId: number;
  numero: string;
  acreditado: string;
  oficina: string;
  despacho: { id: number; nombre: string };
  turnadoId: number;
  motivo: string;
  desde: string;
  hasta: string;
  /** Past its end date and not recalled: no lawyer sees it any more; the coordinador decides. */
  vencido: boolean;
  saldo: Monto | null;
  /** Its nearest pagaré not yet prescribed; all prescribed: the last one (days negative). */
  prescribe: PrescripcionCercana | null;
  ultimaActuacion: Pick<Actuacion, 'estado' | 'fecha'> | null;
}

export interface Turnado {
  turnadoId: number;
  creditoId: number;
  numero: string;
  despacho: { id: number; nombre: string };
  desde: string;
  hasta: string;
  acuseId: number;
  acusePdf: string;
}

export interface DatosTurnado {
  creditoIds: number[];
  despachoId: number;
  motivo: string;
  hasta: string;
}

export interface FilaReporte {
  despacho: { id: number; nombre: string };
  cuentas: number;
  saldo: Monto;
  /** Payments applied while the firm held the account, within the period. */
  recuperado: Monto;
  pagos: number;
  diasPromedio: number | null;
  /** Accounts recalled within the period. */
  devueltas: number;
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
    queryFn: ({ signal }) =>
      solicitar<{ despachos: Despacho[] }>('GET', '/api/despachos', { senal: signal }),
    select: (r) => r.despachos,
    enabled: habilitada,
  });
}

/** The answer of a create or edit: the despacho itself or wrapped, whichever the server sends. */
type RespuestaDespacho = Despacho | { despacho: Despacho };

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
      solicitar<{ hoy: string; candidatos: Candidato[]; hayMas: boolean }>(
        'POST',
        '/api/turnados/candidatos',
        {
          cuerpo: criterios,
        },
      ),
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
      solicitar<{ turnados: Turnado[] }>('POST', '/api/turnados', {
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
      solicitar<unknown>('POST', `/api/creditos/${creditoId}/turnado/devolucion`, {
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
      solicitar<{ cuentas: CuentaTurnada[]; pagina: number; porPagina: number }>(
        'GET',
        `/api/juridico/cuentas?${consulta.toString()}`,
        { senal: signal },
      ),
    placeholderData: keepPreviousData,
  });
}

export function useReporteDespachos(desde: string, hasta: string) {
  return useQuery({
    queryKey: ['despachos', 'reporte', desde, hasta],
    queryFn: ({ signal }) =>
      solicitar<{ despachos: FilaReporte[] }>(
        'GET',
        `/api/despachos/reporte?desde=${desde}&hasta=${hasta}`,
        { senal: signal },
      ),
    select: (r) => r.despachos,
  });
}

export function useActuaciones(creditoId: number, habilitada = true) {
  return useQuery({
    queryKey: ['juridico', 'actuaciones', creditoId],
    queryFn: ({ signal }) =>
      solicitar<{ actuaciones: Actuacion[] }>('GET', `/api/creditos/${creditoId}/actuaciones`, {
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
      solicitar<unknown>('POST', `/api/creditos/${creditoId}/actuaciones`, { cuerpo: datos }),
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
