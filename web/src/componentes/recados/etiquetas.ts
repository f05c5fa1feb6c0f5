import type { EstadoRecado } from '../../api/recados.ts';

export const NOMBRE_ESTADO_RECADO: Record<EstadoRecado, string> = {
  nuevo: 'Nuevo',
  leido: 'Leído',
  atendido: 'Atendido',
};

export const recados = (n: number) => (n === 1 ? '1 recado nuevo' : `${n} recados nuevos`);
