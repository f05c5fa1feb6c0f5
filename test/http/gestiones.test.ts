import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppDePrueba, crearAppDePrueba, type Sesion } from '../soporte/app-de-prueba.ts';
import { casoPublicado, guardarCaso } from '../soporte/fabricas.ts';

const caso = casoPublicado('01-pago-parcial-con-atraso.json');
// 09:00 in Hermosillo (UTC−7 all year).
const NUEVE_DE_LA_MANANA = '2026-03-10T16:00:00Z';

let t: AppDePrueba;
const s: Record<string, Sesion> = {};
let n = 0;

interface Credito {
  id: number;
  acreditado: number;
}

async function idDeUsuario(usuario: string): Promise<number> {
  const u = await t.base.db
    .selectFrom('usuarios')
    .select('id')
    .where('usuario', '=', usuario)
    .executeTakeFirstOrThrow();
  return u.id;
}

/** A Hermosillo credit held by `gestor`, its acreditado and his phone(s). */
async function nuevoCredito(opciones: { despachoId?: number } = {}): Promise<Credito> {
  const c = await guardarCaso(t.base.db, caso, { oficina: 'HMO', ...opciones });
  await t.base.db
    .updateTable('creditos')
    .set({ gestor_id: await idDeUsuario('gestor') })
    .where('id', '=', c.id)
    .execute();
  const p = await t.base.db
    .selectFrom('participantes_credito')
    .select('persona_id')
    .where('credito_id', '=', c.id)
    .where('rol', '=', 'acreditado')
    .executeTakeFirstOrThrow();
  return { id: c.id, acreditado: p.persona_id };
}

