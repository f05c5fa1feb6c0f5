import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { cargarDemo } from '../src/modules/demo/cargar-demo.ts';
import { RelojManual } from '../src/plataforma/reloj-sistema.ts';
import { rutaCaso } from '../test/soporte/casos.ts';
import { type CasoEntrada, guardarCaso } from '../test/soporte/fabricas.ts';
import { correrFiabilidad, puertoLibre, Servidor } from '../test/soporte/fiabilidad.ts';
import { baseParaBenchmark } from './servidor-de-base.ts';

/** The long form of the kill -9 test: more payments, more kills, more credits. */
const { values } = parseArgs({
  options: {
    pagos: { type: 'string', default: '1000' },
    muertes: { type: 'string', default: '5' },
    creditos: { type: 'string', default: '20' },
  },
});
const caso = (
  JSON.parse(readFileSync(rutaCaso('01-pago-parcial-con-atraso.json'), 'utf8')) as {
    caso: CasoEntrada;
  }
).caso;

const base = await baseParaBenchmark('fiabilidad');
try {
  await base.db
    .transaction()
    .execute((trx) => cargarDemo(trx, { reloj: new RelojManual(new Date()), ip: null }));
  const creditos: number[] = [];
  for (let i = 0; i < Number(values.creditos); i++)
    creditos.push((await guardarCaso(base.db, caso, { oficina: 'HMO' })).id);
  const inicio = Date.now();
  const r = await correrFiabilidad(new Servidor(base.url, await puertoLibre()), base.db, creditos, {
    pagos: Number(values.pagos),
    muertes: Number(values.muertes),
    concurrencia: 10,
  });
  console.log(
    `Fiabilidad: ${JSON.stringify(r)} en ${((Date.now() - inicio) / 1000).toFixed(1)} s — todo pago reconocido existe una vez; todo estado coincide con el motor.`,
  );
} finally {
  await base.cerrar();
}
