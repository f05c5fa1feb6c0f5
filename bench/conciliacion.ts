import { sql } from 'kysely';
import { generarReferencia } from '../src/domain/referencia.ts';
import { sha256DeArchivo } from '../src/modules/conciliacion/deposito.ts';
import { importarEstadoBancario } from '../src/modules/conciliacion/importar-estado-bancario.ts';
import {
  leerEstadoBancario,
  MAXIMO_DEPOSITOS,
} from '../src/modules/conciliacion/leer-estado-bancario.ts';
import { cargarCarteraDemo } from '../src/modules/demo/cargar-cartera-demo.ts';
import { cargarDemo } from '../src/modules/demo/cargar-demo.ts';
import { RelojManual } from '../src/plataforma/reloj-sistema.ts';
import { baseParaBenchmark } from './servidor-de-base.ts';

/**
 * A bank statement of the largest size accepted (MAXIMO_DEPOSITOS lines) over the demo
 * portfolio, imported twice: the first posts every deposit with a good reference (one line in
 * seven comes without one and waits for assignment), the second posts nothing. The import
 * holds the reconciliation lock while it runs, so its time is how long contabilidad waits.
 */
const reloj = new RelojManual(new Date());
const base = await baseParaBenchmark('conciliacion');
try {
  await base.db.transaction().execute(async (trx) => {
    await cargarDemo(trx, { reloj, ip: null });
    await cargarCarteraDemo(trx, { acreditados: 3000, semilla: 1996 }, { reloj, ip: null });
  });
  await sql`VACUUM ANALYZE`.execute(base.db);
  const creditos = await base.db
    .selectFrom('creditos')
    .select('id')
    .where('estado', '=', 'activo')
    .orderBy('id')
    .limit(MAXIMO_DEPOSITOS)
    .execute();
  const contabilidad = await base.db
    .selectFrom('usuarios')
    .select(['id', 'usuario', 'nombre', 'rol', 'oficina_id', 'despacho_id'])
    .where('usuario', '=', 'contabilidad')
    .executeTakeFirstOrThrow();
  const actor = {
    id: contabilidad.id,
    usuario: contabilidad.usuario,
    nombre: contabilidad.nombre,
    rol: contabilidad.rol,
    oficinaId: contabilidad.oficina_id,
    despachoId: contabilidad.despacho_id,
  };
  const hoy = reloj.hoy();
  const fecha = `${hoy.slice(8, 10)}/${hoy.slice(5, 7)}/${hoy.slice(0, 4)}`;
  const filas = Array.from({ length: MAXIMO_DEPOSITOS }, (_, i) => {
    const c = creditos[i % creditos.length];
    const referencia = i % 7 === 6 || !c ? '' : generarReferencia(c.id);
    return `${fecha},${referencia},${100 + (i % 50)}.00,BENCH-${i},depósito ${i}`;
  });
  const texto = ['fecha,referencia,importe,folio_banco,concepto', ...filas].join('\n');
  const leido = leerEstadoBancario(texto, hoy);
  if (!leido.ok) throw new Error(JSON.stringify(leido.errores.slice(0, 3)));
  for (const vuelta of ['primera', 'segunda']) {
    const inicio = performance.now();
    const r = await base.db.transaction().execute((trx) =>
      importarEstadoBancario(
        trx,
        {
          nombre: `bench-${vuelta}.csv`,
          sha256: sha256DeArchivo(texto),
          depositos: leido.depositos,
        },
        { reloj, ip: null, actor },
      ),
    );
    const segundos = (performance.now() - inicio) / 1000;
    console.log(
      `${vuelta} importación de ${MAXIMO_DEPOSITOS} depósitos: ${segundos.toFixed(1)} s; registrados ${r.importacion.registrados}, pendientes ${r.importacion.pendientes}, ya registrados ${r.importacion.yaRegistrados}, ya pendientes ${r.importacion.yaPendientes}.`,
    );
  }
} finally {
  await base.cerrar();
}
