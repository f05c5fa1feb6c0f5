import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { completarCurp } from '../../src/domain/curp.ts';
import { suprimirDatosBloqueados } from '../../src/modules/arco/suprimir-datos-bloqueados.ts';
import { type AppDePrueba, crearAppDePrueba, type Sesion } from '../soporte/app-de-prueba.ts';
import { casoPublicado, guardarCaso } from '../soporte/fabricas.ts';
import { textoDePdf } from '../soporte/pdf.ts';

const caso = casoPublicado('01-pago-parcial-con-atraso.json');
// Tuesday 10 March 2026, 09:00 in Hermosillo; Monday 16 March is a legal holiday (seeded).
const MARTES = '2026-03-10T16:00:00Z';

let t: AppDePrueba;
const s: Record<string, Sesion> = {};

beforeAll(async () => {
  t = await crearAppDePrueba();
  for (const u of ['gestor', 'coordinador', 'admin']) s[u] = await t.entrar(u);
});
afterAll(() => t.cerrar());
beforeEach(() => t.reloj.fijar(MARTES));

/** Moves the clock; sessions idle for weeks expire, so everyone logs in again. */
async function aLas(instante: string): Promise<void> {
  t.reloj.fijar(instante);
  for (const u of ['gestor', 'coordinador', 'admin']) s[u] = await t.entrar(u);
}

interface Titular {
  creditoId: number;
  numero: string;
  personaId: number;
  curp: string;
  telefonoId: number;
}

async function idDeUsuario(usuario: string): Promise<{ id: number; nombre: string }> {
  return t.base.db
    .selectFrom('usuarios')
    .select(['id', 'nombre'])
    .where('usuario', '=', usuario)
    .executeTakeFirstOrThrow();
}

/** A credit of `oficina` held by `gestor`, its acreditado with a mobile he consented to. */
async function nuevoTitular(
  oficina: 'HMO' | 'NOG' = 'HMO',
  numero = '6621234567',
): Promise<Titular> {
  const c = await guardarCaso(t.base.db, caso, { oficina });
  await t.base.db
    .updateTable('creditos')
    .set({ gestor_id: (await idDeUsuario('gestor')).id })
    .where('id', '=', c.id)
    .execute();
  const p = await t.base.db
    .selectFrom('participantes_credito as pc')
    .innerJoin('personas as p', 'p.id', 'pc.persona_id')
    .select(['p.id', 'p.curp'])
    .where('pc.credito_id', '=', c.id)
    .executeTakeFirstOrThrow();
  const tel = await t.base.db
    .insertInto('telefonos')
    .values({ persona_id: p.id, numero, tipo: 'movil', consentimiento: true })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    creditoId: c.id,
    numero: c.numero,
    personaId: p.id,
    curp: p.curp ?? '',
    telefonoId: tel.id,
  };
}

const NOMBRE = 'José Ángel Núñez Ibáñez';

const registrar = (cuerpo: Record<string, unknown>, sesion = s.coordinador) =>
  t.pedir('POST', '/api/arco', {
    sesion,
    cuerpo: {
      titularNombre: NOMBRE,
      medioRecepcion: 'ventanilla',
      medioNotificacion: 'Recoge la respuesta en ventanilla',
      descripcion: 'Lo pide por escrito en la oficina.',
      ...cuerpo,
    },
  });
const evento = (id: number, cuerpo: Record<string, unknown>, sesion = s.coordinador) =>
  t.pedir('POST', `/api/arco/${id}/eventos`, { sesion, cuerpo });
const INE = { evento: 'verificar', documento: 'ine', numero: 'IDMEX2938475610' };
const PROCEDENTE = {
  evento: 'responder',
  sentido: 'procedente',
  fundamento: 'Se acreditó la identidad y los datos obran en Recupera.',
};

/** Registered, identity verified and answered procedente: ready to carry out. */
async function procedente(derecho: string, personaId: number): Promise<number> {
  const r = await registrar({ derecho, personaId });
  expect(r.statusCode).toBe(201);
  const id = r.json().id as number;
  expect((await evento(id, INE)).statusCode).toBe(200);
  const p = await evento(id, PROCEDENTE);
  expect(p.statusCode, p.body).toBe(200);
  return id;
}

async function bitacora(accion: string) {
  return t.base.db
    .selectFrom('bitacora')
    .select(['actor_usuario', 'objeto_tipo', 'objeto_id', 'detalle'])
    .where('accion', '=', accion)
    .orderBy('id')
    .execute();
}

