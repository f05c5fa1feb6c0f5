import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { solicitar } from './cliente.ts';
import type { Rol } from './tipos.ts';

/** Who corrects a person's name, CURP or birth date (the server's rule; office checked there). */
export const ROLES_CORREGIR_PERSONA: readonly Rol[] = ['coordinador', 'administrador'];

export interface DatosDePersona {
  id: number;
  nombres: string;
  primerApellido: string;
  segundoApellido: string | null;
  /** Masked: `HESJ47…N04`. */
  curp: string | null;
  fechaNacimiento: string | null;
}

export interface CorreccionDePersona {
  id: number;
  /** Only the fields corrected, by their API name (`segundoApellido`); a CURP masked. */
  antes: Record<string, string | null>;
  despues: Record<string, string | null>;
  motivo: string;
  registradaPor: { id: number; nombre: string };
  registrada: string;
}

export interface CorreccionesDePersona {
  personaId: number;
  persona: DatosDePersona;
  correcciones: CorreccionDePersona[];
}

/** What a correction sends: only the fields that change, and why. */
export interface CorreccionNueva {
  nombres?: string;
  primerApellido?: string;
  segundoApellido?: string | null;
  curp?: string;
  fechaNacimiento?: string | null;
  motivo: string;
}

export const NOMBRE_CAMPO_PERSONA: Record<string, string> = {
  nombres: 'Nombres',
  primerApellido: 'Primer apellido',
  segundoApellido: 'Segundo apellido',
  curp: 'CURP',
  fechaNacimiento: 'Fecha de nacimiento',
};

/** The person as she is now and her corrections, newest first (reading it is logged). */
export function useCorreccionesDePersona(personaId: number | null) {
  return useQuery({
    queryKey: ['personas', personaId, 'correcciones'],
    queryFn: ({ signal }) =>
      solicitar<CorreccionesDePersona>('GET', `/api/personas/${personaId ?? 0}/correcciones`, {
        senal: signal,
      }),
    enabled: personaId !== null,
  });
}

/** The credit shows the person's name: it is read again after a correction. */
export function useCorregirPersona(personaId: number) {
  const clienteConsultas = useQueryClient();
  return useMutation({
    mutationFn: (c: CorreccionNueva) =>
      solicitar<{ persona: DatosDePersona }>('POST', `/api/personas/${personaId}/correcciones`, {
        cuerpo: c,
      }),
    onSuccess: async () => {
      await clienteConsultas.invalidateQueries({ queryKey: ['personas', personaId] });
      await clienteConsultas.invalidateQueries({ queryKey: ['creditos'] });
    },
  });
}
