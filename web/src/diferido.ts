import { useEffect, useState } from 'react';

/** `valor` once it has stopped changing for `ms` milliseconds (a search box's debounce). */
export function useValorDiferido<T>(valor: T, ms: number): T {
  const [diferido, setDiferido] = useState(valor);
  useEffect(() => {
    const temporizador = setTimeout(() => setDiferido(valor), ms);
    return () => clearTimeout(temporizador);
  }, [valor, ms]);
  return diferido;
}
