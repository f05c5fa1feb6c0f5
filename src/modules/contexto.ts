import type { Reloj } from '../domain/reloj.ts';
import type { Origen } from './bitacora/registrar-en-bitacora.ts';
import type { Actor } from './seguridad/actor.ts';

/** What every use case knows of the request besides its input. */
export interface Contexto {
  reloj: Reloj;
  ip: string | null;
}

export interface ContextoAutenticado extends Contexto {
  actor: Actor;
}

export function origenDe(ctx: Contexto & { actor?: Pick<Actor, 'id' | 'usuario'> | null }): Origen {
  return { actor: ctx.actor ?? null, ip: ctx.ip, instante: ctx.reloj.ahora() };
}
