import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cargarDemo } from '../../src/modules/demo/cargar-demo.ts';
import {
  type Cobertura,
  consultarCobertura,
  porcentajeConUnDecimal,
} from '../../src/modules/indicadores/cobertura.ts';
import type { Actor } from '../../src/modules/seguridad/actor.ts';
import { RelojManual } from '../../src/plataforma/reloj-sistema.ts';
import { type BaseDePrueba, crearBaseDePrueba } from '../soporte/base-de-prueba.ts';
import { casoPublicado, guardarCaso } from '../soporte/fabricas.ts';

/**
 * Coverage on a fixture computed by hand (docs/gestion.md, «Cobertura»). Hermosillo is UTC−7
 * all year: March 2026 runs from 2026-03-01T07:00Z to 2026-04-01T07:00Z.
 *
 *  credit  holders (instants UTC)                                   gestiones (inicio UTC, resultado)
 *  c1      gestor from 01-10, open                                   02-28T20:00 no_contesta (February)
 *                                                                    03-01T06:30 contacto_efectivo (Feb 28 23:30 local: February)
 *                                                                    03-10T17:00 no_contesta
 *  c2      gestor 02-01 → 03-15T19:00, then ruiz (reassigned)       03-10T17:00 no_contesta (gestor's)
 *                                                                    03-20T17:00 promesa P1 cumplida (ruiz's)
 *  c3      gestor 02-01 → 03-01T07:00 (ends as March starts),        02-25T17:00 promesa P2 pendiente (February, gestor's)
 *          then ruiz                                                 03-02T16:00 buzon (ruiz's)
 *  c4      ruiz from 04-01T06:30 (March 31 23:30 local)              04-01T06:00 contacto_efectivo: before ruiz held it, no holder
 *                                                                    04-01T06:45 promesa P3 incumplida (ruiz's, March local)
 *  c5      gestor from 04-01T07:00 (April)                           03-20T17:00 contacto_efectivo: no holder
 *  c6      ruiz [03-05T15:00, 03-05T15:00) (empty), then gestor       03-05T15:00 contacto_efectivo (gestor's)
 *  c7      gestor 01-01 → 02-20                                      03-10T17:00 contacto_efectivo: no holder
 *  c8      gestor from 03-03T17:00, open                             none
 *  n1      gestor.nogales from 01-01, open                           03-10T17:00 promesa P4 cumplida
 *  n2      gestor.nogales from 01-01, open                           none
 *
 * March, by hand:
 *  gestor:         asignadas c1 c2 c6 c8 = 4; gestionadas c1 c2 c6 = 3; contacto c6 = 1; 75.0; promesas 0/0
 *  ruiz:           asignadas c2 c3 c4 = 3; gestionadas 3; contacto c2 c4 = 2; 100.0; promesas P1 P3 = 2, cumplida P1 = 1
 *  leyva:          nothing: 0.0
 *  Hermosillo:     asignadas c1 c2 c3 c4 c6 c8 = 6 (c2 once, not 4 + 3 = 7); gestionadas c1 c2 c3 c4 c6 = 5;
 *                  contacto c2 c4 c6 = 3; 5/6 = 83.3; promesas 2, cumplida 1
 *  gestor.nogales: asignadas 2; gestionadas 1; contacto 1; 50.0; promesas 1/1 (Nogales the same)
 *  Obregón:        zeros, its gestor listed with zeros
 * February, gestor: asignadas c1 c2 c3 c7 = 4; gestionadas c1 c3 = 2; contacto c1 (the 23:30 call)
 *                  c3 = 2; 50.0; promesas P2 = 1, cumplida 0
 */
let base: BaseDePrueba;
const reloj = new RelojManual('2026-04-10T18:00:00Z');
const u: Record<string, Actor> = {};
const c: Record<string, number> = {};

const cero = {
  asignadas: 0,
  gestionadas: 0,
  conContactoEfectivo: 0,
  porcentajeGestionado: '0.0',
  promesasHechas: 0,
  promesasCumplidas: 0,
};

async function asignar(credito: string, gestor: string, desde: string, hasta: string | null) {
  await base.db
    .insertInto('asignaciones')
    .values({ credito_id: c[credito] ?? 0, gestor_id: u[gestor]?.id ?? 0, desde, hasta })
    .execute();
}

