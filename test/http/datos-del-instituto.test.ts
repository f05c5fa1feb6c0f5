import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppDePrueba, crearAppDePrueba, type Sesion } from '../soporte/app-de-prueba.ts';
import { proponerOferta } from '../soporte/convenios.ts';
import { casoPublicado, guardarCaso } from '../soporte/fabricas.ts';
import { textoDePdf } from '../soporte/pdf.ts';

/**
 * Issue 14 item 2: the administrador keeps the institute's data; documents print them, refuse
 * to print while a field they need is missing, and never print a placeholder.
 */

const caso01 = casoPublicado('01-pago-parcial-con-atraso.json');
const caso02 = casoPublicado('02-liquidacion-anticipada-con-saldo-a-favor.json');

const SIN_FIRMANTE_DE_CONVENIO = {
  razonSocial: 'Instituto de Crédito Educativo de Prueba',
  domicilio: 'Calle Reforma 12, Centro, Hermosillo, Sonora',
  telefono: '(662) 555 0101',
  correo: 'pagos@prueba.example',
  cuentas: [
    {
      banco: 'Banco Uno de Prueba',
      titular: 'Instituto de Crédito Educativo de Prueba',
      cuenta: '1122334455',
      clabe: '032180000118359719',
      convencionReferencia: 'Escribe la referencia en el campo «Referencia numérica».',
    },
  ],
  firmantes: {
    carta_finiquito: { nombre: 'Ing. Raúl Campoy Leyva', cargo: 'Jefe de Cartera' },
  },
  leyendas: {
    ficha_de_pago: 'Leyenda de la ficha: consérvala con tu comprobante.',
    recibo: 'Leyenda del recibo: sin tachaduras.',
  },
};
const COMPLETOS = {
  ...SIN_FIRMANTE_DE_CONVENIO,
  firmantes: {
    ...SIN_FIRMANTE_DE_CONVENIO.firmantes,
    convenio: { nombre: 'Lic. Carmen Aguilar Ortega', cargo: 'Directora de Cobranza' },
  },
  leyendas: {
    ...SIN_FIRMANTE_DE_CONVENIO.leyendas,
    convenio: 'Leyenda del convenio: CONDUSEF.',
  },
};

let t: AppDePrueba;
const s: Record<string, Sesion> = {};
let n = 0;
const llave = () => `instituto-${Date.now()}-${n++}`;
const urls: Record<string, string> = {};
let versionDelCatalogo = 0;
let versionId = 0;

beforeAll(async () => {
  // A new installation: nobody has captured the institute's data yet.
  t = await crearAppDePrueba({}, undefined, { sinDatosDelInstituto: true });
  for (const u of ['admin', 'gestor', 'coordinador']) s[u] = await t.entrar(u);
  const c = await guardarCaso(t.base.db, caso01);
  urls.estado_de_cuenta = `/api/creditos/${c.id}/estado-de-cuenta.pdf`;
  urls.ficha_de_pago = `/api/creditos/${c.id}/ficha-de-pago.pdf`;
  const pago = await t.pedir('POST', `/api/creditos/${c.id}/pagos`, {
    sesion: s.gestor,
    cuerpo: { monto: '1500.00', canal: 'caja', referencia: 'CAJA-000451' },
    encabezados: { 'idempotency-key': llave() },
  });
  expect(pago.statusCode, pago.body).toBe(201);
  urls.recibo = `/api/movimientos/${pago.json().movimiento.id}/recibo.pdf`;
  const propuesta = await proponerOferta(t, s.gestor, c.id, 'reestructura', { plazo: 12 });
  versionId = propuesta.versionId;
  const convenio = propuesta.respuesta;
  expect(convenio.statusCode, convenio.body).toBe(201);
  urls.convenio = `/api/convenios/${convenio.json().convenio.id}/convenio.pdf`;
  versionDelCatalogo = (
    await t.base.db
      .selectFrom('versiones_alternativa')
      .select('version')
      .where('id', '=', versionId)
      .executeTakeFirstOrThrow()
  ).version;
  const finiquitado = await guardarCaso(t.base.db, caso02);
  const carta = await t.pedir('POST', `/api/creditos/${finiquitado.id}/carta-finiquito`, {
    sesion: s.coordinador,
    cuerpo: {},
  });
  expect(carta.statusCode, carta.body).toBe(201);
  urls.carta_finiquito = `/api/creditos/${finiquitado.id}/carta-finiquito.pdf`;
});
afterAll(() => t.cerrar());

