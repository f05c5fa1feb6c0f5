import type { Comando } from './comandos.ts';

/** Portfolio commands (import, demo portfolio, aging). */
export const COMANDOS_CARTERA: Comando[] = [];
