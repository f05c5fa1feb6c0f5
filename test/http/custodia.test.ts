import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import bwipjs from 'bwip-js';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type AppDePrueba, crearAppDePrueba, type Sesion } from '../soporte/app-de-prueba.ts';
import { casoPublicado, guardarCaso } from '../soporte/fabricas.ts';
import { textoDePdf } from '../soporte/pdf.ts';

// CE-007: three ministraciones, so three pagarés besides the expediente.
const caso = casoPublicado('07-ministraciones-gracia-base-365.json');

let t: AppDePrueba;
const s: Record<string, Sesion> = {};
const usuarios: Record<string, number> = {};
const oficinas: Record<string, number> = {};
type Credito = { id: number; numero: string; pagares: string[] };
let hmo: Credito;
let hmo2: Credito;
let nog: Credito;
let liquidado: Credito;
let n = 0;
const llave = () => `custodia-${Date.now()}-${n++}`;

async function credito(oficina: 'HMO' | 'NOG', nombres = 'José Ángel'): Promise<Credito> {
  const c = await guardarCaso(t.base.db, caso, { oficina, nombres });
  const pagares = await t.base.db
    .selectFrom('ministraciones')
    .select('pagare_numero')
    .where('credito_id', '=', c.id)
    .orderBy('numero')
    .execute();
  return { id: c.id, numero: c.numero, pagares: pagares.map((p) => `PAG-${p.pagare_numero}`) };
}

beforeAll(async () => {
  t = await crearAppDePrueba();
  for (const u of ['gestor', 'coordinador', 'gestor.nogales', 'gestor.ruiz', 'admin', 'abogado']) {
    s[u] = await t.entrar(u);
    const fila = await t.base.db
      .selectFrom('usuarios')
      .select('id')
      .where('usuario', '=', u)
      .executeTakeFirstOrThrow();
    usuarios[u] = fila.id;
  }
  for (const o of await t.base.db.selectFrom('oficinas').select(['id', 'clave']).execute()) {
    oficinas[o.clave] = o.id;
  }
  hmo = await credito('HMO');
  hmo2 = await credito('HMO', 'María Fernanda');
  nog = await credito('NOG');
  liquidado = await credito('HMO', 'Rosa Elena');
  await t.base.db
    .updateTable('creditos')
    .set({ estado: 'liquidado' })
    .where('id', '=', liquidado.id)
    .execute();
});
afterAll(() => t.cerrar());
afterEach(() => t.reloj.fijar('2026-03-10T16:00:00Z'));

const mover = (sesion: Sesion | undefined, cuerpo: unknown, clave: string | null = llave()) =>
  t.pedir('POST', '/api/custodia/movimientos', {
    sesion,
    cuerpo,
    encabezados: clave === null ? {} : { 'idempotency-key': clave },
  });
const expediente = (c: Credito) => `EXP-${c.numero}`;
const pagare = (c: Credito, i: number) => c.pagares[i] ?? '';
const dondeEsta = (c: Credito, ministracion: number | null) =>
  t.base.db
    .selectFrom('custodia_piezas')
    .selectAll()
    .where('credito_id', '=', c.id)
    .where((eb) =>
      ministracion === null
        ? eb('ministracion_id', 'is', null)
        : eb(
            'ministracion_id',
            '=',
            eb
              .selectFrom('ministraciones')
              .select('id')
              .where('credito_id', '=', c.id)
              .where('numero', '=', ministracion),
          ),
    )
    .executeTakeFirst();

