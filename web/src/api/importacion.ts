import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  AvanceImportacion,
  EstadoTrabajoImportacion,
  RespuestaImportacion,
  ResultadoImportacionCartera,
} from '../../../src/contrato/importacion.ts';
import { ErrorApi, solicitar } from './cliente.ts';
import { CLAVE_SESION } from './sesion.ts';
import type { Rol } from './tipos.ts';

/** The server's rule (`cartera.importar`): only administrators load the portfolio. */
export const ROLES_IMPORTACION: readonly Rol[] = ['administrador'];

export const TIPO_XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const TIPO_ZIP = 'application/zip';

function formularioDe(archivos: readonly File[]): FormData {
  const formulario = new FormData();
  for (const a of archivos) formulario.append('archivos', a, a.name);
  return formulario;
}

/** The server's limit (src/http/rutas/importacion.ts): checked here to say so before sending. */
export const LIMITE_BYTES_LIBRO = 100 * 1024 * 1024;
/** The CSV files, uncompressed, sent or inside a ZIP (src/plataforma/archivos-subidos.ts). */
export const LIMITE_BYTES_CSV = 512 * 1024 * 1024;

/**
 * What the administrator chose, as the command line takes it: one workbook, or the sheets as
 * CSV files (several chosen at once), or one ZIP with them.
 */
export interface CarteraElegida {
  tipo: 'xlsx' | 'csv' | 'zip';
  /** The workbook's or the ZIP's name; for CSV files, how many and which. */
  nombre: string;
  bytes: number;
  archivos: readonly File[];
}

const extension = (a: File) => /\.([^.]+)$/.exec(a.name)?.[1]?.toLowerCase() ?? '';
const MB = (bytes: number) =>
  `${(bytes / (1024 * 1024)).toLocaleString('es-MX', { maximumFractionDigits: 1 })} MB`;

/** The files chosen as one portfolio, or what to do instead (the server would refuse them). */
export function elegirCartera(
  archivos: readonly File[],
): { cartera: CarteraElegida } | { aviso: string } {
  if (archivos.length === 0)
    return { aviso: 'Elige el libro de la cartera (.xlsx), sus hojas en CSV o un ZIP con ellas.' };
  const otro = archivos.find((a) => !['xlsx', 'csv', 'zip'].includes(extension(a)));
  if (otro)
    return {
      aviso: `«${otro.name}» no es un libro de Excel (.xlsx), un CSV ni un ZIP. Guarda el libro como «Libro de Excel» o cada hoja como «CSV UTF-8» y vuelve a elegirlo.`,
    };
  const vacio = archivos.find((a) => a.size === 0);
  if (vacio) return { aviso: `«${vacio.name}» está vacío. Elige el libro de la cartera.` };
  const bytes = archivos.reduce((suma, a) => suma + a.size, 0);
  const [primero] = archivos;
  if (primero && archivos.length === 1 && extension(primero) !== 'csv') {
    const tipo = extension(primero) === 'zip' ? 'zip' : 'xlsx';
    if (bytes > LIMITE_BYTES_LIBRO)
      return {
        aviso: `«${primero.name}» pesa ${MB(bytes)}: el límite es de 100 MB. Divide la cartera en dos ${tipo === 'zip' ? 'archivos' : 'libros'} e impórtalos uno tras otro.`,
      };
    return { cartera: { tipo, nombre: primero.name, bytes, archivos } };
  }
  if (archivos.some((a) => extension(a) !== 'csv'))
    return {
      aviso:
        'Elige un libro .xlsx o un .zip solo, o varios archivos .csv (uno por hoja), sin mezclarlos.',
    };
  if (bytes > LIMITE_BYTES_CSV)
    return {
      aviso: `Los CSV pesan ${MB(bytes)}: el límite es de 512 MB. Divide la cartera en dos e impórtalas una tras otra.`,
    };
  const nombre =
    archivos.length === 1
      ? (primero?.name ?? '')
      : `${archivos.length} archivos CSV (${archivos.map((a) => a.name).join(', ')})`;
  return { cartera: { tipo: 'csv', nombre, bytes, archivos } };
}

/** The institute's template, served as is (plantillas/cartera.xlsx); a plain same-origin GET. */
export const URL_PLANTILLA = '/api/importaciones/plantilla.xlsx';

// The wire's shapes are the server's contract (src/contrato/importacion.ts), imported type-only.
export type {
  AvanceImportacion,
  ConteoContactos,
  ConteosImportacion,
  Observacion,
  RecuentoObservaciones,
  ResultadoImportacionCartera,
} from '../../../src/contrato/importacion.ts';

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
    mutationFn: async (cartera: CarteraElegida) => {
      const [archivo] = cartera.archivos;
      // CSV files go as a form, each by its name; a workbook or a ZIP byte for byte.
      const cuerpo =
        cartera.tipo === 'csv' || !archivo
          ? { cuerpoFormulario: formularioDe(cartera.archivos) }
          : {
              cuerpoBinario: {
                datos: archivo,
                tipo: cartera.tipo === 'zip' ? TIPO_ZIP : TIPO_XLSX,
              },
            };
      const respuesta = await solicitar<RespuestaImportacion>('POST', '/api/importaciones', {
        ...cuerpo,
        // Headers carry ASCII: a file name with accents travels percent-encoded.
        encabezados: {
          'x-nombre-archivo': encodeURIComponent(cartera.nombre.slice(0, 200)),
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
