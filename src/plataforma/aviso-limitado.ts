/**
 * A logger for errors that come in bursts (every pooled connection and every poll fails while
 * the database restarts): one line per distinct message a minute. 57P01 is PostgreSQL stopping
 * because it was asked to (Ctrl-C, an orderly stop): not worth a line.
 */
export function avisoLimitado(origen: string): (e: Error & { code?: string }) => void {
  const ultimaVez = new Map<string, number>();
  return (e) => {
    if (e.code === '57P01' && !e.message.includes('unexpected postmaster exit')) return;
    const ahora = Date.now();
    if (ahora - (ultimaVez.get(e.message) ?? 0) < 60_000) return;
    ultimaVez.set(e.message, ahora);
    console.error(`${origen}: ${e.message}`);
  };
}
