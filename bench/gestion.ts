import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { calcularAntiguedad } from '../src/modules/cartera/calcular-antiguedad.ts';
import { cargarCarteraDemo } from '../src/modules/demo/cargar-cartera-demo.ts';
import { CONTRASENA_DEMO, cargarDemo } from '../src/modules/demo/cargar-demo.ts';
import { crearUsuario } from '../src/modules/usuarios/crear-usuario.ts';
import { relojDelSistema } from '../src/plataforma/reloj-sistema.ts';
import { puertoLibre, Servidor } from '../test/soporte/fiabilidad.ts';
import { baseParaBenchmark } from './servidor-de-base.ts';

/**
 * Gestión de cartera on the demo portfolio, against the real server process (issue 9's goals):
 *
 * - the work queue (`GET /api/cola`) of a gestor holding `--cuentas-cola` accounts (3,000),
 *   assigned to him first with the distribution API: p95 under 100 ms. A few queries right
 *   after the distribution (the planner's statistics do not know yet), then `--consultas`
 *   after `ANALYZE creditos`;
 * - registering a gestión (`POST /api/creditos/:id/gestiones`, an inbound call with an
 *   effective contact, which no contact rule refuses): p95 under 50 ms;
 * - a bulk assignment of `--cuentas-reparto` unassigned accounts (30,000) among Hermosillo's
 *   three gestores, preview and apply, by number of accounts and by balance: under 10 s.
 *
 * One request at a time, as one person works. The demo's own assignments, gestiones, promises
 * and recados are in the database, so the queue has real reasons to rank.
 *
 *   npx tsx bench/gestion.ts [--acreditados 30000] [--consultas 200] [--gestiones 300]
 *                            [--cuentas-cola 3000] [--cuentas-reparto 30000]
 *
 * Database: DATABASE_URL's server, else an embedded one (see servidor-de-base.ts).
 */
const { values } = parseArgs({
  options: {
    acreditados: { type: 'string', default: '30000' },
    consultas: { type: 'string', default: '200' },
    gestiones: { type: 'string', default: '300' },
    'cuentas-cola': { type: 'string', default: '3000' },
    'cuentas-reparto': { type: 'string', default: '30000' },
  },
});
const tamano = Number(values.acreditados);
const cuentasCola = Number(values['cuentas-cola']);
const cuentasReparto = Number(values['cuentas-reparto']);
const reloj = relojDelSistema('America/Hermosillo');
const ctx = { reloj, ip: null };
const segundos = (desde: number) => ((performance.now() - desde) / 1000).toFixed(1);
const miles = (x: number) => x.toLocaleString('es-MX');

