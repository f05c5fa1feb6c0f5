import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { construirApp } from '../src/http/app.ts';
import { cargarCarteraDemo } from '../src/modules/demo/cargar-cartera-demo.ts';
import { cargarDemo } from '../src/modules/demo/cargar-demo.ts';
import { RelojManual } from '../src/plataforma/reloj-sistema.ts';
import { baseParaBenchmark } from './servidor-de-base.ts';

/**
 * Search latency on a big portfolio: p50/p95/p99 of GET /api/buscar through the real app
 * (session, policy, SQL, bitácora row), one query at a time as a gestor types them.
 * Goal: p95 under 50 ms with 300,000 acreditados.
 */
const { values } = parseArgs({
  options: {
    acreditados: { type: 'string', default: '300000' },
    consultas: { type: 'string', default: '600' },
  },
});
const reloj = new RelojManual(new Date());
const base = await baseParaBenchmark('busqueda');
try {
  let t0 = Date.now();
  await base.db.transaction().execute(async (trx) => {
    await cargarDemo(trx, { reloj, ip: null });
    await cargarCarteraDemo(
      trx,
      { acreditados: Number(values.acreditados), semilla: 1996 },
      { reloj, ip: null },
    );
  });
  await sql`VACUUM ANALYZE`.execute(base.db);
  console.log(
    `Cartera de ${values.acreditados} acreditados cargada en ${((Date.now() - t0) / 1000).toFixed(0)} s.`,
  );

  const { app } = await construirApp({
    db: base.db,
    reloj,
    sessionSecret: 'x'.repeat(32),
    cookieSegura: false,
    limitePorMinuto: 1e9,
    limiteLoginPorMinuto: 1e9,
  });
  const sesion = async (usuario: string) => {
    const r = await app.inject({
      method: 'POST',
      url: '/api/sesion',
      payload: { usuario, contrasena: 'Recupera.2026' },
    });
    return `recupera_sesion=${r.cookies.find((c) => c.name === 'recupera_sesion')?.value}`;
  };
  const cookies = { gestor: await sesion('gestor'), admin: await sesion('admin') };

  // Real names, CURPs, phones and numbers drawn from the portfolio, typed as a person would.
  const muestra = await sql<{
    nombres: string;
    primer_apellido: string;
    segundo_apellido: string | null;
    curp: string;
    numero: string;
    telefono: string | null;
  }>`
    SELECT p.nombres, p.primer_apellido, p.segundo_apellido, p.curp, c.numero,
           (SELECT t.numero FROM telefonos t WHERE t.persona_id = p.id LIMIT 1) AS telefono
      FROM personas p JOIN participantes_credito pc ON pc.persona_id = p.id AND pc.rol = 'acreditado'
      JOIN creditos c ON c.id = pc.credito_id
     ORDER BY md5(p.id::text) LIMIT ${Math.ceil(Number(values.consultas) / 6)}`.execute(base.db);
  const sinAcentos = (t: string) =>
    t
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '')
      .toLowerCase();
  const consultas: Array<{ tipo: string; q: string }> = muestra.rows.flatMap((f) => [
    { tipo: 'nombre y apellido', q: sinAcentos(`${f.nombres.split(' ')[0]} ${f.primer_apellido}`) },
    {
      tipo: 'apellidos al revés',
      q: `${f.segundo_apellido ?? f.primer_apellido} ${f.primer_apellido}`,
    },
    { tipo: 'palabra parcial', q: sinAcentos(f.primer_apellido.slice(0, 4)) },
    { tipo: 'CURP', q: f.curp },
    { tipo: 'crédito', q: f.numero },
    { tipo: 'teléfono', q: f.telefono ?? f.numero },
  ]);

  const tiempos = new Map<string, number[]>();
  for (const quien of ['gestor', 'admin'] as const) {
    for (const c of consultas.slice(0, 30))
      await app.inject({
        url: `/api/buscar?q=${encodeURIComponent(c.q)}`,
        headers: { cookie: cookies[quien] },
      });
    for (const c of consultas) {
      t0 = performance.now();
      const r = await app.inject({
        url: `/api/buscar?q=${encodeURIComponent(c.q)}`,
        headers: { cookie: cookies[quien] },
      });
      const ms = performance.now() - t0;
      if (r.statusCode !== 200) throw new Error(`búsqueda falló: ${r.body}`);
      for (const clave of [`${quien}: todas`, `${quien}: ${c.tipo}`])
        tiempos.set(clave, [...(tiempos.get(clave) ?? []), ms]);
    }
  }
  const percentil = (xs: number[], p: number) =>
    [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)] ??
    0;
  console.log(
    '| quien: consultas | n | p50 ms | p95 ms | p99 ms |\n| --- | --- | --- | --- | --- |',
  );
  for (const [clave, xs] of tiempos) {
    console.log(
      `| ${clave} | ${xs.length} | ${percentil(xs, 50).toFixed(1)} | ${percentil(xs, 95).toFixed(1)} | ${percentil(xs, 99).toFixed(1)} |`,
    );
  }
  await app.close();
} finally {
  await base.cerrar();
}
