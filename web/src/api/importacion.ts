import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ErrorApi, solicitar } from './cliente.ts';
import { CLAVE_SESION } from './sesion.ts';
import type { Rol } from './tipos.ts';

/** The server's rule (`cartera.importar`): only administrators load the portfolio. */
export const ROLES_IMPORTACION: readonly Rol[] = ['administrador'];

export const TIPO_XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The server's limit (src/http/rutas/importacion.ts): checked here to say so before sending. */
export const LIMITE_BYTES_LIBRO = 100 * 1024 * 1024;

/** The institute's template, served as is (plantillas/cartera.xlsx); a plain same-origin GET. */
export const URL_PLANTILLA = '/api/importaciones/plantilla.xlsx';

/** Where a fault of the workbook is, as a person sees it in Excel. */
export interface Observacion {
  hoja: string;
  /** The row, header = 1; null: the sheet as a whole (a missing column, an unknown sheet). */
  fila: number | null;
  columna: string | null;
  mensaje: string;
}

export interface ConteosImportacion {
  productos: { nuevos: number; versionesNuevas: number; versionesExistentes: number };
  personas: { nuevas: number; existentes: number };
  creditos: { nuevos: number; sinCambios: number };
  movimientos: { nuevos: number; existentes: number };
}

/** Every observation counted, though the lists carry only the first ones of each sheet. */
export interface RecuentoObservaciones {
  total: number;
  porHoja: Array<{ hoja: string; total: number; listadas: number }>;
  porTipo: Array<{ hoja: string; columna: string | null; tipo: string; total: number }>;
}

/** 201 (imported) and 422 (not imported: it has errors, nothing was written) share this shape. */
export interface ResultadoImportacionCartera {
  archivo: string;
  importado: boolean;
  /** The first ones of each sheet (200); `resumen` has the counts of all. */
  errores: Observacion[];
  advertencias: Observacion[];
  resumen: { errores: RecuentoObservaciones; advertencias: RecuentoObservaciones };
  conteos: ConteosImportacion;
}

/** How far a queued import got (GET /api/importaciones/trabajos/:id). */
export interface AvanceImportacion {
  fase: 'lectura' | 'validacion' | 'motor' | 'escritura';
  filasLeidas: number;
  filasValidadas: number;
  filasEscritas: number;
}

interface EstadoTrabajoImportacion {
  estado: 'pendiente' | 'en_curso' | 'terminado' | 'fallido' | 'cancelado';
  avance: AvanceImportacion | null;
  resultado: unknown;
  error: { codigo: string; mensaje: string } | null;
}

// How often the screen asks how the import goes.
const CADA_MS = 700;

function esResultado(valor: unknown): valor is ResultadoImportacionCartera {
  if (typeof valor !== 'object' || valor === null) return false;
  const r = valor as Record<string, unknown>;
  return (
    typeof r.importado === 'boolean' &&
    Array.isArray(r.errores) &&
    Array.isArray(r.advertencias) &&
    typeof r.resumen === 'object' &&
    r.resumen !== null &&
    typeof r.conteos === 'object' &&
    r.conteos !== null
  );
}

/** Polls a queued import until it ends, telling `alAvanzar` the rows read, validated, written. */
async function esperarTrabajo(
  id: string,
  alAvanzar: (a: AvanceImportacion) => void,
): Promise<unknown> {
  for (;;) {
    await new Promise((listo) => window.setTimeout(listo, CADA_MS));
    const t = await solicitar<EstadoTrabajoImportacion>(
      'GET',
      `/api/importaciones/trabajos/${encodeURIComponent(id)}`,
    );
    if (t.avance) alAvanzar(t.avance);
    if (t.error) throw new ErrorApi(422, t.error.codigo, t.error.mensaje);
    if (t.estado === 'terminado') return t.resultado;
    if (t.estado === 'fallido' || t.estado === 'cancelado')
      throw new ErrorApi(500, 'error_interno', 'La importación no terminó. Intenta de nuevo.');
  }
}

/**
 * Uploads the workbook byte for byte, as a job the screen follows (the server reads, validates
 * and writes it in the background and says how far it got). Importing is idempotent on the
 * server (the same workbook again finds everything already there), so no Idempotency-Key is
 * needed for a retry.
 */
export function useImportarCartera(alAvanzar: (a: AvanceImportacion) => void = () => {}) {
  const clienteConsultas = useQueryClient();
  return useMutation({
    mutationFn: async (archivo: File) => {
      const respuesta = await solicitar<unknown>('POST', '/api/importaciones', {
        cuerpoBinario: { datos: archivo, tipo: TIPO_XLSX },
        // Headers carry ASCII: a file name with accents travels percent-encoded.
        encabezados: {
          'x-nombre-archivo': encodeURIComponent(archivo.name),
          prefer: 'respond-async',
        },
        aceptarEstados: [422],
      });
      const trabajo =
        typeof respuesta === 'object' && respuesta !== null && 'trabajo' in respuesta
          ? String(respuesta.trabajo)
          : null;
      const r = trabajo === null ? respuesta : await esperarTrabajo(trabajo, alAvanzar);
      if (!esResultado(r)) {
        throw new ErrorApi(
          422,
          'respuesta_invalida',
          'El servidor envió un informe de importación que no se pudo leer. Intenta de nuevo.',
        );
      }
      return r;
    },
    onSuccess: (r) => {
      // A new portfolio changes every list, ficha and statement: nothing cached survives it.
      if (r.importado) {
        void clienteConsultas.invalidateQueries({
          predicate: (q) => q.queryKey[0] !== CLAVE_SESION[0],
        });
      }
    },
  });
}
