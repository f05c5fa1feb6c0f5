import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registrarEnBitacora } from '../../src/modules/bitacora/registrar-en-bitacora.ts';
import { type AppDePrueba, crearAppDePrueba, type Sesion } from '../soporte/app-de-prueba.ts';
import { casoPublicado, guardarCaso } from '../soporte/fabricas.ts';

const caso = casoPublicado('01-pago-parcial-con-atraso.json');

interface Fila {
  id: number;
  instante: string;
  usuario: string | null;
  accion: string;
  objetoTipo: string | null;
  objetoId: string | null;
  ip: string | null;
  detalle: Record<string, unknown>;
}
interface Pagina {
  pagina: number;
  porPagina: number;
  hayMas: boolean;
  filas: Fila[];
}

let t: AppDePrueba;
let a: number;
let b: number;
let personaA: number;
let admin: Sesion;

const entrarYPedir = async (usuario: string, url: string) =>
  t.pedir('GET', url, { sesion: await t.entrar(usuario) });

beforeAll(async () => {
  t = await crearAppDePrueba();
  a = (await guardarCaso(t.base.db, caso, { nombres: 'Ana Lucía' })).id;
  b = (await guardarCaso(t.base.db, caso, { nombres: 'Brenda' })).id;
  personaA = (
    await t.base.db
      .selectFrom('participantes_credito')
      .select('persona_id')
      .where('credito_id', '=', a)
      .executeTakeFirstOrThrow()
  ).persona_id;

  // Tuesday 10 March, 09:00 in Hermosillo: the gestor looks at A and its debtor; a gestor of
  // Nogales tries A and a user's record, and both are refused.
  expect((await entrarYPedir('gestor', `/api/creditos/${a}`)).statusCode).toBe(200);
  expect((await entrarYPedir('gestor', `/api/personas/${personaA}/ficha`)).statusCode).toBe(200);
  expect((await entrarYPedir('gestor.nogales', `/api/creditos/${a}`)).statusCode).toBe(403);
  const nogales = await t.entrar('gestor.nogales');
  // An :id a spreadsheet would run as a formula.
  const formula = await t.pedir('PATCH', '/api/usuarios/%3D1%2B1', { sesion: nogales, cuerpo: {} });
  expect(formula.statusCode).toBe(403);
  // Wednesday 11 March, 23:30 in Hermosillo (already the 12th in UTC): the coordinador opens B.
  t.reloj.fijar('2026-03-12T06:30:00Z');
  expect((await entrarYPedir('coordinador', `/api/creditos/${b}`)).statusCode).toBe(200);
  // Thursday 12 March, 10:00: the gestor reads B's statement.
  t.reloj.fijar('2026-03-12T17:00:00Z');
  expect((await entrarYPedir('gestor', `/api/creditos/${b}/estado-de-cuenta`)).statusCode).toBe(
    200,
  );
  admin = await t.entrar('admin');
});
afterAll(() => t.cerrar());

async function buscar(consulta: string): Promise<Pagina> {
  const r = await t.pedir('GET', `/api/bitacora?${consulta}`, { sesion: admin });
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
}

