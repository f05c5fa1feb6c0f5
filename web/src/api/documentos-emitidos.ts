import { useQuery } from '@tanstack/react-query';
import type { DocumentosEmitidos } from '../../../src/contrato/plantillas.ts';
import { solicitar } from './cliente.ts';

// The wire's shapes are the server's contract (src/contrato/plantillas.ts), imported type-only.
export type {
  DocumentoEmitido,
  TipoDocumentoEmitido,
} from '../../../src/contrato/plantillas.ts';

export function useDocumentosEmitidos(creditoId: number) {
  return useQuery({
    queryKey: ['creditos', creditoId, 'documentos-emitidos'],
    queryFn: async ({ signal }) =>
      (
        await solicitar<DocumentosEmitidos>(
          'GET',
          `/api/creditos/${creditoId}/documentos-emitidos`,
          { senal: signal },
        )
      ).documentos,
  });
}

/** The same document again: same text, same template and datos del instituto versions. */
export const urlReimpresion = (id: number) => `/api/documentos-emitidos/${id}/pdf`;
