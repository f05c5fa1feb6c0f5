/**
 * The one way the UI talks to the API: same-origin JSON, CSRF header on every non-GET/HEAD,
 * and the error envelope `{ error: { codigo, mensaje, campo? } }` turned into `ErrorApi`.
 */

/** An API failure, with the server's Spanish message ready to show. */
export class ErrorApi extends Error {
  override readonly name = 'ErrorApi';
  /** HTTP status; 0 when the server could not be reached. */
  readonly estado: number;
  readonly codigo: string;
  readonly mensaje: string;
  /** The request field the error is about, when the server names one. */
  readonly campo: string | undefined;
  /** The envelope's `error` object as sent, for routes that add details (a file's line errors). */
  readonly detalle: Readonly<Record<string, unknown>>;

  constructor(
    estado: number,
    codigo: string,
    mensaje: string,
    campo?: string,
    detalle: Readonly<Record<string, unknown>> = {},
  ) {
    super(mensaje);
    this.estado = estado;
    this.codigo = codigo;
    this.mensaje = mensaje;
    this.campo = campo;
    this.detalle = detalle;
  }
}

export function esErrorApi(error: unknown): error is ErrorApi {
  return error instanceof ErrorApi;
}

/** The message to show for any error a query or mutation may throw. */
export function mensajeDeError(error: unknown): string {
  if (error instanceof ErrorApi) return error.mensaje;
  return 'Ocurrió un error inesperado. Intenta de nuevo.';
}

interface Configuracion {
  /** The CSRF token of the current session, kept in memory (query cache). */
  obtenerCsrf: () => string | undefined;
  /** Called when a call answers 401: the session expired or was closed elsewhere. */
  alExpirarSesion: () => void;
}

let configuracion: Configuracion = {
  obtenerCsrf: () => undefined,
  alExpirarSesion: () => {},
};

export function configurarCliente(nueva: Configuracion): void {
  configuracion = nueva;
}

type Metodo = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface OpcionesSolicitud {
  /** Sent as JSON. */
  cuerpo?: unknown;
  /** Sent as is, for an uploaded file's text (a bank CSV); `tipo` is its Content-Type. */
  cuerpoTexto?: { texto: string; tipo: string };
  /** Sent as is, byte for byte, for an uploaded binary file (an XLSX workbook). */
  cuerpoBinario?: { datos: Blob; tipo: string };
  /** Sent as multipart/form-data (several files at once); the browser writes its boundary. */
  cuerpoFormulario?: FormData;
  /**
   * Error statuses that carry an ordinary answer rather than the error envelope (the 422
   * report of a rejected workbook): returned like a success, unless the body is an envelope.
   */
  aceptarEstados?: readonly number[];
  /** Extra request headers (`Idempotency-Key`). */
  encabezados?: Readonly<Record<string, string>>;
  senal?: AbortSignal;
  /**
   * Whether a 401 means "your session expired". False for the calls that manage the session
   * itself (login, checking for a session, logout), where 401 is an ordinary answer.
   */
  tratar401ComoExpiracion?: boolean;
}

interface SobreDeError {
  error: { codigo: string; mensaje: string; campo?: string } & Record<string, unknown>;
}

function esObjeto(valor: unknown): valor is Record<string, unknown> {
  return typeof valor === 'object' && valor !== null;
}

function esSobreDeError(valor: unknown): valor is SobreDeError {
  if (!esObjeto(valor) || !esObjeto(valor.error)) return false;
  const { codigo, mensaje, campo } = valor.error;
  return (
    typeof codigo === 'string' &&
    typeof mensaje === 'string' &&
    (campo === undefined || typeof campo === 'string')
  );
}

async function leerJson(respuesta: Response): Promise<unknown> {
  const texto = await respuesta.text();
  if (texto === '') return undefined;
  try {
    return JSON.parse(texto);
  } catch {
    return undefined;
  }
}

