import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppDePrueba, crearAppDePrueba, type Sesion } from '../soporte/app-de-prueba.ts';

let t: AppDePrueba;
let admin: Sesion;

async function conteos() {
  const usuarios = await t.base.db
    .selectFrom('usuarios')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const bitacora = await t.base.db
    .selectFrom('bitacora')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { usuarios: Number(usuarios.n), bitacora: Number(bitacora.n) };
}

beforeAll(async () => {
  t = await crearAppDePrueba();
  admin = await t.entrar('admin');
});
afterAll(() => t.cerrar());

const valido = {
  usuario: 'nuevo.gestor',
  nombre: 'Nuevo Gestor',
  rol: 'gestor',
  oficinaId: 1,
  contrasena: 'Contrasena.Larga1',
};

describe('entrada inválida: 400 en español nombrando el campo, y nada se escribe', () => {
  const casos: Array<[string, unknown, RegExp, string, string]> = [
    [
      'falta un campo',
      { ...valido, nombre: undefined },
      /^Falta el campo «nombre»\.$/,
      'nombre',
      'entrada_invalida',
    ],
    [
      'campo desconocido',
      { ...valido, esAdmin: true },
      /El campo «esAdmin» no se admite/,
      'esAdmin',
      'entrada_invalida',
    ],
    [
      'tipo equivocado',
      { ...valido, oficinaId: 'uno' },
      /^Campo «oficinaId»: .*número/,
      'oficinaId',
      'entrada_invalida',
    ],
    [
      'rol inexistente',
      { ...valido, rol: 'director' },
      /^Campo «rol»: /,
      'rol',
      'entrada_invalida',
    ],
    [
      'texto demasiado largo',
      { ...valido, nombre: 'x'.repeat(500) },
      /«nombre».*120/,
      'nombre',
      'entrada_invalida',
    ],
    [
      'usuario con caracteres no admitidos',
      { ...valido, usuario: 'josé nuñez' },
      /«usuario»/,
      'usuario',
      'entrada_invalida',
    ],
    [
      'contraseña corta',
      { ...valido, contrasena: 'corta' },
      /al menos 10 caracteres/,
      'contrasena',
      'contrasena_debil',
    ],
    [
      'gestor sin oficina',
      { ...valido, oficinaId: null },
      /necesita oficina/,
      'oficinaId',
      'entrada_invalida',
    ],
    [
      'oficina inexistente',
      { ...valido, oficinaId: 99 },
      /oficina no existe/,
      'oficinaId',
      'entrada_invalida',
    ],
  ];
  for (const [nombre, cuerpo, mensaje, campo, codigo] of casos) {
    it(nombre, async () => {
      const antes = await conteos();
      const r = await t.pedir('POST', '/api/usuarios', { sesion: admin, cuerpo });
      expect(r.statusCode).toBe(400);
      expect(r.json().error.codigo).toBe(codigo);
      expect(r.json().error.mensaje).toMatch(mensaje);
      expect(r.json().error.campo).toBe(campo);
      expect(await conteos()).toEqual(antes);
    });
  }

  it('JSON mal formado', async () => {
    const antes = await conteos();
    const r = await t.pedir('POST', '/api/usuarios', {
      sesion: admin,
      cuerpo: '{"usuario": "x",',
      encabezados: { 'content-type': 'application/json' },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.mensaje).toBe('El cuerpo no es JSON válido.');
    expect(await conteos()).toEqual(antes);
  });

  it('cuerpo demasiado grande: 413 con mensaje en español', async () => {
    const antes = await conteos();
    const r = await t.pedir('POST', '/api/usuarios', {
      sesion: admin,
      cuerpo: { ...valido, nombre: 'x'.repeat(200_000) },
    });
    expect(r.statusCode).toBe(413);
    expect(r.json().error.mensaje).toMatch(/excede el tamaño permitido/);
    expect(await conteos()).toEqual(antes);
  });

  it('id de ruta que no es número', async () => {
    const r = await t.pedir('PATCH', '/api/usuarios/abc', {
      sesion: admin,
      cuerpo: { activo: true },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.campo).toBe('id');
  });

  it('la entrada válida sí escribe el usuario y su fila de bitácora', async () => {
    const antes = await conteos();
    const r = await t.pedir('POST', '/api/usuarios', { sesion: admin, cuerpo: valido });
    expect(r.statusCode).toBe(201);
    expect(await conteos()).toEqual({ usuarios: antes.usuarios + 1, bitacora: antes.bitacora + 1 });
  });
});

describe('tipo de contenido', () => {
  it('un cuerpo de otro tipo es un 415 que dice cuál llegó', async () => {
    const r = await t.pedir('POST', '/api/usuarios', {
      sesion: admin,
      cuerpo: 'usuario=x',
      encabezados: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(r.statusCode).toBe(415);
    expect(r.json().error.mensaje).toBe(
      'Esta operación no admite un cuerpo de tipo «application/x-www-form-urlencoded».',
    );
  });
});
