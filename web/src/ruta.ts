/** A positive integer id from the address (`/creditos/:id`), or null for anything else. */
export function idDeRuta(texto: string | undefined): number | null {
  if (texto === undefined || !/^\d{1,15}$/.test(texto)) return null;
  const id = Number(texto);
  return id > 0 ? id : null;
}

/**
 * What a page passes to the credit page when it opens one (router state): the ficha it came
 * from, so the breadcrumb leads back there instead of to Cartera.
 */
export interface VieneDeFicha {
  ficha: { id: number; nombre: string };
}

export function vieneDeFicha(estado: unknown): VieneDeFicha['ficha'] | null {
  if (typeof estado !== 'object' || estado === null || !('ficha' in estado)) return null;
  const { ficha } = estado;
  if (typeof ficha !== 'object' || ficha === null) return null;
  if (!('id' in ficha) || !('nombre' in ficha)) return null;
  const { id, nombre } = ficha;
  return typeof id === 'number' && typeof nombre === 'string' ? { id, nombre } : null;
}
