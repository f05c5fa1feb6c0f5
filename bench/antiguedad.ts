/**
 * The nightly aging (`recupera antiguedad`, `calcularAntiguedad`) over the demo portfolio of N
 * acreditados, for today's date. Goals (issue 15): 30,000 acreditados under 5 s, 300,000 under
 * 60 s.
 *
 *   npx tsx bench/antiguedad.ts [--acreditados 30000] [--veces 3] [--lote 1000]
 *                               [--base postgres://…/una_base_con_la_cartera]
 *
 * Each round runs in its own transaction and commits, as the job does: the first one inserts
 * today's snapshot, the next ones replace it (a recomputation). Printed per round: wall time,
 * CPU time of this process and of the PostgreSQL server (from /proc; only for a server on this
 * machine), the machine's load average, and where the wall time went (`FasesDeAntiguedad`).
 *
 * Database: a fresh one with the demo portfolio built in it (DATABASE_URL's server, else an
 * embedded one; see servidor-de-base.ts; 300,000 acreditados take 5–8 min to build), or with
 * `--base` an existing database that already holds it (nothing is built nor dropped).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { conectar, type Db } from '../src/db/conexion.ts';
import {
  calcularAntiguedad,
  type FasesDeAntiguedad,
} from '../src/modules/cartera/calcular-antiguedad.ts';
import { cargarCarteraDemo } from '../src/modules/demo/cargar-cartera-demo.ts';
import { cargarDemo } from '../src/modules/demo/cargar-demo.ts';
import { relojDelSistema } from '../src/plataforma/reloj-sistema.ts';
import { baseParaBenchmark } from './servidor-de-base.ts';

const { values } = parseArgs({
  options: {
    acreditados: { type: 'string', default: '30000' },
    veces: { type: 'string', default: '3' },
    lote: { type: 'string' },
    base: { type: 'string' },
  },
});
const reloj = relojDelSistema('America/Hermosillo');
const ctx = { reloj, ip: null, actor: null };
const miles = (x: number) => x.toLocaleString('es-MX');
const carga = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' / ');

/** `/proc/<pid>/stat` fields after the command name (field 3 onward). */
function estadoDe(pid: number | string): string[] {
  return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
}

/**
 * CPU seconds used so far by the whole PostgreSQL server (postmaster, its live processes and
 * those it reaped), read from /proc: only for a server on this machine, -1 elsewhere.
 */
async function cpuDePostgres(db: Db): Promise<number> {
  const { rows } = await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(db);
  try {
    const postmaster = Number(estadoDe(rows[0]?.pid ?? 0)[1]);
    const propio = estadoDe(postmaster);
    let ticks = [11, 12, 13, 14].reduce((s, i) => s + Number(propio[i]), 0);
    for (const pid of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
      try {
        const e = estadoDe(pid);
        if (Number(e[1]) === postmaster) ticks += Number(e[11]) + Number(e[12]);
      } catch {
        // The process ended meanwhile.
      }
    }
    return ticks / 100;
  } catch {
    return -1;
  }
}

console.log(`Carga de la máquina al empezar: ${carga()}`);
const base = values.base ? conectar(values.base) : await baseParaBenchmark('antiguedad');
try {
  if (!values.base) {
    const t0 = performance.now();
    const cartera = await base.db.transaction().execute(async (trx) => {
      await cargarDemo(trx, ctx);
      return cargarCarteraDemo(
        trx,
        { acreditados: Number(values.acreditados), semilla: 1996 },
        ctx,
      );
    });
    await sql`VACUUM ANALYZE`.execute(base.db);
    console.log(
      `Cartera de ${miles(Number(values.acreditados))} acreditados (${miles(cartera.creditos)} créditos, ${miles(cartera.amortizaciones)} amortizaciones, ${miles(cartera.movimientos)} movimientos) cargada en ${((performance.now() - t0) / 1000).toFixed(0)} s.`,
    );
  }
  const fecha = reloj.hoy();
  for (let vez = 1; vez <= Number(values.veces); vez++) {
    const fases: FasesDeAntiguedad = { espera: 0, motor: 0, escritura: 0 };
    const cargaAntes = carga();
    const pg0 = await cpuDePostgres(base.db);
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const r = await base.db.transaction().execute((trx) =>
      calcularAntiguedad(trx, fecha, ctx, {
        fases,
        ...(values.lote ? { lote: Number(values.lote) } : {}),
      }),
    );
    const pared = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const pg1 = await cpuDePostgres(base.db);
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    console.log(
      `${vez === 1 ? 'Primera' : 'Otra vez'}: ${miles(r.creditos)} créditos (${r.conError.length} con error, ${r.transiciones.length} transiciones) en ${pared.toFixed(1)} s — CPU: Node ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s, PostgreSQL ${pg0 < 0 ? '—' : `${(pg1 - pg0).toFixed(1)} s`}; carga ${cargaAntes} → ${carga()}`,
    );
    console.log(
      `  fases: esperando un lote ${s(fases.espera)}, motor (y el controlador entre tramos) ${s(fases.motor)}, últimas escrituras y transiciones ${s(fases.escritura)}`,
    );
  }
} finally {
  await base.cerrar();
}
