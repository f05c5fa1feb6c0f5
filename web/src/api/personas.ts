import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CorreccionesDePersona, DatosDePersona } from '../../../src/contrato/personas.ts';
import { solicitar } from './cliente.ts';
import type { Rol } from './tipos.ts';

/** Who corrects a person's name, CURP or birth date (the server's rule; office checked there). */
export const ROLES_CORREGIR_PERSONA: readonly Rol[] = ['coordinador', 'administrador'];

// The wire's shapes are the server's contract (src/contrato/personas.ts), imported type-only.
export type {
  CorreccionDePersona,
  CorreccionesDePersona,
  DatosDePersona,
} from '../../../src/contrato/personas.ts';

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
