import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import autocannon, { type Opciones, type Peticion, type Resultado } from 'autocannon';
import { sql } from 'kysely';
import { calcularAntiguedad } from '../src/modules/cartera/calcular-antiguedad.ts';
import { cargarCarteraDemo } from '../src/modules/demo/cargar-cartera-demo.ts';
import { cargarDemo } from '../src/modules/demo/cargar-demo.ts';
import { relojDelSistema } from '../src/plataforma/reloj-sistema.ts';
import { puertoLibre, Servidor } from '../test/soporte/fiabilidad.ts';
import { baseParaBenchmark } from './servidor-de-base.ts';

/**
 * 50 concurrent users at the counter on the demo portfolio, against the real server process:
 * search 36 %, ficha 18 %, statement 27 %, payment posting 9 % (each with its own
 * Idempotency-Key), gestión 10 % (an inbound call with an effective contact, issue 9). Goal:
 * p95 under 200 ms and p99 under 500 ms; a gestión's p95 under 50 ms. A person clicks every
 * second or two, so each user sends `--ritmo` requests per second (default 2, already several
 * times a gestor's pace); `--ritmo 0` removes the think time and measures the ceiling.
 */
const { values } = parseArgs({
  options: {
    acreditados: { type: 'string', default: '3000' },
    segundos: { type: 'string', default: '30' },
    conexiones: { type: 'string', default: '50' },
    // Requests per second per user; 0 = no think time (saturation: the throughput ceiling).
    ritmo: { type: 'string', default: '2' },
    // Shares of búsqueda, ficha, estado de cuenta, pago and gestión; the rest of 100 is gestión.
    // Before issue 9 the mix was "40,20,30,10" (no gestiones).
    mezcla: { type: 'string', default: '36,18,27,9,10' },
    sincronizados: { type: 'boolean', default: false },
  },
});
const [pBusqueda = 0, pFicha = 0, pEstado = 0, pPago = 0] = (values.mezcla ?? '')
  .split(',')
  .map((x) => Number(x) / 100);
