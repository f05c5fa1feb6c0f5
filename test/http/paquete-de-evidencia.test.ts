import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Centavos, centavosDesdeTexto, formatearPesos } from '../../src/domain/dinero.ts';
import type { Fecha } from '../../src/domain/fecha.ts';
import { formatearFecha } from '../../src/domain/fecha.ts';
import { piezasDeCredito } from '../../src/modules/expedientes/piezas-de-credito.ts';
import { type AppDePrueba, crearAppDePrueba, type Sesion } from '../soporte/app-de-prueba.ts';
import { casoPublicado, despachoDelAbogado, guardarCaso } from '../soporte/fabricas.ts';
import { JPEG, PNG } from '../soporte/imagenes.ts';
import { textoDePdf } from '../soporte/pdf.ts';

const caso = casoPublicado('01-pago-parcial-con-atraso.json');
const PDF = Buffer.from('%PDF-1.4\n% demanda inicial\n%%EOF\n', 'latin1');
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const pesos = (t: string) => formatearPesos((centavosDesdeTexto(t) ?? 0) as Centavos);

let t: AppDePrueba;
let datos: string;
let turnado: { id: number; numero: string };
let deHermosillo: { id: number; numero: string };
let sinTurnar: { id: number; numero: string };
let vencido: { id: number; numero: string };
const s: Record<string, Sesion> = {};

function pedirPaquete(sesion: Sesion | undefined, id: number) {
  return t.pedir('GET', `/api/creditos/${id}/paquete-de-evidencia.pdf`, { sesion });
}

function paginas(pdf: Buffer): number {
  const r = spawnSync('pdfinfo', ['-'], { input: pdf });
  return Number(/Pages:\s+(\d+)/.exec(r.stdout.toString())?.[1] ?? 0);
}

/** The images a PDF carries (not their transparency masks), as «page:encoding». */
function imagenesEn(pdf: Buffer): string[] {
  const r = spawnSync('pdfimages', ['-list', '-'], { input: pdf });
  // Two header lines, then one per image: page num type width height color comp bpc enc…
  return r.stdout
    .toString()
    .split('\n')
    .slice(2)
    .map((l) => l.trim().split(/\s+/))
    .filter((c) => c[2] === 'image')
    .map((c) => `${c[0]}:${c[8]}`);
}

