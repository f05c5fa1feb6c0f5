import { createHash } from 'node:crypto';

/** The content a bitácora row's hash covers, in a form that survives a round trip to jsonb. */
export interface ContenidoBitacora {
  id: number;
  instante: Date;
  actorId: number | null;
  actorUsuario: string | null;
  accion: string;
  objetoTipo: string | null;
  objetoId: string | null;
  ip: string | null;
  detalle: unknown;
  hashAnterior: string;
}

export const HASH_GENESIS = '0'.repeat(64);

/** JSON with object keys sorted at every depth, as jsonb would not keep the writer's order. */
export function jsonCanonico(valor: unknown): string {
  if (Array.isArray(valor)) return `[${valor.map(jsonCanonico).join(',')}]`;
  if (valor !== null && typeof valor === 'object') {
    const claves = Object.keys(valor).sort();
    const obj = valor as Record<string, unknown>;
    return `{${claves
      .filter((k) => obj[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${jsonCanonico(obj[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(valor);
}

export function hashDeFila(c: ContenidoBitacora): string {
  const canonico = jsonCanonico([
    c.id,
    c.instante.toISOString(),
    c.actorId,
    c.actorUsuario,
    c.accion,
    c.objetoTipo,
    c.objetoId,
    c.ip,
    c.detalle,
    c.hashAnterior,
  ]);
  return createHash('sha256').update(c.hashAnterior).update(canonico).digest('hex');
}