async function hacerSolicitud(
  metodo: Metodo,
  ruta: string,
  opciones: OpcionesSolicitud,
): Promise<Response> {
  const encabezados = new Headers({ accept: 'application/json' });
  if (metodo !== 'GET') {
    const csrf = configuracion.obtenerCsrf();
    if (csrf !== undefined) encabezados.set('x-csrf-token', csrf);
  }
  for (const [nombre, valor] of Object.entries(opciones.encabezados ?? {})) {
    encabezados.set(nombre, valor);
  }
  const init: RequestInit = { method: metodo, headers: encabezados, credentials: 'same-origin' };
  if (opciones.cuerpoBinario !== undefined) {
    encabezados.set('content-type', opciones.cuerpoBinario.tipo);
    init.body = opciones.cuerpoBinario.datos;
  } else if (opciones.cuerpoFormulario !== undefined) {
    init.body = opciones.cuerpoFormulario;
  } else if (opciones.cuerpoTexto !== undefined) {
    encabezados.set('content-type', opciones.cuerpoTexto.tipo);
    init.body = opciones.cuerpoTexto.texto;
  } else if (opciones.cuerpo !== undefined) {
    encabezados.set('content-type', 'application/json');
    init.body = JSON.stringify(opciones.cuerpo);
  }
  if (opciones.senal) init.signal = opciones.senal;

  let respuesta: Response;
  try {
    respuesta = await fetch(ruta, init);
  } catch (error) {
    // A cancelled query must stay an AbortError so TanStack Query recognises it.
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ErrorApi(
      0,
      'sin_conexion',
      'No se pudo conectar con el servidor. Revisa tu conexión e intenta de nuevo.',
    );
  }

  if (respuesta.ok) return respuesta;
  if (
    opciones.aceptarEstados?.includes(respuesta.status) &&
    !esSobreDeError(await leerJson(respuesta.clone()))
  ) {
    return respuesta;
  }

  const cuerpo = await leerJson(respuesta);
  const error = esSobreDeError(cuerpo)
    ? new ErrorApi(
        respuesta.status,
        cuerpo.error.codigo,
        cuerpo.error.mensaje,
        cuerpo.error.campo,
        cuerpo.error,
      )
    : new ErrorApi(
        respuesta.status,
        'error_inesperado',
        `El servidor respondió con un error inesperado (HTTP ${respuesta.status}). Intenta de nuevo.`,
      );
  if (respuesta.status === 401 && opciones.tratar401ComoExpiracion !== false) {
    configuracion.alExpirarSesion();
  }
  throw error;
}

/**
 * A call that answers with a JSON body. The body is trusted to match `T`: the API contract is
 * the source of these types, and the server validates what it sends.
 */
export async function solicitar<T>(
  metodo: Metodo,
  ruta: string,
  opciones: OpcionesSolicitud = {},
): Promise<T> {
  const respuesta = await hacerSolicitud(metodo, ruta, opciones);
  const cuerpo = await leerJson(respuesta);
  if (cuerpo === undefined) {
    throw new ErrorApi(
      respuesta.status,
      'respuesta_invalida',
      'El servidor envió una respuesta que no se pudo leer. Intenta de nuevo.',
    );
  }
  return cuerpo as T;
}

/**
 * A call that answers with a file (a PDF made from a POSTed selection): its bytes, and the
 * name the server gives it in Content-Disposition when it gives one.
 */
export async function solicitarArchivo(
  metodo: Metodo,
  ruta: string,
  opciones: OpcionesSolicitud = {},
): Promise<{ datos: Blob; nombre: string | null }> {
  const respuesta = await hacerSolicitud(metodo, ruta, opciones);
  const disposicion = respuesta.headers.get('content-disposition') ?? '';
  // The exact name (RFC 8187 `filename*`) when given, else the plain-ASCII one.
  const exacto = /filename\*=UTF-8''([^;]+)/i.exec(disposicion)?.[1];
  let nombre = /filename="?([^";]+)"?/i.exec(disposicion)?.[1] ?? null;
  if (exacto !== undefined) {
    try {
      nombre = decodeURIComponent(exacto);
    } catch {
      // A malformed escape: the ASCII name stays.
    }
  }
  return { datos: await respuesta.blob(), nombre };
}

/** A call that answers 204 No Content. */
export async function solicitarSinRespuesta(
  metodo: Metodo,
  ruta: string,
  opciones: OpcionesSolicitud = {},
): Promise<void> {
  await hacerSolicitud(metodo, ruta, opciones);
}