describe('préstamo, devolución y su acuse', () => {
  let acusePrestamo = 0;

  it('se ubica en un estante, se presta a un compañero y un segundo préstamo responde 409 nombrando a quien la tiene', async () => {
    const ubicar = await mover(s.gestor, {
      tipo: 'ubicar',
      etiquetas: [expediente(hmo), pagare(hmo, 0), ` ${pagare(hmo, 1).toLowerCase()}\n`],
      destino: { estante: 'A-1', caja: '3' },
    });
    expect(ubicar.statusCode, ubicar.body).toBe(201);
    const cuerpo = ubicar.json();
    expect(cuerpo.acusePdf).toBe(`/api/custodia/acuses/${cuerpo.acuseId}.pdf`);
    expect(cuerpo.piezas).toHaveLength(3);
    expect(cuerpo.piezas[2]).toEqual({
      etiqueta: pagare(hmo, 1),
      ubicacion: {
        tipo: 'archivo',
        oficina: { id: oficinas.HMO, clave: 'HMO', nombre: 'Hermosillo' },
        estante: 'A-1',
        caja: '3',
        usuario: null,
        despacho: null,
        devolverAMasTardar: null,
        vencida: false,
        registrada: true,
      },
    });

    const prestamo = await mover(s.gestor, {
      tipo: 'prestamo',
      etiquetas: [pagare(hmo, 0)],
      destino: { usuarioId: usuarios['gestor.ruiz'] },
      devolverAMasTardar: '2026-03-20',
      nota: 'Para cotejo de firmas',
    });
    expect(prestamo.statusCode, prestamo.body).toBe(201);
    acusePrestamo = prestamo.json().acuseId;
    expect(prestamo.json().piezas[0].ubicacion).toMatchObject({
      tipo: 'persona',
      usuario: { id: usuarios['gestor.ruiz'], nombre: 'Daniel Ruiz Moreno' },
      oficina: { clave: 'HMO' },
      estante: null,
      devolverAMasTardar: '2026-03-20',
      vencida: false,
    });

    const otra = await mover(s.coordinador, {
      tipo: 'prestamo',
      etiquetas: [pagare(hmo, 0)],
      destino: { usuarioId: usuarios.coordinador },
      devolverAMasTardar: '2026-03-25',
    });
    expect(otra.statusCode).toBe(409);
    const error = otra.json().error;
    expect(error.codigo).toBe('pieza_prestada');
    expect(error.mensaje).toContain(pagare(hmo, 0));
    expect(error.mensaje).toContain('Daniel Ruiz Moreno');
    expect(error.mensaje).toContain('20/03/2026');
    expect(error.etiqueta).toBe(pagare(hmo, 0));
    // Nothing of the refused move was written.
    const movimientos = await t.base.db
      .selectFrom('custodia_movimientos')
      .select('id')
      .where('credito_id', '=', hmo.id)
      .execute();
    expect(movimientos).toHaveLength(4);
    expect((await dondeEsta(hmo, 1))?.usuario_id).toBe(usuarios['gestor.ruiz']);
  });

  it('el acuse PDF trae encabezado, fecha, tipo, cada pieza con su crédito, deudor y pagaré, de dónde a dónde y las dos firmas', async () => {
    const r = await t.pedir('GET', `/api/custodia/acuses/${acusePrestamo}.pdf`, {
      sesion: s.gestor,
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-type']).toContain('application/pdf');
    const texto = textoDePdf(r.rawPayload);
    expect(texto).toContain('Instituto de Becas y Crédito Educativo del Estado de Sonora');
    expect(texto).toContain('Acuse de custodia');
    expect(texto).toContain('Préstamo');
    // 16:00 UTC is 09:00 in Hermosillo.
    expect(texto).toContain('10/03/2026 09:00');
    expect(texto).toContain(pagare(hmo, 0));
    expect(texto).toContain(`Crédito ${hmo.numero}`);
    expect(texto).toContain('José Ángel Núñez Ibáñez');
    expect(texto).toContain(`Pagaré ${pagare(hmo, 0).slice(4)} (ministración 1) por $`);
    expect(texto).toContain('De: Archivo de Hermosillo, estante A-1, caja 3');
    expect(texto).toContain('A: Daniel Ruiz Moreno');
    expect(texto).toContain('20/03/2026');
    expect(texto).toContain('Para cotejo de firmas');
    expect(texto).toMatch(/Entrega\s+Recibe/);
    expect(texto).toMatch(/Sofía Valenzuela Peña\s+Daniel Ruiz Moreno/);
    // Another office's clerk does not read it.
    const ajeno = await t.pedir('GET', `/api/custodia/acuses/${acusePrestamo}.pdf`, {
      sesion: s['gestor.nogales'],
    });
    expect(ajeno.statusCode).toBe(403);
    const lecturas = await t.base.db
      .selectFrom('bitacora')
      .select('actor_usuario')
      .where('accion', '=', 'custodia.acuse_consultar')
      .where('objeto_id', '=', String(acusePrestamo))
      .execute();
    expect(lecturas.map((l) => l.actor_usuario)).toEqual(['gestor']);
  });

  it('la devolución la entrega quien la tenía y la pieza vuelve a su estante', async () => {
    const r = await mover(s.gestor, { tipo: 'devolucion', etiquetas: [pagare(hmo, 0)] });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().piezas[0].ubicacion).toMatchObject({
      tipo: 'archivo',
      oficina: { clave: 'HMO' },
      estante: 'A-1',
      caja: '3',
      usuario: null,
      devolverAMasTardar: null,
    });
    const acuse = await t.base.db
      .selectFrom('custodia_acuses')
      .selectAll()
      .where('id', '=', r.json().acuseId)
      .executeTakeFirstOrThrow();
    expect(acuse).toMatchObject({
      tipo: 'devolucion',
      entrega_usuario_id: usuarios['gestor.ruiz'],
      recibe_usuario_id: usuarios.gestor,
      registrado_por: usuarios.gestor,
    });
    const texto = textoDePdf(
      (await t.pedir('GET', `/api/custodia/acuses/${acuse.id}.pdf`, { sesion: s.gestor }))
        .rawPayload,
    );
    expect(texto).toContain('Devolución al archivo');
    expect(texto).toContain('De: Daniel Ruiz Moreno');
    expect(texto).toContain('A: Archivo de Hermosillo, estante A-1, caja 3');
    // A second check-in of what is already in the archive is refused.
    const otra = await mover(s.gestor, { tipo: 'devolucion', etiquetas: [pagare(hmo, 0)] });
    expect(otra.statusCode).toBe(409);
    expect(otra.json().error.mensaje).toContain('no está prestada');
    const bitacora = await t.base.db
      .selectFrom('bitacora')
      .select(['objeto_id', 'detalle'])
      .where('accion', '=', 'custodia.mover')
      .where('objeto_id', '=', String(acuse.id))
      .execute();
    expect(bitacora).toHaveLength(1);
    expect(bitacora[0]?.detalle).toMatchObject({
      tipo: 'devolucion',
      etiquetas: [pagare(hmo, 0)],
      entregaUsuarioId: usuarios['gestor.ruiz'],
    });
  });
});

describe('Idempotency-Key', () => {
  it('la misma clave con el mismo cuerpo responde el mismo acuse sin moverla otra vez; con otro cuerpo, 409; sin clave, 400', async () => {
    const clave = llave();
    const cuerpo = {
      tipo: 'prestamo',
      etiquetas: [pagare(hmo, 2)],
      destino: { usuarioId: usuarios.coordinador },
      devolverAMasTardar: '2026-03-31',
    };
    const primera = await mover(s.gestor, cuerpo, clave);
    expect(primera.statusCode, primera.body).toBe(201);
    const segunda = await mover(s.gestor, cuerpo, clave);
    expect(segunda.statusCode).toBe(201);
    expect(segunda.headers['idempotent-replayed']).toBe('true');
    expect(segunda.json()).toEqual(primera.json());
    const acuses = await t.base.db
      .selectFrom('custodia_movimientos')
      .select('acuse_id')
      .where('credito_id', '=', hmo.id)
      .where('ubicacion', '=', 'persona')
      .where('usuario_id', '=', usuarios.coordinador ?? 0)
      .execute();
    expect(acuses).toEqual([{ acuse_id: primera.json().acuseId }]);

    const otroCuerpo = await mover(
      s.gestor,
      { ...cuerpo, devolverAMasTardar: '2026-04-01' },
      clave,
    );
    expect(otroCuerpo.statusCode).toBe(409);
    expect(otroCuerpo.json().error.codigo).toBe('idempotencia_conflicto');

    const sinClave = await mover(s.gestor, cuerpo, null);
    expect(sinClave.statusCode).toBe(400);
    expect(sinClave.json().error.campo).toBe('Idempotency-Key');
  });
});

describe('reglas de los movimientos', () => {
  it('un préstamo pide fecha de devolución, no anterior a hoy, y un solo destinatario', async () => {
    const base = { tipo: 'prestamo', etiquetas: [expediente(hmo2)] };
    const sinFecha = await mover(s.gestor, {
      ...base,
      destino: { usuarioId: usuarios.coordinador },
    });
    expect(sinFecha.statusCode).toBe(400);
    expect(sinFecha.json().error.campo).toBe('devolverAMasTardar');
    const pasada = await mover(s.gestor, {
      ...base,
      destino: { usuarioId: usuarios.coordinador },
      devolverAMasTardar: '2026-03-09',
    });
    expect(pasada.statusCode).toBe(400);
    expect(pasada.json().error.mensaje).toContain('anterior a hoy');
    const dos = await mover(s.gestor, {
      ...base,
      destino: { usuarioId: usuarios.coordinador, despachoId: 1 },
      devolverAMasTardar: '2026-03-20',
    });
    expect(dos.statusCode).toBe(400);
    const estante = await mover(s.gestor, {
      ...base,
      destino: { usuarioId: usuarios.coordinador, estante: 'B' },
      devolverAMasTardar: '2026-03-20',
    });
    expect(estante.statusCode).toBe(400);
    expect(estante.json().error.campo).toBe('destino.estante');
    const desconocida = await mover(s.gestor, { ...base, etiquetas: ['EXP-NO-EXISTE-9'] });
    expect(desconocida.statusCode).toBe(404);
    expect(desconocida.json().error.mensaje).toContain('EXP-NO-EXISTE-9');
  });

  it('solo el pagaré de un crédito cerrado se devuelve al acreditado, y ya no se mueve más', async () => {
    const vigente = await mover(s.gestor, {
      tipo: 'devolucion_al_acreditado',
      etiquetas: [pagare(hmo2, 0)],
    });
    expect(vigente.statusCode).toBe(409);
    expect(vigente.json().error.mensaje).toContain('sigue siendo exigible');
    const delExpediente = await mover(s.gestor, {
      tipo: 'devolucion_al_acreditado',
      etiquetas: [expediente(liquidado)],
    });
    expect(delExpediente.statusCode).toBe(409);

    const r = await mover(s.gestor, {
      tipo: 'devolucion_al_acreditado',
      etiquetas: [pagare(liquidado, 0)],
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().piezas[0].ubicacion).toMatchObject({ tipo: 'devuelto', oficina: null });
    const acuse = await t.base.db
      .selectFrom('custodia_acuses')
      .select('recibe_nombre')
      .where('id', '=', r.json().acuseId)
      .executeTakeFirstOrThrow();
    expect(acuse.recibe_nombre).toBe('Rosa Elena Núñez Ibáñez');
    const despues = await mover(s.gestor, {
      tipo: 'prestamo',
      etiquetas: [pagare(liquidado, 0)],
      destino: { usuarioId: usuarios.coordinador },
      devolverAMasTardar: '2026-03-20',
    });
    expect(despues.statusCode).toBe(409);
    expect(despues.json().error.mensaje).toContain('se devolvió al acreditado');
  });

  it('un traslado va al archivo de otra oficina, con quien lo recibe; allá lo ubican y lo escanean', async () => {
    const sinQuien = await mover(s.gestor, {
      tipo: 'traslado',
      etiquetas: [pagare(hmo2, 1)],
      destino: { oficinaId: oficinas.NOG },
    });
    expect(sinQuien.statusCode).toBe(400);
    const misma = await mover(s.gestor, {
      tipo: 'traslado',
      etiquetas: [pagare(hmo2, 1)],
      destino: { oficinaId: oficinas.HMO },
      recibeNombre: 'Mensajería interna',
    });
    expect(misma.statusCode).toBe(409);
    const r = await mover(s.gestor, {
      tipo: 'traslado',
      etiquetas: [pagare(hmo2, 1)],
      destino: { oficinaId: oficinas.NOG },
      recibeUsuarioId: usuarios['gestor.nogales'],
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().piezas[0].ubicacion).toMatchObject({
      tipo: 'archivo',
      oficina: { clave: 'NOG' },
      estante: null,
    });
    // The paper is in Nogales now: its clerk shelves it and resolves its label.
    const ubicar = await mover(s['gestor.nogales'], {
      tipo: 'ubicar',
      etiquetas: [pagare(hmo2, 1)],
      destino: { estante: 'N-9' },
    });
    expect(ubicar.statusCode, ubicar.body).toBe(201);
    const escaneo = await t.pedir('GET', `/api/piezas/${pagare(hmo2, 1)}`, {
      sesion: s['gestor.nogales'],
    });
    expect(escaneo.statusCode).toBe(200);
    expect(escaneo.json().pieza.ubicacion.estante).toBe('N-9');
  });
});

describe('concurrencia', () => {
  it('dos préstamos simultáneos de la misma pieza: uno se registra y el otro recibe 409', async () => {
    const prestar = (usuario: string) =>
      mover(s.gestor, {
        tipo: 'prestamo',
        etiquetas: [expediente(liquidado)],
        destino: { usuarioId: usuarios[usuario] },
        devolverAMasTardar: '2026-03-20',
      });
    const respuestas = await Promise.all([prestar('coordinador'), prestar('gestor.ruiz')]);
    expect(respuestas.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const movimientos = await t.base.db
      .selectFrom('custodia_movimientos')
      .select('usuario_id')
      .where('credito_id', '=', liquidado.id)
      .where('ministracion_id', 'is', null)
      .execute();
    expect(movimientos).toHaveLength(1);
  });
});

describe('alcance', () => {
  it('Nogales no mueve ni consulta una pieza de Hermosillo que está en Hermosillo', async () => {
    const r = await mover(s['gestor.nogales'], {
      tipo: 'prestamo',
      etiquetas: [expediente(hmo2)],
      destino: { usuarioId: usuarios['gestor.nogales'] },
      devolverAMasTardar: '2026-03-20',
    });
    expect(r.statusCode).toBe(403);
    expect(r.json().error.mensaje).toContain(expediente(hmo2));
    expect(await dondeEsta(hmo2, null)).toBeUndefined();
    const pieza = await t.pedir('GET', `/api/piezas/${expediente(hmo2)}`, {
      sesion: s['gestor.nogales'],
    });
    expect(pieza.statusCode).toBe(404);
    const propia = await t.pedir('GET', `/api/piezas/${expediente(nog).toLowerCase()}`, {
      sesion: s['gestor.nogales'],
    });
    expect(propia.statusCode).toBe(200);
    expect(propia.json()).toMatchObject({
      creditoId: nog.id,
      numero: nog.numero,
      pieza: {
        etiqueta: expediente(nog),
        tipo: 'expediente',
        ministracionId: null,
        ubicacion: { tipo: 'archivo', oficina: { clave: 'NOG' }, registrada: false },
      },
    });
    const inventario = await t.pedir('POST', '/api/custodia/inventarios', {
      sesion: s['gestor.nogales'],
      cuerpo: { oficinaId: oficinas.HMO, estante: 'A-1', etiquetas: [] },
    });
    expect(inventario.statusCode).toBe(403);
  });

  it('el abogado externo no usa nada de la custodia, ni con un crédito de su despacho', async () => {
    const llamadas: Array<[string, string, unknown]> = [
      ['POST', '/api/custodia/movimientos', { tipo: 'ubicar', etiquetas: [expediente(hmo)] }],
      ['GET', '/api/custodia/acuses/1.pdf', undefined],
      ['GET', '/api/custodia/prestamos-vencidos', undefined],
      [
        'POST',
        '/api/custodia/inventarios',
        { oficinaId: oficinas.HMO, estante: 'A-1', etiquetas: [] },
      ],
      ['POST', '/api/etiquetas.pdf', { creditoIds: [hmo.id] }],
      ['GET', `/api/piezas/${expediente(hmo)}`, undefined],
    ];
    for (const [metodo, url, cuerpo] of llamadas) {
      const r = await t.pedir(metodo, url, {
        sesion: s.abogado,
        cuerpo,
        encabezados: { 'idempotency-key': llave() },
      });
      expect(r.statusCode, `${metodo} ${url}`).toBe(403);
    }
  });
});

describe('préstamos vencidos', () => {
  it('aparecen cuando pasa su fecha por el día de negocio, con los días de retraso; «mios» es lo que tiene cada quien', async () => {
    const r = await mover(s.gestor, {
      tipo: 'prestamo',
      etiquetas: [expediente(hmo2)],
      destino: { usuarioId: usuarios['gestor.ruiz'] },
      devolverAMasTardar: '2026-03-12',
    });
    expect(r.statusCode, r.body).toBe(201);
    const vencidos = async (sesion: Sesion | undefined, consulta = '') => {
      const v = await t.pedir('GET', `/api/custodia/prestamos-vencidos${consulta}`, { sesion });
      expect(v.statusCode, v.body).toBe(200);
      return v.json() as {
        piezas: Array<{ etiqueta: string; diasDeRetraso: number; ubicacion: { vencida: boolean } }>;
      };
    };
    expect((await vencidos(s.coordinador)).piezas).toEqual([]);
    // The 12th is its last day; on the 15th (07:00 in Hermosillo) it is three days late.
    t.reloj.fijar('2026-03-15T14:00:00Z');
    // Sessions idle for five days have ended: everyone signs in again.
    const hoy: Record<string, Sesion> = {};
    for (const u of ['gestor', 'coordinador', 'gestor.nogales', 'gestor.ruiz', 'admin']) {
      hoy[u] = await t.entrar(u);
    }
    const delCoordinador = await vencidos(hoy.coordinador);
    expect(delCoordinador.piezas).toHaveLength(1);
    expect(delCoordinador.piezas[0]).toMatchObject({
      etiqueta: expediente(hmo2),
      creditoId: hmo2.id,
      numero: hmo2.numero,
      diasDeRetraso: 3,
      ubicacion: { tipo: 'persona', vencida: true, devolverAMasTardar: '2026-03-12' },
    });
    expect((await vencidos(hoy['gestor.ruiz'], '?mios=si')).piezas.map((p) => p.etiqueta)).toEqual([
      expediente(hmo2),
    ]);
    expect((await vencidos(hoy.gestor, '?mios=si')).piezas).toEqual([]);
    expect((await vencidos(hoy['gestor.nogales'])).piezas).toEqual([]);
    expect((await vencidos(hoy.admin, `?oficinaId=${oficinas.HMO}`)).piezas).toHaveLength(1);
    const otraOficina = await t.pedir(
      'GET',
      `/api/custodia/prestamos-vencidos?oficinaId=${oficinas.HMO}`,
      { sesion: hoy['gestor.nogales'] },
    );
    expect(otraOficina.statusCode).toBe(403);
    // The piece as a scan shows it is marked overdue too.
    const pieza = await t.pedir('GET', `/api/piezas/${expediente(hmo2)}`, {
      sesion: await t.entrar('gestor'),
    });
    expect(pieza.json().pieza.ubicacion.vencida).toBe(true);
  });
});

describe('etiquetas', () => {
  it('una hoja con cada expediente y pagaré: su QR (bwip-js con el texto exacto) y el código, deudor y crédito en texto', async () => {
    const espia = vi.spyOn(bwipjs, 'toBuffer');
    try {
      const r = await t.pedir('POST', '/api/etiquetas.pdf', {
        sesion: s.gestor,
        cuerpo: { creditoIds: [hmo.id, hmo2.id] },
      });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.headers['content-type']).toContain('application/pdf');
      const esperadas = [expediente(hmo), ...hmo.pagares, expediente(hmo2), ...hmo2.pagares];
      expect(esperadas).toHaveLength(8);
      const textos = espia.mock.calls.map(([opciones]) => (opciones as { text: string }).text);
      expect(textos).toEqual(esperadas);
      expect(espia.mock.calls.every(([o]) => (o as { bcid: string }).bcid === 'qrcode')).toBe(true);
      const texto = textoDePdf(r.rawPayload);
      for (const e of esperadas) expect(texto).toContain(e);
      expect(texto).toContain('José Ángel Núñez Ibáñez');
      expect(texto).toContain('María Fernanda Núñez Ibáñez');
      expect(texto).toContain(`Crédito ${hmo2.numero}`);
      // One embedded image per label, and each is one of the PNGs bwip-js returned.
      const carpeta = mkdtempSync(join(tmpdir(), 'etiquetas-'));
      const archivo = join(carpeta, 'etiquetas.pdf');
      writeFileSync(archivo, r.rawPayload);
      const imagenes = spawnSync('pdfimages', ['-list', archivo]);
      rmSync(carpeta, { recursive: true });
      expect(imagenes.status, imagenes.stderr.toString()).toBe(0);
      // `pdfimages -list`: page, num, type (image, or smask for the PNG's transparency), …
      const filas = imagenes.stdout
        .toString()
        .split('\n')
        .filter((l) => l.trim().split(/\s+/)[2] === 'image');
      expect(filas).toHaveLength(esperadas.length);
    } finally {
      espia.mockRestore();
    }
    const bitacora = await t.base.db
      .selectFrom('bitacora')
      .select('detalle')
      .where('accion', '=', 'etiquetas.imprimir')
      .execute();
    expect(bitacora.at(-1)?.detalle).toEqual({ creditoIds: [hmo.id, hmo2.id], etiquetas: 8 });
  });

  it('Nogales no imprime las de un crédito de Hermosillo; un crédito inexistente es 404', async () => {
    const ajeno = await t.pedir('POST', '/api/etiquetas.pdf', {
      sesion: s['gestor.nogales'],
      cuerpo: { creditoIds: [nog.id, hmo.id] },
    });
    expect(ajeno.statusCode).toBe(403);
    const falta = await t.pedir('POST', '/api/etiquetas.pdf', {
      sesion: s.admin,
      cuerpo: { creditoIds: [999_999] },
    });
    expect(falta.statusCode).toBe(404);
  });
});

describe('inventario', () => {
  it('compara lo leído en un estante con lo que el sistema cree, sin cambiar nada, y lo anota en la bitácora', async () => {
    // The shelf A-1 holds hmo's expediente and its pagarés 1 and 2 (pagaré 3 is lent).
    const r = await t.pedir('POST', '/api/custodia/inventarios', {
      sesion: s.gestor,
      cuerpo: {
        oficinaId: oficinas.HMO,
        estante: 'A-1',
        etiquetas: [
          expediente(hmo),
          pagare(hmo, 0),
          pagare(hmo, 0),
          pagare(hmo2, 2),
          'LATA-DE-ATUN',
        ],
      },
    });
    expect(r.statusCode, r.body).toBe(200);
    const inv = r.json();
    expect(inv.coinciden.map((p: { etiqueta: string }) => p.etiqueta).sort()).toEqual(
      [expediente(hmo), pagare(hmo, 0)].sort(),
    );
    expect(inv.faltan).toEqual([
      { etiqueta: pagare(hmo, 1), creditoId: hmo.id, numero: hmo.numero },
    ]);
    expect(inv.sobran).toEqual([
      {
        etiqueta: pagare(hmo2, 2),
        creditoId: hmo2.id,
        numero: hmo2.numero,
        ubicacionRegistrada: expect.objectContaining({
          tipo: 'archivo',
          oficina: expect.objectContaining({ clave: 'HMO' }),
          registrada: false,
        }),
      },
    ]);
    expect(inv.desconocidas).toEqual(['LATA-DE-ATUN']);
    const [fila] = await t.base.db
      .selectFrom('bitacora')
      .select(['actor_usuario', 'objeto_id', 'detalle'])
      .where('accion', '=', 'custodia.inventario')
      .execute();
    expect(fila).toEqual({
      actor_usuario: 'gestor',
      objeto_id: String(oficinas.HMO),
      detalle: {
        estante: 'A-1',
        caja: null,
        leidas: 5,
        coinciden: 2,
        faltan: [pagare(hmo, 1)],
        sobran: [pagare(hmo2, 2)],
        desconocidas: 1,
      },
    });
  });
});
