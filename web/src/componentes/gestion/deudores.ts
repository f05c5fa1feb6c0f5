import type { Credito } from '../../api/creditos.ts';

/** Someone the gestor may talk to about the account: its acreditado or an aval. */
export interface Deudor {
  personaId: number;
  nombre: string;
  rol: 'acreditado' | 'aval';
}

/** The acreditado and avales: the only people a gestor contacts about the account. */
export function deudoresDe(credito: Credito): Deudor[] {
  return credito.participantes.flatMap((p) =>
    p.rol === 'beneficiario' ? [] : [{ personaId: p.personaId, nombre: p.nombre, rol: p.rol }],
  );
}
