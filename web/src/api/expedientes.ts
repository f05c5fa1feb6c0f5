import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
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

export type TipoUbicacion = 'archivo' | 'persona' | 'despacho' | 'devuelto';

export interface Ubicacion {
  tipo: TipoUbicacion;
  /** The archive's office (also the office of the person who has it). */
  oficina: { id: number; clave: string; nombre: string } | null;
  estante: string | null;
  caja: string | null;
  usuario: { id: number; nombre: string } | null;
  despacho: { id: number; nombre: string } | null;
  /** While lent: the date it must be back. */
  devolverAMasTardar: string | null;
  /** Lent and past its date. */
  vencida: boolean;
  /** False: nothing recorded yet, it is in its office's archive on an unknown shelf. */
  registrada: boolean;
}

export interface Prescripcion {
  fecha: string;
  desde: string;
  motivo: string;
  /** Negative once prescribed. */
  diasRestantes: number;
  prescrito: boolean;
}

export type EstadoDocumental =
  | 'vigente'
  | 'vencido'
  | 'pagado_anticipadamente'
  | 'sustituido_por_reestructura'
  | 'finiquitado'
  | 'devuelto_al_acreditado'
  | 'en_despacho';

export interface Pieza {
  /** `EXP-<número de crédito>` or `PAG-<número de pagaré>`: what the label's QR says. */
  etiqueta: string;
  tipo: 'expediente' | 'pagare';
  ministracionId: number | null;
  pagare: {
    numero: string;
    ministracion: number;
    monto: string;
    vencimiento: string;
    periodoEscolar: string;
  } | null;
  /** Null for the expediente. */
  estadoDocumental: EstadoDocumental | null;
  motivoEstado: string | null;
  prescripcion: Prescripcion | null;
  ubicacion: Ubicacion;
}

export type TipoArchivoEscaneo = 'application/pdf' | 'image/jpeg' | 'image/png';

export interface Escaneo {
  id: number;
  ministracionId: number | null;
  actuacionId: number | null;
  nombre: string;
  tipo: TipoArchivoEscaneo;
  bytes: number;
  sha256: string;
  descripcion: string | null;
  subidoPor: string;
  subidoEn: string;
}

export interface Expediente {
  creditoId: number;
  numero: string;
  oficina: { id: number; clave: string; nombre: string };
  turnado: { despacho: { id: number; nombre: string }; hasta: string } | null;
  /** The expediente first, then the pagarés by ministración. */
  piezas: Pieza[];
  escaneos: Escaneo[];
}

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

export interface MovimientoHecho {
  acuseId: number;
  /** Where to download the acuse to sign. */
  acusePdf: string;
  piezas: { etiqueta: string; ubicacion: Ubicacion }[];
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
      solicitar<{ escaneos: Escaneo[] }>('GET', `/api/creditos/${creditoId}/escaneos`, {
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

export interface PiezaVencida {
  etiqueta: string;
  creditoId: number;
  numero: string;
  ubicacion: Ubicacion;
  diasDeRetraso: number;
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
      solicitar<{ piezas: PiezaVencida[] }>('GET', `/api/custodia/prestamos-vencidos${sufijo}`, {
        senal: signal,
      }),
    select: (r) => r.piezas,
    enabled: habilitada,
  });
}

export interface PagarePorPrescribir {
  creditoId: number;
  numero: string;
  acreditado: string;
  oficina: { id: number; clave: string; nombre: string };
  etiqueta: string;
  pagareNumero: string;
  vencimiento: string;
  prescripcion: Prescripcion;
  /** The balance at the latest aging; null while none has been computed for the credit. */
  saldo: string | null;
}

export interface ListaPorPrescribir {
  hoy: string;
  dias: number;
  /** One page of them, soonest first. */
  pagares: PagarePorPrescribir[];
  /** How many match in all pages. */
  total: number;
  pagina: number;
  porPagina: number;
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

/** A piece as the inventory names it (the server may add more about it). */
export interface PiezaDeInventario {
  etiqueta: string;
  creditoId?: number;
  numero?: string;
}

export interface ResultadoInventario {
  coinciden: PiezaDeInventario[];
  /** The system says they are on this shelf, and they were not scanned. */
  faltan: PiezaDeInventario[];
  /** Scanned here, while the system says they are elsewhere. */
  sobran: (PiezaDeInventario & { ubicacionRegistrada: Ubicacion })[];
  /** Scanned labels that name no piece. */
  desconocidas: string[];
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

export interface ParametrosPrescripcion {
  /** Whether a documented payment restarts the 3-year term. */
  pagoInterrumpe: boolean;
  alertasDias: number[];
  /** The legal basis the administrador noted. */
  fundamento: string;
  definidoPor?: string | null;
  definidoEn?: string;
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
