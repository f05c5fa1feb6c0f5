import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EstadoDeCuentaJson } from '../../src/domain/estado-de-cuenta/index.ts';
import { type AppDePrueba, crearAppDePrueba, type Sesion } from '../soporte/app-de-prueba.ts';
import { rutaCaso } from '../soporte/casos.ts';
import { type CasoEntrada, guardarCaso } from '../soporte/fabricas.ts';

// R9's example of a credit with its own 0%: stored without it, the route sets it.
const publicado = JSON.parse(
  readFileSync(rutaCaso('puntualidad/17-tasa-puntual-del-credito-cero.json'), 'utf8'),
) as { caso: CasoEntrada; esperado: EstadoDeCuentaJson };
const { tasa_puntual_anual: propia, ...creditoSinTasa } = publicado.caso.credito;
const caso: CasoEntrada = { ...publicado.caso, credito: creditoSinTasa };

let t: AppDePrueba;
let hermosillo: { id: number; numero: string; movimientos: Map<string, number> };
let nogales: { id: number; numero: string };
const s: Record<string, Sesion> = {};

beforeAll(async () => {
  t = await crearAppDePrueba();
  hermosillo = await guardarCaso(t.base.db, caso, { oficina: 'HMO' });
  nogales = await guardarCaso(t.base.db, caso, { oficina: 'NOG' });
  for (const u of ['gestor', 'coordinador', 'admin']) s[u] = await t.entrar(u);
});
afterAll(() => t.cerrar());

const fijar = (sesion: Sesion | undefined, id: number, cuerpo: unknown) =>
  t.pedir('PUT', `/api/creditos/${id}/tasa-puntual`, { sesion, cuerpo });
const MOTIVO = 'Promedio de 90 o más en el ciclo 2024-2025';
const estado = async (id: number): Promise<EstadoDeCuentaJson> =>
  (
    await t.pedir('GET', `/api/creditos/${id}/estado-de-cuenta?fecha=${caso.fecha_corte}`, {
      sesion: s.admin,
    })
  ).json();