describe('GET /api/bitacora', () => {
  it('solo el administrador la consulta, la exporta o ve las negativas', async () => {
    for (const [usuario, url] of [
      ['gestor', '/api/bitacora'],
      ['coordinador', '/api/bitacora.csv'],
      ['contabilidad', '/api/denegaciones'],
      ['abogado', '/api/bitacora?usuario=admin'],
    ] as const) {
      const r = await entrarYPedir(usuario, url);
      expect(r.statusCode).toBe(403);
      expect(r.json().error.mensaje).toBe('No tienes permiso para esta operación.');
    }
  });

  it('por usuario: lo que hizo y lo que se le negó, lo más reciente primero', async () => {
    const { filas, hayMas } = await buscar('usuario=gestor.nogales');
    expect(hayMas).toBe(false);
    expect(new Set(filas.map((f) => f.usuario))).toEqual(new Set(['gestor.nogales']));
    expect(filas.map((f) => f.id)).toEqual([...filas.map((f) => f.id)].sort((x, y) => y - x));
    expect(filas).toContainEqual(
      expect.objectContaining({
        accion: 'acceso.denegado',
        objetoTipo: 'credito',
        objetoId: String(a),
        ip: '127.0.0.1',
        instante: '2026-03-10T16:00:00.000Z',
        detalle: expect.objectContaining({
          ruta: 'GET /api/creditos/:id',
          motivo: 'Este crédito no está en tu cartera.',
        }),
      }),
    );
    expect(filas.map((f) => f.accion)).toContain('sesion.iniciar');
    // The login is matched without regard to case.
    expect((await buscar('usuario=GESTOR.Nogales')).filas.length).toBe(filas.length);
  });

  it('por crédito: sus consultas, las negativas y la ficha que lo nombra; nada de otro crédito', async () => {
    const { filas } = await buscar(`creditoId=${a}`);
    const vistas = filas.map((f) => `${f.accion} ${f.usuario}`);
    expect(vistas).toEqual(
      expect.arrayContaining([
        'credito.consultar gestor',
        'acceso.denegado gestor.nogales',
        'ficha.consultar gestor',
      ]),
    );
    for (const f of filas) {
      const sobreA =
        (f.objetoTipo === 'credito' && f.objetoId === String(a)) ||
        JSON.stringify(f.detalle).includes(String(a));
      expect(sobreA, JSON.stringify(f)).toBe(true);
    }
    const deB = await buscar(`creditoId=${b}`);
    expect(deB.filas.map((f) => `${f.accion} ${f.usuario}`)).toEqual(
      expect.arrayContaining([
        'credito.consultar coordinador',
        'estado_de_cuenta.consultar gestor',
      ]),
    );
    expect(deB.filas.some((f) => f.usuario === 'gestor.nogales')).toBe(false);
  });

  it('por persona: las filas cuyo objeto es ella o cuyo detalle nombra su id', async () => {
    const { filas } = await buscar(`personaId=${personaA}`);
    expect(filas).toContainEqual(
      expect.objectContaining({
        accion: 'ficha.consultar',
        objetoTipo: 'persona',
        objetoId: String(personaA),
      }),
    );
    expect(filas.some((f) => f.accion === 'credito.consultar')).toBe(false);
  });

  it('por acción: exacta, o todas las de un prefijo', async () => {
    const negadas = await buscar('accion=acceso.denegado');
    expect(negadas.filas.length).toBeGreaterThanOrEqual(2);
    expect(new Set(negadas.filas.map((f) => f.accion))).toEqual(new Set(['acceso.denegado']));
    const deCredito = new Set((await buscar('accion=credito')).filas.map((f) => f.accion));
    expect(deCredito.has('credito.consultar')).toBe(true);
    // «credito» is the prefix «credito.», never «creditos.listar».
    expect([...deCredito].every((x) => x.startsWith('credito.'))).toBe(true);
  });

  it('por rango de fechas, en días de Hermosillo', async () => {
    const miercoles = await buscar('desde=2026-03-11&hasta=2026-03-11');
    const acciones = miercoles.filas.map((f) => `${f.accion} ${f.usuario}`);
    expect(acciones).toContain('credito.consultar coordinador');
    expect(acciones).not.toContain('estado_de_cuenta.consultar gestor');
    expect(acciones).not.toContain('credito.consultar gestor');
    const jueves = await buscar('desde=2026-03-12');
    expect(jueves.filas.map((f) => f.accion)).toContain('estado_de_cuenta.consultar');
    expect(jueves.filas.some((f) => f.accion === 'credito.consultar')).toBe(false);
    const martes = await buscar(`hasta=2026-03-10&creditoId=${a}`);
    expect(martes.filas.map((f) => f.accion)).toContain('credito.consultar');

    const alReves = await t.pedir('GET', '/api/bitacora?desde=2026-03-12&hasta=2026-03-11', {
      sesion: admin,
    });
    expect(alReves.statusCode).toBe(400);
    expect(alReves.json().error).toMatchObject({ campo: 'hasta' });
    // A form sends unused filters empty: no filter, not an error.
    const vacios = await buscar('usuario=&personaId=&creditoId=&accion=&desde=&hasta=&pagina=');
    expect(vacios.pagina).toBe(1);
    // The same rows as no filter at all (whose answer also holds the first search's own entry).
    const todas = await buscar('');
    expect(todas.filas[0]).toMatchObject({ accion: 'bitacora.consultar', usuario: 'admin' });
    expect(todas.filas.slice(1).map((f) => f.id)).toEqual(vacios.filas.map((f) => f.id));
    const ajeno = await t.pedir('GET', '/api/bitacora?oficina=HMO', { sesion: admin });
    expect(ajeno.statusCode).toBe(400);
    expect(ajeno.json().error.mensaje).toBe('El campo «oficina» no se admite.');
    const malaFecha = await t.pedir('GET', '/api/bitacora?desde=2026-02-30', { sesion: admin });
    expect(malaFecha.statusCode).toBe(400);
    expect(malaFecha.json().error.campo).toBe('desde');
  });

  it('pagina de 50 en 50, sin repetir filas', async () => {
    await t.base.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 55; i++) {
        await registrarEnBitacora(
          trx,
          { actor: null, ip: null, instante: t.reloj.ahora() },
          { accion: 'prueba.relleno', objetoId: i },
        );
      }
    });
    const primera = await buscar('accion=prueba.relleno');
    const segunda = await buscar('accion=prueba.relleno&pagina=2');
    expect([primera.filas.length, primera.hayMas]).toEqual([50, true]);
    expect([segunda.filas.length, segunda.hayMas]).toEqual([5, false]);
    expect(primera.filas.at(-1)?.objetoId).toBe('5');
    expect(segunda.filas.map((f) => f.objetoId)).toEqual(['4', '3', '2', '1', '0']);
  });

  it('consultarla queda en la bitácora, con el filtro usado', async () => {
    await buscar(`usuario=gestor&creditoId=${a}`);
    const { filas } = await buscar('accion=bitacora.consultar');
    expect(filas[0]).toMatchObject({
      usuario: 'admin',
      detalle: { usuario: 'gestor', creditoId: a, pagina: 1 },
    });
  });
});