const guardar = (cuerpo: unknown, sesion = s.admin) =>
  t.pedir('PUT', '/api/instituto', { sesion, cuerpo });
const leer = async () => {
  const r = await t.pedir('GET', '/api/instituto', { sesion: s.admin });
  expect(r.statusCode).toBe(200);
  return r.json();
};
const filas = async () =>
  (await t.base.db.selectFrom('datos_del_instituto').select('version').execute()).length;

async function texto(url: string): Promise<string> {
  const r = await t.pedir('GET', url, { sesion: s.gestor });
  expect(r.statusCode, r.body.slice(0, 300)).toBe(200);
  return textoDePdf(r.rawPayload);
}

const DOCUMENTO: Record<string, string> = {
  estado_de_cuenta: 'el estado de cuenta',
  ficha_de_pago: 'la ficha de pago',
  recibo: 'el recibo',
  convenio: 'el convenio',
  carta_finiquito: 'la carta finiquito',
};

describe('sin datos del instituto', () => {
  it('GET dice que no hay datos ni versiones', async () => {
    expect(await leer()).toEqual({ datos: null, versiones: [] });
  });

  it.each(Object.keys(DOCUMENTO))('%s se niega con un mensaje claro (409)', async (tipo) => {
    const r = await t.pedir('GET', urls[tipo] ?? '', { sesion: s.gestor });
    expect(r.statusCode).toBe(409);
    const { error } = r.json();
    expect(error.codigo).toBe('datos_del_instituto_incompletos');
    expect(error.mensaje).toMatch(
      new RegExp(`^Faltan datos del instituto para imprimir ${DOCUMENTO[tipo]}: la razón social`),
    );
    expect(error.mensaje).toContain('Configuración › Datos del instituto');
  });
});

describe('guardar', () => {
  it.each([
    [
      { ...COMPLETOS, cuentas: [{ ...COMPLETOS.cuentas[0], clabe: '032180000118359718' }] },
      'cuentas[0].clabe',
      /CLABE no es válida/,
    ],
    [
      { ...COMPLETOS, cuentas: [{ ...COMPLETOS.cuentas[0], clabe: '0321 8000' }] },
      'cuentas[0].clabe',
      /18 dígitos/,
    ],
    [
      { ...COMPLETOS, firmantes: { convenio: { nombre: 'Lic. Carmen Aguilar' } } },
      'firmantes.convenio.cargo',
      /cargo/,
    ],
    [
      { ...COMPLETOS, firmantes: { gerente: { nombre: 'X', cargo: 'Y' } } },
      'firmantes.gerente',
      /no se admite/,
    ],
    [{ ...COMPLETOS, razonSocial: '   ' }, 'razonSocial', /vacío/],
    [{ ...COMPLETOS, correo: 'sin-arroba' }, 'correo', /correo/],
    [{ ...COMPLETOS, leyendas: { recibo: 7 } }, 'leyendas.recibo', /texto/],
  ])(
    'un dato inválido es 400, nombra el campo y no cambia nada (%#)',
    async (cuerpo, campo, mensaje) => {
      const r = await guardar(cuerpo);
      expect(r.statusCode, r.body).toBe(400);
      expect(r.json().error.campo).toBe(campo);
      expect(r.json().error.mensaje).toContain(`«${campo}»`);
      expect(r.json().error.mensaje).toMatch(mensaje);
      expect(await filas()).toBe(0);
    },
  );

  it('solo el administrador: un coordinador no guarda ni lee', async () => {
    expect((await guardar(COMPLETOS, s.coordinador)).statusCode).toBe(403);
    expect((await t.pedir('GET', '/api/instituto', { sesion: s.coordinador })).statusCode).toBe(
      403,
    );
    expect(await filas()).toBe(0);
  });

  it('cada guardado es una versión nueva, con quién y cuándo, y su renglón en la bitácora', async () => {
    const r1 = await guardar(SIN_FIRMANTE_DE_CONVENIO);
    expect(r1.statusCode, r1.body).toBe(200);
    expect(r1.json()).toMatchObject({
      version: 1,
      razonSocial: SIN_FIRMANTE_DE_CONVENIO.razonSocial,
      guardadoPor: 'Ana Lucía Robles Félix',
      guardadoEn: '2026-03-10T16:00:00.000Z',
    });
    t.reloj.avanzarMinutos(5);
    const r2 = await guardar(COMPLETOS);
    expect(r2.statusCode, r2.body).toBe(200);
    expect(r2.json().version).toBe(2);
    const { datos, versiones } = await leer();
    expect(datos).toMatchObject({ ...COMPLETOS, version: 2 });
    expect(versiones).toEqual([
      { version: 2, guardadoPor: 'Ana Lucía Robles Félix', guardadoEn: '2026-03-10T16:05:00.000Z' },
      { version: 1, guardadoPor: 'Ana Lucía Robles Félix', guardadoEn: '2026-03-10T16:00:00.000Z' },
    ]);
    expect(await filas()).toBe(2);
    // The first version is still there as it was: a reprint can use it.
    const v1 = await t.base.db
      .selectFrom('datos_del_instituto')
      .select('firmantes')
      .where('version', '=', 1)
      .executeTakeFirstOrThrow();
    expect(v1.firmantes).toEqual(SIN_FIRMANTE_DE_CONVENIO.firmantes);
    const bitacora = await t.base.db
      .selectFrom('bitacora')
      .select(['objeto_id', 'detalle'])
      .where('accion', '=', 'instituto.datos_guardar')
      .orderBy('id')
      .execute();
    expect(bitacora.map((b) => b.objeto_id)).toEqual(['1', '2']);
    expect(bitacora[1]?.detalle).toEqual({ version: 2, cambios: ['firmantes', 'leyendas'] });
  });
});

