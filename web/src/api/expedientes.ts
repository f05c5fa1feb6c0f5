import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Escaneo,
  Expediente,
  ListaEscaneos,
  ListaPorPrescribir,
  MovimientoHecho,
  ParametrosPrescripcion,
  PrestamosVencidos,
  ResultadoInventario,
} from '../../../src/contrato/expedientes.ts';
import { solicitar, solicitarArchivo } from './cliente.ts';
import type { Rol } from './tipos.ts';

/** Who sees a credit's expediente (the external lawyer: only his firm's current accounts). */
export const ROLES_EXPEDIENTE: readonly Rol[] = [
  'gestor',
  'coordinador',
  'administrador',
  'abogado_externo',
];

/** Who moves pieces, prints labels, takes inventory and reads the prescription list. */
export const ROLES_CUSTODIA: readonly Rol[] = ['gestor', 'coordinador', 'administrador'];

export const ROLES_ESCANEOS: readonly Rol[] = ROLES_EXPEDIENTE;

/** Who changes the prescription parameters (with their legal basis). */
export const ROLES_PARAMETROS_PRESCRIPCION: readonly Rol[] = ['administrador'];

// The wire's shapes are the server's contract (src/contrato/expedientes.ts), imported type-only.
export type {
  Escaneo,
  EstadoDocumental,
  Expediente,
  ListaPorPrescribir,
  MovimientoHecho,
  PagarePorPrescribir,
  ParametrosPrescripcion,
  Pieza,
  PiezaDeInventario,
  PiezaVencida,
  Prescripcion,
  ResultadoInventario,
  TipoArchivoEscaneo,
  TipoUbicacion,
  Ubicacion,
} from '../../../src/contrato/expedientes.ts';

const claveExpediente = (creditoId: number) => ['creditos', creditoId, 'expediente'] as const;

export function useExpediente(creditoId: number) {
  return useQuery({
    queryKey: claveExpediente(creditoId),
    queryFn: ({ signal }) =>
      solicitar<Expediente>('GET', `/api/creditos/${creditoId}/expediente`, { senal: signal }),
  });
}

export type TipoMovimientoCustodia =
  | 'ubicar'
  | 'prestamo'
  | 'devolucion'
  | 'traslado'
  | 'devolucion_al_acreditado';

export interface DatosMovimiento {
  tipo: TipoMovimientoCustodia;
  etiquetas: string[];
  destino: {
    oficinaId?: number;
    estante?: string;
    caja?: string;
    usuarioId?: number;
    despachoId?: number;
  };
  recibeUsuarioId?: number;
  recibeNombre?: string;
  devolverAMasTardar?: string;
  nota?: string;
}

/** A custody move: one Idempotency-Key per dialog, so a retry never moves the pieces twice. */
export function useMoverPiezas(creditoId: number) {
  const clienteConsultas = useQueryClient();
  return useMutation({
    mutationFn: ({ datos, clave }: { datos: DatosMovimiento; clave: string }) =>
      solicitar<MovimientoHecho>('POST', '/api/custodia/movimientos', {
        cuerpo: datos,
        encabezados: { 'Idempotency-Key': clave },
      }),
    onSettled: () =>
      Promise.all([
        clienteConsultas.invalidateQueries({ queryKey: claveExpediente(creditoId) }),
        clienteConsultas.invalidateQueries({ queryKey: ['custodia'] }),
      ]),
  });
}

/** The labels sheet (QR and text per expediente and pagaré) of some credits, as a PDF. */
export function useImprimirEtiquetas() {
  return useMutation({
    mutationFn: (creditoIds: number[]) =>
      solicitarArchivo('POST', '/api/etiquetas.pdf', {
        cuerpo: { creditoIds },
        encabezados: { accept: 'application/pdf' },
      }),
  });
}

export interface DatosEscaneo {
  archivo: File;
  ministracionId: number | null;
  /** A document of a legal action (the lawsuit filed, the ruling…) rather than of a piece. */
  actuacionId?: number | null;
  descripcion: string | null;
}

const claveEscaneos = (creditoId: number) => ['creditos', creditoId, 'escaneos'] as const;

/** A credit's scans (a logged read): the legal actions' documents are read from here. */
export function useEscaneos(creditoId: number, habilitada = true) {
  return useQuery({
    queryKey: claveEscaneos(creditoId),
    queryFn: ({ signal }) =>
      solicitar<ListaEscaneos>('GET', `/api/creditos/${creditoId}/escaneos`, {
        senal: signal,
      }),
    select: (r) => r.escaneos,
    enabled: habilitada,
  });
}

/**
 * A scan is sent as is (its bytes, not a form): the server reads its type from the bytes and
 * streams it to disk. The file's name travels percent-encoded in a header.
 */
