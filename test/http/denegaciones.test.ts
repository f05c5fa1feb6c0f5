import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verificarBitacora } from '../../src/modules/bitacora/verificar-bitacora.ts';
import { type AppDePrueba, crearAppDePrueba, type Sesion } from '../soporte/app-de-prueba.ts';
import { casoPublicado, guardarCaso } from '../soporte/fabricas.ts';

const caso = casoPublicado('01-pago-parcial-con-atraso.json');

let t: AppDePrueba;
let hermosillo: number[];
let nogales: Sesion;
let obregon: Sesion;

beforeAll(async () => {
  t = await crearAppDePrueba();
  hermosillo = [];
  for (let i = 0; i < 50; i++) hermosillo.push((await guardarCaso(t.base.db, caso)).id);
  nogales = await t.entrar('gestor.nogales');
  obregon = await t.entrar('gestor.obregon');
}, 120_000);
afterAll(() => t.cerrar());

const denegacionesDe = (usuario: string) =>
  t.base.db
    .selectFrom('denegaciones')
    .selectAll()
    .where('usuario', '=', usuario)
    .orderBy('id')
    .execute();

const bitacoraDe = (usuario: string) =>
  t.base.db
    .selectFrom('bitacora')
    .select(['accion', 'objeto_tipo', 'objeto_id', 'ip', 'detalle'])
    .where('actor_usuario', '=', usuario)
    .where('accion', '=', 'acceso.denegado')
    .orderBy('id')
    .execute();

/** `n` calls, `enParalelo` at a time, as a client hammering the API would send them. */
async function enRafaga(n: number, enParalelo: number, pedir: (i: number) => Promise<unknown>) {
  let siguiente = 0;
  await Promise.all(
    Array.from({ length: enParalelo }, async () => {
      while (siguiente < n) await pedir(siguiente++);
    }),
  );
}

