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

/** 201 (imported) and 422 (not imported: it has errors, nothing was written) share this shape. */
export interface ResultadoImportacionCartera {
  archivo: string;
  importado: boolean;
  errores: Observacion[];
  advertencias: Observacion[];
  conteos: ConteosImportacion;
}

function esResultado(valor: unknown): valor is ResultadoImportacionCartera {
  if (typeof valor !== 'object' || valor === null) return false;
  const r = valor as Record<string, unknown>;
  return (
    typeof r.importado === 'boolean' &&
    Array.isArray(r.errores) &&
    Array.isArray(r.advertencias) &&
    typeof r.conteos === 'object' &&
    r.conteos !== null
  );
}

/**
 * Uploads the workbook byte for byte. Importing is idempotent on the server (the same workbook
 * again finds everything already there), so no Idempotency-Key is needed for a retry.
 */
export function useImportarCartera() {
  const clienteConsultas = useQueryClient();
  return useMutation({
    mutationFn: async (archivo: File) => {
      const r = await solicitar<unknown>('POST', '/api/importaciones', {
        cuerpoBinario: { datos: archivo, tipo: TIPO_XLSX },
        // Headers carry ASCII: a file name with accents travels percent-encoded.
        encabezados: { 'x-nombre-archivo': encodeURIComponent(archivo.name) },
        aceptarEstados: [422],
      });
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