describe('acceso', () => {
  it('de la recepción al cierre: el JSON y el PDF traen sus datos y quién los consultó', async () => {
    const a = await nuevoTitular();
    const gestor = await idDeUsuario('gestor');
    const coordinador = await idDeUsuario('coordinador');
    // The gestor opens the debtor's ficha: a view the report must show.
    expect(
      (await t.pedir('GET', `/api/personas/${a.personaId}/ficha`, { sesion: s.gestor })).statusCode,
    ).toBe(200);

    const r = await registrar({ derecho: 'acceso', personaId: a.personaId });
    expect(r.statusCode, r.body).toBe(201);
    const solicitud = r.json();
    expect(solicitud).toMatchObject({
      folio: `ARCO-2026-${String(solicitud.id).padStart(4, '0')}`,
      derecho: 'acceso',
      estado: 'registrada',
      persona: { id: a.personaId, nombre: NOMBRE, bloqueada: false },
      oficina: { nombre: 'Hermosillo' },
      recibida: '2026-03-10',
      identidad: null,
      acciones: ['verificar', 'responder', 'cerrar'],
      accesoDisponible: false,
    });
    // 20 business days from the next one, skipping the weekends and Monday 16 March.
    expect(solicitud.plazos).toMatchObject({
      respuesta: '2026-04-08',
      vigente: { tipo: 'respuesta', fecha: '2026-04-08', diasHabilesRestantes: 20 },
      alerta: null,
    });
    const id = solicitud.id as number;

    // Nothing is delivered before the identity is verified.
    const antes = await t.pedir('GET', `/api/arco/${id}/acceso.json`, { sesion: s.coordinador });
    expect(antes.statusCode).toBe(409);
    expect(antes.json().error.mensaje).toMatch(/identidad/);

    const v = await evento(id, INE);
    expect(v.statusCode, v.body).toBe(200);
    expect(v.json()).toMatchObject({
      estado: 'en_tramite',
      identidad: {
        documento: 'ine',
        numero: 'IDMEX2938475610',
        verificadaPor: { id: coordinador.id, nombre: coordinador.nombre },
        verificada: MARTES.replace('Z', '.000Z'),
      },
      accesoDisponible: true,
    });

    const json = await t.pedir('GET', `/api/arco/${id}/acceso.json`, { sesion: s.coordinador });
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-disposition']).toBe(
      `attachment; filename="acceso-${solicitud.folio}.json"`,
    );
    const reporte = json.json();
    expect(reporte.folio).toBe(solicitud.folio);
    expect(reporte.datos.titular).toMatchObject({
      id: a.personaId,
      nombres: 'José Ángel',
      primerApellido: 'Núñez',
      segundoApellido: 'Ibáñez',
      curp: a.curp,
      fechaNacimiento: '1990-01-01',
    });
    expect(reporte.datos.contactos.telefonos).toMatchObject([
      { numero: '6621234567', consentimiento: true },
    ]);
    expect(reporte.datos.creditos).toMatchObject([
      { numero: a.numero, calidad: 'acreditado', estado: 'activo' },
    ]);
    expect(reporte.datos.creditos[0].ministraciones.length).toBe(
      caso.credito.ministraciones.length,
    );
    expect(reporte.datos.consultas).toContainEqual(
      expect.objectContaining({
        usuario: 'gestor',
        nombre: gestor.nombre,
        tipo: 'consulta',
        descripcion: 'Consultó su ficha (datos y créditos)',
        accion: 'ficha.consultar',
      }),
    );

    const pdf = await t.pedir('GET', `/api/arco/${id}/acceso.pdf`, { sesion: s.coordinador });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const texto = textoDePdf(pdf.rawPayload);
    for (const esperado of [
      'Reporte de acceso a datos personales',
      solicitud.folio,
      NOMBRE,
      a.curp,
      '6621234567',
      `Crédito ${a.numero}`,
      'Quién consultó o cambió sus datos',
      gestor.nombre,
      'Consultó su ficha (datos y créditos)',
    ]) {
      expect(texto).toContain(esperado);
    }
    // Each report is itself a read of all her data, on her person.
    const generados = (await bitacora('arco.acceso')).filter(
      (b) => b.objeto_id === String(a.personaId),
    );
    expect(generados.map((b) => (b.detalle as { formato: string }).formato)).toEqual([
      'json',
      'pdf',
    ]);

    const p = await evento(id, PROCEDENTE);
    expect(p.json()).toMatchObject({
      estado: 'procedente',
      respuesta: { sentido: 'procedente', fecha: '2026-03-10', fueraDePlazo: false },
      // 15 business days from the answer to deliver.
      plazos: { ejecucion: '2026-04-01', vigente: { tipo: 'ejecucion', fecha: '2026-04-01' } },
      acciones: ['ejecutar'],
    });
    const sinEntrega = await evento(id, { evento: 'ejecutar' });
    expect(sinEntrega.statusCode).toBe(400);
    expect(sinEntrega.json().error.campo).toBe('entrega');
    const e = await evento(id, { evento: 'ejecutar', entrega: 'ventanilla' });
    expect(e.statusCode, e.body).toBe(200);
    expect(e.json()).toMatchObject({
      estado: 'ejecutada',
      ejecucion: { fecha: '2026-03-10', fueraDePlazo: false, detalle: { entrega: 'ventanilla' } },
    });
    expect(e.json().ejecucion.detalle.sha256).toMatch(/^[0-9a-f]{64}$/);
    const c = await evento(id, { evento: 'cerrar' });
    expect(c.json()).toMatchObject({ estado: 'cerrada', acciones: [], plazos: { vigente: null } });
    expect(c.json().eventos.map((x: { evento: string }) => x.evento)).toEqual([
      'registrar',
      'verificar',
      'responder',
      'ejecutar',
      'cerrar',
    ]);
    // Closed: no longer among the open ones, still among all.
    const abiertas = (await t.pedir('GET', '/api/arco', { sesion: s.coordinador })).json();
    expect(abiertas.solicitudes.some((x: { id: number }) => x.id === id)).toBe(false);
    const todas = (
      await t.pedir('GET', '/api/arco?estado=todas', { sesion: s.coordinador })
    ).json();
    expect(todas.solicitudes.some((x: { id: number }) => x.id === id)).toBe(true);
  });
});