async function nuevoTelefono(personaId: number, numero: string, consentimiento = false) {
  const r = await t.base.db
    .insertInto('telefonos')
    .values({ persona_id: personaId, numero, tipo: 'movil', consentimiento })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

async function nuevaPersona(nacimiento: string) {
  const r = await t.base.db
    .insertInto('personas')
    .values({
      nombres: 'Lucía',
      primer_apellido: 'Ochoa',
      segundo_apellido: null,
      fecha_nacimiento: nacimiento,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

const registrar = (creditoId: number, cuerpo: unknown, sesion: Sesion | undefined = s.gestor) =>
  t.pedir('POST', `/api/creditos/${creditoId}/gestiones`, { sesion, cuerpo });

const llamada = (personaId: number, telefonoId: number, extra: Record<string, unknown> = {}) => ({
  canal: 'llamada_saliente',
  personaId,
  telefonoId,
  resultado: 'no_contesta',
  duracionSegundos: 35,
  ...extra,
});

async function contar(tabla: 'gestiones' | 'promesas_pago', creditoId: number) {
  const r = await t.base.db
    .selectFrom(tabla)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('credito_id', '=', creditoId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

async function bitacora(accion: string, creditoId: number) {
  return t.base.db
    .selectFrom('bitacora')
    .select(['accion', 'detalle'])
    .where('accion', '=', accion)
    .where('objeto_id', '=', String(creditoId))
    .execute();
}

/** Sets the clock and signs everyone in again: a jump of hours ends idle sessions. */
async function fijar(instante: string) {
  t.reloj.fijar(instante);
  for (const u of ['gestor', 'gestor.nogales', 'coordinador', 'admin', 'abogado'])
    s[u] = await t.entrar(u);
}

beforeAll(async () => {
  t = await crearAppDePrueba();
  await fijar(NUEVE_DE_LA_MANANA);
  if (!(await t.base.db.selectFrom('despachos').select('id').executeTakeFirst())) {
    await t.base.db.insertInto('despachos').values({ nombre: 'Despacho de prueba' }).execute();
  }
});
afterAll(() => t.cerrar());

describe('registrar una gestión', () => {
  it('una llamada al acreditado en horario queda registrada con su teléfono, y en la bitácora', async () => {
    await fijar(NUEVE_DE_LA_MANANA);
    const c = await nuevoCredito();
    const tel = await nuevoTelefono(c.acreditado, '6622145591');
    const r = await registrar(
      c.id,
      llamada(c.acreditado, tel, {
        nota: 'Sonó ocho veces',
        proximaAccion: { tipo: 'llamar', fecha: '2026-03-12' },
      }),
    );
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({
      creditoId: c.id,
      canal: 'llamada_saliente',
      // The number as dialled is kept whole; lists show it masked.
      medio: '•••• 5591',
      resultado: { clave: 'no_contesta', contactoEfectivo: false },
      nota: 'Sonó ocho veces',
      proximaAccion: { tipo: 'llamar', fecha: '2026-03-12' },
      duracionSegundos: 35,
      inicio: '2026-03-10T16:00:00.000Z',
      registradoPor: { nombre: 'Sofía Valenzuela Peña' },
    });
    expect(await bitacora('gestion.registrada', c.id)).toHaveLength(1);
    const guardada = await t.base.db
      .selectFrom('gestiones')
      .select('medio')
      .where('credito_id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(guardada.medio).toBe('6622145591');
    const lista = await t.pedir('GET', `/api/creditos/${c.id}/gestiones`, {
      sesion: s.coordinador,
    });
    expect(lista.json().gestiones).toHaveLength(1);
  });

  it('fuera_de_horario: a las 22:30 de Hermosillo se rechaza, con la hora local en el mensaje; queda el rechazo en la bitácora y nada más', async () => {
    await fijar('2026-03-11T05:30:00Z');
    const c = await nuevoCredito();
    const tel = await nuevoTelefono(c.acreditado, '6622145592');
    const r = await registrar(c.id, llamada(c.acreditado, tel));
    expect(r.statusCode).toBe(422);
    expect(r.json().error.codigo).toBe('fuera_de_horario');
    expect(r.json().error.mensaje).toContain('22:30');
    expect(await contar('gestiones', c.id)).toBe(0);
    const rechazos = await bitacora('gestion.rechazada', c.id);
    expect(rechazos).toHaveLength(1);
    expect(rechazos[0]?.detalle).toMatchObject({ codigo: 'fuera_de_horario' });
  });

  it('fuera_de_horario usa la hora del contacto: 07:30 en Hermosillo son 06:30 en Tijuana antes del cambio de horario', async () => {
    await fijar(NUEVE_DE_LA_MANANA);
    const c = await nuevoCredito();
    const tijuana = await nuevoTelefono(c.acreditado, '6641234567');
    const hermosillo = await nuevoTelefono(c.acreditado, '6621234567');
    const inicio = '2026-03-05T14:30:00Z';
    const r = await registrar(c.id, llamada(c.acreditado, tijuana, { inicio }));
    expect(r.statusCode).toBe(422);
    expect(r.json().error.mensaje).toContain('06:30');
    expect(r.json().error.mensaje).toMatch(/Tijuana/);
    expect((await registrar(c.id, llamada(c.acreditado, hermosillo, { inicio }))).statusCode).toBe(
      201,
    );
  });

  it('una llamada entrante se registra siempre, aun de noche y de alguien que no está en el crédito', async () => {
    await fijar('2026-03-11T06:00:00Z');
    const c = await nuevoCredito();
    const r = await registrar(c.id, {
      canal: 'llamada_entrante',
      contactoNombre: 'Hermano del acreditado',
      resultado: 'recado_con_tercero',
      nota: 'Dice que le avisa',
    });
    expect(r.statusCode).toBe(201);
    expect(r.json().persona).toBeNull();
  });

  it('contacto_no_permitido: un tercero que no es acreditado ni aval, y un aval menor de edad', async () => {
    await fijar(NUEVE_DE_LA_MANANA);
    const c = await nuevoCredito();
    const tercero = await nuevaPersona('1980-05-05');
    const telTercero = await nuevoTelefono(tercero, '6623334455');
    const r = await registrar(c.id, llamada(tercero, telTercero));
    expect(r.statusCode).toBe(422);
    expect(r.json().error.codigo).toBe('contacto_no_permitido');

    const menor = await nuevaPersona('2010-01-01');
    await t.base.db
      .insertInto('participantes_credito')
      .values({ credito_id: c.id, persona_id: menor, rol: 'aval' })
      .execute();
    const telMenor = await nuevoTelefono(menor, '6623334466');
    const m = await registrar(c.id, llamada(menor, telMenor));
    expect(m.statusCode).toBe(422);
    expect(m.json().error).toMatchObject({
      codigo: 'contacto_no_permitido',
      mensaje: expect.stringMatching(/menor de edad/),
    });
    expect(await contar('gestiones', c.id)).toBe(0);
  });

  it('sin_consentimiento: un SMS a un número sin consentimiento se rechaza; con consentimiento pasa', async () => {
    await fijar(NUEVE_DE_LA_MANANA);
    const c = await nuevoCredito();
    const sin = await nuevoTelefono(c.acreditado, '6624445566');
    const con = await nuevoTelefono(c.acreditado, '6624445577', true);
    const sms = (telefonoId: number) => ({
      canal: 'sms',
      personaId: c.acreditado,
      telefonoId,
      resultado: 'enviado',
      nota: 'Recordatorio',
    });
    const r = await registrar(c.id, sms(sin));
    expect(r.statusCode).toBe(422);
    expect(r.json().error.codigo).toBe('sin_consentimiento');
    expect((await registrar(c.id, sms(con))).statusCode).toBe(201);
  });

  it('en_juridico: una cuenta turnada a un despacho no se contacta desde la oficina', async () => {
    await fijar(NUEVE_DE_LA_MANANA);
    const despacho = await t.base.db.selectFrom('despachos').select('id').executeTakeFirstOrThrow();
    const c = await nuevoCredito({ despachoId: despacho.id });
    const tel = await nuevoTelefono(c.acreditado, '6625556677');
    const r = await registrar(c.id, llamada(c.acreditado, tel), s.coordinador);
    expect(r.statusCode).toBe(422);
    expect(r.json().error.codigo).toBe('en_juridico');
  });

  it('limite_de_contactos: el cuarto intento saliente del día a la misma persona se rechaza; el parámetro lo cambia el administrador', async () => {
    await fijar(NUEVE_DE_LA_MANANA);
    const c = await nuevoCredito();
    const tel = await nuevoTelefono(c.acreditado, '6626667788');
    for (let i = 0; i < 3; i++)
      expect((await registrar(c.id, llamada(c.acreditado, tel))).statusCode).toBe(201);
    const cuarto = await registrar(c.id, llamada(c.acreditado, tel));
    expect(cuarto.statusCode).toBe(422);
    expect(cuarto.json().error).toMatchObject({
      codigo: 'limite_de_contactos',
      mensaje: expect.stringContaining('3'),
    });

    const actuales = (await t.pedir('GET', '/api/gestion/parametros', { sesion: s.gestor })).json();
    expect(actuales.intentosDiariosPorPersona).toBe(3);
    const cambio = await t.pedir('PUT', '/api/gestion/parametros', {
      sesion: s.admin,
      cuerpo: { ...actuales, intentosDiariosPorPersona: 4 },
    });
    expect(cambio.statusCode).toBe(200);
    expect((await registrar(c.id, llamada(c.acreditado, tel))).statusCode).toBe(201);
    await t.pedir('PUT', '/api/gestion/parametros', { sesion: s.admin, cuerpo: actuales });
    // The next day counts again from zero.
    await fijar('2026-03-11T16:00:00Z');
    expect((await registrar(c.id, llamada(c.acreditado, tel))).statusCode).toBe(201);
  });

  it('un gestor de Nogales no registra gestiones en un crédito de Hermosillo; el abogado externo tampoco', async () => {
    await fijar(NUEVE_DE_LA_MANANA);
    const c = await nuevoCredito();
    const tel = await nuevoTelefono(c.acreditado, '6627778899');
    expect(
      (await registrar(c.id, llamada(c.acreditado, tel), s['gestor.nogales'])).statusCode,
    ).toBe(403);
    expect((await registrar(c.id, llamada(c.acreditado, tel), s.abogado)).statusCode).toBe(403);
    expect(
      (await t.pedir('GET', `/api/creditos/${c.id}/gestiones`, { sesion: s['gestor.nogales'] }))
        .statusCode,
    ).toBe(403);
    expect(await contar('gestiones', c.id)).toBe(0);
  });

  it('una entrada mal formada se rechaza con 400 en español nombrando el campo, y no cambia nada', async () => {
    await fijar(NUEVE_DE_LA_MANANA);
    const c = await nuevoCredito();
    const tel = await nuevoTelefono(c.acreditado, '6628889900');
    const casos: Array<[unknown, string]> = [
      [llamada(c.acreditado, tel, { canal: 'paloma' }), 'canal'],
      [llamada(c.acreditado, tel, { sobra: 1 }), 'sobra'],
      [llamada(c.acreditado, tel, { inicio: 'ayer' }), 'inicio'],
      [llamada(c.acreditado, tel, { duracionSegundos: -3 }), 'duracionSegundos'],
      [
        llamada(c.acreditado, tel, { proximaAccion: { tipo: 'llamar', fecha: '2026-02-30' } }),
        'proximaAccion.fecha',
      ],
    ];
    for (const [cuerpo, campo] of casos) {
      const r = await registrar(c.id, cuerpo);
      expect(r.statusCode, campo).toBe(400);
      expect(r.json().error.campo).toBe(campo);
    }
    const reglas: Array<[unknown, string]> = [
      [llamada(c.acreditado, tel, { resultado: 'promesa_de_pago' }), 'promesa'],
      [llamada(c.acreditado, tel, { resultado: 'inventado' }), 'resultado'],
      [llamada(c.acreditado, tel, { inicio: '2026-03-10T18:00:00Z' }), 'inicio'],
      [
        {
          canal: 'visita_domiciliaria',
          personaId: c.acreditado,
          telefonoId: tel,
          resultado: 'no_contesta',
        },
        'telefonoId',
      ],
    ];
    for (const [cuerpo, campo] of reglas) {
      const r = await registrar(c.id, cuerpo);
      expect(r.statusCode, campo).toBe(422);
      expect(r.json().error).toMatchObject({ codigo: 'gestion_invalida', campo });
    }
    expect(await contar('gestiones', c.id)).toBe(0);
  });
});

describe('promesas de pago y cola de trabajo', () => {
  it('una promesa para hoy sube la cuenta; el pago la cumple al registrarse y el motivo desaparece', async () => {
    await fijar(NUEVE_DE_LA_MANANA);
    const c = await nuevoCredito();
    const tel = await nuevoTelefono(c.acreditado, '6621112233');
    const r = await registrar(
      c.id,
      llamada(c.acreditado, tel, {
        resultado: 'promesa_de_pago',
        promesa: { monto: '1200.00', fecha: '2026-03-10', toleranciaDias: 1 },
        proximaAccion: { tipo: 'esperar_pago', fecha: '2026-03-11' },
      }),
    );
    expect(r.statusCode).toBe(201);
    expect(r.json().promesa).toEqual({
      monto: '1200.00',
      fecha: '2026-03-10',
      toleranciaDias: 1,
      estado: 'pendiente',
    });

    const cola = async () =>
      (await t.pedir('GET', '/api/cola?limite=5000', { sesion: s.gestor })).json();
    const fila = (x: {
      cuentas: Array<{ creditoId: number; motivos: Array<{ clave: string }> }>;
    }) => x.cuentas.find((f) => f.creditoId === c.id);
    expect(fila(await cola())?.motivos.map((m) => m.clave)).toContain('promesa_hoy');

    // The debtor pays at the counter a few minutes later.
    t.reloj.avanzarMinutos(10);
    const pago = await t.pedir('POST', `/api/creditos/${c.id}/pagos`, {
      sesion: s.gestor,
      cuerpo: { monto: '1200.00', canal: 'caja', referencia: `CAJA-${n++}` },
      encabezados: { 'idempotency-key': `promesa-${Date.now()}-${n++}` },
    });
    expect(pago.statusCode).toBe(201);
    const promesa = await t.base.db
      .selectFrom('promesas_pago')
      .select(['estado', 'resuelta_el'])
      .where('credito_id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(promesa).toEqual({ estado: 'cumplida', resuelta_el: '2026-03-10' });
    expect(fila(await cola())?.motivos.map((m) => m.clave)).not.toContain('promesa_hoy');

    const historia = (
      await t.pedir('GET', `/api/creditos/${c.id}/historia`, { sesion: s.gestor })
    ).json();
    const tipos = historia.eventos.map((e: { tipo: string }) => e.tipo);
    expect(tipos).toEqual(expect.arrayContaining(['gestion', 'promesa', 'pago']));
    expect(historia.eventos[0].tipo).toBe('pago');
  });

  it('una promesa incumplida pone la cuenta hasta arriba de la cola, hasta que se registra otra gestión', async () => {
    await fijar(NUEVE_DE_LA_MANANA);
    const c = await nuevoCredito();
    const tel = await nuevoTelefono(c.acreditado, '6621112244');
    await registrar(
      c.id,
      llamada(c.acreditado, tel, {
        resultado: 'promesa_de_pago',
        promesa: { monto: '900.00', fecha: '2026-03-11', toleranciaDias: 0 },
      }),
    );
    await fijar('2026-03-13T16:00:00Z');
    const cola = (await t.pedir('GET', '/api/cola', { sesion: s.gestor })).json();
    expect(cola.cuentas[0]).toMatchObject({ creditoId: c.id });
    expect(cola.cuentas[0].motivos[0]).toEqual({
      clave: 'promesa_incumplida',
      texto: 'Promesa de pago incumplida',
    });
    expect(await registrar(c.id, llamada(c.acreditado, tel))).toMatchObject({ statusCode: 201 });
    const despues = (await t.pedir('GET', '/api/cola?limite=5000', { sesion: s.gestor })).json();
    const fila = despues.cuentas.find((f: { creditoId: number }) => f.creditoId === c.id);
    expect(fila.motivos.map((m: { clave: string }) => m.clave)).not.toContain('promesa_incumplida');
    // The day's progress counts the account once, however many gestiones it gets today.
    expect(despues.gestionadasHoy).toBe(cola.gestionadasHoy + 1);
    expect(await registrar(c.id, llamada(c.acreditado, tel))).toMatchObject({ statusCode: 201 });
    const otra = (await t.pedir('GET', '/api/cola', { sesion: s.gestor })).json();
    expect(otra.gestionadasHoy).toBe(despues.gestionadasHoy);
  });

  it('siguiente cuenta: quien la toma la tiene en exclusiva; el suplente que cubre la misma cartera recibe otra', async () => {
    await fijar(NUEVE_DE_LA_MANANA);
    await nuevoCredito();
    await nuevoCredito();
    const gestor = await idDeUsuario('gestor');
    const coordinador = await idDeUsuario('coordinador');
    await t.base.db
      .insertInto('suplencias')
      .values({
        titular_id: gestor,
        suplente_id: coordinador,
        desde: '2026-03-10',
        hasta: '2026-03-10',
        motivo: 'Vacaciones',
      })
      .execute();
    const a = (await t.pedir('POST', '/api/cola/siguiente', { sesion: s.gestor })).json();
    const b = (await t.pedir('POST', '/api/cola/siguiente', { sesion: s.coordinador })).json();
    expect(a.cuenta).not.toBeNull();
    expect(b.cuenta).not.toBeNull();
    expect(b.cuenta.creditoId).not.toBe(a.cuenta.creditoId);
    expect(a.hasta).toBe('2026-03-10T16:10:00.000Z');
    const vistaDelCoordinador = (
      await t.pedir('GET', '/api/cola?limite=5000', { sesion: s.coordinador })
    ).json();
    const tomada = vistaDelCoordinador.cuentas.find(
      (f: { creditoId: number }) => f.creditoId === a.cuenta.creditoId,
    );
    expect(tomada.tomadaPor).toEqual({ id: gestor, nombre: 'Sofía Valenzuela Peña' });
    // Ten minutes later the take has lapsed.
    await fijar('2026-03-10T16:11:00Z');
    const libre = (await t.pedir('GET', '/api/cola?limite=5000', { sesion: s.coordinador })).json();
    expect(
      libre.cuentas.find((f: { creditoId: number }) => f.creditoId === a.cuenta.creditoId)
        .tomadaPor,
    ).toBeNull();
  });

  it('la cola del coordinador puede ser la de un gestor de su oficina, no la de otra oficina', async () => {
    const nogales = await idDeUsuario('gestor.nogales');
    const gestor = await idDeUsuario('gestor');
    expect(
      (await t.pedir('GET', `/api/cola?gestorId=${gestor}`, { sesion: s.coordinador })).statusCode,
    ).toBe(200);
    expect(
      (await t.pedir('GET', `/api/cola?gestorId=${nogales}`, { sesion: s.coordinador })).statusCode,
    ).toBe(403);
    expect(
      (
        await t.pedir('GET', `/api/cola?gestorId=${await idDeUsuario('coordinador')}`, {
          sesion: s.gestor,
        })
      ).statusCode,
    ).toBe(403);
    const huerfanas = await t.pedir('GET', '/api/cola/huerfanas', { sesion: s.gestor });
    expect(huerfanas.statusCode).toBe(200);
    expect(
      huerfanas.json().cuentas.every((c: { proximaAccion: unknown }) => c.proximaAccion === null),
    ).toBe(true);
  });
});

describe('catálogo de resultados', () => {
  it('el administrador agrega y desactiva resultados; uno inactivo ya no se puede usar', async () => {
    await fijar(NUEVE_DE_LA_MANANA);
    const creado = await t.pedir('POST', '/api/resultados-gestion', {
      sesion: s.admin,
      cuerpo: {
        clave: 'cita_agendada',
        nombre: 'Cita agendada en oficina',
        contactoEfectivo: true,
      },
    });
    expect(creado.statusCode).toBe(201);
    const c = await nuevoCredito();
    const tel = await nuevoTelefono(c.acreditado, '6620001122');
    expect(
      (await registrar(c.id, llamada(c.acreditado, tel, { resultado: 'cita_agendada' })))
        .statusCode,
    ).toBe(201);
    const baja = await t.pedir('PATCH', `/api/resultados-gestion/${creado.json().id}`, {
      sesion: s.admin,
      cuerpo: { activo: false },
    });
    expect(baja.json().activo).toBe(false);
    const r = await registrar(c.id, llamada(c.acreditado, tel, { resultado: 'cita_agendada' }));
    expect(r.statusCode).toBe(422);
    expect(r.json().error.campo).toBe('resultado');
    const lista = (await t.pedir('GET', '/api/resultados-gestion', { sesion: s.gestor })).json();
    expect(lista.resultados.map((x: { clave: string }) => x.clave)).not.toContain('cita_agendada');
    expect(
      (
        await t.pedir('POST', '/api/resultados-gestion', {
          sesion: s.admin,
          cuerpo: { clave: 'cita_agendada', nombre: 'Otra', contactoEfectivo: true },
        })
      ).statusCode,
    ).toBe(409);
  });
});