beforeAll(async () => {
  datos = mkdtempSync(join(tmpdir(), 'recupera-paquete-'));
  t = await crearAppDePrueba({ carpetaDatos: datos });
  const db = t.base.db;
  const despacho = await despachoDelAbogado(db);
  const admin = await db
    .selectFrom('usuarios')
    .select('id')
    .where('usuario', '=', 'admin')
    .executeTakeFirstOrThrow();
  turnado = await guardarCaso(db, caso, { oficina: 'OBR', despachoId: despacho.id });
  deHermosillo = await guardarCaso(db, caso, { oficina: 'HMO' });
  sinTurnar = await guardarCaso(db, caso, { oficina: 'OBR' });
  vencido = await guardarCaso(db, caso, { oficina: 'OBR', despachoId: despacho.id });
  await db
    .updateTable('creditos')
    .set({ turnado_hasta: '2026-03-09' })
    .where('id', '=', vencido.id)
    .execute();
  const turnadoFila = await db
    .insertInto('turnados')
    .values({
      credito_id: turnado.id,
      despacho_id: despacho.id,
      motivo: 'Próximo a prescribir',
      desde: '2026-02-01',
      hasta: '2099-12-31',
      turnado_por: admin.id,
      turnado_en: new Date('2026-02-01T17:00:00Z'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('actuaciones_juridicas')
    .values({
      turnado_id: turnadoFila.id,
      credito_id: turnado.id,
      estado: 'demanda_presentada',
      fecha: '2026-03-02',
      juzgado: 'Juzgado Segundo de lo Civil de Cajeme',
      expediente_judicial: '431/2026',
      nota: 'Se presentó con el pagaré original.',
      registrado_por: admin.id,
      registrado_en: new Date('2026-03-02T18:00:00Z'),
    })
    .execute();

  // The acreditado's address and phone; an aval with his.
  const acreditado = await db
    .selectFrom('participantes_credito')
    .select('persona_id')
    .where('credito_id', '=', turnado.id)
    .executeTakeFirstOrThrow();
  const aval = await db
    .insertInto('personas')
    .values({ nombres: 'Ramón', primer_apellido: 'Esquer', segundo_apellido: 'Valdez' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('participantes_credito')
    .values({ credito_id: turnado.id, persona_id: aval.id, rol: 'aval' })
    .execute();
  await db
    .insertInto('domicilios')
    .values([
      {
        persona_id: acreditado.persona_id,
        calle: 'Calle Guerrero',
        numero: '512',
        colonia: 'Centro',
        codigo_postal: '85000',
        municipio: 'Cajeme',
      },
      { persona_id: aval.id, calle: 'Av. Sufragio Efectivo', numero: '77', municipio: 'Navojoa' },
    ])
    .execute();
  await db
    .insertInto('telefonos')
    .values([
      { persona_id: acreditado.persona_id, numero: '6441234567', tipo: 'movil' },
      { persona_id: aval.id, numero: '6429876543', tipo: 'casa' },
    ])
    .execute();

  // A gestión with its note; a signed convenio with its acknowledgment of the debt.
  const resultado = await db
    .selectFrom('resultados_gestion')
    .select('id')
    .where('clave', '=', 'se_niega')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('gestiones')
    .values({
      credito_id: turnado.id,
      canal: 'visita_domiciliaria',
      persona_id: acreditado.persona_id,
      contacto_nombre: 'José Ángel Núñez Ibáñez',
      medio: 'Calle Guerrero 512, Centro',
      resultado_id: resultado.id,
      nota: 'Reconoce el adeudo pero dice no tener trabajo.',
      inicio: new Date('2025-11-20T18:30:00Z'),
      registrado_por: admin.id,
      registrado: new Date('2025-11-20T18:45:00Z'),
    })
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
      fecha_simulacion: '2025-01-10',
      primer_pago: '2025-02-01',
      plazo: 6,
      liquida: false,
      descuento_moratorio_centavos: 0,
      descuento_interes_centavos: 0,
      total_centavos: 420000,
      liquidar_hoy_centavos: 0,
      condiciones: 'Seis pagos mensuales',
      oferta: '{}',
      tolerancia_dias: 5,
      propuesto_por: admin.id,
      propuesto_el: new Date('2025-01-10T17:00:00Z'),
      requiere_rol: null,
      motivos_autorizacion: [],
      autorizado_por: null,
      autorizado_el: null,
      fecha_firma: '2025-01-15',
      cerrado_el: '2025-06-01',
      motivo_cancelacion: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('convenio_creditos')
    .values({ convenio_id: convenio.id, credito_id: turnado.id })
    .execute();
  await db
    .insertInto('reconocimientos_de_adeudo')
    .values({ credito_id: turnado.id, convenio_id: convenio.id, fecha: '2025-01-15' })
    .execute();

  for (const u of ['gestor', 'coordinador', 'contabilidad', 'abogado', 'admin'])
    s[u] = await t.entrar(u);
  const ministracion = await db
    .selectFrom('ministraciones')
    .select('id')
    .where('credito_id', '=', turnado.id)
    .executeTakeFirstOrThrow();
  const subir = (cuerpo: Buffer, nombre: string, consulta = '') =>
    t.pedir('POST', `/api/creditos/${turnado.id}/escaneos${consulta}`, {
      sesion: s.admin,
      cuerpo,
      encabezados: {
        'content-type': 'application/octet-stream',
        'x-nombre-archivo': encodeURIComponent(nombre),
      },
    });
  for (const [cuerpo, nombre, consulta] of [
    [PNG, 'pagaré anverso.png', `?ministracionId=${ministracion.id}`],
    [JPEG, 'credencial INE.jpg', ''],
    [PDF, 'demanda inicial.pdf', ''],
  ] as const) {
    const r = await subir(cuerpo, nombre, consulta);
    if (r.statusCode !== 201) throw new Error(r.body);
  }
});
afterAll(async () => {
  await t.cerrar();
  rmSync(datos, { recursive: true, force: true });
});

describe('paquete de evidencia', () => {
  it('el abogado del despacho descarga el PDF con todo lo que necesita para demandar', async () => {
    const r = await pedirPaquete(s.abogado, turnado.id);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.headers['content-disposition']).toContain(
      `paquete-de-evidencia-${turnado.numero}-2026-03-10.pdf`,
    );
    const pdf = r.rawPayload;
    const texto = textoDePdf(pdf);
    const estado = (
      await t.pedir('GET', `/api/creditos/${turnado.id}/estado-de-cuenta`, { sesion: s.admin })
    ).json();
    // The certified statement at today's date, with the engine's figures.
    expect(texto).toContain(`Paquete de evidencia · Crédito ${turnado.numero} al 10/03/2026`);
    expect(texto).toContain('Certificación del estado de cuenta al 10/03/2026');
    expect(texto).toMatch(
      new RegExp(`Saldo para liquidar\\s+\\${pesos(estado.saldo_para_liquidar)}`),
    );
    expect(texto).toContain(`un saldo para liquidar de ${pesos(estado.saldo_para_liquidar)}`);
    expect(texto).toContain('Tabla de amortización');
    expect(texto).toMatch(
      /Turnado a\s+Quijada y Asociados, S\.C\., del 01\/02\/2026 al 31\/12\/2099/,
    );
    // The pagaré with its amount, due date and prescription date (restarted by the lawsuit).
    const [pagare] = (await piezasDeCredito(t.base.db, turnado.id, '2026-03-10' as Fecha)).filter(
      (p) => p.tipo === 'pagare',
    );
    if (!pagare?.prescripcion) throw new Error('sin pagaré');
    expect(pagare.prescripcion.desde).toBe('2026-03-02');
    const renglon = texto.split('\n').find((l) => l.includes(pagare.etiqueta)) ?? '';
    expect(renglon).toMatch(
      new RegExp(
        `${pagare.etiqueta}\\s+1\\s+\\$6,000\\.00\\s+15/08/2023\\s+${formatearFecha(pagare.prescripcion.fecha)}`,
      ),
    );
    expect(texto).toMatch(/prescribe el 02\/03\/2029, en 1,088 días\. 3 años desde la demanda/);
    // Every scan listed with its hash; the two images reproduced, the PDF only listed.
    for (const [b, nombre] of [
      [PNG, 'pagaré anverso.png'],
      [JPEG, 'credencial INE.jpg'],
      [PDF, 'demanda inicial.pdf'],
    ] as const) {
      expect(texto).toContain(`${nombre} — SHA-256 ${sha(b)}`);
    }
    // Each image on a page of its own, at the end: the PNG, then the JPEG (kept as JPEG).
    const n = paginas(pdf);
    expect(imagenesEn(pdf)).toEqual([`${n - 1}:image`, `${n}:jpeg`]);
    expect(texto).toMatch(/Escaneo \d+: pagaré anverso\.png \(PAG-/);
    // Convenio, payments, gestiones, addresses and phones, legal actions.
    expect(texto).toMatch(/Convenio de pagos parciales\s+15\/01\/2025\s+Incumplido\s+\$4,200\.00/);
    expect(texto).toContain('Reconocimiento de adeudo del 15/01/2025');
    expect(texto).toMatch(/01\/02\/2024\s+Pago\s+\$1,062\.00\s+banco/);
    expect(texto).toMatch(/20\/03\/2024\s+Pago\s+\$500\.00\s+banco/);
    expect(texto).toContain('Visita domiciliaria');
    expect(texto).toContain('Reconoce el adeudo pero dice no tener trabajo.');
    expect(texto).toContain('Acreditado: José Ángel Núñez Ibáñez');
    expect(texto).toContain('Calle Guerrero, 512, Centro, C.P. 85000, Cajeme, Sonora');
    expect(texto).toContain('6441234567 (movil)');
    expect(texto).toContain('Aval: Ramón Esquer Valdez');
    expect(texto).toContain('Av. Sufragio Efectivo, 77, Navojoa');
    expect(texto).toContain('6429876543 (casa)');
    expect(texto).toMatch(
      /02\/03\/2026 · Demanda presentada · Juzgado Segundo de lo Civil de Cajeme, expediente 431\/2026/,
    );
    expect(n).toBeGreaterThanOrEqual(4);
    expect(n).toBeLessThanOrEqual(10);
    expect(texto).toContain(`Página ${n} de ${n}`);
  });

  it('la descarga queda en la bitácora como lectura de datos personales', async () => {
    await pedirPaquete(s.admin, turnado.id);
    const fila = await t.base.db
      .selectFrom('bitacora')
      .select(['accion', 'objeto_id', 'actor_usuario', 'detalle'])
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(fila).toMatchObject({
      accion: 'paquete_de_evidencia.imprimir',
      objeto_id: String(turnado.id),
      actor_usuario: 'admin',
      detalle: { fecha: '2026-03-10', personas: 2, gestiones: 1 },
    });
  });

  it('solo abogado del despacho (vigente), coordinador de la oficina y administrador', async () => {
    expect((await pedirPaquete(s.admin, turnado.id)).statusCode).toBe(200);
    expect((await pedirPaquete(s.coordinador, deHermosillo.id)).statusCode).toBe(200);
    // The Hermosillo coordinador and an Obregón credit; the gestor and contabilidad, never.
    expect((await pedirPaquete(s.coordinador, turnado.id)).statusCode).toBe(403);
    expect((await pedirPaquete(s.gestor, deHermosillo.id)).statusCode).toBe(403);
    expect((await pedirPaquete(s.contabilidad, turnado.id)).statusCode).toBe(403);
    // The lawyer: an account not turned over to his firm, or past its end date, does not exist.
    expect((await pedirPaquete(s.abogado, sinTurnar.id)).statusCode).toBe(404);
    expect((await pedirPaquete(s.abogado, vencido.id)).statusCode).toBe(404);
    expect((await pedirPaquete(s.admin, 999_999)).statusCode).toBe(404);
  });

  it('un crédito sin escaneos, convenios ni gestiones también tiene su paquete', async () => {
    const r = await pedirPaquete(s.coordinador, deHermosillo.id);
    const texto = textoDePdf(r.rawPayload);
    expect(texto).toContain('El crédito no tiene escaneos adjuntos.');
    expect(texto).toContain('Sin convenios firmados.');
    expect(texto).toContain('Sin gestiones registradas.');
    expect(texto).not.toContain('Actuaciones jurídicas');
  });
});
