/**
 * The evidence pack of one large credit, through the real app (issue 10: under 2 s for a credit
 * with 120 amortizaciones and 60 movements).
 *
 *   npx tsx bench/paquete-de-evidencia.ts [--veces 20]
 *
 * The credit: ten ministraciones (ten pagarés), 120 monthly amortizaciones, 60 movements
 * (payments, some short or late, a few condonaciones and cancellations), an acreditado and two
 * avales with addresses and phones, 150 gestiones, a signed convenio with its acknowledgment,
 * a lawsuit filed, and six scans (three JPG and one PNG reproduced, two PDF listed). It is
 * turned over to the demo lawyer's firm, who downloads the pack: the route does everything a
 * real download does (scope, the engine at today's date, the pieces and their prescription,
 * the queries, the bitácora row, pdfkit, the images read from DATA_DIR). Warm-up first, then
 * `--veces` downloads one after another; wall time per download, p50, p95 and max.
 *
 * Database: DATABASE_URL's server, else an embedded one (see servidor-de-base.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { construirApp } from '../src/http/app.ts';
import { CONTRASENA_DEMO, cargarDemo } from '../src/modules/demo/cargar-demo.ts';
import { RelojManual } from '../src/plataforma/reloj-sistema.ts';
import { type CasoEntrada, despachoDelAbogado, guardarCaso } from '../test/soporte/fabricas.ts';
import { JPEG, PNG } from '../test/soporte/imagenes.ts';
import { textoDePdf } from '../test/soporte/pdf.ts';
import { baseParaBenchmark } from './servidor-de-base.ts';

const { values } = parseArgs({ options: { veces: { type: 'string', default: '20' } } });
const VECES = Number(values.veces);
const reloj = new RelojManual('2026-03-10T16:00:00Z');

const dosDigitos = (n: number) => String(n).padStart(2, '0');
const mes = (anio: number, m: number, d: number) =>
  `${anio + Math.floor((m - 1) / 12)}-${dosDigitos(((m - 1) % 12) + 1)}-${dosDigitos(d)}`;
const pesos = (centavos: number) => (centavos / 100).toFixed(2);

/** Deterministic: the same credit on every run. */
function casoGrande(): CasoEntrada {
  const cuota = 150_000;
  const movimientos: NonNullable<CasoEntrada['movimientos']> = [];
  for (let i = 0; movimientos.length < 60; i++) {
    const id = `M${movimientos.length}`;
    const fecha = mes(2020, i + 2, 10 + (i % 15));
    if (i % 17 === 8) {
      movimientos.push({
        id,
        tipo: 'condonacion',
        fecha,
        concepto: 'capital',
        monto: pesos(cuota / 10),
      });
    } else if (i % 23 === 11) {
      const anterior = movimientos.at(-1);
      if (anterior?.tipo !== 'pago') continue;
      movimientos.push({ id, tipo: 'cancelacion', fecha, movimiento: anterior.id });
    } else {
      const factor = [1.05, 0.8, 1.2, 0.6, 1.0][i % 5] ?? 1;
      movimientos.push({ id, tipo: 'pago', fecha, monto: pesos(Math.round(cuota * 1.1 * factor)) });
    }
  }
  return {
    fecha_corte: '2026-03-10',
    producto: { tasa_ordinaria_anual: '0.12', tasa_moratoria_anual: '0.18' },
    credito: {
      id: 'BENCH-PAQUETE',
      fecha_inicio_interes: '2020-01-15',
      ministraciones: Array.from({ length: 10 }, (_, i) => ({
        fecha: mes(2015, i * 6 + 2, 1),
        monto: pesos(cuota * 12),
      })),
      amortizaciones: Array.from({ length: 120 }, (_, i) => ({
        numero: i + 1,
        fecha: mes(2020, i + 2, 15),
        capital: pesos(cuota),
      })),
    },
    movimientos,
  };
}

