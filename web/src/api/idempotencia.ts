import { useMemo, useRef } from 'react';

/**
 * A random UUID v4. `crypto.randomUUID` exists only in secure contexts (HTTPS, localhost): on
 * an office intranet served over plain HTTP it is missing, while `getRandomValues` is not.
 */
export function nuevoUuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export interface ClaveDeIdempotencia {
  /** The key of the current attempt: the same one for every retry of the same form contents. */
  actual(): string;
  /** Forget it: the form changed, or the operation succeeded; the next attempt gets a new one. */
  renovar(): void;
}

/**
 * One Idempotency-Key per money-moving attempt. A retry after a lost answer or a double click
 * reuses it, so the server applies the operation once and replays its first answer.
 */
export function useClaveDeIdempotencia(): ClaveDeIdempotencia {
  const clave = useRef<string | null>(null);
  return useMemo(
    () => ({
      actual: () => {
        clave.current ??= nuevoUuid();
        return clave.current;
      },
      renovar: () => {
        clave.current = null;
      },
    }),
    [],
  );
}