export function useSubirEscaneo(creditoId: number) {
  const clienteConsultas = useQueryClient();
  return useMutation({
    mutationFn: ({ archivo, ministracionId, actuacionId, descripcion }: DatosEscaneo) => {
      const consulta = new URLSearchParams();
      if (ministracionId !== null) consulta.set('ministracionId', String(ministracionId));
      if (actuacionId != null) consulta.set('actuacionId', String(actuacionId));
      if (descripcion !== null) consulta.set('descripcion', descripcion);
      const sufijo = consulta.size === 0 ? '' : `?${consulta.toString()}`;
      return solicitar<Escaneo>('POST', `/api/creditos/${creditoId}/escaneos${sufijo}`, {
        cuerpoBinario: { datos: archivo, tipo: archivo.type || 'application/octet-stream' },
        encabezados: { 'x-nombre-archivo': encodeURIComponent(archivo.name) },
      });
    },
    onSuccess: () =>
      Promise.all([
        clienteConsultas.invalidateQueries({ queryKey: claveExpediente(creditoId) }),
        clienteConsultas.invalidateQueries({ queryKey: claveEscaneos(creditoId) }),
      ]),
  });
}

/** A plain same-origin GET: the session cookie authorises it (and the bitácora keeps it). */
export function urlEscaneo(id: number): string {
  return `/api/escaneos/${id}`;
}

/**
 * The server answers at most this many overdue pieces (the oldest first): more is a backlog,
 * and a count that reaches it reads «1,000 o más».
 */
export const LIMITE_PRESTAMOS_VENCIDOS = 1_000;

/**
 * Overdue loans: the office's (the administrador's: all, or one office's), or with `mios` only
 * the pieces the user holds himself.
 */
export function usePrestamosVencidos(
  oficinaId: number | null,
  { mios = false, habilitada = true }: { mios?: boolean; habilitada?: boolean } = {},
) {
  const consulta = new URLSearchParams();
  if (oficinaId !== null) consulta.set('oficinaId', String(oficinaId));
  if (mios) consulta.set('mios', 'si');
  const sufijo = consulta.size === 0 ? '' : `?${consulta.toString()}`;
  return useQuery({
    queryKey: ['custodia', 'prestamos-vencidos', oficinaId, mios],
    queryFn: ({ signal }) =>
      solicitar<PrestamosVencidos>('GET', `/api/custodia/prestamos-vencidos${sufijo}`, {
        senal: signal,
      }),
    select: (r) => r.piezas,
    enabled: habilitada,
  });
}

export interface FiltroPrescripcion {
  dias: number;
  oficinaId: number | null;
  incluirPrescritos: boolean;
  /** 1, 2, …: the server sends `porPagina` pagarés a page. */
  pagina: number;
}

export function usePrescripcion(filtro: FiltroPrescripcion) {
  return useQuery({
    queryKey: ['prescripcion', filtro],
    queryFn: ({ signal }) => {
      const consulta = new URLSearchParams({ dias: String(filtro.dias) });
      if (filtro.oficinaId !== null) consulta.set('oficinaId', String(filtro.oficinaId));
      if (filtro.incluirPrescritos) consulta.set('incluirPrescritos', 'si');
      if (filtro.pagina > 1) consulta.set('pagina', String(filtro.pagina));
      return solicitar<ListaPorPrescribir>('GET', `/api/prescripcion?${consulta.toString()}`, {
        senal: signal,
      });
    },
    // The page shown stays while the next one loads: the table does not blink empty.
    placeholderData: keepPreviousData,
  });
}

export interface DatosInventario {
  oficinaId: number;
  estante: string;
  caja?: string;
  etiquetas: string[];
}

export function useCompararInventario() {
  return useMutation({
    mutationFn: (datos: DatosInventario) =>
      solicitar<ResultadoInventario>('POST', '/api/custodia/inventarios', { cuerpo: datos }),
  });
}

const CLAVE_PARAMETROS = ['parametros', 'prescripcion'] as const;

export function useParametrosPrescripcion(habilitada = true) {
  return useQuery({
    queryKey: CLAVE_PARAMETROS,
    queryFn: ({ signal }) =>
      solicitar<ParametrosPrescripcion>('GET', '/api/parametros/prescripcion', {
        senal: signal,
      }),
    enabled: habilitada,
  });
}

export function useGuardarParametrosPrescripcion() {
  const clienteConsultas = useQueryClient();
  return useMutation({
    mutationFn: (
      datos: Pick<ParametrosPrescripcion, 'pagoInterrumpe' | 'alertasDias' | 'fundamento'>,
    ) =>
      solicitar<ParametrosPrescripcion>('PUT', '/api/parametros/prescripcion', { cuerpo: datos }),
    onSuccess: () =>
      Promise.all([
        clienteConsultas.invalidateQueries({ queryKey: CLAVE_PARAMETROS }),
        clienteConsultas.invalidateQueries({ queryKey: ['prescripcion'] }),
      ]),
  });
}