console.log(
  `Carga de la máquina al empezar: ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' / ')}`,
);
const base = await baseParaBenchmark('gestion');
process.env.LIMITE_POR_MINUTO ??= '1000000';
const servidor = new Servidor(base.url, await puertoLibre());
try {
  let t0 = performance.now();
  const cartera = await base.db.transaction().execute(async (trx) => {
    await cargarDemo(trx, ctx);
    const r = await cargarCarteraDemo(trx, { acreditados: tamano, semilla: 1996 }, ctx);
    // After the portfolio: the demo deals its credits among the office's gestores of then.
    const hmo = await trx
      .selectFrom('oficinas')
      .select('id')
      .where('clave', '=', 'HMO')
      .executeTakeFirstOrThrow();
    await crearUsuario(
      trx,
      {
        usuario: 'gestor.cola',
        nombre: 'Gestor de la prueba de la cola',
        rol: 'gestor',
        oficinaId: hmo.id,
        contrasena: CONTRASENA_DEMO,
      },
      { ...ctx, actor: null },
    );
    return r;
  });
  console.log(
    `Cartera de demostración de ${miles(tamano)} acreditados (${miles(cartera.creditos)} créditos; ${miles(cartera.gestion.asignaciones)} asignaciones, ${miles(cartera.gestion.gestiones)} gestiones, ${miles(cartera.gestion.promesas)} promesas, ${miles(cartera.gestion.recados)} recados) cargada en ${segundos(t0)} s.`,
  );
  t0 = performance.now();
  // Last night's aging, as the 02:00 job leaves it: balances and buckets come from it.
  await base.db
    .transaction()
    .execute((trx) => calcularAntiguedad(trx, reloj.hoy(), { ...ctx, actor: null }));
  console.log(`Antigüedad de saldos calculada en ${segundos(t0)} s.`);

  // The queue's accounts: drawn at random among Hermosillo's assignable ones. The accounts to
  // distribute in bulk: as many others, left without a gestor (as after an import).
  const asignables = sql`
    SELECT c.id FROM creditos c JOIN oficinas o ON o.id = c.oficina_id AND o.clave = 'HMO'
     WHERE c.estado = 'activo' AND c.despacho_id IS NULL`;
  const cola = (
    await sql<{ id: number }>`${asignables} ORDER BY md5(c.id::text) LIMIT ${cuentasCola}`.execute(
      base.db,
    )
  ).rows.map((r) => r.id);
  const liberadas = (
    await sql<{ id: number }>`
      ${asignables} AND NOT (c.id = ANY(${cola}::int4[]))
       ORDER BY md5(c.id::text) DESC LIMIT ${cuentasReparto}`.execute(base.db)
  ).rows.map((r) => r.id);
  const liberar = () =>
    base.db.transaction().execute(async (trx) => {
      await sql`UPDATE asignaciones SET hasta = GREATEST(desde, now())
                 WHERE hasta IS NULL AND credito_id = ANY(${liberadas}::int4[])`.execute(trx);
      await sql`UPDATE creditos SET gestor_id = NULL WHERE id = ANY(${liberadas}::int4[])`.execute(
        trx,
      );
    });
  await liberar();
  const acreditados = new Map(
    (
      await base.db
        .selectFrom('participantes_credito')
        .select(['credito_id', 'persona_id'])
        .where('credito_id', 'in', cola)
        .where('rol', '=', 'acreditado')
        .execute()
    ).map((p) => [p.credito_id, p.persona_id]),
  );
  await sql`VACUUM ANALYZE`.execute(base.db);
  await servidor.arrancar();
  const url = `http://127.0.0.1:${servidor.puerto}`;

  const entrar = async (usuario: string) => {
    const r = await fetch(`${url}/api/sesion`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ usuario, contrasena: CONTRASENA_DEMO }),
    });
    if (!r.ok) throw new Error(`no entró ${usuario}: ${await r.text()}`);
    return {
      cookie: (r.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
      csrf: ((await r.json()) as { csrf: string }).csrf,
    };
  };
  type Sesion = Awaited<ReturnType<typeof entrar>>;
  const pedir = async (s: Sesion, metodo: string, ruta: string, cuerpo?: unknown) => {
    const inicio = performance.now();
    const r = await fetch(`${url}${ruta}`, {
      method: metodo,
      headers: {
        cookie: s.cookie,
        ...(cuerpo === undefined
          ? {}
          : { 'content-type': 'application/json', 'x-csrf-token': s.csrf }),
      },
      body: cuerpo === undefined ? undefined : JSON.stringify(cuerpo),
    });
    const texto = await r.text();
    const ms = performance.now() - inicio;
    if (!r.ok) throw new Error(`${metodo} ${ruta}: ${r.status} ${texto.slice(0, 500)}`);
    return { ms, json: JSON.parse(texto) as Record<string, unknown> };
  };
  const coordinador = await entrar('coordinador');
  const gestorCola = await entrar('gestor.cola');
  const ids = async (usuarios: string[]) =>
    (
      await base.db
        .selectFrom('usuarios')
        .select('id')
        .where('usuario', 'in', usuarios)
        .orderBy('id')
        .execute()
    ).map((u) => u.id);

  /** Preview and apply; the seconds of each and of both. */
  const distribuir = async (seleccion: Record<string, unknown>) => {
    const vista = await pedir(coordinador, 'POST', '/api/asignacion/vista-previa', seleccion);
    const aplicada = await pedir(coordinador, 'POST', '/api/asignacion/distribucion', {
      ...seleccion,
      firma: vista.json.firma,
    });
    return {
      cuentas: Number(aplicada.json.asignadas),
      vista: vista.ms / 1000,
      aplicar: aplicada.ms / 1000,
    };
  };

  const [idCola] = await ids(['gestor.cola']);
  const alaCola = await distribuir({ creditoIds: cola, gestorIds: [idCola], regla: 'cuentas' });
  console.log(
    `\n${miles(alaCola.cuentas)} cuentas asignadas a gestor.cola por la API: vista previa ${alaCola.vista.toFixed(2)} s, distribución ${alaCola.aplicar.toFixed(2)} s.`,
  );

  const percentil = (xs: number[], p: number) =>
    [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)] ??
    0;
  const fila = (nombre: string, xs: number[]) =>
    `| ${nombre} | ${xs.length} | ${percentil(xs, 50).toFixed(1)} | ${percentil(xs, 95).toFixed(1)} | ${percentil(xs, 99).toFixed(1)} |`;
  const medir = async (n: number, una: (i: number) => Promise<number>) => {
    for (let i = 0; i < Math.min(10, n); i++) await una(i);
    const xs: number[] = [];
    for (let i = 0; i < n; i++) xs.push(await una(i));
    return xs;
  };

  let total = 0;
  const consultarCola = async () => {
    const r = await pedir(gestorCola, 'GET', '/api/cola');
    total = Number(r.json.total);
    return r.ms;
  };
  // Right after a distribution the planner's statistics still say gestor.cola holds nothing
  // (3,000 changed rows of a big table do not reach autovacuum's analyze threshold): a few
  // queries as they come then, without warm-up, for at most a minute.
  const recien: number[] = [];
  const limite = performance.now() + 60_000;
  while (recien.length < 5 && performance.now() < limite) recien.push(await consultarCola());
  await sql`ANALYZE creditos`.execute(base.db);
  const tiemposCola = await medir(Number(values.consultas), consultarCola);
  const tiemposGestion = await medir(Number(values.gestiones), async (i) => {
    const creditoId = cola[(i * 7919) % cola.length] ?? 0;
    const r = await pedir(gestorCola, 'POST', `/api/creditos/${creditoId}/gestiones`, {
      canal: 'llamada_entrante',
      personaId: acreditados.get(creditoId) ?? null,
      resultado: 'contacto_efectivo',
      nota: 'Llamó para preguntar su saldo.',
      duracionSegundos: 180,
    });
    return r.ms;
  });
  console.log(`\nCola de gestor.cola: ${miles(total)} cuentas.\n`);
  console.log('| solicitud | n | p50 ms | p95 ms | p99 ms |\n| --- | --- | --- | --- | --- |');
  console.log(
    fila(`GET /api/cola (${miles(total)} cuentas), recién distribuidas, sin calentar`, recien),
  );
  console.log(fila(`GET /api/cola (${miles(total)} cuentas), tras ANALYZE`, tiemposCola));
  console.log(fila('POST /api/creditos/:id/gestiones', tiemposGestion));

  // Bulk: the unassigned accounts among the office's three demo gestores, by number of
  // accounts; then the same accounts unassigned again and dealt by balance.
  const gestoresHmo = await ids(['gestor', 'gestor.ruiz', 'gestor.leyva']);
  const reparto = { filtro: { sinAsignar: true }, gestorIds: gestoresHmo };
  const porCuentas = await distribuir({ ...reparto, regla: 'cuentas' });
  await liberar();
  const porSaldo = await distribuir({ ...reparto, regla: 'saldo' });
  console.log(
    `\nReparto de ${miles(liberadas.length)} cuentas sin asignar entre 3 gestores (meta: < 10 s):\n`,
  );
  console.log(
    '| regla | cuentas | vista previa s | distribución s | total s |\n| --- | --- | --- | --- | --- |',
  );
  for (const [regla, r] of [
    ['cuentas', porCuentas],
    ['saldo', porSaldo],
  ] as const) {
    console.log(
      `| ${regla} | ${miles(r.cuentas)} | ${r.vista.toFixed(2)} | ${r.aplicar.toFixed(2)} | ${(r.vista + r.aplicar).toFixed(2)} |`,
    );
  }
} finally {
  await servidor.detener();
  await base.cerrar();
}