describe('los documentos imprimen los datos del instituto', () => {
  it('el convenio: el banco, la CLABE, la convención, quien firma por nombre y cargo, la leyenda, la versión del catálogo', async () => {
    const txt = await texto(urls.convenio ?? '');
    const cuenta = COMPLETOS.cuentas[0];
    for (const esperado of [
      COMPLETOS.razonSocial,
      cuenta?.banco,
      cuenta?.clabe,
      cuenta?.cuenta,
      'Escribe la referencia en el campo',
      'Lic. Carmen Aguilar Ortega',
      'Directora de Cobranza',
      'Leyenda del convenio: CONDUSEF.',
      `versión ${versionDelCatalogo})`,
      // The reestructura's pagaré is to the order of the institute's legal name.
      `a la orden del ${COMPLETOS.razonSocial}`,
    ]) {
      expect(txt).toContain(esperado);
    }
    if (versionId !== versionDelCatalogo) expect(txt).not.toContain(`versión ${versionId})`);
    expect(txt).not.toContain('Por el instituto: coordinador');
  });

  it('la ficha de pago: el banco, la CLABE y la leyenda', async () => {
    const txt = await texto(urls.ficha_de_pago ?? '');
    expect(txt).toContain(COMPLETOS.razonSocial);
    expect(txt).toContain('Banco Uno de Prueba');
    expect(txt).toContain('032180000118359719');
    expect(txt).toContain('Leyenda de la ficha');
    expect(txt).toContain('(662) 555 0101');
  });

  it('la carta finiquito: firmada por nombre y cargo', async () => {
    const txt = await texto(urls.carta_finiquito ?? '');
    expect(txt).toContain(`El ${COMPLETOS.razonSocial} hace constar`);
    expect(txt).toContain('Ing. Raúl Campoy Leyva');
    expect(txt).toContain('Jefe de Cartera');
  });

  it('el recibo y el estado de cuenta llevan la razón social y su leyenda', async () => {
    const recibo = await texto(urls.recibo ?? '');
    expect(recibo).toContain(COMPLETOS.razonSocial);
    expect(recibo).toContain('Leyenda del recibo: sin tachaduras.');
    expect(await texto(urls.estado_de_cuenta ?? '')).toContain(COMPLETOS.razonSocial);
  });

  it('ningún documento dice «Por confirmar»', async () => {
    for (const url of Object.values(urls)) {
      expect((await texto(url)).toLowerCase()).not.toContain('por confirmar');
    }
  });

  it('un campo que falta en la versión vigente vuelve a negar el documento que lo necesita', async () => {
    const r = await guardar(SIN_FIRMANTE_DE_CONVENIO);
    expect(r.json().version).toBe(3);
    const convenio = await t.pedir('GET', urls.convenio ?? '', { sesion: s.gestor });
    expect(convenio.statusCode).toBe(409);
    expect(convenio.json().error.mensaje).toBe(
      'Faltan datos del instituto para imprimir el convenio: el nombre de quien firma el convenio y el cargo de quien firma el convenio. Pide al administrador que los capture en Configuración › Datos del instituto.',
    );
    // The ficha needs no signatory: it still prints.
    expect(await texto(urls.ficha_de_pago ?? '')).toContain('Banco Uno de Prueba');
  });
});
