import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completarCurp } from '../../src/domain/curp.ts';
import { type AppDePrueba, crearAppDePrueba, type Sesion } from '../soporte/app-de-prueba.ts';
import { casoPublicado, guardarCaso } from '../soporte/fabricas.ts';

const caso = casoPublicado('01-pago-parcial-con-atraso.json');

let t: AppDePrueba;
const s: Record<string, Sesion> = {};

beforeAll(async () => {
  t = await crearAppDePrueba();
  for (const u of ['gestor', 'coordinador', 'contabilidad', 'admin', 'gestor.nogales']) {
    s[u] = await t.entrar(u);
  }
});
afterAll(() => t.cerrar());

const pedir = (quien: string, metodo: string, url: string, cuerpo?: unknown) =>
  t.pedir(metodo, url, { sesion: s[quien], cuerpo });

/** A person imported with an Excel error as her second surname, on a credit of `oficina`. */
async function importadaConError(oficina: 'HMO' | 'NOG' = 'HMO') {
  const credito = await guardarCaso(t.base.db, caso, { oficina, nombres: 'Itzel' });
  const { persona_id: id } = await t.base.db
    .selectFrom('participantes_credito')
    .select('persona_id')
    .where('credito_id', '=', credito.id)
    .executeTakeFirstOrThrow();
  await t.base.db
    .updateTable('personas')
    .set({ primer_apellido: 'Ibáñez', segundo_apellido: '#N/A' })
    .where('id', '=', id)
    .execute();
  return { id, credito };
}

