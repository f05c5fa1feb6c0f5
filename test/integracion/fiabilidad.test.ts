import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cargarDemo } from '../../src/modules/demo/cargar-demo.ts';
import { RelojManual } from '../../src/plataforma/reloj-sistema.ts';
import { type BaseDePrueba, crearBaseDePrueba } from '../soporte/base-de-prueba.ts';
import { casoPublicado, guardarCaso } from '../soporte/fabricas.ts';
import { correrFiabilidad, puertoLibre, Servidor } from '../soporte/fiabilidad.ts';

const caso = casoPublicado('01-pago-parcial-con-atraso.json');

let base: BaseDePrueba;
const creditos: number[] = [];

beforeAll(async () => {
  base = await crearBaseDePrueba();
  await base.db
    .transaction()
    .execute((trx) => cargarDemo(trx, { reloj: new RelojManual(new Date()), ip: null }));
  for (let i = 0; i < 4; i++)
    creditos.push((await guardarCaso(base.db, caso, { oficina: 'HMO' })).id);
});
afterAll(() => base.cerrar());

describe('fiabilidad (forma corta; la larga: npm run bench -- fiabilidad)', () => {
  it('tras un kill -9 a media ráfaga de pagos, cada pago reconocido existe una sola vez y cada estado coincide con el motor', async () => {
    const servidor = new Servidor(base.url, await puertoLibre());
    const r = await correrFiabilidad(servidor, base.db, creditos, {
      pagos: 60,
      muertes: 1,
      concurrencia: 6,
    });
    expect(r).toMatchObject({ enviados: 60, movimientos: 60, estadosRevisados: 4 });
    // The kill must have hit mid-stream: some acknowledged before it, some left to retry.
    expect(r.reconocidosAntesDeMorir).toBeGreaterThan(0);
    expect(r.reintentados).toBeGreaterThan(0);
  }, 180_000);
});
