import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppDePrueba, crearAppDePrueba, type Sesion } from '../soporte/app-de-prueba.ts';
import { casoPublicado, guardarCaso } from '../soporte/fabricas.ts';
import { textoDePdf } from '../soporte/pdf.ts';

// 121 days late on 30/06/2024: a regularización (no discount) is within a gestor's limit; the
// liquidación con descuento (58.98 off the moratorium) is not.
const caso = casoPublicado('01-pago-parcial-con-atraso.json');

let t: AppDePrueba;
const s: Record<string, Sesion> = {};
const versiones = new Map<string, number>();

beforeAll(async () => {
  t = await crearAppDePrueba();
  t.reloj.fijar('2024-06-30T18:00:00Z');
  for (const u of ['admin', 'gestor', 'gestor.nogales', 'coordinador', 'contabilidad', 'abogado'])
    s[u] = await t.entrar(u);
  const credito = await guardarCaso(t.base.db, caso, { oficina: 'HMO' });
  const r = await t.pedir('POST', '/api/simulaciones', {
    sesion: s.gestor,
    cuerpo: { creditoId: credito.id },
  });
  for (const o of r.json().ofertas as Array<{ clave: string; versionId: number }>)
    versiones.set(o.clave, o.versionId);
});
afterAll(() => t.cerrar());

async function credito(oficina: 'HMO' | 'NOG' = 'HMO') {
  const c = await guardarCaso(t.base.db, caso, { oficina });
  const acreditado = await t.base.db
    .selectFrom('participantes_credito')
    .select('persona_id')
    .where('credito_id', '=', c.id)
    .executeTakeFirstOrThrow();
  return { id: c.id, acreditado: acreditado.persona_id };
}

const proponer = (sesion: Sesion | undefined, cuerpo: unknown) =>
  t.pedir('POST', '/api/convenios', { sesion, cuerpo });

const cuerpoDe = (c: { id: number; acreditado: number }, clave: string, extra = {}) => ({
  creditoId: c.id,
  origen: 'alternativa',
  versionId: versiones.get(clave),
  condiciones: 'El acreditado se obliga a pagar en las fechas pactadas.',
  firmantes: [c.acreditado],
  ...extra,
});

const bitacora = (accion: string, objetoId: number) =>
  t.base.db
    .selectFrom('bitacora')
    .select(['accion', 'actor_usuario', 'detalle'])
    .where('accion', '=', accion)
    .where('objeto_id', '=', String(objetoId))
    .execute();