const persona = (id: number) =>
  t.base.db
    .selectFrom('personas')
    .select(['nombres', 'primer_apellido', 'segundo_apellido', 'curp', 'fecha_nacimiento'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

describe('corrección supervisada de una persona', () => {
  it('el coordinador corrige el apellido con motivo: queda el historial, la bitácora, y la búsqueda la encuentra', async () => {
    const { id } = await importadaConError();
    const r = await pedir('coordinador', 'POST', `/api/personas/${id}/correcciones`, {
      segundoApellido: 'Quiñónez',
      motivo: 'El libro traía #N/A en el segundo apellido; su acta dice Quiñónez.',
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().persona).toMatchObject({
      id,
      nombres: 'Itzel',
      primerApellido: 'Ibáñez',
      segundoApellido: 'Quiñónez',
    });
    expect((await persona(id)).segundo_apellido).toBe('Quiñónez');

    // The history, newest first, for whoever sees a credit of hers (the gestor too).
    const h = await pedir('gestor', 'GET', `/api/personas/${id}/correcciones`);
    expect(h.statusCode, h.body).toBe(200);
    const coordinador = await t.base.db
      .selectFrom('usuarios')
      .select(['id', 'nombre'])
      .where('usuario', '=', 'coordinador')
      .executeTakeFirstOrThrow();
    expect(h.json()).toEqual({
      personaId: id,
      persona: expect.objectContaining({ nombres: 'Itzel', segundoApellido: 'Quiñónez' }),
      correcciones: [
        {
          id: expect.any(Number),
          antes: { segundoApellido: '#N/A' },
          despues: { segundoApellido: 'Quiñónez' },
          motivo: 'El libro traía #N/A en el segundo apellido; su acta dice Quiñónez.',
          registradaPor: coordinador,
          registrada: t.reloj.ahora().toISOString(),
        },
      ],
    });

    const bitacora = await t.base.db
      .selectFrom('bitacora')
      .select(['accion', 'actor_usuario', 'detalle'])
      .where('objeto_tipo', '=', 'persona')
      .where('objeto_id', '=', String(id))
      .where('accion', '=', 'persona.corregida')
      .execute();
    expect(bitacora).toEqual([
      {
        accion: 'persona.corregida',
        actor_usuario: 'coordinador',
        detalle: expect.objectContaining({
          antes: { segundoApellido: '#N/A' },
          despues: { segundoApellido: 'Quiñónez' },
        }),
      },
    ]);

    // The search finds the corrected name, with or without accents, and no longer the error.
    const buscar = async (q: string) =>
      (await pedir('gestor', 'GET', `/api/buscar?q=${encodeURIComponent(q)}`))
        .json()
        .resultados.map((x: { personaId: number }) => x.personaId);
    expect(await buscar('Itzel Ibáñez Quiñónez')).toContain(id);
    expect(await buscar('itzel ibanez quinonez')).toContain(id);
    expect(await buscar('Itzel Ibáñez #N/A')).not.toContain(id);
  });

  it('corrige nombre, CURP y fecha de nacimiento a la vez (administrador); la CURP se muestra enmascarada', async () => {
    const { id } = await importadaConError('NOG');
    const curp = completarCurp('IUQI950712MSRBXT0');
    const r = await pedir('admin', 'POST', `/api/personas/${id}/correcciones`, {
      nombres: 'Itzel Guadalupe',
      curp: curp.toLowerCase(),
      fechaNacimiento: '1995-07-12',
      segundoApellido: '',
      motivo: 'Datos según su acta de nacimiento',
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().persona.curp).toBe(`${curp.slice(0, 6)}…${curp.slice(-3)}`);
    expect(await persona(id)).toMatchObject({
      nombres: 'Itzel Guadalupe',
      segundo_apellido: null,
      curp,
      fecha_nacimiento: '1995-07-12',
    });
    const h = (await pedir('admin', 'GET', `/api/personas/${id}/correcciones`)).json();
    expect(h.correcciones[0].despues).toEqual({
      nombres: 'Itzel Guadalupe',
      segundoApellido: null,
      curp: `${curp.slice(0, 6)}…${curp.slice(-3)}`,
      fechaNacimiento: '1995-07-12',
    });
  });

  it('alcance: el coordinador solo corrige personas con créditos de su oficina; gestor y contabilidad no corrigen', async () => {
    const { id } = await importadaConError('NOG');
    const cuerpo = { segundoApellido: 'Quiñónez', motivo: 'Acta de nacimiento' };
    const ajena = await pedir('coordinador', 'POST', `/api/personas/${id}/correcciones`, cuerpo);
    expect(ajena.statusCode).toBe(403);
    expect(ajena.json().error.mensaje).toBe('Esta persona no tiene créditos en tu cartera.');
    expect(
      (await pedir('gestor', 'POST', `/api/personas/${id}/correcciones`, cuerpo)).statusCode,
    ).toBe(403);
    expect(
      (await pedir('contabilidad', 'POST', `/api/personas/${id}/correcciones`, cuerpo)).statusCode,
    ).toBe(403);
    // Nor does the coordinador of another office read her history.
    expect((await pedir('coordinador', 'GET', `/api/personas/${id}/correcciones`)).statusCode).toBe(
      403,
    );
    expect(
      (await pedir('gestor.nogales', 'GET', `/api/personas/${id}/correcciones`)).statusCode,
    ).toBe(200);
    expect((await persona(id)).segundo_apellido).toBe('#N/A');
  });

  it('entradas inválidas: 400 que nombra el campo, y nada cambia', async () => {
    const { id } = await importadaConError();
    const casos: Array<[Record<string, unknown>, string, string]> = [
      [
        { segundoApellido: '#N/A', motivo: 'x' },
        'segundoApellido',
        'Campo «segundoApellido»: debe tener solo letras, espacios, apóstrofos, puntos o guiones.',
      ],
      [{ segundoApellido: 'Quiñónez' }, 'motivo', 'Falta el campo «motivo».'],
      [
        { curp: 'IUQI950712MSRBXT01', motivo: 'x' },
        'curp',
        `Campo «curp»: «IUQI950712MSRBXT01» no es una CURP válida: el dígito verificador no corresponde: con los primeros 17 caracteres debe ser ${completarCurp('IUQI950712MSRBXT0').slice(-1)}.`,
      ],
      [
        { fechaNacimiento: '1995-02-30', motivo: 'x' },
        'fechaNacimiento',
        'Campo «fechaNacimiento»: debe ser una fecha real AAAA-MM-DD.',
      ],
      [{ rfc: 'X', motivo: 'x' }, 'rfc', 'El campo «rfc» no se admite.'],
    ];
    for (const [cuerpo, campo, mensaje] of casos) {
      const r = await pedir('coordinador', 'POST', `/api/personas/${id}/correcciones`, cuerpo);
      expect(r.statusCode, JSON.stringify(cuerpo)).toBe(400);
      expect(r.json().error).toMatchObject({ campo, mensaje });
    }
    const nada = await pedir('coordinador', 'POST', `/api/personas/${id}/correcciones`, {
      motivo: 'x',
    });
    expect(nada.statusCode).toBe(400);
    expect(nada.json().error.mensaje).toBe(
      'Solicitud inválida: indica qué corregir: nombres, primerApellido, segundoApellido, curp, fechaNacimiento.',
    );
    expect((await persona(id)).segundo_apellido).toBe('#N/A');
  });

  it('una CURP que ya es de otra persona es un 409 que nombra el campo', async () => {
    const { id } = await importadaConError();
    const otra = await importadaConError();
    const { curp } = await persona(otra.id);
    const r = await pedir('coordinador', 'POST', `/api/personas/${id}/correcciones`, {
      curp,
      motivo: 'Acta de nacimiento',
    });
    expect(r.statusCode).toBe(409);
    expect(r.json().error).toMatchObject({
      campo: 'curp',
      mensaje: `La CURP ${curp} ya es de otra persona registrada: si son la misma persona, pide al administrador que las revise; si no, verifica la CURP.`,
    });
    expect(
      (await pedir('coordinador', 'GET', `/api/personas/${id}/correcciones`)).json().correcciones,
    ).toEqual([]);
  });
});
