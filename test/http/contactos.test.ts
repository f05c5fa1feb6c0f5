import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppDePrueba, crearAppDePrueba, type Sesion } from '../soporte/app-de-prueba.ts';
import { casoPublicado, despachoDelAbogado, guardarCaso } from '../soporte/fabricas.ts';

const caso = casoPublicado('01-pago-parcial-con-atraso.json');

let t: AppDePrueba;
const s: Record<string, Sesion> = {};

beforeAll(async () => {
  t = await crearAppDePrueba();
  for (const u of ['gestor', 'gestor.nogales', 'coordinador', 'contabilidad', 'abogado', 'admin']) {
    s[u] = await t.entrar(u);
  }
});
afterAll(() => t.cerrar());

/** A debtor of her own, on one credit of the office given. */
async function deudora(oficina: 'HMO' | 'NOG' = 'HMO'): Promise<number> {
  const credito = await guardarCaso(t.base.db, caso, { oficina });
  const p = await t.base.db
    .selectFrom('participantes_credito')
    .select('persona_id')
    .where('credito_id', '=', credito.id)
    .executeTakeFirstOrThrow();
  return p.persona_id;
}

const pedir = (quien: string, metodo: string, url: string, cuerpo?: unknown) =>
  t.pedir(metodo, url, { sesion: s[quien], cuerpo });

async function contactos(personaId: number, quien = 'gestor') {
  const r = await pedir(quien, 'GET', `/api/personas/${personaId}/contactos`);
  expect(r.statusCode).toBe(200);
  return r.json();
}