describe('solicitudes rechazadas', () => {
  it('un gestor de Nogales que pide 50 créditos de Hermosillo queda registrado: quién, qué ruta, qué créditos, cuándo y desde dónde, aunque cada solicitud falló', async () => {
    for (const id of hermosillo) {
      const r = await t.pedir('GET', `/api/creditos/${id}`, { sesion: nogales });
      expect(r.statusCode).toBe(403);
      expect(r.json().error.mensaje).toBe('Este crédito no está en tu cartera.');
    }

    const filas = await denegacionesDe('gestor.nogales');
    expect(filas).toHaveLength(50);
    expect(filas.map((f) => Number(f.objeto_id))).toEqual(hermosillo);
    for (const f of filas) {
      expect(f).toMatchObject({
        ruta: 'GET /api/creditos/:id',
        objeto_tipo: 'credito',
        ip: '127.0.0.1',
        motivo: 'Este crédito no está en tu cartera.',
        veces: 1,
      });
      expect(f.primera).toEqual(t.reloj.ahora());
    }

    // The sealed chain names him and each credit too.
    const enBitacora = await bitacoraDe('gestor.nogales');
    expect(enBitacora.map((b) => Number(b.objeto_id))).toEqual(hermosillo);
    expect(enBitacora[0]).toMatchObject({
      objeto_tipo: 'credito',
      ip: '127.0.0.1',
      detalle: { ruta: 'GET /api/creditos/:id', motivo: 'Este crédito no está en tu cartera.' },
    });
  });

  it('el abogado externo que pide una cuenta que no tiene turnada recibe un 404, y aun así queda registrado', async () => {
    const abogado = await t.entrar('abogado');
    const [id] = hermosillo;
    const r = await t.pedir('GET', `/api/creditos/${id}`, { sesion: abogado });
    // For him it does not exist: the answer is the same as for an id that never existed.
    expect(r.statusCode).toBe(404);
    expect(r.json().error).toMatchObject({
      codigo: 'no_encontrado',
      mensaje: 'El crédito no existe o no está turnado a tu despacho.',
    });
    expect(await denegacionesDe('abogado')).toEqual([
      expect.objectContaining({
        ruta: 'GET /api/creditos/:id',
        objeto_tipo: 'credito',
        objeto_id: String(id),
        motivo: 'El crédito no existe o no está turnado a tu despacho.',
      }),
    ]);
    // An id that does not exist at all is a plain 404, not a denial.
    expect((await t.pedir('GET', '/api/creditos/999999', { sesion: abogado })).statusCode).toBe(
      404,
    );
    expect(await denegacionesDe('abogado')).toHaveLength(1);
  });

  it('también la negativa de la política de la ruta, antes de llegar al caso de uso', async () => {
    const r = await t.pedir('PATCH', '/api/usuarios/7', { sesion: obregon, cuerpo: {} });
    expect(r.statusCode).toBe(403);
    expect(await denegacionesDe('gestor.obregon')).toEqual([
      expect.objectContaining({
        ruta: 'PATCH /api/usuarios/:id',
        objeto_tipo: 'usuario',
        objeto_id: '7',
        motivo: 'No tienes permiso para esta operación.',
      }),
    ]);
  });

  it('y la de una solicitud de otro origen, aunque no traiga sesión', async () => {
    const r = await t.pedir('POST', '/api/turnos', {
      cuerpo: {},
      encabezados: { origin: 'https://malicioso.example' },
    });
    expect(r.statusCode).toBe(403);
    const filas = await t.base.db
      .selectFrom('denegaciones')
      .selectAll()
      .where('ruta', '=', 'POST /api/turnos')
      .execute();
    expect(filas).toEqual([
      expect.objectContaining({
        usuario: null,
        usuario_id: null,
        ip: '127.0.0.1',
        objeto_id: null,
        motivo: 'Solicitud rechazada: su origen no es Recupera.',
      }),
    ]);
  });

  it('una inundación de 2,000 rechazos cuesta pocas filas, cuenta cada uno y la cadena sigue verificando', async () => {
    const [blanco] = hermosillo;
    const filasAntes = await t.base.db
      .selectFrom('bitacora')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    // Four minutes of 500 refusals each, half at the route level and half at the object level.
    for (let minuto = 0; minuto < 4; minuto++) {
      await enRafaga(500, 20, async (i) => {
        const r =
          i % 2 === 0
            ? await t.pedir('GET', `/api/creditos/${blanco}/movimientos`, { sesion: obregon })
            : await t.pedir('GET', '/api/usuarios', { sesion: obregon });
        if (r.statusCode !== 403) throw new Error(`esperaba 403, llegó ${r.statusCode}`);
      });
      t.reloj.avanzarMinutos(1);
    }

    const filas = (await denegacionesDe('gestor.obregon')).filter(
      (f) => f.ruta !== 'PATCH /api/usuarios/:id',
    );
    expect(filas).toHaveLength(8);
    expect(filas.reduce((suma, f) => suma + f.veces, 0)).toBe(2_000);
    expect(new Set(filas.map((f) => f.ruta))).toEqual(
      new Set(['GET /api/creditos/:id/movimientos', 'GET /api/usuarios']),
    );
    const filasDespues = await t.base.db
      .selectFrom('bitacora')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(filasDespues.n) - Number(filasAntes.n)).toBe(8);
    expect(await verificarBitacora(t.base.db)).toMatchObject({ valida: true });
  }, 120_000);

  it('registrar la negativa nunca convierte el 403 en un 500, ni con un :id imposible de guardar', async () => {
    // A NUL in the :id, refused by the route's policy before any validation.
    const raro = await t.pedir('PUT', '/api/usuarios/%00%01x/contrasena', {
      sesion: obregon,
      cuerpo: {},
    });
    expect(raro.statusCode).toBe(403);
    expect(await denegacionesDe('gestor.obregon')).toContainEqual(
      expect.objectContaining({ objeto_id: '\ufffd\ufffdx' }),
    );

    // With the table unavailable the record fails; the answer is still the 403.
    await sql`ALTER TABLE denegaciones RENAME TO denegaciones_fuera`.execute(t.base.db);
    try {
      const r = await t.pedir('GET', `/api/creditos/${hermosillo[1]}`, { sesion: nogales });
      expect(r.statusCode).toBe(403);
      expect(r.json().error.codigo).toBe('prohibido');
    } finally {
      await sql`ALTER TABLE denegaciones_fuera RENAME TO denegaciones`.execute(t.base.db);
    }
  });
});
