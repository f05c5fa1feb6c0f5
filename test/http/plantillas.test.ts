import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEXTOS_POR_OMISION } from '../../src/domain/plantillas/index.ts';
import { type AppDePrueba, crearAppDePrueba, type Sesion } from '../soporte/app-de-prueba.ts';
import { proponerOferta } from '../soporte/convenios.ts';
import { casoPublicado, guardarCaso } from '../soporte/fabricas.ts';
import { textoDePdf } from '../soporte/pdf.ts';

let t: AppDePrueba;
const s: Record<string, Sesion> = {};
let n = 0;
const llave = () => `plantillas-${Date.now()}-${n++}`;
const caso01 = casoPublicado('01-pago-parcial-con-atraso.json');

beforeAll(async () => {
  t = await crearAppDePrueba();
  t.reloj.fijar('2024-06-30T18:00:00Z');
  for (const u of ['gestor', 'gestor.nogales', 'coordinador', 'admin', 'abogado'])
    s[u] = await t.entrar(u);
});
afterAll(() => t.cerrar());

const versiones = async (tipo: string) =>
  t.base.db.selectFrom('plantillas').select('version').where('tipo', '=', tipo).execute();
const emisiones = async () =>
  Number(
    (
      await t.base.db
        .selectFrom('documentos_emitidos')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

async function guardar(tipo: string, textos: Record<string, string>, sesion = s.admin) {
  return t.pedir('POST', `/api/plantillas/${tipo}`, { sesion, cuerpo: { textos } });
}

async function pagar(creditoId: number, monto: string) {
  const r = await t.pedir('POST', `/api/creditos/${creditoId}/pagos`, {
    sesion: s.gestor,
    cuerpo: { monto, canal: 'caja', referencia: 'CAJA-77' },
    encabezados: { 'idempotency-key': llave() },
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().movimiento.id as number;
}

async function pdf(url: string, sesion = s.gestor) {
  const r = await t.pedir('GET', url, { sesion });
  expect(r.statusCode, r.body).toBe(200);
  return { texto: textoDePdf(r.rawPayload), emitido: Number(r.headers['x-documento-emitido']) };
}

describe('catálogo y versiones', () => {
  it('lista cada documento con sus secciones y sus variables descritas, en la versión 1', async () => {
    const r = await t.pedir('GET', '/api/plantillas', { sesion: s.admin });
    expect(r.statusCode).toBe(200);
    const tipos = r.json().tipos as Array<{
      tipo: string;
      versionVigente: number;
      variables: Array<{ nombre: string; descripcion: string }>;
    }>;
    expect(tipos.map((x) => x.tipo)).toEqual([
      'convenio',
      'pagare',
      'carta_finiquito',
      'recibo',
      'ficha_de_pago',
      'estado_de_cuenta',
    ]);
    const recibo = tipos.find((x) => x.tipo === 'recibo');
    expect(recibo?.variables.find((v) => v.nombre === 'acreditado.nombre')?.descripcion).toBe(
      'Nombre completo del acreditado.',
    );
    const v1 = await t.pedir('GET', '/api/plantillas/carta_finiquito', { sesion: s.admin });
    expect(v1.json().plantilla).toMatchObject({
      version: 1,
      guardadoPor: null,
      textos: TEXTOS_POR_OMISION.carta_finiquito,
    });
  });

  it('una variable desconocida se rechaza nombrándola con su línea, y nada cambia', async () => {
    const r = await guardar('recibo', {
      nota: 'Gracias por tu pago.\nTu CURP: {{acreditado.curp}}',
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toMatchObject({
      codigo: 'entrada_invalida',
      campo: 'textos.nota',
      mensaje: expect.stringContaining('Línea 2: la variable «{{acreditado.curp}}» no existe'),
    });
    expect(r.json().error.errores).toHaveLength(1);
    const abierta = await guardar('recibo', { nota: 'Hola {{acreditado.nombre' });
    expect(abierta.json().error.mensaje).toContain('Línea 1: falta cerrar la llave «{{»');
    expect(await versiones('recibo')).toEqual([{ version: 1 }]);
  });

  it.each([
    ['{{constructor}}'],
    ['{{__proto__}}'],
    ['{{process.env}}'],
    ['{{process.env.DATABASE_URL}}'],
    ['{{/etc/passwd}}'],
    ['{{../../../../etc/passwd}}'],
    ['{{require("fs").readFileSync("/etc/passwd")}}'],
    ['{{#each x}}{{/each}}'],
  ])('%s no se guarda', async (peligrosa) => {
    const r = await guardar('recibo', { nota: `Texto ${peligrosa}` });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.campo).toBe('textos.nota');
    expect(await versiones('recibo')).toEqual([{ version: 1 }]);
  });

  it('secciones ajenas o de más se rechazan', async () => {
    expect((await guardar('recibo', { nota: 'a', cuerpo: 'b' })).json().error.campo).toBe(
      'textos.cuerpo',
    );
    expect((await guardar('recibo', {})).statusCode).toBe(400);
    expect((await guardar('cheque', { nota: 'a' })).statusCode).toBe(400);
  });

  it('solo el administrador guarda', async () => {
    for (const u of ['coordinador', 'gestor']) {
      expect((await guardar('recibo', { nota: 'x' }, s[u])).statusCode).toBe(403);
    }
    expect(await versiones('recibo')).toEqual([{ version: 1 }]);
  });
});

describe('recibo: versión, emisión y reimpresión', () => {
  it('la vista previa usa el borrador con un crédito real sin guardar ni registrar emisión', async () => {
    const c = await guardarCaso(t.base.db, caso01);
    await pagar(c.id, '321.00');
    const antes = await emisiones();
    const r = await t.pedir('POST', '/api/plantillas/recibo/vista-previa', {
      sesion: s.admin,
      cuerpo: {
        textos: { nota: 'BORRADOR: recibimos {{recibo.importe}} de {{acreditado.nombre}}.' },
        credito: c.numero,
      },
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(textoDePdf(r.rawPayload)).toContain('BORRADOR: recibimos $321.00 de');
    expect(await emisiones()).toBe(antes);
    expect(await versiones('recibo')).toEqual([{ version: 1 }]);
    const sinCredito = await t.pedir('POST', '/api/plantillas/recibo/vista-previa', {
      sesion: s.admin,
      cuerpo: { textos: { nota: 'x' }, credito: 'NO-EXISTE-1' },
    });
    expect(sinCredito.statusCode).toBe(404);
    expect(sinCredito.json().error.campo).toBe('credito');
    const invalida = await t.pedir('POST', '/api/plantillas/recibo/vista-previa', {
      sesion: s.admin,
      cuerpo: { textos: { nota: '{{process.env}}' }, credito: c.numero },
    });
    expect(invalida.statusCode).toBe(400);
  });

  it('el texto editado sale en el recibo; la emisión guarda su versión; tras otra versión la reimpresión es idéntica', async () => {
    const c = await guardarCaso(t.base.db, caso01);
    const movimiento = await pagar(c.id, '450.00');

    const v2 = await guardar('recibo', {
      nota: 'Versión dos: gracias, {{acreditado.nombre}}, por tu pago de {{recibo.importe}} (folio {{recibo.folio}}).',
    });
    expect(v2.statusCode, v2.body).toBe(201);
    expect(v2.json()).toMatchObject({ version: 2, guardadoPor: expect.any(String) });

    const primero = await pdf(`/api/movimientos/${movimiento}/recibo.pdf`);
    expect(primero.texto).toContain(`Versión dos: gracias,`);
    expect(primero.texto).toContain(`por tu pago de $450.00 (folio ${movimiento}).`);
    expect(primero.texto).not.toContain('no recibe efectivo');
    const fila = await t.base.db
      .selectFrom('documentos_emitidos')
      .selectAll()
      .where('id', '=', primero.emitido)
      .executeTakeFirstOrThrow();
    expect(fila).toMatchObject({
      tipo: 'recibo',
      credito_id: c.id,
      movimiento_id: movimiento,
      plantilla_version: 2,
      datos_instituto_version: 1,
    });

    const v3 = await guardar('recibo', { nota: 'Versión tres, otro texto.' });
    expect(v3.json().version).toBe(3);
    t.reloj.fijar('2024-06-30T18:05:00Z');
    const nuevo = await pdf(`/api/movimientos/${movimiento}/recibo.pdf`);
    expect(nuevo.texto).toContain('Versión tres, otro texto.');

    const reimpreso = await pdf(`/api/documentos-emitidos/${primero.emitido}/pdf`);
    expect(reimpreso.texto).toBe(primero.texto);
    expect(reimpreso.texto).not.toMatch(/Reimpresi/);

    const lista = await t.pedir('GET', '/api/plantillas/recibo', { sesion: s.admin });
    expect(
      (lista.json().versiones as Array<{ version: number; guardadoPor: string | null }>).map(
        (v) => [v.version, v.guardadoPor === null],
      ),
    ).toEqual([
      [3, false],
      [2, false],
      [1, true],
    ]);
    const vieja = await t.pedir('GET', '/api/plantillas/recibo?version=2', { sesion: s.admin });
    expect(vieja.json().plantilla.textos.nota).toContain('Versión dos');

    const bitacora = await t.base.db
      .selectFrom('bitacora')
      .select('accion')
      .where('accion', 'in', ['plantilla.guardar', 'documento.emitir', 'documento.reimprimir'])
      .execute();
    const acciones = new Set(bitacora.map((b) => b.accion));
    expect(acciones).toEqual(
      new Set(['plantilla.guardar', 'documento.emitir', 'documento.reimprimir']),
    );

    // The reprint asks what the recibo asks: the policy and the credit's office.
    const otraOficina = await t.pedir('GET', `/api/documentos-emitidos/${primero.emitido}/pdf`, {
      sesion: s['gestor.nogales'],
    });
    expect(otraOficina.statusCode).toBe(403);
    const abogado = await t.pedir('GET', `/api/documentos-emitidos/${primero.emitido}/pdf`, {
      sesion: s.abogado,
    });
    expect(abogado.statusCode).toBe(403);

    const documentos = await t.pedir('GET', `/api/creditos/${c.id}/documentos-emitidos`, {
      sesion: s.gestor,
    });
    expect(
      (documentos.json().documentos as Array<{ id: number; plantillaVersion: number }>).map((d) => [
        d.id,
        d.plantillaVersion,
      ]),
    ).toEqual([
      [nuevo.emitido, 3],
      [primero.emitido, 2],
    ]);
    // Put the shipped text back for the other tests.
    await guardar('recibo', TEXTOS_POR_OMISION.recibo);
  });

  it('basadaEn de una versión vieja no pisa la de otro', async () => {
    const actual = (await t.pedir('GET', '/api/plantillas/recibo', { sesion: s.admin })).json()
      .versionVigente as number;
    const r = await t.pedir('POST', '/api/plantillas/recibo', {
      sesion: s.admin,
      cuerpo: { textos: { nota: 'x' }, basadaEn: actual - 1 },
    });
    expect(r.statusCode).toBe(409);
  });
});

describe('ficha de pago', () => {
  it('las instrucciones editadas salen en la ficha y su reimpresión guarda el importe pedido', async () => {
    const c = await guardarCaso(t.base.db, caso01);
    await guardar('ficha_de_pago', {
      ...TEXTOS_POR_OMISION.ficha_de_pago,
      instrucciones: 'Paga en {{cuenta.banco}} con la referencia {{ficha.referencia}}.',
    });
    const ficha = await pdf(`/api/creditos/${c.id}/ficha-de-pago.pdf?monto=1234.50`);
    expect(ficha.texto).toMatch(/Paga en Banorte con la referencia \d+\./);
    const fila = await t.base.db
      .selectFrom('documentos_emitidos')
      .select(['tipo', 'parametros', 'plantilla_version'])
      .where('id', '=', ficha.emitido)
      .executeTakeFirstOrThrow();
    expect(fila).toMatchObject({
      tipo: 'ficha_de_pago',
      parametros: { fecha: '2024-06-30', monto: '1234.50' },
    });
    await guardar('ficha_de_pago', TEXTOS_POR_OMISION.ficha_de_pago);
    const reimpresa = await pdf(`/api/documentos-emitidos/${ficha.emitido}/pdf`);
    expect(reimpresa.texto).toBe(ficha.texto);
    expect(reimpresa.texto).toContain('$1,234.50');
  });
});

describe('estado de cuenta y convenio', () => {
  it('el estado de cuenta reimpreso es el mismo aunque después entre un pago del mismo día', async () => {
    const c = await guardarCaso(t.base.db, caso01);
    expect(
      (
        await guardar('estado_de_cuenta', {
          encabezado:
            'Estimado(a) {{acreditado.nombre}}: este es tu estado al {{estado.fecha_corte}}.',
          leyendas: 'Saldo exigible al corte: {{estado.saldo_exigible}}.',
          pie: 'Consérvalo',
        })
      ).statusCode,
    ).toBe(201);
    const original = await pdf(`/api/creditos/${c.id}/estado-de-cuenta.pdf`);
    expect(original.texto).toContain('este es tu estado al 30/06/2024.');
    expect(original.texto).toMatch(/Emitido el .* por .*\. Consérvalo/);
    await pagar(c.id, '999.00');
    const hoy = await pdf(`/api/creditos/${c.id}/estado-de-cuenta.pdf`);
    expect(hoy.texto).not.toBe(original.texto);
    const reimpreso = await pdf(`/api/documentos-emitidos/${original.emitido}/pdf`);
    expect(reimpreso.texto).toBe(original.texto);
  });

  it('las condiciones y el pagaré de una reestructura salen de sus plantillas', async () => {
    const c = await guardarCaso(t.base.db, caso01);
    const { respuesta: propuesto } = await proponerOferta(t, s.gestor, c.id, 'reestructura', {
      plazo: 12,
      condiciones: 'Cláusula propia de la alternativa.',
    });
    expect(propuesto.statusCode, propuesto.body).toBe(201);
    const convenio = propuesto.json().convenio.id as number;
    await guardar('convenio', {
      ...TEXTOS_POR_OMISION.convenio,
      condiciones: 'PRIMERA. {{convenio.condiciones}}\n\nSEGUNDA. Folio {{convenio.folio}}.',
    });
    await guardar('pagare', {
      texto: 'Pagaré editado: {{pagare.principal}} en {{pagare.amortizaciones}} pagos.',
    });
    const primero = await pdf(`/api/convenios/${convenio}/convenio.pdf`);
    expect(primero.texto).toContain('PRIMERA. Cláusula propia de la alternativa.');
    expect(primero.texto).toContain(`SEGUNDA. Folio ${convenio}.`);
    expect(primero.texto).toMatch(/Pagaré editado: \$[\d,]+\.\d{2} en 12 pagos\./);
    const fila = await t.base.db
      .selectFrom('documentos_emitidos')
      .select(['plantilla_version', 'plantilla_pagare_version', 'convenio_id'])
      .where('id', '=', primero.emitido)
      .executeTakeFirstOrThrow();
    expect(fila).toEqual({
      plantilla_version: 2,
      plantilla_pagare_version: 2,
      convenio_id: convenio,
    });
    await guardar('pagare', TEXTOS_POR_OMISION.pagare);
    await guardar('convenio', TEXTOS_POR_OMISION.convenio);
    const despues = await pdf(`/api/convenios/${convenio}/convenio.pdf`);
    expect(despues.texto).toContain('Debo y pagaré incondicionalmente');
    const reimpreso = await pdf(`/api/documentos-emitidos/${primero.emitido}/pdf`);
    expect(reimpreso.texto).toBe(primero.texto);
  });
});