describe('convenios', () => {
  it('dentro del límite del gestor queda autorizado de inmediato, con lo que calcula el servidor', async () => {
    const c = await credito();
    const r = await proponer(s.gestor, cuerpoDe(c, 'regularizacion', { plazo: 3 }));
    expect(r.statusCode).toBe(201);
    const conv = r.json().convenio;
    expect(conv).toMatchObject({
      estado: 'autorizado',
      origen: 'alternativa',
      tipo: 'regularizacion',
      fecha: '2024-06-30',
      creditos: [{ id: c.id }],
      autorizacion: { requerida: false, rol: null, autorizadoPor: 'gestor' },
      propuestoPor: 'gestor',
      firmantes: [{ personaId: c.acreditado, calidad: 'acreditado' }],
    });
    expect(conv.promesas).toHaveLength(3);
    expect(conv.promesas[0]).toMatchObject({ numero: 1, fecha: '2024-06-30', estado: 'pendiente' });
    expect(await bitacora('convenio.proponer', conv.id)).toHaveLength(1);
    const lista = await t.pedir('GET', `/api/convenios?creditoId=${c.id}`, { sesion: s.gestor });
    expect(lista.statusCode).toBe(200);
    expect(lista.json().convenios).toEqual([
      expect.objectContaining({ id: conv.id, estado: 'autorizado', creditos: [expect.anything()] }),
    ]);
    const porPersona = await t.pedir('GET', `/api/convenios?personaId=${c.acreditado}`, {
      sesion: s.gestor,
    });
    expect(porPersona.json().convenios.map((x: { id: number }) => x.id)).toEqual([conv.id]);
    const ajena = await t.pedir('GET', `/api/convenios?creditoId=${c.id}`, {
      sesion: s['gestor.nogales'],
    });
    expect(ajena.json().convenios).toEqual([]);
    // One live convenio per credit.
    const otra = await proponer(s.gestor, cuerpoDe(c, 'regularizacion'));
    expect(otra.statusCode).toBe(409);
  });

  it('arriba del límite espera a un coordinador: el gestor no lo autoriza, el coordinador sí', async () => {
    const c = await credito();
    const r = await proponer(s.gestor, cuerpoDe(c, 'liquidacion-con-descuento'));
    expect(r.statusCode).toBe(201);
    const conv = r.json().convenio;
    expect(conv).toMatchObject({
      estado: 'propuesto',
      liquida: true,
      descuento: { moratorio: '58.98', total: '58.98' },
      total: '4803.44',
      autorizacion: { requerida: true, rol: 'coordinador' },
    });
    expect(conv.condonaciones).toEqual([
      { creditoId: c.id, fecha: '2024-06-30', concepto: 'moratorio', monto: '58.98' },
    ]);

    const cola = await t.pedir('GET', '/api/convenios/pendientes', { sesion: s.coordinador });
    expect(cola.statusCode).toBe(200);
    expect(cola.json().pendientes).toContainEqual(
      expect.objectContaining({ id: conv.id, requiereRol: 'coordinador', puedesAutorizar: true }),
    );
    const colaGestor = await t.pedir('GET', '/api/convenios/pendientes', { sesion: s.gestor });
    expect(colaGestor.json().pendientes).toContainEqual(
      expect.objectContaining({ id: conv.id, puedesAutorizar: false }),
    );
    const colaNogales = await t.pedir('GET', '/api/convenios/pendientes', {
      sesion: s['gestor.nogales'],
    });
    expect(colaNogales.json().pendientes.map((p: { id: number }) => p.id)).not.toContain(conv.id);

    const porGestor = await t.pedir('POST', `/api/convenios/${conv.id}/autorizacion`, {
      sesion: s.gestor,
      cuerpo: {},
    });
    expect(porGestor.statusCode).toBe(403);
    expect(porGestor.json().error.mensaje).toMatch(/propia propuesta/);

    const ok = await t.pedir('POST', `/api/convenios/${conv.id}/autorizacion`, {
      sesion: s.coordinador,
      cuerpo: {},
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().convenio).toMatchObject({
      estado: 'autorizado',
      autorizacion: { autorizadoPor: 'coordinador' },
    });
    expect(await bitacora('convenio.autorizar', conv.id)).toEqual([
      expect.objectContaining({ actor_usuario: 'coordinador' }),
    ]);
    const otraVez = await t.pedir('POST', `/api/convenios/${conv.id}/autorizacion`, {
      sesion: s.coordinador,
      cuerpo: {},
    });
    expect(otraVez.statusCode).toBe(409);
  });

  it('un gestor no autoriza arriba de su límite aunque no sea su propuesta', async () => {
    const c = await credito();
    const r = await proponer(s.coordinador, cuerpoDe(c, 'liquidacion-con-descuento'));
    // The coordinador's limit covers it: straight to autorizado.
    expect(r.json().convenio.estado).toBe('autorizado');
    const cancelar = await t.pedir('POST', `/api/convenios/${r.json().convenio.id}/cancelacion`, {
      sesion: s.gestor,
      cuerpo: { motivo: 'El acreditado prefiere otra alternativa.' },
    });
    expect(cancelar.statusCode).toBe(200);
    expect(cancelar.json().convenio.estado).toBe('cancelado');

    const d = await credito();
    const propuesto = await proponer(s.gestor, cuerpoDe(d, 'liquidacion-con-descuento'));
    const id = propuesto.json().convenio.id;
    // Another gestor of the office: not their proposal, but above a gestor's limit.
    await t.base.db
      .updateTable('convenios')
      .set({ propuesto_por: (await usuario('gestor.obregon')).id })
      .where('id', '=', id)
      .execute();
    const porGestor = await t.pedir('POST', `/api/convenios/${id}/autorizacion`, {
      sesion: s.gestor,
      cuerpo: {},
    });
    expect(porGestor.statusCode).toBe(403);
    expect(porGestor.json().error.mensaje).toMatch(/límite del gestor/);
  });

  it('la vista del convenio dice a cada quien si puede autorizarlo y por qué no, y nombra al acreditado', async () => {
    const c = await credito();
    const r = await proponer(s.gestor, cuerpoDe(c, 'liquidacion-con-descuento'));
    const id = r.json().convenio.id;
    const ver = async (quien: string) => {
      const v = await t.pedir('GET', `/api/convenios/${id}`, { sesion: s[quien] });
      expect(v.statusCode).toBe(200);
      return v.json().convenio;
    };
    expect(await ver('gestor')).toMatchObject({
      acreditado: { personaId: c.acreditado, nombre: 'José Ángel Núñez Ibáñez' },
      puedesAutorizar: false,
      motivoParaNoAutorizar: 'Nadie autoriza su propia propuesta: la autoriza otra persona.',
    });
    expect(await ver('coordinador')).toMatchObject({
      puedesAutorizar: true,
      motivoParaNoAutorizar: null,
    });
    expect(await ver('contabilidad')).toMatchObject({
      puedesAutorizar: false,
      motivoParaNoAutorizar: 'Tu rol no autoriza convenios.',
    });
    // Another gestor's proposal: the matrix, not maker-checker, keeps this gestor out.
    await t.base.db
      .updateTable('convenios')
      .set({ propuesto_por: (await usuario('gestor.obregon')).id })
      .where('id', '=', id)
      .execute();
    expect(await ver('gestor')).toMatchObject({
      puedesAutorizar: false,
      motivoParaNoAutorizar:
        'No puedes autorizarlo porque rebasa el límite del gestor: lo autoriza un coordinador.',
    });
    const autorizado = await t.pedir('POST', `/api/convenios/${id}/autorizacion`, {
      sesion: s.coordinador,
      cuerpo: {},
    });
    // Nothing waits any more: nobody may, and there is no reason to give.
    expect(autorizado.json().convenio).toMatchObject({
      estado: 'autorizado',
      puedesAutorizar: false,
      motivoParaNoAutorizar: null,
    });
  });

  it('maker-checker: un coordinador no autoriza su propia propuesta; un administrador sí', async () => {
    // A new version of the matrix: the coordinador may grant no discount on their own.
    await t.base.db
      .insertInto('limites_autorizacion')
      .values([
        {
          vigente_desde: '2024-06-01',
          rol: 'gestor',
          tipo: '*',
          descuento_porcentaje_maximo: '0',
          descuento_monto_maximo_centavos: 0,
          pagos_maximos: 12,
          permitido: true,
          creado: new Date(),
        },
        {
          vigente_desde: '2024-06-01',
          rol: 'coordinador',
          tipo: '*',
          descuento_porcentaje_maximo: '0',
          descuento_monto_maximo_centavos: null,
          pagos_maximos: null,
          permitido: true,
          creado: new Date(),
        },
      ])
      .execute();
    const c = await credito();
    const r = await proponer(s.coordinador, cuerpoDe(c, 'liquidacion-con-descuento'));
    const conv = r.json().convenio;
    expect(conv).toMatchObject({
      estado: 'propuesto',
      autorizacion: { requerida: true, rol: 'administrador' },
    });
    expect(conv.autorizacion.motivos.join(' ')).toMatch(/no puede otorgar descuentos/);
    const propio = await t.pedir('POST', `/api/convenios/${conv.id}/autorizacion`, {
      sesion: s.coordinador,
      cuerpo: {},
    });
    expect(propio.statusCode).toBe(403);
    const admin = await t.pedir('POST', `/api/convenios/${conv.id}/autorizacion`, {
      sesion: s.admin,
      cuerpo: {},
    });
    expect(admin.statusCode).toBe(200);
    expect(admin.json().convenio.estado).toBe('autorizado');
    await t.base.db
      .deleteFrom('limites_autorizacion')
      .where('vigente_desde', '=', '2024-06-01')
      .execute();
  });

  it('firmar asienta las condonaciones, la ventana y el reconocimiento de adeudo, una sola vez', async () => {
    const c = await credito();
    const r = await proponer(s.coordinador, cuerpoDe(c, 'liquidacion-con-descuento'));
    const id = r.json().convenio.id;
    const sinClave = await t.pedir('POST', `/api/convenios/${id}/firma`, {
      sesion: s.gestor,
      cuerpo: {},
    });
    expect(sinClave.statusCode).toBe(400);
    const firmar = () =>
      t.pedir('POST', `/api/convenios/${id}/firma`, {
        sesion: s.gestor,
        cuerpo: { fechaFirma: '2024-06-30' },
        encabezados: { 'idempotency-key': `firma-${id}-abcdef` },
      });
    const f = await firmar();
    expect(f.statusCode).toBe(200);
    expect(f.json().convenio).toMatchObject({ estado: 'firmado', fechaFirma: '2024-06-30' });
    const repetida = await firmar();
    expect(repetida.statusCode).toBe(200);
    expect(repetida.headers['idempotent-replayed']).toBe('true');
    const movimientos = await t.base.db
      .selectFrom('movimientos')
      .innerJoin('convenio_movimientos as cm', 'cm.movimiento_id', 'movimientos.id')
      .select(['tipo', 'concepto', 'monto_centavos', 'motivo'])
      .where('cm.convenio_id', '=', id)
      .execute();
    expect(movimientos).toEqual([
      {
        tipo: 'condonacion',
        concepto: 'moratorio',
        monto_centavos: 5898,
        motivo: `convenio ${id}`,
      },
    ]);
    const reconocimientos = await t.base.db
      .selectFrom('reconocimientos_de_adeudo')
      .select(['credito_id', 'fecha'])
      .where('convenio_id', '=', id)
      .execute();
    expect(reconocimientos).toEqual([{ credito_id: c.id, fecha: '2024-06-30' }]);
    const estado = await t.pedir('GET', `/api/creditos/${c.id}/estado-de-cuenta`, {
      sesion: s.gestor,
    });
    // With the discount posted, settling today costs what the offer announced.
    expect(estado.json().saldo_para_liquidar).toBe('4803.44');
    const cancelar = await t.pedir('POST', `/api/convenios/${id}/cancelacion`, {
      sesion: s.gestor,
      cuerpo: { motivo: 'ya no' },
    });
    expect(cancelar.statusCode).toBe(409);

    const pdf = await t.pedir('GET', `/api/convenios/${id}/convenio.pdf`, { sesion: s.gestor });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toMatch(/application\/pdf/);
    const texto = textoDePdf(pdf.rawPayload).replace(/\s+/g, ' ');
    // The breakdown is the debt before the convenio: 4,862.42 to settle, 117.95 of moratorium.
    expect(texto).toContain('Saldo para liquidar $4,862.42');
    expect(texto).toContain('Interés moratorio $117.95');
    expect(texto).toContain('Liquida la totalidad del adeudo');
    expect(texto).toContain('Descuento total: $58.98');
    expect(texto).toContain('José Ángel Núñez Ibáñez (acreditado)');
    expect(texto).toMatch(/Referencia del crédito \S+ \d+/);
    expect(texto).toContain('reconocimiento del adeudo');
    expect(texto).not.toContain('PROPUESTA');
  });

  it('no se firma lo que no está autorizado, ni con fecha futura', async () => {
    const c = await credito();
    const propuesto = (await proponer(s.gestor, cuerpoDe(c, 'liquidacion-con-descuento'))).json()
      .convenio;
    const firmar = (id: number, cuerpo: unknown) =>
      t.pedir('POST', `/api/convenios/${id}/firma`, {
        sesion: s.coordinador,
        cuerpo,
        encabezados: { 'idempotency-key': `firma-${id}-${JSON.stringify(cuerpo).length}-xyz` },
      });
    const r = await firmar(propuesto.id, {});
    expect(r.statusCode).toBe(409);
    expect(r.json().error.mensaje).toBe('No se puede firmar un convenio propuesto.');
    await t.pedir('POST', `/api/convenios/${propuesto.id}/autorizacion`, {
      sesion: s.coordinador,
      cuerpo: {},
    });
    const futura = await firmar(propuesto.id, { fechaFirma: '2024-07-01' });
    expect(futura.statusCode).toBe(400);
    expect(futura.json().error.campo).toBe('fechaFirma');
  });

  it('firmar una reestructura crea un solo crédito nuevo aunque se repita; otra oficina no la firma', async () => {
    const c = await credito();
    const reestructura = await proponer(s.gestor, cuerpoDe(c, 'reestructura'));
    expect(reestructura.statusCode).toBe(201);
    const conv = reestructura.json().convenio;
    expect(conv.autorizacion).toMatchObject({ requerida: true, rol: 'coordinador' });
    await t.pedir('POST', `/api/convenios/${conv.id}/autorizacion`, {
      sesion: s.coordinador,
      cuerpo: {},
    });
    const firmar = (sesion: Sesion | undefined, clave = `firma-reestructura-${conv.id}`) =>
      t.pedir('POST', `/api/convenios/${conv.id}/firma`, {
        sesion,
        cuerpo: {},
        encabezados: { 'idempotency-key': clave },
      });
    expect((await firmar(s['gestor.nogales'])).statusCode).toBe(403);
    const f = await firmar(s.gestor);
    expect(f.statusCode).toBe(200);
    const firmado = f.json().convenio;
    expect(firmado).toMatchObject({
      estado: 'firmado',
      creditosNuevos: [{ reestructuraDe: c.id }],
    });
    const repetida = await firmar(s.gestor);
    expect(repetida.statusCode).toBe(200);
    expect(repetida.headers['idempotent-replayed']).toBe('true');
    expect(repetida.body).toBe(f.body);
    // Another key is another request: the convenio is already signed.
    expect((await firmar(s.gestor, `otra-firma-${conv.id}`)).statusCode).toBe(409);
    const nuevos = await t.base.db
      .selectFrom('creditos')
      .select(['id', 'numero'])
      .where('reestructura_de', '=', c.id)
      .execute();
    expect(nuevos).toEqual([
      { id: firmado.creditosNuevos[0].id, numero: firmado.creditosNuevos[0].numero },
    ]);
    expect(await bitacora('convenio.firmar', conv.id)).toHaveLength(1);
    // The new credit's page lists the reestructura that created it, as the old one's does.
    for (const creditoId of [c.id, nuevos[0]?.id]) {
      const lista = await t.pedir('GET', `/api/convenios?creditoId=${creditoId}`, {
        sesion: s.gestor,
      });
      expect(lista.json().convenios).toEqual([
        expect.objectContaining({
          id: conv.id,
          tipo: 'reestructura',
          creditos: [{ id: c.id, numero: expect.any(String) }],
        }),
      ]);
    }
    const ajena = await t.pedir('GET', `/api/convenios?creditoId=${nuevos[0]?.id}`, {
      sesion: s['gestor.nogales'],
    });
    expect(ajena.json().convenios).toEqual([]);

    const pdf = await t.pedir('GET', `/api/convenios/${conv.id}/convenio.pdf`, {
      sesion: s.gestor,
    });
    const texto = textoDePdf(pdf.rawPayload).replace(/\s+/g, ' ');
    expect(texto).toContain('Debo y pagaré incondicionalmente');
    // The plan names the new credit, whose amortizaciones the promises now are.
    expect(texto).toContain(nuevos[0]?.numero);
  });

  it('el abogado externo no crea convenios; una entrada inválida nombra el campo', async () => {
    const c = await credito();
    expect((await proponer(s.abogado, cuerpoDe(c, 'regularizacion'))).statusCode).toBe(403);
    const sinVersion = await proponer(s.gestor, {
      ...cuerpoDe(c, 'regularizacion'),
      versionId: 'x',
    });
    expect(sinVersion.statusCode).toBe(400);
    expect(sinVersion.json().error.campo).toBe('versionId');
    const sinFirmantes = await proponer(s.gestor, cuerpoDe(c, 'regularizacion', { firmantes: [] }));
    expect(sinFirmantes.statusCode).toBe(400);
    expect(sinFirmantes.json().error.campo).toBe('firmantes');
    const monto = await proponer(s.gestor, cuerpoDe(c, 'regularizacion', { total: '1.00' }));
    expect(monto.statusCode).toBe(400);
    expect(monto.json().error.campo).toBe('total');
    const ajena = await proponer(s['gestor.nogales'], cuerpoDe(c, 'regularizacion'));
    expect(ajena.statusCode).toBe(403);
  });

  it('no se negocia con menores ni con quien no participa en el crédito', async () => {
    const c = await credito();
    const menor = await t.base.db
      .insertInto('personas')
      .values({ nombres: 'Luis', primer_apellido: 'Soto', fecha_nacimiento: '2010-05-01' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const ajena = await proponer(
      s.gestor,
      cuerpoDe(c, 'regularizacion', { firmantes: [menor.id] }),
    );
    expect(ajena.statusCode).toBe(400);
    expect(ajena.json().error).toMatchObject({ campo: 'firmantes[0]' });
    expect(ajena.json().error.mensaje).toMatch(/no participa/);
    await t.base.db
      .insertInto('participantes_credito')
      .values({ credito_id: c.id, persona_id: menor.id, rol: 'aval' })
      .execute();
    const r = await proponer(
      s.gestor,
      cuerpoDe(c, 'regularizacion', { firmantes: [c.acreditado, menor.id] }),
    );
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toMatchObject({ campo: 'firmantes[1]' });
    expect(r.json().error.mensaje).toMatch(/menor de edad/);
  });
});

function usuario(nombre: string) {
  return t.base.db
    .selectFrom('usuarios')
    .select('id')
    .where('usuario', '=', nombre)
    .executeTakeFirstOrThrow();
}

describe('matriz de autorización', () => {
  const version = {
    vigenteDesde: '2030-01-01',
    limites: [
      {
        rol: 'gestor',
        tipo: '*',
        descuentoPorcentajeMaximo: '0.10',
        descuentoMontoMaximo: '5000.00',
        pagosMaximos: 12,
        permitido: true,
      },
      {
        rol: 'coordinador',
        tipo: '*',
        descuentoPorcentajeMaximo: null,
        descuentoMontoMaximo: null,
        pagosMaximos: null,
        permitido: true,
      },
    ],
  };

  it('el administrador agrega una versión fechada; nadie más; la vigente sigue siendo la de hoy', async () => {
    const gestor = await t.pedir('POST', '/api/convenios/limites', {
      sesion: s.gestor,
      cuerpo: version,
    });
    expect(gestor.statusCode).toBe(403);
    const r = await t.pedir('POST', '/api/convenios/limites', { sesion: s.admin, cuerpo: version });
    expect(r.statusCode).toBe(201);
    expect(r.json().vigenteDesde).toBe('2000-01-01');
    expect(r.json().versiones[0]).toMatchObject({
      vigenteDesde: '2030-01-01',
      limites: expect.arrayContaining([
        expect.objectContaining({ rol: 'gestor', descuentoMontoMaximo: '5000.00' }),
      ]),
    });
    const repetida = await t.pedir('POST', '/api/convenios/limites', {
      sesion: s.admin,
      cuerpo: version,
    });
    expect(repetida.statusCode).toBe(409);
    const numero = await t.pedir('POST', '/api/convenios/limites', {
      sesion: s.admin,
      cuerpo: {
        ...version,
        vigenteDesde: '2030-02-01',
        limites: [{ ...version.limites[0], descuentoPorcentajeMaximo: 0.1 }],
      },
    });
    expect(numero.statusCode).toBe(400);
    expect(numero.json().error.campo).toBe('limites[0].descuentoPorcentajeMaximo');
    const pasada = await t.pedir('POST', '/api/convenios/limites', {
      sesion: s.admin,
      cuerpo: { ...version, vigenteDesde: '2024-01-01' },
    });
    expect(pasada.statusCode).toBe(400);
    expect(pasada.json().error.campo).toBe('vigenteDesde');
  });
});
