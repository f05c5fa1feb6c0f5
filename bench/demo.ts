/**
 * Benchmark of the demo portfolio: generating and writing N acreditados into a fresh database,
 * as the first `npm start` (3,000) and `recupera demo --acreditados 300000` do.
 *
 *   npx tsx bench/demo.ts [--acreditados 3000,300000]      (or: npm run bench -- demo)
 *
 * Database: DATABASE_URL's server, else an embedded one (see servidor-de-base.ts).
 */
import { parseArgs } from 'node:util';
import { cargarCarteraDemo } from '../src/modules/demo/cargar-cartera-demo.ts';
import { cargarDemo } from '../src/modules/demo/cargar-demo.ts';
import { RelojManual } from '../src/plataforma/reloj-sistema.ts';
import { baseParaBenchmark } from './servidor-de-base.ts';

const { values } = parseArgs({
  options: { acreditados: { type: 'string', default: '3000,300000' } },
});
const reloj = new RelojManual('2026-03-10T18:00:00Z');
const ctx = { reloj, ip: null };

for (const n of (values.acreditados ?? '').split(',').map(Number)) {
  const base = await baseParaBenchmark('demo');
  try {
    await base.db.transaction().execute((trx) => cargarDemo(trx, ctx));
    const inicio = performance.now();
    const r = await base.db
      .transaction()
      .execute((trx) => cargarCarteraDemo(trx, { acreditados: n, semilla: 1996 }, ctx));
    const segundos = (performance.now() - inicio) / 1000;
    const miles = (x: number) => x.toLocaleString('es-MX');
    console.log(
      `${miles(n)} acreditados: ${segundos.toFixed(1)} s — ${miles(r.personas)} personas, ${miles(r.creditos)} créditos, ${miles(r.amortizaciones)} amortizaciones, ${miles(r.movimientos)} movimientos (${miles(Math.round((r.creditos + r.amortizaciones + r.movimientos) / segundos))} filas de crédito por segundo)`,
    );
    console.log(`  historiales: ${JSON.stringify(r.porTipo)}`);
    console.log(`  gestión de cartera: ${JSON.stringify(r.gestion)}`);
  } finally {
    await base.cerrar();
  }
}