async function gestion(credito: string, inicio: string, resultado: string): Promise<number> {
  const r = await base.db
    .selectFrom('resultados_gestion')
    .select('id')
    .where('clave', '=', resultado)
    .executeTakeFirstOrThrow();
  const g = await base.db
    .insertInto('gestiones')
    .values({
      credito_id: c[credito] ?? 0,
      canal: 'llamada_entrante',
      resultado_id: r.id,
      inicio,
      registrado_por: u.gestor?.id ?? 0,
      registrado: inicio,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return g.id;
}

async function promesa(
  credito: string,
  inicio: string,
  estado: 'pendiente' | 'cumplida' | 'incumplida',
) {
  const hecha = inicio.slice(0, 10);
  await base.db
    .insertInto('promesas_pago')
    .values({
      credito_id: c[credito] ?? 0,
      gestion_id: await gestion(credito, inicio, 'promesa_de_pago'),
      monto_centavos: 100_000,
      fecha: '2026-04-30',
      tolerancia_dias: 0,
      hecha_el: hecha,
      estado,
      resuelta_el: estado === 'pendiente' ? null : '2026-04-05',
    })
    .execute();
}

beforeAll(async () => {
  base = await crearBaseDePrueba();
  await base.db.transaction().execute((trx) => cargarDemo(trx, { reloj, ip: null }));
  const usuarios = await base.db
    .selectFrom('usuarios')
    .select(['id', 'usuario', 'nombre', 'rol', 'oficina_id', 'despacho_id'])
    .execute();
  for (const f of usuarios) {
    u[f.usuario] = {
      id: f.id,
      usuario: f.usuario,
      nombre: f.nombre,
      rol: f.rol,
      oficinaId: f.oficina_id,
      despachoId: f.despacho_id,
    };
  }
  const caso = casoPublicado('01-pago-parcial-con-atraso.json');
  for (const k of ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8'])
    c[k] = (await guardarCaso(base.db, caso, { oficina: 'HMO' })).id;
  for (const k of ['n1', 'n2']) c[k] = (await guardarCaso(base.db, caso, { oficina: 'NOG' })).id;

  await asignar('c1', 'gestor', '2026-01-10T17:00:00Z', null);
  await asignar('c2', 'gestor', '2026-02-01T17:00:00Z', '2026-03-15T19:00:00Z');
  await asignar('c2', 'gestor.ruiz', '2026-03-15T19:00:00Z', null);
  await asignar('c3', 'gestor', '2026-02-01T17:00:00Z', '2026-03-01T07:00:00Z');
  await asignar('c3', 'gestor.ruiz', '2026-03-01T07:00:00Z', null);
  await asignar('c4', 'gestor.ruiz', '2026-04-01T06:30:00Z', null);
  await asignar('c5', 'gestor', '2026-04-01T07:00:00Z', null);
  await asignar('c6', 'gestor.ruiz', '2026-03-05T15:00:00Z', '2026-03-05T15:00:00Z');
  await asignar('c6', 'gestor', '2026-03-05T15:00:00Z', null);
  await asignar('c7', 'gestor', '2026-01-01T17:00:00Z', '2026-02-20T17:00:00Z');
  await asignar('c8', 'gestor', '2026-03-03T17:00:00Z', null);
  await asignar('n1', 'gestor.nogales', '2026-01-01T17:00:00Z', null);
  await asignar('n2', 'gestor.nogales', '2026-01-01T17:00:00Z', null);

  await gestion('c1', '2026-02-28T20:00:00Z', 'no_contesta');
  await gestion('c1', '2026-03-01T06:30:00Z', 'contacto_efectivo');
  await gestion('c1', '2026-03-10T17:00:00Z', 'no_contesta');
  await gestion('c2', '2026-03-10T17:00:00Z', 'no_contesta');
  await promesa('c2', '2026-03-20T17:00:00Z', 'cumplida');
  await promesa('c3', '2026-02-25T17:00:00Z', 'pendiente');
  await gestion('c3', '2026-03-02T16:00:00Z', 'buzon');
  await gestion('c4', '2026-04-01T06:00:00Z', 'contacto_efectivo');
  await promesa('c4', '2026-04-01T06:45:00Z', 'incumplida');
  await gestion('c5', '2026-03-20T17:00:00Z', 'contacto_efectivo');
  await gestion('c6', '2026-03-05T15:00:00Z', 'contacto_efectivo');
  await gestion('c7', '2026-03-10T17:00:00Z', 'contacto_efectivo');
  await promesa('n1', '2026-03-10T17:00:00Z', 'cumplida');
});
afterAll(() => base.cerrar());

const cobertura = (quien: string, mes = '2026-03'): Promise<Cobertura> => {
  const actor = u[quien];
  if (!actor) throw new Error(`sin usuario ${quien}`);
  return base.db
    .transaction()
    .execute((trx) => consultarCobertura(trx, mes, { reloj, ip: null, actor }));
};
const ref = (quien: string) => ({ id: u[quien]?.id, nombre: u[quien]?.nombre });

const GESTOR = {
  asignadas: 4,
  gestionadas: 3,
  conContactoEfectivo: 1,
  porcentajeGestionado: '75.0',
  promesasHechas: 0,
  promesasCumplidas: 0,
};
const RUIZ = {
  asignadas: 3,
  gestionadas: 3,
  conContactoEfectivo: 2,
  porcentajeGestionado: '100.0',
  promesasHechas: 2,
  promesasCumplidas: 1,
};
const NOGALES = {
  asignadas: 2,
  gestionadas: 1,
  conContactoEfectivo: 1,
  porcentajeGestionado: '50.0',
  promesasHechas: 1,
  promesasCumplidas: 1,
};
const OFICINA_HMO = { id: expect.any(Number), nombre: 'Hermosillo' };
// Built when called: the users' ids are known only after beforeAll.
const hermosillo = () => ({
  oficina: OFICINA_HMO,
  asignadas: 6,
  gestionadas: 5,
  conContactoEfectivo: 3,
  porcentajeGestionado: '83.3',
  promesasHechas: 2,
  promesasCumplidas: 1,
  // By name: Daniel Ruiz Moreno, Karla Leyva Soto, Sofía Valenzuela Peña.
  gestores: [
    { gestor: ref('gestor.ruiz'), ...RUIZ },
    { gestor: ref('gestor.leyva'), ...cero },
    { gestor: ref('gestor'), ...GESTOR },
  ],
});

describe('cobertura del mes', () => {
  it('el administrador: cada oficina y cada gestor, cifra por cifra', async () => {
    expect(await cobertura('admin')).toEqual({
      mes: '2026-03',
      oficinas: [
        hermosillo(),
        {
          oficina: { id: expect.any(Number), nombre: 'Nogales' },
          ...NOGALES,
          gestores: [{ gestor: ref('gestor.nogales'), ...NOGALES }],
        },
        {
          oficina: { id: expect.any(Number), nombre: 'Cd. Obregón' },
          ...cero,
          gestores: [{ gestor: ref('gestor.obregon'), ...cero }],
        },
      ],
    });
  });

  it('el coordinador, su oficina; el gestor, solo él (también en la fila de la oficina)', async () => {
    expect(await cobertura('coordinador')).toEqual({ mes: '2026-03', oficinas: [hermosillo()] });
    expect(await cobertura('gestor')).toEqual({
      mes: '2026-03',
      oficinas: [
        {
          oficina: OFICINA_HMO,
          ...GESTOR,
          gestores: [{ gestor: ref('gestor'), ...GESTOR }],
        },
      ],
    });
    expect((await cobertura('gestor.ruiz')).oficinas).toEqual([
      { oficina: OFICINA_HMO, ...RUIZ, gestores: [{ gestor: ref('gestor.ruiz'), ...RUIZ }] },
    ]);
  });

  it('febrero: la llamada de las 23:30 del 28 (ya 1 de marzo en UTC) cuenta en febrero', async () => {
    const febrero = {
      asignadas: 4,
      gestionadas: 2,
      conContactoEfectivo: 2,
      porcentajeGestionado: '50.0',
      promesasHechas: 1,
      promesasCumplidas: 0,
    };
    expect((await cobertura('gestor', '2026-02')).oficinas).toEqual([
      {
        oficina: OFICINA_HMO,
        ...febrero,
        gestores: [{ gestor: ref('gestor'), ...febrero }],
      },
    ]);
  });

  it('un mes que no existe es un error con el campo', async () => {
    await expect(cobertura('gestor', '2026-13')).rejects.toMatchObject({
      codigo: 'entrada_invalida',
      campo: 'mes',
    });
  });
});

describe('porcentaje con un decimal', () => {
  it('redondea la mitad hacia arriba con aritmética entera', () => {
    expect(porcentajeConUnDecimal(0, 0)).toBe('0.0');
    expect(porcentajeConUnDecimal(0, 5)).toBe('0.0');
    expect(porcentajeConUnDecimal(5, 5)).toBe('100.0');
    expect(porcentajeConUnDecimal(1, 3)).toBe('33.3');
    expect(porcentajeConUnDecimal(2, 3)).toBe('66.7');
    expect(porcentajeConUnDecimal(5, 6)).toBe('83.3');
    expect(porcentajeConUnDecimal(1, 8)).toBe('12.5');
    // 6.25 and 0.05 are exact halves: up, not to even.
    expect(porcentajeConUnDecimal(1, 16)).toBe('6.3');
    expect(porcentajeConUnDecimal(1, 2000)).toBe('0.1');
    expect(porcentajeConUnDecimal(1, 2001)).toBe('0.0');
    expect(porcentajeConUnDecimal(2999, 3000)).toBe('100.0');
    expect(porcentajeConUnDecimal(2997, 3000)).toBe('99.9');
  });
});
