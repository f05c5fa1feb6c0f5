import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conectar } from '../../src/db/conexion.ts';
import { cargarDemo } from '../../src/modules/demo/cargar-demo.ts';
import { urlEmbebida } from '../../src/plataforma/postgres-embebido.ts';
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

  it('kill -9 del PostgreSQL embebido a media ráfaga: la app lo arranca sola, responde 503 (nunca 500) mientras, y cada pago reconocido existe una sola vez', async () => {
    const servidor = new Servidor(null, await puertoLibre());
    await servidor.arrancar();
    const leer = (archivo: string) =>
      JSON.parse(readFileSync(join(servidor.datos, archivo), 'utf8'));
    const url = urlEmbebida(leer('secretos.json').contrasenaPostgres, leer('recupera.lock').puerto);
    const conexion = conectar(url);
    try {
      const propios: number[] = [];
      for (let i = 0; i < 4; i++)
        propios.push((await guardarCaso(conexion.db, caso, { oficina: 'HMO' })).id);
      const r = await correrFiabilidad(servidor, conexion.db, propios, {
        pagos: 60,
        muertes: 1,
        concurrencia: 6,
        muere: 'postmaster',
      });
      expect(r).toMatchObject({ enviados: 60, movimientos: 60, estadosRevisados: 4 });
      expect(r.reconocidosAntesDeMorir).toBeGreaterThan(0);
      expect(r.estadosHttp[500]).toBeUndefined();
      expect(servidor.registro).toContain(
        'PostgreSQL embebido terminó sin que se pidiera (SIGKILL)',
      );
      expect(servidor.registro).toContain('PostgreSQL embebido está en marcha otra vez.');
    } finally {
      await conexion.cerrar();
      await servidor.detener();
    }
  }, 180_000);
});