describe('portabilidad', () => {
  it('un aval pide sus datos en formato estructurado: el JSON trae el crédito en que avala, y la entrega queda con su huella', async () => {
    const a = await nuevoTitular();
    // The aval: a person of her own, with a credit where she only guarantees.
    const aval = await t.base.db
      .insertInto('personas')
      .values({
        nombres: 'Rosa Elena',
        primer_apellido: 'Quiñónez',
        segundo_apellido: 'Ávila',
        curp: completarCurp('QUAR800101MSRXVS0'),
        fecha_nacimiento: '1980-01-01',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.base.db
      .insertInto('participantes_credito')
      .values({ credito_id: a.creditoId, persona_id: aval.id, rol: 'aval' })
      .execute();

    const r = await registrar({
      derecho: 'portabilidad',
      personaId: aval.id,
      titularNombre: 'Rosa Elena Quiñónez Ávila',
    });
    expect(r.statusCode, r.body).toBe(201);
    const id = r.json().id as number;
    expect(r.json()).toMatchObject({ derecho: 'portabilidad', persona: { id: aval.id } });
    expect((await evento(id, INE)).statusCode).toBe(200);

    const json = await t.pedir('GET', `/api/arco/${id}/acceso.json`, { sesion: s.coordinador });
    expect(json.statusCode, json.body).toBe(200);
    const datos = json.json().datos;
    expect(datos.titular).toMatchObject({ id: aval.id, primerApellido: 'Quiñónez' });
    // Her part in the credit, not the acreditado's data as if it were hers.
    expect(datos.creditos).toMatchObject([{ numero: a.numero, calidad: 'aval' }]);
    expect(datos.contactos.telefonos).toEqual([]);

    expect((await evento(id, PROCEDENTE)).statusCode).toBe(200);
    const sinEntrega = await evento(id, { evento: 'ejecutar' });
    expect(sinEntrega.statusCode).toBe(400);
    expect(sinEntrega.json().error.campo).toBe('entrega');
    const e = await evento(id, { evento: 'ejecutar', entrega: 'correo' });
    expect(e.statusCode, e.body).toBe(200);
    expect(e.json()).toMatchObject({
      estado: 'ejecutada',
      ejecucion: { detalle: { entrega: 'correo' } },
    });
    expect(e.json().ejecucion.detalle.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('la entrega solo cabe en acceso y portabilidad', async () => {
    const a = await nuevoTitular();
    const id = await procedente('oposicion', a.personaId);
    const r = await evento(id, { evento: 'ejecutar', entrega: 'ventanilla' });
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toMatchObject({ campo: 'entrega' });
    expect(r.json().error.mensaje).toContain('acceso o portabilidad');
  });
});

describe('rectificación', () => {
  it('corrige el teléfono por el historial de contactos y la identidad, con el folio como motivo', async () => {
    const a = await nuevoTitular('HMO', '6621112233');
    const otro = await nuevoTitular('HMO', '6629998877');
    const id = await procedente('rectificacion', a.personaId);
    const { folio } = (await t.pedir('GET', `/api/arco/${id}`, { sesion: s.coordinador })).json();

    // Someone else's phone: refused, and nothing changes.
    const ajeno = await evento(id, {
      evento: 'ejecutar',
      rectificaciones: [{ dato: 'telefono', id: otro.telefonoId, numero: '662 000 0000' }],
    });
    expect(ajeno.statusCode).toBe(400);
    expect(ajeno.json().error.campo).toBe('rectificaciones[0].id');
    const sinNada = await evento(id, { evento: 'ejecutar' });
    expect(sinNada.json().error.campo).toBe('rectificaciones');

    const curp = completarCurp('NUIB900101HSRNXB0');
    const r = await evento(id, {
      evento: 'ejecutar',
      rectificaciones: [
        { dato: 'telefono', id: a.telefonoId, numero: '(662) 765-4321' },
        { dato: 'identidad', segundoApellido: 'Ibarra', curp: curp.toLowerCase() },
      ],
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().estado).toBe('ejecutada');
    const [tel, ident] = r.json().ejecucion.detalle.rectificaciones;
    expect(tel).toMatchObject({ dato: 'telefono', id: a.telefonoId, cambios: ['correccion'] });
    expect(tel.nuevoId).not.toBe(a.telefonoId);
    expect(ident).toEqual({
      dato: 'identidad',
      id: null,
      nuevoId: null,
      cambios: ['segundoApellido', 'curp'],
    });

    const telefonos = await t.base.db
      .selectFrom('telefonos')
      .select(['id', 'numero', 'retirado', 'consentimiento'])
      .where('persona_id', '=', a.personaId)
      .orderBy('id')
      .execute();
    expect(telefonos.map((x) => [x.numero, x.retirado === null])).toEqual([
      ['6621112233', false],
      ['6627654321', true],
    ]);
    const historial = await t.base.db
      .selectFrom('historial_contactos')
      .select(['cambio', 'motivo', 'contacto_id'])
      .where('persona_id', '=', a.personaId)
      .execute();
    expect(historial).toEqual([
      {
        cambio: 'correccion',
        contacto_id: a.telefonoId,
        motivo: `Rectificación solicitada por el titular (derechos ARCO, ${folio})`,
      },
    ]);
    const persona = await t.base.db
      .selectFrom('personas')
      .select(['segundo_apellido', 'curp'])
      .where('id', '=', a.personaId)
      .executeTakeFirstOrThrow();
    expect(persona).toEqual({ segundo_apellido: 'Ibarra', curp });
    const rectificada = (await bitacora('persona.rectificada')).at(-1);
    expect(rectificada?.detalle).toMatchObject({
      antes: { segundoApellido: 'Ibáñez', curp: a.curp },
      despues: { segundoApellido: 'Ibarra', curp },
    });
  });
});

describe('cancelación', () => {
  it('bloquea los datos: desaparecen de la búsqueda y la ficha, el estado de cuenta se sigue calculando, y el trabajo los suprime al terminar el plazo', async () => {
    const a = await nuevoTitular('HMO', '6625550001');
    const buscar = (q: string) =>
      t.pedir('GET', `/api/buscar?q=${encodeURIComponent(q)}`, { sesion: s.gestor });
    // An inbound call with a note, before.
    const llamada = await t.pedir('POST', `/api/creditos/${a.creditoId}/gestiones`, {
      sesion: s.gestor,
      cuerpo: {
        canal: 'llamada_entrante',
        personaId: a.personaId,
        telefonoId: a.telefonoId,
        resultado: 'ya_pago',
        nota: 'Dice que liquidó en el banco.',
      },
    });
    expect(llamada.statusCode, llamada.body).toBe(201);

    const r = await registrar({ derecho: 'cancelacion', personaId: a.personaId });
    const id = r.json().id as number;
    expect((await evento(id, INE)).statusCode).toBe(200);
    // The credit is still owed: the data are needed for it.
    const vigente = await evento(id, PROCEDENTE);
    expect(vigente.statusCode).toBe(409);
    expect(vigente.json().error.mensaje).toContain(a.numero);

    // Once settled (the settlement is another feature's: set here), it proceeds.
    await t.base.db
      .updateTable('creditos')
      .set({ estado: 'liquidado' })
      .where('id', '=', a.creditoId)
      .execute();
    const estadoDeCuenta = () =>
      t.pedir('GET', `/api/creditos/${a.creditoId}/estado-de-cuenta?fecha=2026-03-10`, {
        sesion: s.admin,
      });
    const cuentaAntes = await estadoDeCuenta();
    expect(cuentaAntes.statusCode).toBe(200);
    // A statement printed before: its stored copy names her.
    const pdf = await t.pedir(
      'GET',
      `/api/creditos/${a.creditoId}/estado-de-cuenta.pdf?fecha=2026-03-10`,
      { sesion: s.admin },
    );
    expect(pdf.statusCode, pdf.body).toBe(200);
    const reimprimir = () =>
      t.pedir('GET', `/api/documentos-emitidos/${pdf.headers['x-documento-emitido']}/pdf`, {
        sesion: s.admin,
      });
    expect((await reimprimir()).statusCode).toBe(200);
    expect((await buscar(a.curp)).json().resultados).toHaveLength(1);
    expect((await evento(id, PROCEDENTE)).statusCode).toBe(200);

    const e = await evento(id, { evento: 'ejecutar' });
    expect(e.statusCode, e.body).toBe(200);
    expect(e.json().ejecucion.detalle).toMatchObject({
      suprimirEl: '2033-03-10',
      bloqueados: { telefonos: 1, correos: 0, domicilios: 0, gestiones: 1, documentosEmitidos: 1 },
    });
    // The stored copy of the statement is withdrawn with her data: no reprint shows her name.
    const reimpresion = await reimprimir();
    expect(reimpresion.statusCode).toBe(409);
    expect(reimpresion.json().error.mensaje).toMatch(/ya no puede reimprimirse.*ARCO/);
    const emitido = await t.base.db
      .selectFrom('documentos_emitidos')
      .select(['contenido', 'contenido_retirado_en'])
      .where('id', '=', Number(pdf.headers['x-documento-emitido']))
      .executeTakeFirstOrThrow();
    expect(emitido.contenido).toBeNull();
    expect(emitido.contenido_retirado_en).not.toBeNull();

    // Hidden: not found by CURP, phone, name nor credit number; the ficha and contacts are gone.
    for (const q of [a.curp, '662 555 0001', 'jose nunez ibanez', 'datos bloqueados', a.numero]) {
      const hallados = (await buscar(q)).json().resultados as Array<{ personaId: number }>;
      expect(
        hallados.some((h) => h.personaId === a.personaId),
        q,
      ).toBe(false);
    }
    const ficha = await t.pedir('GET', `/api/personas/${a.personaId}/ficha`, { sesion: s.gestor });
    expect(ficha.statusCode).toBe(404);
    expect(ficha.json().error.mensaje).toMatch(/bloqueados/);
    expect(
      (await t.pedir('GET', `/api/personas/${a.personaId}/contactos`, { sesion: s.gestor }))
        .statusCode,
    ).toBe(404);
    // The ledger is whole: the statement computes exactly as before.
    const cuentaDespues = await estadoDeCuenta();
    expect(cuentaDespues.statusCode).toBe(200);
    expect(cuentaDespues.json()).toEqual(cuentaAntes.json());

    // The person's row stays (the link), without personal fields; the gestión stays, bare.
    const persona = await t.base.db
      .selectFrom('personas')
      .select(['nombres', 'primer_apellido', 'curp', 'fecha_nacimiento', 'bloqueada'])
      .where('id', '=', a.personaId)
      .executeTakeFirstOrThrow();
    expect(persona).toMatchObject({
      nombres: 'Datos bloqueados',
      primer_apellido: r.json().folio,
      curp: null,
      fecha_nacimiento: null,
    });
    expect(persona.bloqueada).not.toBeNull();
    const gestion = await t.base.db
      .selectFrom('gestiones')
      .select(['canal', 'nota', 'medio', 'telefono_id', 'persona_id'])
      .where('credito_id', '=', a.creditoId)
      .executeTakeFirstOrThrow();
    expect(gestion).toEqual({
      canal: 'llamada_entrante',
      nota: null,
      medio: null,
      telefono_id: null,
      persona_id: a.personaId,
    });
    const guardado = await t.base.db
      .selectFrom('datos_bloqueados')
      .select(['datos', 'suprimir_el'])
      .where('persona_id', '=', a.personaId)
      .executeTakeFirstOrThrow();
    expect(guardado.datos).toMatchObject({
      titular: { curp: a.curp, nombres: 'José Ángel' },
      gestiones: [{ nota: 'Dice que liquidó en el banco.' }],
    });
    // No new request about her: there is nothing of hers left to reach.
    expect((await registrar({ derecho: 'acceso', personaId: a.personaId })).statusCode).toBe(404);

    // The nightly job: kept until the blocking period ends, then deleted.
    const suprimir = () =>
      t.base.db
        .transaction()
        .execute((trx) => suprimirDatosBloqueados(trx, { reloj: t.reloj, ip: null }));
    t.reloj.fijar('2033-03-09T16:00:00Z');
    expect((await suprimir()).personas).not.toContain(a.personaId);
    t.reloj.fijar('2033-03-10T16:00:00Z');
    expect((await suprimir()).personas).toContain(a.personaId);
    const quedan = await t.base.db
      .selectFrom('datos_bloqueados')
      .select('persona_id')
      .where('persona_id', '=', a.personaId)
      .execute();
    expect(quedan).toEqual([]);
    const supresion = (await bitacora('arco.datos_suprimidos')).at(-1);
    expect(JSON.stringify(supresion?.detalle)).toContain(`"personaId":${a.personaId}`);
  });
});

describe('cancelación y oposición a la vez', () => {
  it('dos ejecuciones simultáneas sobre la misma persona: una procede, la otra es un 409', async () => {
    for (const derecho of ['cancelacion', 'oposicion']) {
      const a = await nuevoTitular('HMO', derecho === 'oposicion' ? '6621212121' : '6622323232');
      await t.base.db
        .updateTable('creditos')
        .set({ estado: 'liquidado' })
        .where('id', '=', a.creditoId)
        .execute();
      const ids = [await procedente(derecho, a.personaId), await procedente(derecho, a.personaId)];
      const r = await Promise.all(ids.map((id) => evento(id, { evento: 'ejecutar' })));
      expect(r.map((x) => x.statusCode).sort(), derecho).toEqual([200, 409]);
    }
  });
});

describe('oposición', () => {
  it('detiene el contacto saliente (422) mientras el entrante se sigue registrando', async () => {
    const a = await nuevoTitular('HMO', '6623334455');
    const gestion = (canal: string) =>
      t.pedir('POST', `/api/creditos/${a.creditoId}/gestiones`, {
        sesion: s.gestor,
        cuerpo: {
          canal,
          personaId: a.personaId,
          telefonoId: a.telefonoId,
          resultado: 'no_contesta',
          ...(canal.startsWith('llamada') ? { duracionSegundos: 30 } : {}),
        },
      });
    expect((await gestion('llamada_saliente')).statusCode).toBe(201);

    const id = await procedente('oposicion', a.personaId);
    const e = await evento(id, { evento: 'ejecutar', nota: 'Pide que no se le llame.' });
    expect(e.statusCode, e.body).toBe(200);
    expect(e.json().ejecucion.detalle.oposicionDesde).toBe(MARTES.replace('Z', '.000Z'));

    for (const canal of ['llamada_saliente', 'sms', 'whatsapp']) {
      const saliente = await gestion(canal);
      expect(saliente.statusCode, canal).toBe(422);
      expect(saliente.json().error.codigo).toBe('contacto_con_oposicion');
      expect(saliente.json().error.mensaje).toMatch(/oposición/);
    }
    const rechazo = (await bitacora('gestion.rechazada')).at(-1);
    expect(rechazo?.detalle).toMatchObject({ codigo: 'contacto_con_oposicion' });
    const entrante = await gestion('llamada_entrante');
    expect(entrante.statusCode, entrante.body).toBe(201);

    // A second opposition of hers is one already in force.
    const r = await registrar({ derecho: 'oposicion', personaId: a.personaId });
    const otra = r.json().id as number;
    await evento(otra, INE);
    const repetida = await evento(otra, PROCEDENTE);
    expect(repetida.statusCode).toBe(409);
    expect(repetida.json().error.mensaje).toMatch(/ya está en vigor/);
  });
});

describe('quién atiende y qué se valida', () => {
  it('el coordinador ve las de su oficina; el administrador, todas', async () => {
    const nogales = await nuevoTitular('NOG', '6311234567');
    const ajena = await registrar({ derecho: 'acceso', personaId: nogales.personaId });
    expect(ajena.statusCode).toBe(403);
    const r = await registrar({ derecho: 'acceso', personaId: nogales.personaId }, s.admin);
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().oficina.nombre).toBe('Nogales');
    const id = r.json().id as number;
    expect((await t.pedir('GET', `/api/arco/${id}`, { sesion: s.coordinador })).statusCode).toBe(
      403,
    );
    expect((await evento(id, INE)).statusCode).toBe(403);
    const suyas = (await t.pedir('GET', '/api/arco', { sesion: s.coordinador })).json();
    expect(suyas.solicitudes.some((x: { id: number }) => x.id === id)).toBe(false);
    const todas = (await t.pedir('GET', '/api/arco', { sesion: s.admin })).json();
    expect(todas.solicitudes.some((x: { id: number }) => x.id === id)).toBe(true);
    // Reading the list names titulares: logged.
    expect((await bitacora('arco.listar')).length).toBeGreaterThanOrEqual(2);
  });

  it('rechaza con 400 lo que falta o no cabe, nombrando el campo', async () => {
    const a = await nuevoTitular('HMO', '6624440000');
    const casos: Array<[Record<string, unknown>, string]> = [
      [{ derecho: 'acceso', personaId: a.personaId, titularNombre: '' }, 'titularNombre'],
      [{ derecho: 'olvido', personaId: a.personaId }, 'derecho'],
      [{ derecho: 'acceso', personaId: a.personaId, recibida: '2026-03-11' }, 'recibida'],
      [{ derecho: 'acceso', personaId: a.personaId, oficinaId: 999 }, 'oficinaId'],
      [{ derecho: 'acceso', personaId: 2_147_483_648 }, 'personaId'],
    ];
    for (const [cuerpo, campo] of casos) {
      const r = await registrar(cuerpo);
      expect(r.statusCode, JSON.stringify(cuerpo)).toBe(400);
      expect(r.json().error.campo).toBe(campo);
    }
    const conRepresentante = await registrar({
      derecho: 'acceso',
      personaId: a.personaId,
      representante: 'Lic. Ana Ruiz',
    });
    const id = conRepresentante.json().id as number;
    const sinPoder = await evento(id, INE);
    expect(sinPoder.statusCode).toBe(400);
    expect(sinPoder.json().error.campo).toBe('representante');
    const antesDeVerificar = await evento(id, PROCEDENTE);
    expect(antesDeVerificar.statusCode).toBe(409);
    expect(antesDeVerificar.json().error.mensaje).toMatch(/Primero verifica/);
    const sinMotivo = await evento(id, { evento: 'cerrar' });
    expect(sinMotivo.json().error.campo).toBe('motivo');
    expect((await evento(id, { evento: 'borrar' })).statusCode).toBe(400);
    const desistio = await evento(id, { evento: 'cerrar', motivo: 'El titular se desistió.' });
    expect(desistio.json()).toMatchObject({
      estado: 'cerrada',
      cierre: { motivo: 'El titular se desistió.' },
    });
  });

  it('sin titular en Recupera solo cabe responder improcedente', async () => {
    const r = await registrar({
      derecho: 'acceso',
      personaId: null,
      titularNombre: 'Pedro Páramo',
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ persona: null, oficina: { nombre: 'Hermosillo' } });
    const id = r.json().id as number;
    await evento(id, INE);
    expect((await evento(id, PROCEDENTE)).statusCode).toBe(409);
    const no = await evento(id, {
      evento: 'responder',
      sentido: 'improcedente',
      fundamento: 'No obran datos personales del solicitante en Recupera.',
    });
    expect(no.json()).toMatchObject({ estado: 'improcedente', plazos: { vigente: null } });
  });
});

// Last: it changes the calendar and the terms the other tests count on.
describe('plazos en días hábiles', () => {
  it('un día inhábil agregado recorre el plazo; se avisa antes de vencer; una sola ampliación, dentro del plazo', async () => {
    const a = await nuevoTitular('HMO', '6627770000');
    const primera = (await registrar({ derecho: 'acceso', personaId: a.personaId })).json()
      .id as number;
    const segunda = (await registrar({ derecho: 'oposicion', personaId: a.personaId })).json()
      .id as number;
    const leer = async (id: number) =>
      (await t.pedir('GET', `/api/arco/${id}`, { sesion: s.coordinador })).json();
    expect((await leer(primera)).plazos.respuesta).toBe('2026-04-08');

    // Holy Thursday and Friday, added by the administrador, move every open deadline over them.
    const calendario = (
      await t.pedir('GET', '/api/dias-inhabiles?anio=2026', { sesion: s.coordinador })
    ).json();
    expect(calendario.dias).toContainEqual({
      fecha: '2026-03-16',
      descripcion: 'Natalicio de Benito Juárez',
    });
    const fuera = await t.pedir('PUT', '/api/dias-inhabiles', {
      sesion: s.admin,
      cuerpo: { anio: 2026, dias: [{ fecha: '2027-04-01', descripcion: 'Jueves Santo' }] },
    });
    expect(fuera.statusCode).toBe(400);
    expect(fuera.json().error.campo).toBe('dias[0].fecha');
    const puesto = await t.pedir('PUT', '/api/dias-inhabiles', {
      sesion: s.admin,
      cuerpo: {
        anio: 2026,
        dias: [
          ...calendario.dias,
          { fecha: '2026-04-02', descripcion: 'Jueves Santo' },
          { fecha: '2026-04-03', descripcion: 'Viernes Santo' },
        ],
      },
    });
    expect(puesto.statusCode, puesto.body).toBe(200);
    expect(puesto.json().dias).toHaveLength(calendario.dias.length + 2);
    expect((await leer(primera)).plazos.respuesta).toBe('2026-04-10');
    expect((await bitacora('dias_inhabiles.fijar')).length).toBe(1);

    // Monday 6 April: four business days left (7, 8, 9, 10): «por vencer».
    await aLas('2026-04-06T16:00:00Z');
    const respuesta = await t.pedir('GET', '/api/arco', { sesion: s.coordinador });
    expect(respuesta.statusCode, respuesta.body).toBe(200);
    const lista = respuesta.json();
    const enLista = lista.solicitudes.find((x: { id: number }) => x.id === primera);
    expect(enLista.plazos).toMatchObject({
      vigente: { tipo: 'respuesta', fecha: '2026-04-10', diasHabilesRestantes: 4 },
      alerta: 'por_vencer',
    });
    expect(lista.alertas.porVencer).toBeGreaterThanOrEqual(2);
    // The nearest deadline first.
    expect(lista.solicitudes[0].plazos.vigente.fecha <= '2026-04-10').toBe(true);

    await evento(primera, INE);
    const ampliada = await evento(primera, {
      evento: 'ampliar',
      motivo: 'El reporte requiere revisar expedientes en papel.',
    });
    expect(ampliada.statusCode, ampliada.body).toBe(200);
    expect(ampliada.json()).toMatchObject({
      estado: 'ampliada',
      ampliacion: { fecha: '2026-04-06' },
      plazos: { respuestaSinAmpliacion: '2026-04-10', respuesta: '2026-04-24', alerta: null },
    });
    const otraVez = await evento(primera, { evento: 'ampliar', motivo: 'Otra vez.' });
    expect(otraVez.statusCode).toBe(409);
    expect(otraVez.json().error.mensaje).toMatch(/solo se amplía una vez/);

    // Monday 13 April: the second one's term ended on Friday 10: vencida, and too late to extend.
    await aLas('2026-04-13T16:00:00Z');
    const vencida = await leer(segunda);
    expect(vencida.plazos.alerta).toBe('vencida');
    expect(vencida.acciones).not.toContain('ampliar');
    await evento(segunda, INE);
    const tarde = await evento(segunda, { evento: 'ampliar', motivo: 'Se pidió tarde.' });
    expect(tarde.statusCode).toBe(409);
    expect(tarde.json().error.mensaje).toMatch(/venció el 10\/04\/2026/);
    const respondida = await evento(segunda, PROCEDENTE);
    expect(respondida.json().respuesta.fueraDePlazo).toBe(true);
    await aLas(MARTES);
  });

  it('los términos nuevos valen para las solicitudes que se reciben después', async () => {
    const a = await nuevoTitular('HMO', '6627771111');
    const antes = (await registrar({ derecho: 'acceso', personaId: a.personaId })).json();
    const p = await t.pedir('PUT', '/api/arco/parametros', {
      sesion: s.admin,
      cuerpo: {
        diasParaResponder: 10,
        diasDeAmpliacion: 5,
        diasParaEjecutar: 15,
        diasDeAviso: 3,
        aniosDeBloqueo: 5,
      },
    });
    expect(p.statusCode, p.body).toBe(200);
    const despues = (await registrar({ derecho: 'acceso', personaId: a.personaId })).json();
    expect(despues.plazos.respuesta).toBe('2026-03-25');
    const leida = (await t.pedir('GET', `/api/arco/${antes.id}`, { sesion: s.coordinador })).json();
    expect(leida.plazos.respuesta).toBe(antes.plazos.respuesta);
    expect(
      (await t.pedir('GET', '/api/arco/parametros', { sesion: s.coordinador })).json()
        .diasParaResponder,
    ).toBe(10);
  });
});
