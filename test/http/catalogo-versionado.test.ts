import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppDePrueba, crearAppDePrueba, type Sesion } from '../soporte/app-de-prueba.ts';

// Alternativas and campañas share one versioning helper (src/modules/alternativas/
// catalogo-versionado.ts): what it does is checked here for both kinds with the same steps.

let t: AppDePrueba;
let admin: Sesion;

beforeAll(async () => {
  t = await crearAppDePrueba();
  t.reloj.fijar('2024-06-30T18:00:00Z');
  admin = await t.entrar('admin');
});
afterAll(() => t.cerrar());

const tipos = [
  {
    ruta: '/api/alternativas',
    objeto: 'alternativa',
    respuesta: 'alternativa',
    noExiste: 'La alternativa no existe.',
    repetida: 'Ya existe una alternativa con la clave «catalogo-prueba».',
    nueva: {
      clave: 'catalogo-prueba',
      tipo: 'regularizacion',
      nombre: 'Regularización de prueba',
      parametros: { pagosMaximos: 12, congelaMoratorio: true },
    },
  },
  {
    ruta: '/api/campanas',
    objeto: 'campana',
    respuesta: 'campana',
    noExiste: 'La campaña no existe.',
    repetida: 'Ya existe una campaña con la clave «catalogo-prueba».',
    nueva: {
      clave: 'catalogo-prueba',
      nombre: 'Campaña de prueba',
      acuerdo: 'Acuerdo JD-2024-06-01',
      inicio: '2024-06-01',
      fin: '2024-12-31',
      descuentoMoratorio: '1',
      descuentoInteres: '0',
      pagosMaximos: 1,
    },
  },
] as const;

const bitacora = (accion: string) =>
  t.base.db
    .selectFrom('bitacora')
    .select(['objeto_tipo', 'objeto_id', 'detalle'])
    .where('accion', '=', accion)
    .orderBy('id')
    .execute();

describe.each(tipos)('catálogo versionado: $ruta', (k) => {
  const { clave: _clave, ...version } = k.nueva;

  it('una clave repetida es un 409 que nombra «clave», con el sustantivo de su tipo', async () => {
    const primera = await t.pedir('POST', k.ruta, { sesion: admin, cuerpo: k.nueva });
    expect(primera.statusCode).toBe(201);
    const otra = await t.pedir('POST', k.ruta, { sesion: admin, cuerpo: k.nueva });
    expect(otra.statusCode).toBe(409);
    expect(otra.json().error).toEqual({ codigo: 'conflicto', mensaje: k.repetida, campo: 'clave' });
    expect(await bitacora(`${k.objeto}.crear`)).toHaveLength(1);
  });

  it('consultar o versionar una entrada que no existe es un 404 y no escribe nada', async () => {
    const consulta = await t.pedir('GET', `${k.ruta}/999999`, { sesion: admin });
    expect(consulta.statusCode).toBe(404);
    expect(consulta.json().error.mensaje).toBe(k.noExiste);
    const edicion = await t.pedir('PUT', `${k.ruta}/999999`, { sesion: admin, cuerpo: version });
    expect(edicion.statusCode).toBe(404);
    expect(edicion.json().error.mensaje).toBe(k.noExiste);
    expect(await bitacora(`${k.objeto}.versionar`)).toHaveLength(0);
  });

  it('tres ediciones a la vez dan versiones consecutivas, cada una enlazada a la anterior en la bitácora', async () => {
    const lista = await t.pedir('GET', k.ruta, { sesion: admin });
    const entrada = (
      Object.values(lista.json())[0] as Array<{
        id: number;
        clave: string;
        vigente: { id: number };
      }>
    ).find((e) => e.clave === 'catalogo-prueba');
    if (!entrada) throw new Error('falta la entrada creada en la prueba anterior');
    const ediciones = await Promise.all(
      [1, 2, 3].map((n) =>
        t.pedir('PUT', `${k.ruta}/${entrada.id}`, {
          sesion: admin,
          cuerpo: { ...version, nombre: `Edición ${n}` },
        }),
      ),
    );
    expect(ediciones.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    const detalle = await t.pedir('GET', `${k.ruta}/${entrada.id}`, { sesion: admin });
    const versiones: Array<{ id: number; version: number }> = detalle.json()[k.respuesta].versiones;
    expect(versiones.map((v) => v.version)).toEqual([1, 2, 3, 4]);
    const filas = await bitacora(`${k.objeto}.versionar`);
    expect(filas).toHaveLength(3);
    // Each version names the one before it, whichever request got the lock first.
    const enlaces = filas.map((f) => {
      const d = f.detalle as { version: number; versionId: number; versionAnteriorId: number };
      expect(f).toMatchObject({ objeto_tipo: k.objeto, objeto_id: String(entrada.id) });
      expect(d).toMatchObject({ clave: 'catalogo-prueba' });
      return [d.version, d.versionAnteriorId, d.versionId];
    });
    expect(enlaces.sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0))).toEqual([
      [2, versiones[0]?.id, versiones[1]?.id],
      [3, versiones[1]?.id, versiones[2]?.id],
      [4, versiones[2]?.id, versiones[3]?.id],
    ]);
  });
});