describe('GET /api/bitacora.csv', () => {
  it('exporta el rango en CSV UTF-8 con BOM, fechas de es-MX y el encabezado en español', async () => {
    const r = await t.pedir(
      'GET',
      `/api/bitacora.csv?creditoId=${a}&desde=2026-03-10&hasta=2026-03-10`,
      {
        sesion: admin,
      },
    );
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(r.headers['content-disposition']).toBe(
      'attachment; filename="bitacora-2026-03-10-a-2026-03-10.csv"',
    );
    const bytes = r.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lineas = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lineas[0]).toBe(
      'Folio,Fecha y hora (Sonora),Usuario,Acción,Objeto,Id del objeto,IP,Detalle',
    );
    expect(lineas.at(-1)).toBe('');
    const cuerpo = lineas.slice(1, -1);
    const json = await buscar(`creditoId=${a}&desde=2026-03-10&hasta=2026-03-10`);
    expect(cuerpo).toHaveLength(json.filas.length);
    const negada = cuerpo.find((l) => l.includes(',acceso.denegado,'));
    expect(negada).toMatch(
      new RegExp(
        `^\\d+,10/03/2026 09:00:00,gestor\\.nogales,acceso\\.denegado,credito,${a},127\\.0\\.0\\.1,"\\{`,
      ),
    );
    // The detail is JSON in one quoted field; the accents survive.
    expect(negada).toContain('""motivo"":""Este crédito no está en tu cartera.""');
  });

  it('una celda que una hoja de cálculo tomaría por fórmula sale como texto; la exportación queda registrada', async () => {
    const r = await t.pedir('GET', '/api/bitacora.csv?accion=acceso.denegado', { sesion: admin });
    const texto = r.rawPayload.toString('utf8');
    expect(texto).toContain(",usuario,'=1+1,");
    expect(texto).not.toContain(',=1+1,');
    const { filas } = await buscar('accion=bitacora.exportar');
    expect(filas[0]).toMatchObject({
      usuario: 'admin',
      detalle: { accion: 'acceso.denegado', hastaFolio: expect.any(Number) },
    });
  });
});

describe('GET /api/denegaciones', () => {
  it('lista las negativas contadas por minuto, con quién, desde dónde, ruta y objeto', async () => {
    const r = await t.pedir(
      'GET',
      '/api/denegaciones?usuario=gestor.nogales&desde=2026-03-10&hasta=2026-03-10',
      {
        sesion: admin,
      },
    );
    expect(r.statusCode).toBe(200);
    const { denegaciones } = r.json() as { denegaciones: Record<string, unknown>[] };
    expect(denegaciones).toEqual(
      expect.arrayContaining([
        {
          minuto: '2026-03-10T16:00:00.000Z',
          usuario: 'gestor.nogales',
          ip: '127.0.0.1',
          ruta: 'GET /api/creditos/:id',
          objetoTipo: 'credito',
          objetoId: String(a),
          motivo: 'Este crédito no está en tu cartera.',
          veces: 1,
          primera: '2026-03-10T16:00:00.000Z',
          ultima: '2026-03-10T16:00:00.000Z',
        },
      ]),
    );
    const otroDia = await t.pedir(
      'GET',
      '/api/denegaciones?desde=2026-03-11&usuario=gestor.nogales',
      {
        sesion: admin,
      },
    );
    expect(otroDia.json().denegaciones).toEqual([]);
  });
});
