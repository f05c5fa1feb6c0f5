import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { solicitar } from './cliente.ts';
import type { PaginaCreditos } from './creditos.ts';
import type { ExcedeAdeudo, PagoRegistrado } from './pagos.ts';
import type { Rol } from './tipos.ts';

/** Bank statements and their reconciliation are Contabilidad y Finanzas' work. */
export const ROLES_CONCILIACION: readonly Rol[] = ['contabilidad', 'administrador'];

export type EstadoDeposito = 'pendiente' | 'asignado' | 'descartado';

interface LineaBancaria {
  /** The line's number in the file, header included, as an editor shows it. */
  linea: number;
  folio: string;
  fecha: string;
  importe: string;
}

export type DepositoRegistrado = LineaBancaria & {
  creditoId: number;
  numero: string;
  movimientoId: number;
  /**
   * Posted now and above what the credit owed (flagged, the money did arrive). Absent for the
   * lines that were already posted.
   */
  excedeAdeudo?: ExcedeAdeudo | null;
};
export type DepositoQuedoPendiente = LineaBancaria & {
  id: number;
  referencia: string;
  motivo: string;
};
export type DepositoYaPendiente = LineaBancaria & { id: number; estado: EstadoDeposito };

export interface ResultadoImportacion {
  importacion: {
    id: number;
    nombreArchivo: string;
    sha256: string;
    lineas: number;
    registrados: number;
    yaRegistrados: number;
    pendientes: number;
    yaPendientes: number;
    totalRegistrado: string;
    /** Deposits posted now above what their credit owed: to be reviewed (absent before issue 13). */
    excedenAdeudo?: number;
  };
  registrados: DepositoRegistrado[];
  yaRegistrados: DepositoRegistrado[];
  pendientes: DepositoQuedoPendiente[];
  yaPendientes: DepositoYaPendiente[];
}

/** A bad line of a rejected file (nothing of it was posted). */
export interface ErrorDeLinea {
  linea: number;
  columna: string | null;
  motivo: string;
}

export interface Deposito {
  id: number;
  estado: EstadoDeposito;
  importacionId: number;
  linea: number;
  lineaCruda: string;
  fecha: string;
  referencia: string;
  importe: string;
  folio: string;
  concepto: string;
  /** Why it was not posted by itself. */
  motivo: string;
  creditoReferido: { id: number; numero: string } | null;
  asignacion: { creditoId: number; numero: string; movimientoId: number } | null;
  resolucion: { usuario: string; instante: string; motivo: string | null } | null;
}

export interface ListaDeDepositos {
  total: number;
  pagina: number;
  porPagina: number;
  depositos: Deposito[];
}

const CLAVE = ['conciliacion'] as const;

/** What a posted deposit changes besides this page: statements, lists, fichas, the cash report. */
function useRefrescarTodo() {
  const clienteConsultas = useQueryClient();
  return () =>
    Promise.all(
      [CLAVE, ['creditos'], ['personas'], ['caja']].map((queryKey) =>
        clienteConsultas.invalidateQueries({ queryKey }),
      ),
    );
}

export function useImportarEstadoBancario() {
  const refrescar = useRefrescarTodo();
  return useMutation({
    mutationFn: ({ nombre, texto, clave }: { nombre: string; texto: string; clave: string }) =>
      solicitar<ResultadoImportacion>('POST', '/api/conciliacion/estados-bancarios', {
        cuerpoTexto: { texto, tipo: 'text/csv; charset=utf-8' },
        // Headers carry ASCII: a file name with accents travels percent-encoded.
        encabezados: { 'Idempotency-Key': clave, 'X-Nombre-Archivo': encodeURIComponent(nombre) },
      }),
    onSuccess: refrescar,
  });
}

export function useDepositos(estado: EstadoDeposito, pagina: number) {
  return useQuery({
    queryKey: [...CLAVE, 'depositos', estado, pagina],
    queryFn: ({ signal }) =>
      solicitar<ListaDeDepositos>(
        'GET',
        `/api/conciliacion/pendientes?estado=${estado}&pagina=${pagina}`,
        { senal: signal },
      ),
    placeholderData: keepPreviousData,
  });
}

export function useAsignarDeposito() {
  const refrescar = useRefrescarTodo();
  return useMutation({
    mutationFn: ({
      id,
      creditoId,
      motivo,
      clave,
    }: {
      id: number;
      creditoId: number;
      motivo: string | null;
      clave: string;
    }) =>
      solicitar<{ deposito: Deposito; pago: PagoRegistrado }>(
        'POST',
        `/api/conciliacion/pendientes/${id}/asignacion`,
        {
          cuerpo: motivo === null ? { creditoId } : { creditoId, motivo },
          encabezados: { 'Idempotency-Key': clave },
        },
      ),
    onSuccess: refrescar,
  });
}

export function useDescartarDeposito() {
  const refrescar = useRefrescarTodo();
  return useMutation({
    mutationFn: ({ id, motivo }: { id: number; motivo: string }) =>
      solicitar<Deposito>('POST', `/api/conciliacion/pendientes/${id}/descarte`, {
        cuerpo: { motivo },
      }),
    onSuccess: refrescar,
  });
}

/**
 * The credit a person names by its número (the API assigns by id): the Cartera list, filtered
 * by that prefix, must hold exactly that número.
 */
export async function creditoPorNumero(
  numero: string,
): Promise<{ id: number; numero: string } | null> {
  const buscado = numero.trim().toUpperCase();
  const r = await solicitar<PaginaCreditos>(
    'GET',
    `/api/creditos?numero=${encodeURIComponent(buscado)}&pagina=1`,
  );
  const credito = r.creditos.find((c) => c.numero.toUpperCase() === buscado);
  return credito === undefined ? null : { id: credito.id, numero: credito.numero };
}

/** The line errors of a rejected file, read defensively from the error envelope. */
export function erroresDeLinea(detalle: Readonly<Record<string, unknown>>): ErrorDeLinea[] {
  const errores = detalle.errores;
  if (!Array.isArray(errores)) return [];
  return errores.flatMap((e: unknown) => {
    if (typeof e !== 'object' || e === null) return [];
    const { linea, columna, motivo } = e as Record<string, unknown>;
    if (typeof linea !== 'number' || typeof motivo !== 'string') return [];
    return [{ linea, columna: typeof columna === 'string' ? columna : null, motivo }];
  });
}
