import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  PlantillaConVersiones,
  TextosDePlantilla,
  TipoPlantilla,
  TiposDePlantilla,
  VersionDePlantilla,
} from '../../../src/contrato/plantillas.ts';
import { solicitar, solicitarArchivo } from './cliente.ts';
import type { Rol } from './tipos.ts';

// The wire's shapes are the server's contract (src/contrato/plantillas.ts), imported type-only.
export type {
  DefinicionDePlantilla,
  EntradaDeVersion,
  PlantillaConVersiones,
  TextosDePlantilla,
  TipoPlantilla,
  VersionDePlantilla,
} from '../../../src/contrato/plantillas.ts';

/** The documents' texts are the administrador's (issue 14, docs/documentos.md «Plantillas»). */
export const ROLES_PLANTILLAS: readonly Rol[] = ['administrador'];

/** One error of a draft, by section and line, as the server sends them in `errores`. */
export interface ErrorDeSeccion {
  seccion: string;
  linea: number | null;
  mensaje: string;
}

export function useTiposDePlantilla() {
  return useQuery({
    queryKey: ['plantillas'],
    queryFn: ({ signal }) =>
      solicitar<TiposDePlantilla>('GET', '/api/plantillas', { senal: signal }),
  });
}

/** A document's template: the version asked for (undefined: the one in force) and its history. */
export function usePlantilla(tipo: TipoPlantilla, version?: number) {
  return useQuery({
    queryKey: ['plantillas', tipo, version ?? 'vigente'],
    queryFn: ({ signal }) =>
      solicitar<PlantillaConVersiones>(
        'GET',
        `/api/plantillas/${tipo}${version === undefined ? '' : `?version=${version}`}`,
        { senal: signal },
      ),
  });
}

/** Each save is a new version; `basadaEn` refuses it if someone saved in between. */
export function useGuardarPlantilla(tipo: TipoPlantilla) {
  const clienteConsultas = useQueryClient();
  return useMutation({
    mutationFn: (entrada: { textos: TextosDePlantilla; basadaEn: number }) =>
      solicitar<VersionDePlantilla>('POST', `/api/plantillas/${tipo}`, { cuerpo: entrada }),
    onSuccess: () => clienteConsultas.invalidateQueries({ queryKey: ['plantillas'] }),
  });
}

/** The PDF a draft prints for a real credit; nothing is saved. */
export function useVistaPrevia(tipo: TipoPlantilla) {
  return useMutation({
    mutationFn: (entrada: { textos: TextosDePlantilla; credito: string }) =>
      solicitarArchivo('POST', `/api/plantillas/${tipo}/vista-previa`, { cuerpo: entrada }),
  });
}
