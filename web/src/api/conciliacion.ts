import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Deposito,
  DepositoAsignado,
  DepositoRegistrado as DepositoRegistradoAhora,
  DepositoYaRegistrado,
  EstadoDeposito,
  ListaDeDepositos,
  ResultadoImportacionBancaria,
} from '../../../src/contrato/conciliacion.ts';
import { solicitar } from './cliente.ts';
import type { PaginaCreditos } from './creditos.ts';
import type { Rol } from './tipos.ts';

/** Bank statements and their reconciliation are Contabilidad y Finanzas' work. */
export const ROLES_CONCILIACION: readonly Rol[] = ['contabilidad', 'administrador'];

// The wire's shapes are the server's contract (src/contrato/conciliacion.ts), imported type-only.
export type {
  Deposito,
  DepositoQuedoPendiente,
  DepositoRegistrado as DepositoRegistradoAhora,
  DepositoYaPendiente,
  DepositoYaRegistrado,
  EstadoDeposito,
  ListaDeDepositos,
  ResultadoImportacionBancaria as ResultadoImportacion,
} from '../../../src/contrato/conciliacion.ts';

/** A posted line, now or before: only those posted now say whether they exceeded the debt. */
export type DepositoRegistrado = DepositoYaRegistrado &
  Partial<Pick<DepositoRegistradoAhora, 'excedeAdeudo'>>;

/** A bad line of a rejected file (nothing of it was posted). */
export interface ErrorDeLinea {
  linea: number;
  columna: string | null;
  motivo: string;
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
      solicitar<ResultadoImportacionBancaria>('POST', '/api/conciliacion/estados-bancarios', {
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
      solicitar<DepositoAsignado>('POST', `/api/conciliacion/pendientes/${id}/asignacion`, {
        cuerpo: motivo === null ? { creditoId } : { creditoId, motivo },
        encabezados: { 'Idempotency-Key': clave },
      }),
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