describe('PUT /api/creditos/:id/tasa-puntual', () => {
  it('el caso publicado trae su propia tasa de 0 %', () => {
    expect(propia).toBe('0.00');
  });

  it('el coordinador de la oficina fija 0 %: el estado de cuenta y la vista del crédito la reflejan, y queda en la bitácora', async () => {
    const antes = await estado(hermosillo.id);
    expect(antes.saldo_para_liquidar).not.toBe(publicado.esperado.saldo_para_liquidar);

    const r = await fijar(s.coordinador, hermosillo.id, {
      tasa: '0.00',
      motivo: MOTIVO,
      evidencia: 'Constancia de calificaciones, promedio 94.5',
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({
      creditoId: hermosillo.id,
      tasaPuntualDelCredito: {
        tasa: '0.00000000',
        motivo: MOTIVO,
        evidencia: 'Constancia de calificaciones, promedio 94.5',
      },
      tasaPuntualAnual: '0.00000000',
    });

    // The published example, field by field (ledger ids where the case had its own).
    const idDelCaso = new Map(
      [...hermosillo.movimientos].map(([delCaso, id]) => [String(id), delCaso]),
    );
    // The R9 detail the API adds (`puntualidad`) is another test's business.
    const { puntualidad: _detalle, ...despues } = (await estado(
      hermosillo.id,
    )) as EstadoDeCuentaJson & {
      puntualidad?: unknown;
    };
    expect({
      ...despues,
      credito: publicado.caso.credito.id,
      aplicaciones: despues.aplicaciones.map((a) => ({ ...a, id: idDelCaso.get(a.id) ?? a.id })),
    }).toEqual(publicado.esperado);

    const vista = (
      await t.pedir('GET', `/api/creditos/${hermosillo.id}`, { sesion: s.gestor })
    ).json();
    expect(vista.producto).toMatchObject({
      tasaOrdinariaAnual: '0.06000000',
      tasaPuntualAnual: '0.00000000',
    });
    expect(vista.tasaPuntualDelCredito).toEqual({
      tasa: '0.00000000',
      motivo: MOTIVO,
      evidencia: 'Constancia de calificaciones, promedio 94.5',
    });

    const bitacora = await t.base.db
      .selectFrom('bitacora')
      .select(['actor_usuario', 'objeto_id', 'detalle'])
      .where('accion', '=', 'credito.tasa_puntual')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(bitacora).toMatchObject({
      actor_usuario: 'coordinador',
      objeto_id: String(hermosillo.id),
      detalle: {
        antes: { tasa: null, motivo: null, evidencia: null },
        despues: { tasa: '0.00000000', motivo: MOTIVO },
        motivo: MOTIVO,
        evidencia: 'Constancia de calificaciones, promedio 94.5',
      },
    });
  });

  it('null la quita (el administrador, en cualquier oficina): vuelve la tasa puntual de la versión', async () => {
    const r = await fijar(s.admin, nogales.id, { tasa: '0', motivo: MOTIVO });
    expect(r.statusCode).toBe(200);
    const quitada = await fijar(s.admin, nogales.id, {
      tasa: null,
      motivo: 'La constancia de calificaciones no era válida',
      evidencia: null,
    });
    expect(quitada.statusCode).toBe(200);
    expect(quitada.json()).toEqual({
      creditoId: nogales.id,
      tasaPuntualDelCredito: null,
      tasaPuntualAnual: '0.03000000',
    });
  });

  it('el gestor no la fija (403)', async () => {
    const r = await fijar(s.gestor, hermosillo.id, { tasa: '0.00', motivo: MOTIVO });
    expect(r.statusCode).toBe(403);
  });

  it('el coordinador de otra oficina no la fija (403)', async () => {
    const r = await fijar(s.coordinador, nogales.id, { tasa: '0.00', motivo: MOTIVO });
    expect(r.statusCode).toBe(403);
    expect(r.json().error.mensaje).toBe('Este crédito no está en tu cartera.');
  });

  it('una tasa mayor que la ordinaria en vigor es un 422 que nombra el campo', async () => {
    const r = await fijar(s.coordinador, hermosillo.id, { tasa: '0.07', motivo: MOTIVO });
    expect(r.statusCode).toBe(422);
    expect(r.json().error).toEqual({
      codigo: 'tasa_invalida',
      campo: 'tasa',
      mensaje: `La tasa por puntualidad (7 %) no puede ser mayor que la tasa ordinaria en vigor del crédito ${hermosillo.numero} (6 %).`,
    });
  });

  it('un campo desconocido, un motivo corto o una tasa mal escrita son un 400 que nombra el campo', async () => {
    const desconocido = await fijar(s.coordinador, hermosillo.id, {
      tasa: '0.00',
      motivo: MOTIVO,
      promedio: 94.5,
    });
    expect(desconocido.statusCode).toBe(400);
    expect(desconocido.json().error).toMatchObject({
      codigo: 'entrada_invalida',
      campo: 'promedio',
      mensaje: 'El campo «promedio» no se admite.',
    });
    const corto = await fijar(s.coordinador, hermosillo.id, { tasa: '0.00', motivo: 'porque' });
    expect(corto.statusCode).toBe(400);
    expect(corto.json().error.campo).toBe('motivo');
    const mal = await fijar(s.coordinador, hermosillo.id, { tasa: '3%', motivo: MOTIVO });
    expect(mal.statusCode).toBe(400);
    expect(mal.json().error.campo).toBe('tasa');
    const numero = await fijar(s.coordinador, hermosillo.id, { tasa: 0, motivo: MOTIVO });
    expect(numero.statusCode).toBe(400);
    expect(numero.json().error.campo).toBe('tasa');
  });
});