async function agregarTelefono(personaId: number, cuerpo: Record<string, unknown>) {
  const r = await pedir('gestor', 'POST', `/api/personas/${personaId}/telefonos`, {
    tipo: 'movil',
    consentimiento: false,
    ...cuerpo,
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().telefono;
}

/** What is stored: responses show numbers and e-mails masked (exposicion.test.ts). */
async function guardados(personaId: number, tabla: 'telefonos' | 'correos') {
  const db = t.base.db;
  return tabla === 'telefonos'
    ? (
        await db
          .selectFrom('telefonos')
          .select('numero')
          .where('persona_id', '=', personaId)
          .orderBy('id')
          .execute()
      ).map((f) => f.numero)
    : (
        await db
          .selectFrom('correos')
          .select('correo')
          .where('persona_id', '=', personaId)
          .orderBy('id')
          .execute()
      ).map((f) => f.correo);
}

async function bitacora(personaId: number, accion: string) {
  return t.base.db
    .selectFrom('bitacora')
    .select(['actor_usuario', 'accion', 'detalle'])
    .where('objeto_tipo', '=', 'persona')
    .where('objeto_id', '=', String(personaId))
    .where('accion', '=', accion)
    .orderBy('id')
    .execute();
}

/** Everything that a refused request must leave untouched. */
async function huella(personaId: number) {
  const db = t.base.db;
  return {
    telefonos: await db
      .selectFrom('telefonos')
      .selectAll()
      .where('persona_id', '=', personaId)
      .orderBy('id')
      .execute(),
    correos: await db
      .selectFrom('correos')
      .selectAll()
      .where('persona_id', '=', personaId)
      .orderBy('id')
      .execute(),
    domicilios: await db
      .selectFrom('domicilios')
      .selectAll()
      .where('persona_id', '=', personaId)
      .orderBy('id')
      .execute(),
    historial: await db
      .selectFrom('historial_contactos')
      .select('id')
      .where('persona_id', '=', personaId)
      .execute(),
    bitacora: await db
      .selectFrom('bitacora')
      .select('id')
      .where('objeto_tipo', '=', 'persona')
      .where('objeto_id', '=', String(personaId))
      .where('accion', 'like', 'contacto.%')
      .execute(),
  };
}

describe('teléfonos', () => {
  it.each([['+52 662 214 5591'], ['(662) 214-5591'], ['662-214-5591'], ['+52 1 662 214 5591']])(
    '«%s» se guarda como 6622145591, con su alta en el historial y en la bitácora',
    async (escrito) => {
      const persona = await deudora();
      const tel = await agregarTelefono(persona, { numero: escrito });
      expect(await guardados(persona, 'telefonos')).toEqual(['6622145591']);
      expect(tel).toMatchObject({
        numero: '•••• 5591',
        tipo: 'movil',
        valido: true,
        consentimiento: false,
        retirado: null,
      });
      const c = await contactos(persona);
      expect(c.telefonos).toHaveLength(1);
      expect(c.historial).toEqual([
        expect.objectContaining({
          tipo: 'telefono',
          contactoId: tel.id,
          cambio: 'alta',
          antes: null,
          despues: expect.objectContaining({ numero: '•••• 5591' }),
          registradoPor: { id: expect.any(Number), nombre: 'Sofía Valenzuela Peña' },
        }),
      ]);
      // The bitácora, the audit record, keeps the whole value.
      const filas = await bitacora(persona, 'contacto.telefono_agregado');
      expect(filas).toEqual([
        expect.objectContaining({
          actor_usuario: 'gestor',
          detalle: expect.objectContaining({
            contactoId: tel.id,
            antes: null,
            despues: expect.objectContaining({ numero: '6622145591' }),
          }),
        }),
      ]);
    },
  );

  it('una corrección retira el número anterior (que sigue en la lista, retirado) y agrega el nuevo; el historial guarda antes y después', async () => {
    const persona = await deudora();
    const viejo = await agregarTelefono(persona, { numero: '6622145591', consentimiento: true });
    t.reloj.avanzarMinutos(5);
    const r = await pedir('gestor', 'PATCH', `/api/telefonos/${viejo.id}`, {
      numero: '662 214 5519',
      motivo: 'Se capturó con dos dígitos invertidos',
    });
    expect(r.statusCode, r.body).toBe(200);
    const { telefono: nuevo, cambios } = r.json();
    expect(cambios).toEqual(['correccion']);
    expect(nuevo.id).not.toBe(viejo.id);
    // Type and consent belong to the channel: they carry over.
    expect(nuevo).toMatchObject({
      numero: '•••• 5519',
      tipo: 'movil',
      consentimiento: true,
      valido: true,
      retirado: null,
    });

    expect(await guardados(persona, 'telefonos')).toEqual(['6622145591', '6622145519']);
    const c = await contactos(persona);
    expect(c.telefonos.map((x: { numero: string }) => x.numero)).toEqual([
      '•••• 5519',
      '•••• 5591',
    ]);
    // The old one is kept as it was, only retired: a typo is not a wrong number.
    expect(c.telefonos[1]).toMatchObject({
      id: viejo.id,
      numero: '•••• 5591',
      valido: true,
      retirado: t.reloj.ahora().toISOString(),
    });
    expect(c.historial[0]).toMatchObject({
      cambio: 'correccion',
      contactoId: viejo.id,
      motivo: 'Se capturó con dos dígitos invertidos',
      antes: { id: viejo.id, numero: '•••• 5591', retirado: null },
      despues: { id: nuevo.id, numero: '•••• 5519', retirado: null },
    });
    const [fila] = await bitacora(persona, 'contacto.telefono_corregido');
    expect(fila?.detalle).toMatchObject({
      antes: { numero: '6622145591' },
      despues: { numero: '6622145519' },
      motivo: 'Se capturó con dos dígitos invertidos',
    });

    // The ficha and the search see only the current number.
    const ficha = (await pedir('gestor', 'GET', `/api/personas/${persona}/ficha`)).json();
    expect(ficha.telefonos.map((x: { numero: string }) => x.numero)).toEqual(['•••• 5519']);
    const viejoEnBusqueda = (await pedir('gestor', 'GET', '/api/buscar?q=6622145591')).json();
    expect(viejoEnBusqueda.resultados.map((x: { personaId: number }) => x.personaId)).not.toContain(
      persona,
    );

    // A retired phone is not changed any more: it is added again instead.
    const otraVez = await pedir('gestor', 'PATCH', `/api/telefonos/${viejo.id}`, {
      valido: false,
      motivo: 'prueba',
    });
    expect(otraVez.statusCode).toBe(409);
    const vuelve = await agregarTelefono(persona, { numero: '662 214 5591', tipo: 'casa' });
    expect(vuelve).toMatchObject({ id: viejo.id, tipo: 'casa', retirado: null });
    const despues = await contactos(persona);
    expect(despues.historial[0]).toMatchObject({
      cambio: 'alta',
      contactoId: viejo.id,
      antes: { tipo: 'movil', retirado: expect.any(String) },
      despues: { tipo: 'casa', retirado: null },
    });
  });

  it('se marca equivocado y vuelve a válido; el consentimiento se da y se retira; cada cambio con su fila', async () => {
    const persona = await deudora();
    const tel = await agregarTelefono(persona, { numero: '6441234567' });
    const equivocado = await pedir('gestor', 'PATCH', `/api/telefonos/${tel.id}`, {
      valido: false,
      motivo: 'Contesta otra persona: número equivocado',
    });
    expect(equivocado.statusCode).toBe(200);
    expect(equivocado.json()).toMatchObject({
      telefono: { id: tel.id, valido: false, retirado: null },
      cambios: ['invalido'],
    });

    const dos = await pedir('coordinador', 'PATCH', `/api/telefonos/${tel.id}`, {
      valido: true,
      consentimiento: true,
      motivo: 'La acreditada confirmó el número y acepta mensajes',
    });
    expect(dos.json()).toMatchObject({
      telefono: { valido: true, consentimiento: true },
      cambios: ['valido', 'consentimiento'],
    });
    const sinConsentimiento = await pedir('gestor', 'PATCH', `/api/telefonos/${tel.id}`, {
      consentimiento: false,
      motivo: 'Pidió no recibir mensajes',
    });
    expect(sinConsentimiento.json().telefono.consentimiento).toBe(false);

    const c = await contactos(persona);
    expect(c.historial.map((h: { cambio: string }) => h.cambio)).toEqual([
      'consentimiento',
      'consentimiento',
      'valido',
      'invalido',
      'alta',
    ]);
    expect(c.historial[1]).toMatchObject({
      antes: { valido: true, consentimiento: false },
      despues: { valido: true, consentimiento: true },
      registradoPor: { nombre: 'Martín Ibarra Núñez' },
    });
    expect(c.historial[3]).toMatchObject({
      antes: { valido: true },
      despues: { valido: false },
      motivo: 'Contesta otra persona: número equivocado',
    });
    expect(await bitacora(persona, 'contacto.telefono_marcado_invalido')).toHaveLength(1);
    expect(await bitacora(persona, 'contacto.telefono_marcado_valido')).toHaveLength(1);
    expect(await bitacora(persona, 'contacto.telefono_consentimiento')).toHaveLength(2);

    // Retired with a reason: listed, no longer in the ficha.
    const retiro = await pedir('gestor', 'PATCH', `/api/telefonos/${tel.id}`, {
      retirar: true,
      motivo: 'Ya no es de la acreditada',
    });
    expect(retiro.json()).toMatchObject({ telefono: { retirado: expect.any(String) } });
    expect((await contactos(persona)).telefonos[0].retirado).not.toBeNull();
    const ficha = (await pedir('gestor', 'GET', `/api/personas/${persona}/ficha`)).json();
    expect(ficha.telefonos).toEqual([]);
    expect(await bitacora(persona, 'contacto.telefono_retirado')).toHaveLength(1);
  });

  it('agregar un número que ya tiene, vigente, no falla: actualiza esa fila', async () => {
    const persona = await deudora();
    const tel = await agregarTelefono(persona, { numero: '6621112233' });
    const r = await pedir('gestor', 'POST', `/api/personas/${persona}/telefonos`, {
      numero: '(662) 111-2233',
      tipo: 'movil',
      consentimiento: true,
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().telefono).toMatchObject({ id: tel.id, consentimiento: true });
    const c = await contactos(persona);
    expect(c.telefonos).toHaveLength(1);
    expect(c.historial.map((h: { cambio: string }) => h.cambio)).toEqual([
      'consentimiento',
      'alta',
    ]);
  });
});

describe('zona horaria', () => {
  it('se deriva de la lada sin domicilio, del estado del domicilio cuando lo hay, y se elige a mano en el extranjero', async () => {
    const persona = await deudora();
    const tijuana = await agregarTelefono(persona, { numero: '664 123 4567' });
    expect(tijuana).toMatchObject({ zonaHoraria: 'America/Tijuana', zonaHorariaAMano: false });
    const fuera = await agregarTelefono(persona, {
      numero: '602 555 0142',
      zonaHoraria: 'America/Phoenix',
    });
    expect(fuera).toMatchObject({ zonaHoraria: 'America/Phoenix', zonaHorariaAMano: true });

    const dom = await pedir('gestor', 'POST', `/api/personas/${persona}/domicilios`, {
      calle: 'Av. Tulum',
      numero: '15',
      colonia: 'Centro',
      codigoPostal: '77500',
      municipio: 'Benito Juárez',
      estado: 'Quintana Roo',
    });
    expect(dom.statusCode, dom.body).toBe(201);
    expect(dom.json().domicilio).toMatchObject({
      zonaHoraria: 'America/Cancun',
      zonaHorariaAMano: false,
      vigente: true,
    });

    // Now she lives in Quintana Roo: her phones are timed there, except the one chosen by hand.
    const c = await contactos(persona);
    const zonas = Object.fromEntries(
      c.telefonos.map((x: { numero: string; zonaHoraria: string }) => [x.numero, x.zonaHoraria]),
    );
    expect(zonas).toEqual({ '•••• 4567': 'America/Cancun', '•••• 0142': 'America/Phoenix' });

    // Back to derived: the zone chosen by hand is removed, with its history row.
    const derivada = await pedir('gestor', 'PATCH', `/api/telefonos/${fuera.id}`, {
      zonaHoraria: null,
      motivo: 'Regresó a México',
    });
    expect(derivada.json()).toMatchObject({
      telefono: { zonaHoraria: 'America/Cancun', zonaHorariaAMano: false },
      cambios: ['zona_horaria'],
    });
    expect((await contactos(persona)).historial[0]).toMatchObject({
      cambio: 'zona_horaria',
      antes: { zonaHoraria: 'America/Phoenix' },
      despues: { zonaHoraria: null },
    });
    expect(await bitacora(persona, 'contacto.telefono_zona_horaria')).toHaveLength(1);
  });

  it('un domicilio en el extranjero necesita su zona elegida a mano', async () => {
    const persona = await deudora();
    const antes = await huella(persona);
    const sinZona = await pedir('gestor', 'POST', `/api/personas/${persona}/domicilios`, {
      calle: 'N 7th St',
      numero: '1200',
      municipio: 'Phoenix',
      estado: 'Arizona',
    });
    expect(sinZona.statusCode).toBe(400);
    expect(sinZona.json().error).toMatchObject({ codigo: 'entrada_invalida', campo: 'estado' });
    expect(sinZona.json().error.mensaje).toMatch(/Arizona.*zona horaria/);
    expect(await huella(persona)).toEqual(antes);

    const conZona = await pedir('gestor', 'POST', `/api/personas/${persona}/domicilios`, {
      calle: 'N 7th St',
      numero: '1200',
      municipio: 'Phoenix',
      estado: 'Arizona',
      zonaHoraria: 'America/Phoenix',
    });
    expect(conZona.statusCode).toBe(201);
    expect(conZona.json().domicilio).toMatchObject({
      zonaHoraria: 'America/Phoenix',
      zonaHorariaAMano: true,
      codigoPostal: null,
      colonia: null,
    });
  });
});

describe('domicilios y correos', () => {
  it('corregir un domicilio lo retira (vigente false) y agrega el corregido; el estado por omisión es Sonora', async () => {
    const persona = await deudora();
    const alta = await pedir('gestor', 'POST', `/api/personas/${persona}/domicilios`, {
      calle: 'Blvd. Kino',
      numero: '10',
      colonia: 'Pitic',
      codigoPostal: '83150',
      municipio: 'Hermosillo',
    });
    expect(alta.statusCode, alta.body).toBe(201);
    const viejo = alta.json().domicilio;
    expect(viejo).toMatchObject({ estado: 'Sonora', zonaHoraria: 'America/Hermosillo' });

    const r = await pedir('gestor', 'PATCH', `/api/domicilios/${viejo.id}`, {
      numero: '1010',
      motivo: 'El número exterior estaba incompleto',
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({
      domicilio: { calle: 'Blvd. Kino', numero: '1010', colonia: 'Pitic', vigente: true },
      cambios: ['correccion'],
    });
    const c = await contactos(persona);
    expect(c.domicilios).toHaveLength(2);
    expect(c.domicilios[1]).toMatchObject({
      id: viejo.id,
      numero: '10',
      vigente: false,
      retirado: expect.any(String),
    });
    expect(c.historial[0]).toMatchObject({
      tipo: 'domicilio',
      cambio: 'correccion',
      antes: { numero: '10', vigente: true },
      despues: { numero: '1010', vigente: true },
    });
    const ficha = (await pedir('gestor', 'GET', `/api/personas/${persona}/ficha`)).json();
    expect(ficha.domicilios).toEqual([
      expect.objectContaining({ texto: expect.stringMatching(/1010/) }),
    ]);
    expect(await bitacora(persona, 'contacto.domicilio_corregido')).toHaveLength(1);
  });

  it('un correo se guarda en minúsculas, se corrige conservando el anterior y se marca inválido', async () => {
    const persona = await deudora();
    const alta = await pedir('gestor', 'POST', `/api/personas/${persona}/correos`, {
      correo: ' Jose.Nunez@Ejemplo.MX ',
      consentimiento: true,
    });
    expect(alta.statusCode, alta.body).toBe(201);
    const viejo = alta.json().correo;
    expect(viejo).toMatchObject({ correo: 'j•••@ejemplo.mx', consentimiento: true });
    expect(await guardados(persona, 'correos')).toEqual(['jose.nunez@ejemplo.mx']);

    const correccion = await pedir('gestor', 'PATCH', `/api/correos/${viejo.id}`, {
      correo: 'jose.nunez@ejemplo.com.mx',
      motivo: 'Faltaba .com en el dominio',
    });
    expect(correccion.statusCode, correccion.body).toBe(200);
    const nuevo = correccion.json().correo;
    expect(nuevo).toMatchObject({ correo: 'j•••@ejemplo.com.mx', consentimiento: true });
    expect(await guardados(persona, 'correos')).toEqual([
      'jose.nunez@ejemplo.mx',
      'jose.nunez@ejemplo.com.mx',
    ]);

    const invalido = await pedir('gestor', 'PATCH', `/api/correos/${nuevo.id}`, {
      valido: false,
      motivo: 'Rebota',
    });
    expect(invalido.json().cambios).toEqual(['invalido']);
    const c = await contactos(persona);
    expect(c.correos).toEqual([
      expect.objectContaining({ id: nuevo.id, valido: false, retirado: null }),
      expect.objectContaining({
        id: viejo.id,
        correo: 'j•••@ejemplo.mx',
        retirado: expect.any(String),
      }),
    ]);
    expect(c.historial.map((h: { cambio: string }) => h.cambio)).toEqual([
      'invalido',
      'correccion',
      'alta',
    ]);
    expect(await bitacora(persona, 'contacto.correo_corregido')).toHaveLength(1);
  });
});

describe('entrada inválida: 400 con el campo en español, y nada cambia', () => {
  let persona: number;
  let telefonoId: number;
  let domicilioId: number;
  beforeAll(async () => {
    persona = await deudora();
    telefonoId = (await agregarTelefono(persona, { numero: '6629998877' })).id;
    domicilioId = (
      await pedir('gestor', 'POST', `/api/personas/${persona}/domicilios`, {
        calle: 'Reforma',
        municipio: 'Hermosillo',
      })
    ).json().domicilio.id;
  });

  it.each([
    ['POST', 'telefonos', { numero: '662 214 559', tipo: 'movil', consentimiento: true }, 'numero'],
    [
      'POST',
      'telefonos',
      { numero: '+1 520 555 0100', tipo: 'movil', consentimiento: true },
      'numero',
    ],
    [
      'POST',
      'telefonos',
      { numero: 'seis seis dos', tipo: 'movil', consentimiento: true },
      'numero',
    ],
    ['POST', 'telefonos', { numero: '6622145591', tipo: 'fax', consentimiento: true }, 'tipo'],
    ['POST', 'telefonos', { numero: '6622145591', tipo: 'movil' }, 'consentimiento'],
    [
      'POST',
      'telefonos',
      { numero: '6622145591', tipo: 'movil', consentimiento: true, zonaHoraria: 'Marte/Olimpo' },
      'zonaHoraria',
    ],
    ['POST', 'correos', { correo: 'jose.nunez@', consentimiento: true }, 'correo'],
    [
      'POST',
      'domicilios',
      { calle: 'Reforma', municipio: 'Hermosillo', codigoPostal: '8300' },
      'codigoPostal',
    ],
    ['POST', 'domicilios', { calle: ' ', municipio: 'Hermosillo' }, 'calle'],
    ['POST', 'domicilios', { calle: 'Reforma' }, 'municipio'],
  ])('%s %s %j → campo %s', async (metodo, que, cuerpo, campo) => {
    const antes = await huella(persona);
    const r = await pedir('gestor', metodo, `/api/personas/${persona}/${que}`, cuerpo);
    expect(r.statusCode).toBe(400);
    expect(r.json().error.campo).toBe(campo);
    expect(r.json().error.mensaje).toContain(`«${campo}»`);
    expect(await huella(persona)).toEqual(antes);
  });

  it('los cambios: un número mal escrito, sin motivo, sin nada que cambiar, corrección y retiro a la vez', async () => {
    const casos: Array<[string, Record<string, unknown>, string | undefined, RegExp]> = [
      [`/api/telefonos/${telefonoId}`, { numero: '12345', motivo: 'x' }, 'numero', /10 dígitos/],
      [`/api/telefonos/${telefonoId}`, { valido: false }, 'motivo', /Falta el campo «motivo»/],
      [`/api/telefonos/${telefonoId}`, { motivo: 'nada' }, undefined, /indica qué cambiar/],
      [
        `/api/telefonos/${telefonoId}`,
        { numero: '6629998878', retirar: true, motivo: 'x' },
        'retirar',
        /no se combina/,
      ],
      [`/api/telefonos/${telefonoId}`, { valido: 'no', motivo: 'x' }, 'valido', /true o false/],
      [
        `/api/domicilios/${domicilioId}`,
        { codigoPostal: 'ABCDE', motivo: 'x' },
        'codigoPostal',
        /5 dígitos/,
      ],
    ];
    for (const [url, cuerpo, campo, mensaje] of casos) {
      const antes = await huella(persona);
      const r = await pedir('gestor', 'PATCH', url, cuerpo);
      expect(r.statusCode, JSON.stringify(cuerpo)).toBe(400);
      expect(r.json().error.campo).toBe(campo);
      expect(r.json().error.mensaje).toMatch(mensaje);
      expect(await huella(persona)).toEqual(antes);
    }
  });
});

describe('alcance', () => {
  let hermosillo: number;
  let telefonoId: number;
  let correoId: number;
  let domicilioId: number;
  beforeAll(async () => {
    hermosillo = await deudora('HMO');
    telefonoId = (await agregarTelefono(hermosillo, { numero: '6623334455' })).id;
    correoId = (
      await pedir('gestor', 'POST', `/api/personas/${hermosillo}/correos`, {
        correo: 'deudora@ejemplo.mx',
        consentimiento: false,
      })
    ).json().correo.id;
    domicilioId = (
      await pedir('gestor', 'POST', `/api/personas/${hermosillo}/domicilios`, {
        calle: 'Reforma',
        municipio: 'Hermosillo',
      })
    ).json().domicilio.id;
  });

  it('un gestor de Nogales no ve ni toca los contactos de una deudora de Hermosillo (403), y nada cambia', async () => {
    const antes = await huella(hermosillo);
    const intentos: Array<[string, string, unknown]> = [
      ['GET', `/api/personas/${hermosillo}/contactos`, undefined],
      [
        'POST',
        `/api/personas/${hermosillo}/telefonos`,
        { numero: '6311234567', tipo: 'movil', consentimiento: true },
      ],
      ['PATCH', `/api/telefonos/${telefonoId}`, { valido: false, motivo: 'Número equivocado' }],
      [
        'POST',
        `/api/personas/${hermosillo}/correos`,
        { correo: 'x@ejemplo.mx', consentimiento: true },
      ],
      ['PATCH', `/api/correos/${correoId}`, { retirar: true, motivo: 'Ya no lo usa' }],
      [
        'POST',
        `/api/personas/${hermosillo}/domicilios`,
        { calle: 'Obregón', municipio: 'Nogales' },
      ],
      ['PATCH', `/api/domicilios/${domicilioId}`, { calle: 'Obregón', motivo: 'Se mudó' }],
    ];
    for (const [metodo, url, cuerpo] of intentos) {
      const r = await pedir('gestor.nogales', metodo, url, cuerpo);
      expect(r.statusCode, `${metodo} ${url}`).toBe(403);
      expect(r.json().error.codigo).toBe('prohibido');
    }
    expect(await huella(hermosillo)).toEqual(antes);
  });

  it('el abogado externo no usa nada de esto; contabilidad consulta pero no cambia', async () => {
    const antes = await huella(hermosillo);
    for (const [metodo, url, cuerpo] of [
      ['GET', `/api/personas/${hermosillo}/contactos`, undefined],
      ['PATCH', `/api/telefonos/${telefonoId}`, { valido: false, motivo: 'x' }],
    ] as const) {
      const r = await pedir('abogado', metodo, url, cuerpo);
      expect(r.statusCode).toBe(403);
    }
    const lectura = await pedir('contabilidad', 'GET', `/api/personas/${hermosillo}/contactos`);
    expect(lectura.statusCode).toBe(200);
    const cambio = await pedir('contabilidad', 'PATCH', `/api/telefonos/${telefonoId}`, {
      valido: false,
      motivo: 'x',
    });
    expect(cambio.statusCode).toBe(403);
    expect(await huella(hermosillo)).toEqual(antes);
  });

  it('el abogado externo lee los domicilios y teléfonos de una cuenta turnada a su despacho, no los cambia', async () => {
    const despacho = await despachoDelAbogado(t.base.db, 'Despacho de contactos');
    s.abogado = await t.entrar('abogado');
    const credito = await guardarCaso(t.base.db, caso, { despachoId: despacho.id });
    const { persona_id } = await t.base.db
      .selectFrom('participantes_credito')
      .select('persona_id')
      .where('credito_id', '=', credito.id)
      .executeTakeFirstOrThrow();
    await agregarTelefono(persona_id, { numero: '6621112233' });
    const leidos = await contactos(persona_id, 'abogado');
    // Masked in lists like everyone's (issue 13); the whole number is a logged click away.
    expect(leidos.telefonos).toHaveLength(1);
    expect(JSON.stringify(leidos.telefonos)).toContain('2233');
    const r = await pedir('abogado', 'POST', `/api/personas/${persona_id}/telefonos`, {
      tipo: 'movil',
      numero: '6624445566',
      consentimiento: false,
    });
    expect(r.statusCode).toBe(403);
  });

  it('la consulta queda en la bitácora; una persona o un contacto que no existen dan 404', async () => {
    const persona = await deudora('NOG');
    await contactos(persona, 'gestor.nogales');
    expect(await bitacora(persona, 'contactos.consultar')).toEqual([
      expect.objectContaining({ actor_usuario: 'gestor.nogales' }),
    ]);
    expect((await pedir('admin', 'GET', '/api/personas/999999/contactos')).statusCode).toBe(404);
    const r = await pedir('admin', 'PATCH', '/api/telefonos/999999', {
      valido: false,
      motivo: 'x',
    });
    expect(r.statusCode).toBe(404);
  });
});