console.log(
  `Carga de la máquina al empezar: ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' / ')}`,
);
const base = await baseParaBenchmark('paquete');
const datos = mkdtempSync(join(tmpdir(), 'recupera-bench-paquete-'));
try {
  const db = base.db;
  await db.transaction().execute((trx) => cargarDemo(trx, { reloj, ip: null }));
  const despacho = await despachoDelAbogado(db, 'Despacho de la medición, S.C.');
  const admin = await db
    .selectFrom('usuarios')
    .select('id')
    .where('usuario', '=', 'admin')
    .executeTakeFirstOrThrow();
  const credito = await guardarCaso(db, casoGrande(), { oficina: 'OBR', despachoId: despacho.id });
  const turnado = await db
    .insertInto('turnados')
    .values({
      credito_id: credito.id,
      despacho_id: despacho.id,
      motivo: 'Medición del paquete de evidencia',
      desde: '2026-01-05',
      hasta: '2099-12-31',
      turnado_por: admin.id,
      turnado_en: new Date('2026-01-05T17:00:00Z'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('actuaciones_juridicas')
    .values({
      turnado_id: turnado.id,
      credito_id: credito.id,
      estado: 'demanda_presentada',
      fecha: '2026-02-20',
      juzgado: 'Juzgado Primero de lo Civil de Cajeme',
      expediente_judicial: '120/2026',
      registrado_por: admin.id,
      registrado_en: new Date('2026-02-20T17:00:00Z'),
    })
    .execute();
  const { persona_id } = await db
    .selectFrom('participantes_credito')
    .select('persona_id')
    .where('credito_id', '=', credito.id)
    .executeTakeFirstOrThrow();
  const personas = [persona_id];
  for (const nombre of ['Ramón', 'Lucía']) {
    const aval = await db
      .insertInto('personas')
      .values({ nombres: nombre, primer_apellido: 'Esquer', segundo_apellido: 'Valdez' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('participantes_credito')
      .values({ credito_id: credito.id, persona_id: aval.id, rol: 'aval' })
      .execute();
    personas.push(aval.id);
  }
  for (const [i, id] of personas.entries()) {
    await db
      .insertInto('domicilios')
      .values([
        {
          persona_id: id,
          calle: 'Calle Guerrero',
          numero: String(100 + i),
          colonia: 'Centro',
          municipio: 'Cajeme',
        },
        { persona_id: id, calle: 'Av. Obregón', numero: String(200 + i), municipio: 'Navojoa' },
      ])
      .execute();
    await db
      .insertInto('telefonos')
      .values([
        { persona_id: id, numero: `644123${String(4560 + i)}`, tipo: 'movil' },
        { persona_id: id, numero: `642987${String(6540 + i)}`, tipo: 'casa' },
      ])
      .execute();
  }
  const resultados = await db.selectFrom('resultados_gestion').select('id').execute();
  await db
    .insertInto('gestiones')
    .values(
      Array.from({ length: 150 }, (_, i) => ({
        credito_id: credito.id,
        canal: (['llamada_saliente', 'visita_domiciliaria', 'carta'] as const)[i % 3] ?? 'carta',
        persona_id,
        contacto_nombre: 'José Ángel Núñez Ibáñez',
        resultado_id: resultados[i % resultados.length]?.id ?? 1,
        nota:
          i % 2 === 0
            ? `Gestión ${i + 1}: se le recuerda el adeudo y ofrece pagar la próxima quincena.`
            : null,
        inicio: new Date(Date.UTC(2024, 0, 2) + i * 4 * 86_400_000),
        registrado_por: admin.id,
        registrado: new Date(Date.UTC(2024, 0, 2) + i * 4 * 86_400_000),
      })),
    )
    .execute();
  const version = await db
    .selectFrom('versiones_alternativa')
    .select('id')
    .limit(1)
    .executeTakeFirstOrThrow();
  const convenio = await db
    .insertInto('convenios')
    .values({
      estado: 'incumplido',
      version_alternativa_id: version.id,
      version_campana_id: null,
      tipo: 'convenio_de_pagos',
      nombre: 'Convenio de pagos parciales',
      fecha_simulacion: '2024-06-01',
      primer_pago: '2024-07-01',
      plazo: 6,
      liquida: false,
      descuento_moratorio_centavos: 0,
      descuento_interes_centavos: 0,
      total_centavos: 9_000_000,
      liquidar_hoy_centavos: 0,
      condiciones: 'Seis pagos mensuales',
      oferta: '{}',
      tolerancia_dias: 5,
      propuesto_por: admin.id,
      propuesto_el: new Date('2024-06-01T17:00:00Z'),
      requiere_rol: null,
      motivos_autorizacion: [],
      autorizado_por: null,
      autorizado_el: null,
      fecha_firma: '2024-06-05',
      cerrado_el: '2024-12-01',
      motivo_cancelacion: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('convenio_creditos')
    .values({ convenio_id: convenio.id, credito_id: credito.id })
    .execute();
  await db
    .insertInto('reconocimientos_de_adeudo')
    .values({ credito_id: credito.id, convenio_id: convenio.id, fecha: '2024-06-05' })
    .execute();

  const { app } = await construirApp({
    db,
    reloj,
    sessionSecret: 'secreto-de-la-medicion-de-al-menos-32-caracteres',
    cookieSegura: false,
    limitePorMinuto: 1_000_000,
    carpetaDatos: datos,
  });
  await app.ready();
  const entrada = await app.inject({
    method: 'POST',
    url: '/api/sesion',
    payload: { usuario: 'abogado', contrasena: CONTRASENA_DEMO },
  });
  const galleta = entrada.cookies[0];
  if (entrada.statusCode !== 200 || !galleta) throw new Error(`sin sesión: ${entrada.body}`);
  const cookie = `${galleta.name}=${galleta.value}`;
  const csrf = (entrada.json() as { csrf: string }).csrf;
  // Six scans: distinct bytes each (a trailing byte), so none is deduplicated away.
  const pdf = Buffer.from('%PDF-1.4\n% escrito de demanda\n%%EOF\n', 'latin1');
  for (const [i, [archivo, nombre]] of (
    [
      [JPEG, 'pagaré 1.jpg'],
      [JPEG, 'pagaré 2.jpg'],
      [JPEG, 'credencial.jpg'],
      [PNG, 'comprobante de domicilio.png'],
      [pdf, 'demanda.pdf'],
      [pdf, 'acuse de la demanda.pdf'],
    ] as const
  ).entries()) {
    const r = await app.inject({
      method: 'POST',
      url: `/api/creditos/${credito.id}/escaneos`,
      headers: { cookie, 'x-csrf-token': csrf, 'x-nombre-archivo': encodeURIComponent(nombre) },
      payload: Buffer.concat([archivo, Buffer.from([i])]),
    });
    if (r.statusCode !== 201) throw new Error(`escaneo: ${r.body}`);
  }

  const pedir = () =>
    app.inject({
      method: 'GET',
      url: `/api/creditos/${credito.id}/paquete-de-evidencia.pdf`,
      headers: { cookie },
    });
  for (let i = 0; i < 3; i++) await pedir();
  const tiempos: number[] = [];
  let ultimo: Buffer = Buffer.alloc(0);
  for (let i = 0; i < VECES; i++) {
    const t0 = performance.now();
    const r = await pedir();
    tiempos.push(performance.now() - t0);
    if (r.statusCode !== 200) throw new Error(`paquete: ${r.statusCode} ${r.body}`);
    ultimo = r.rawPayload;
  }
  tiempos.sort((a, b) => a - b);
  const percentil = (p: number) =>
    tiempos[Math.min(tiempos.length - 1, Math.ceil((p / 100) * tiempos.length) - 1)] ?? 0;
  const paginas = textoDePdf(ultimo).split('\f').length - 1;
  console.log(
    `Paquete de evidencia, ${VECES} descargas: p50 ${percentil(50).toFixed(0)} ms, p95 ${percentil(95).toFixed(0)} ms, máx ${(tiempos.at(-1) ?? 0).toFixed(0)} ms; ${paginas} páginas, ${(ultimo.length / 1024).toFixed(0)} kB.`,
  );
  console.log(
    `Carga de la máquina al terminar: ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' / ')}`,
  );
  await app.close();
} finally {
  await base.cerrar();
  rmSync(datos, { recursive: true, force: true });
}
