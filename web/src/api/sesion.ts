import {
  type QueryClient,
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { esErrorApi, solicitar, solicitarSinRespuesta } from './cliente.ts';
import type { RespuestaSesion, Usuario } from './tipos.ts';

/**
 * The session lives in the query cache under `CLAVE_SESION`: who is logged in and the CSRF
 * token for non-GET calls. It is never written to storage.
 */
export type EstadoSesion =
  | { tipo: 'activa'; usuario: Usuario; csrf: string; hoy: string }
  | { tipo: 'sin_sesion'; motivo: 'expirada' | null };

/** The cache key, tagged with its data type so reads and writes are checked. */
export const CLAVE_SESION = queryOptions<EstadoSesion>({ queryKey: ['sesion'] }).queryKey;

export function leerSesion(clienteConsultas: QueryClient): EstadoSesion | undefined {
  return clienteConsultas.getQueryData(CLAVE_SESION);
}

export function escribirSesion(clienteConsultas: QueryClient, estado: EstadoSesion): void {
  clienteConsultas.setQueryData(CLAVE_SESION, estado);
}

/** Forgets everything cached for the previous user and records why the session ended. */
export function terminarSesionLocal(
  clienteConsultas: QueryClient,
  motivo: 'expirada' | null,
): void {
  void clienteConsultas.cancelQueries({ predicate: (q) => q.queryKey[0] !== CLAVE_SESION[0] });
  clienteConsultas.removeQueries({ predicate: (q) => q.queryKey[0] !== CLAVE_SESION[0] });
  clienteConsultas.getMutationCache().clear();
  escribirSesion(clienteConsultas, { tipo: 'sin_sesion', motivo });
}

async function consultarSesion(
  clienteConsultas: QueryClient,
  senal: AbortSignal,
): Promise<EstadoSesion> {
  try {
    const r = await solicitar<RespuestaSesion>('GET', '/api/sesion', {
      senal,
      tratar401ComoExpiracion: false,
    });
    return { tipo: 'activa', usuario: r.usuario, csrf: r.csrf, hoy: r.hoy };
  } catch (error) {
    if (esErrorApi(error) && error.estado === 401) {
      const previo = leerSesion(clienteConsultas);
      const expiro =
        previo?.tipo === 'activa' ||
        (previo?.tipo === 'sin_sesion' && previo.motivo === 'expirada');
      return { tipo: 'sin_sesion', motivo: expiro ? 'expirada' : null };
    }
    throw error;
  }
}

export function useSesion() {
  const clienteConsultas = useQueryClient();
  return useQuery({
    queryKey: CLAVE_SESION,
    queryFn: ({ signal }) => consultarSesion(clienteConsultas, signal),
    // Checked once when the app opens; afterwards login, logout and 401s keep it current.
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
}

/** The logged-in user. Only for components rendered inside `RequiereSesion`. */
export function useUsuarioActual(): Usuario {
  const { data } = useSesion();
  if (data?.tipo !== 'activa') {
    throw new Error('useUsuarioActual() se usó fuera de una sesión activa');
  }
  return data.usuario;
}

/**
 * The business date `aaaa-mm-dd` as the server gave it at login: never the browser's clock,
 * which may be wrong or in another time zone. Only inside `RequiereSesion`.
 */
export function useHoy(): string {
  const { data } = useSesion();
  if (data?.tipo !== 'activa') {
    throw new Error('useHoy() se usó fuera de una sesión activa');
  }
  return data.hoy;
}

export interface DatosEntrada {
  usuario: string;
  contrasena: string;
}

export function useEntrar() {
  const clienteConsultas = useQueryClient();
  return useMutation({
    mutationFn: (datos: DatosEntrada) =>
      solicitar<RespuestaSesion>('POST', '/api/sesion', {
        cuerpo: datos,
        tratar401ComoExpiracion: false,
      }),
    onSuccess: (r) => {
      // Nothing cached for a previous user may survive into this session.
      clienteConsultas.removeQueries({ predicate: (q) => q.queryKey[0] !== CLAVE_SESION[0] });
      escribirSesion(clienteConsultas, {
        tipo: 'activa',
        usuario: r.usuario,
        csrf: r.csrf,
        hoy: r.hoy,
      });
    },
  });
}

export function useSalir() {
  const clienteConsultas = useQueryClient();
  return useMutation({
    mutationFn: () =>
      solicitarSinRespuesta('DELETE', '/api/sesion', { tratar401ComoExpiracion: false }),
    onSuccess: () => terminarSesionLocal(clienteConsultas, null),
    onError: (error) => {
      // Already gone on the server: just forget it here too.
      if (esErrorApi(error) && error.estado === 401) terminarSesionLocal(clienteConsultas, null);
    },
  });
}

export interface DatosCambioContrasena {
  actual: string;
  nueva: string;
}

export function useCambiarContrasena() {
  return useMutation({
    mutationFn: (datos: DatosCambioContrasena) =>
      solicitarSinRespuesta('PUT', '/api/sesion/contrasena', { cuerpo: datos }),
  });
}