const reloj = relojDelSistema('America/Hermosillo');
const base = await baseParaBenchmark('carga');
// All simulated users come from 127.0.0.1: the per-IP limit (6000/min, a whole office behind one
// IP at a human pace) would answer 429 to the saturation run, which measures the server instead.
process.env.LIMITE_POR_MINUTO ??= '1000000';
const servidor = new Servidor(base.url, await puertoLibre());
try {
  await base.db.transaction().execute(async (trx) => {
    await cargarDemo(trx, { reloj, ip: null });
    await cargarCarteraDemo(
      trx,
      { acreditados: Number(values.acreditados), semilla: 1996 },
      { reloj, ip: null },
    );
  });
  // Last night's aging, as the 02:00 job leaves it: otherwise the server computes it at start,
  // during the measurement, and the figures include a batch job no counter hour has.
  await base.db
    .transaction()
    .execute((trx) => calcularAntiguedad(trx, reloj.hoy(), { reloj, ip: null }));
  await sql`VACUUM ANALYZE`.execute(base.db);
  await servidor.arrancar();
  const url = `http://127.0.0.1:${servidor.puerto}`;

  // Hermosillo's active portfolio, which the gestor and the coordinador of Hermosillo may work
  // (a paid-off credit refuses a payment: excede_adeudo).
  const objetivos = await sql<{ credito: number; persona: number; apellido: string }>`
    SELECT c.id AS credito, p.id AS persona, p.primer_apellido AS apellido
      FROM creditos c JOIN oficinas o ON o.id = c.oficina_id AND o.clave = 'HMO'
      JOIN participantes_credito pc ON pc.credito_id = c.id AND pc.rol = 'acreditado'
      JOIN personas p ON p.id = pc.persona_id
     WHERE c.estado = 'activo'
     ORDER BY c.id`.execute(base.db);
  const filas = objetivos.rows;
  const sesiones: Array<{ cookie: string; csrf: string }> = [];
  for (const usuario of ['gestor', 'coordinador']) {
    for (let i = 0; i < 10; i++) {
      const r = await fetch(`${url}/api/sesion`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ usuario, contrasena: 'Recupera.2026' }),
      });
      sesiones.push({
        cookie: (r.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
        csrf: ((await r.json()) as { csrf: string }).csrf,
      });
    }
  }
  let n = 0;
  const elegir = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)] as T;
  const tiempos: number[] = [];
  const porTipo = new Map<string, number[]>();
  const peticion: Peticion = {
    setupRequest: (req, contexto) => {
      const s = sesiones[n++ % sesiones.length] ?? { cookie: '', csrf: '' };
      const f = elegir(filas);
      const dado = Math.random();
      const headers: Record<string, string> = { cookie: s.cookie };
      // The connection's context names what it asked, for the latency by kind (see correr).
      contexto.tipo =
        dado < pBusqueda
          ? 'búsqueda'
          : dado < pBusqueda + pFicha
            ? 'ficha'
            : dado < pBusqueda + pFicha + pEstado
              ? 'estado de cuenta'
              : dado < pBusqueda + pFicha + pEstado + pPago
                ? 'pago'
                : 'gestión';
      if (dado >= pBusqueda + pFicha + pEstado + pPago)
        return {
          ...req,
          method: 'POST',
          path: `/api/creditos/${f.credito}/gestiones`,
          headers: { ...headers, 'content-type': 'application/json', 'x-csrf-token': s.csrf },
          body: JSON.stringify({
            canal: 'llamada_entrante',
            personaId: f.persona,
            resultado: 'contacto_efectivo',
            nota: 'Llamó para preguntar su saldo.',
            duracionSegundos: 120,
          }),
        };
      if (dado < pBusqueda)
        return {
          ...req,
          method: 'GET',
          path: `/api/buscar?q=${encodeURIComponent(f.apellido.slice(0, 5))}`,
          headers,
        };
      if (dado < pBusqueda + pFicha)
        return { ...req, method: 'GET', path: `/api/personas/${f.persona}/ficha`, headers };
      if (dado < pBusqueda + pFicha + pEstado)
        return {
          ...req,
          method: 'GET',
          path: `/api/creditos/${f.credito}/estado-de-cuenta`,
          headers,
        };
      return {
        ...req,
        method: 'POST',
        path: `/api/creditos/${f.credito}/pagos`,
        headers: {
          ...headers,
          'content-type': 'application/json',
          'x-csrf-token': s.csrf,
          'idempotency-key': randomUUID(),
        },
        body: JSON.stringify({
          monto: `${100 + (n % 900)}.00`,
          canal: 'banco',
          referencia: `CARGA-${n}`,
        }),
      };
    },
  };
  const correr = (opciones: Opciones) =>
    new Promise<Resultado>((resolver, rechazar) => {
      const instancia = autocannon(opciones, (error, r) => (error ? rechazar(error) : resolver(r)));
      instancia.on('response', (cliente, _estado, _bytes, ms) => {
        tiempos.push(ms);
        // autocannon builds a connection's next request only after this event: its context
        // still names the request just answered.
        const tipo = (cliente as { requestIterator?: { context?: { tipo?: unknown } } })
          .requestIterator?.context?.tipo;
        if (typeof tipo === 'string') porTipo.set(tipo, [...(porTipo.get(tipo) ?? []), ms]);
      });
    });
  const segundos = Number(values.segundos);
  const conexiones = Number(values.conexiones);
  const ritmo = Number(values.ritmo);
  const esperar = (ms: number) => new Promise((r) => setTimeout(r, ms));
  // With a rate, each user is its own connection whose one-second window starts at a random
  // instant: autocannon starts every connection's window together, so one instance with a rate
  // fires all users' requests in the same millisecond each second, a stampede no counter sees.
  // `--sincronizados` keeps that worst case measurable.
  const resultados =
    ritmo > 0 && !values.sincronizados
      ? await Promise.all(
          Array.from({ length: conexiones }, () =>
            esperar(Math.random() * 1000).then(() =>
              correr({
                url,
                connections: 1,
                connectionRate: ritmo,
                duration: segundos,
                requests: [peticion],
              }),
            ),
          ),
        )
      : [
          await correr({
            url,
            connections: conexiones,
            duration: segundos,
            ...(ritmo > 0 ? { connectionRate: ritmo } : {}),
            requests: [peticion],
          }),
        ];
  const suma = (f: (r: Resultado) => number) => resultados.reduce((t, r) => t + f(r), 0);
  const codigos: Record<string, number> = {};
  for (const r of resultados)
    for (const [codigo, { count }] of Object.entries(r.statusCodeStats ?? {}))
      codigos[codigo] = (codigos[codigo] ?? 0) + count;
  tiempos.sort((a, b) => a - b);
  const p = (q: number) =>
    tiempos[Math.min(tiempos.length - 1, Math.ceil(q * tiempos.length) - 1)] ?? 0;
  console.log(
    `Carga: ${conexiones} usuarios ${ritmo === 0 ? 'sin pausa (saturación)' : `a ${ritmo} solicitudes/s cada uno${values.sincronizados ? ', sincronizados' : ''}`}, ${segundos} s, ${values.acreditados} acreditados, mezcla ${values.mezcla}.`,
  );
  console.log(
    `Solicitudes: ${tiempos.length} (${(tiempos.length / segundos).toFixed(0)}/s); no 2xx: ${suma((r) => r.non2xx)}; errores: ${suma((r) => r.errors)}; códigos: ${JSON.stringify(codigos)}`,
  );
  console.log(
    `Latencia ms: p50 ${p(0.5).toFixed(0)} · p95 ${p(0.95).toFixed(0)} · p99 ${p(0.99).toFixed(0)} · máx ${(tiempos.at(-1) ?? 0).toFixed(0)}`,
  );
  for (const [tipo, xs] of [...porTipo].sort()) {
    xs.sort((a, b) => a - b);
    const q = (x: number) => xs[Math.min(xs.length - 1, Math.ceil(x * xs.length) - 1)] ?? 0;
    console.log(
      `  ${tipo}: ${xs.length} · p50 ${q(0.5).toFixed(0)} · p95 ${q(0.95).toFixed(0)} · p99 ${q(0.99).toFixed(0)}`,
    );
  }
} finally {
  await servidor.detener();
  await base.cerrar();
}
