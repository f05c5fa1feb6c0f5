import { type KyselyPlugin, PostgresQueryCompiler } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estadoDeCuentaAJson } from '../../src/domain/estado-de-cuenta/index.ts';
import type { Fecha } from '../../src/domain/fecha.ts';
import { calcularEstado } from '../../src/modules/cartera/calcular-estado.ts';
import { cargarCredito } from '../../src/modules/cartera/cargar-credito.ts';
import { type AppDePrueba, crearAppDePrueba, type Sesion } from '../soporte/app-de-prueba.ts';
import { crearBaseDePrueba } from '../soporte/base-de-prueba.ts';
import { type CasoEntrada, casoPublicado, guardarCaso } from '../soporte/fabricas.ts';

/**
 * Issue "El camino del dinero", item 3: each use case reads a credit and its history once.
 * The app runs on a connection that writes down the SQL of every query; a load of the
 * history is `cargarCreditos`'s read of the ledger (`movimientos` by `credito_id in`).
 */
const compilador = new PostgresQueryCompiler();
let consultas: string[] = [];
const anotador: KyselyPlugin = {
  transformQuery({ node, queryId }) {
    consultas.push(compilador.compileQuery(node, queryId).sql);
    return node;
  },
  transformResult: async ({ result }) => result,
};

const cuantas = (patron: RegExp) => consultas.filter((sql) => patron.test(sql)).length;
const CARGA_DE_HISTORIA = /from "movimientos" where "credito_id" in/;
const LECTURA_DEL_CREDITO = /from "creditos"/;

/** Case 16 with only its first payment: a payment on 2025-02-26 is stored in two rows. */
const publicado = casoPublicado('puntualidad/16-pierde-y-recupera-la-tasa-puntual.json');
const caso: CasoEntrada = {
  ...publicado,
  movimientos: (publicado.movimientos ?? []).filter((m) => m.id === 'P1'),
};

let t: AppDePrueba;
let gestor: Sesion;
let coordinador: Sesion;
let n = 0;

beforeAll(async () => {
  const base = await crearBaseDePrueba();
  t = await crearAppDePrueba({ db: base.db.withPlugin(anotador) }, base);
  gestor = await t.entrar('gestor');
  coordinador = await t.entrar('coordinador');
  t.reloj.fijar('2025-02-26T18:00:00Z');
});
afterAll(() => t.cerrar());

/** The request's answer, with the queries it ran left in `consultas`. */
async function anotar(
  metodo: string,
  url: string,
  opciones: { sesion?: Sesion; cuerpo?: unknown; conClave?: boolean } = {},
) {
  const { conClave, ...resto } = opciones;
  consultas = [];
  return t.pedir(metodo, url, {
    sesion: gestor,
    ...resto,
    ...(conClave ? { encabezados: { 'idempotency-key': `una-carga-${Date.now()}-${n++}` } } : {}),
  });
}

const pagar = (creditoId: number, cuerpo: unknown) =>
  anotar('POST', `/api/creditos/${creditoId}/pagos`, { cuerpo, conClave: true });

/** Today's statement from a fresh load of the stored rows. */
const estadoGuardado = async (creditoId: number) =>
  estadoDeCuentaAJson(
    calcularEstado(await cargarCredito(t.base.db, creditoId), t.reloj.hoy() as Fecha),
  );

describe('una carga del crédito y su historia por caso de uso', () => {
  it('la vista previa de un pago', async () => {
    const credito = await guardarCaso(t.base.db, caso);
    const r = await anotar('POST', `/api/creditos/${credito.id}/pagos/vista-previa`, {
      cuerpo: { monto: '1500.00' },
    });
    expect(r.statusCode).toBe(200);
    expect(cuantas(CARGA_DE_HISTORIA)).toBe(1);
  });

  it('registrar un pago guardado en dos filas: el estado de después es el de las filas guardadas', async () => {
    const credito = await guardarCaso(t.base.db, caso);
    const r = await pagar(credito.id, { monto: '1500.00', canal: 'caja', referencia: 'C-1' });
    expect(r.statusCode).toBe(201);
    expect(r.json().partes).toHaveLength(2);
    expect(cuantas(CARGA_DE_HISTORIA)).toBe(1);
    // The lock, then the load: the credit row is read twice, the history once. (The credit's
    // open promesas de pago are locked too, to settle them in the same transaction.)
    expect(cuantas(/from "creditos" .* for update$/)).toBe(1);
    expect(r.json().estado).toEqual(await estadoGuardado(credito.id));
  });

  it('registrar un pago en una sola fila, con fecha pasada', async () => {
    const credito = await guardarCaso(t.base.db, caso);
    const r = await pagar(credito.id, {
      monto: '250.00',
      canal: 'banco',
      referencia: 'B-1',
      fecha: '2025-02-20',
    });
    expect(r.statusCode).toBe(201);
    expect(r.json().partes).toHaveLength(1);
    expect(cuantas(CARGA_DE_HISTORIA)).toBe(1);
    expect(r.json().estado).toEqual(await estadoGuardado(credito.id));
  });

  it('cancelar un pago guardado en dos filas', async () => {
    const credito = await guardarCaso(t.base.db, caso);
    const pago = (
      await pagar(credito.id, { monto: '1500.00', canal: 'caja', referencia: 'C-2' })
    ).json();
    const r = await anotar('POST', `/api/movimientos/${pago.partes[1].id}/cancelacion`, {
      sesion: coordinador,
      cuerpo: { motivo: 'depósito duplicado' },
      conClave: true,
    });
    expect(r.statusCode).toBe(201);
    expect(r.json().partes).toHaveLength(1);
    expect(cuantas(CARGA_DE_HISTORIA)).toBe(1);
    expect(r.json().estado).toEqual(await estadoGuardado(credito.id));
  });

  it('el estado de cuenta en PDF lee el crédito una vez', async () => {
    const credito = await guardarCaso(t.base.db, caso);
    const r = await anotar('GET', `/api/creditos/${credito.id}/estado-de-cuenta.pdf`);
    expect(r.statusCode).toBe(200);
    expect(cuantas(CARGA_DE_HISTORIA)).toBe(1);
    expect(cuantas(LECTURA_DEL_CREDITO)).toBe(1);
  });
});
