import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Centavos } from '../../src/domain/dinero.ts';
import type { Fecha } from '../../src/domain/fecha.ts';
import { generarReferencia } from '../../src/domain/referencia.ts';
import { verificarBitacora } from '../../src/modules/bitacora/verificar-bitacora.ts';
import { sha256DeArchivo } from '../../src/modules/conciliacion/deposito.ts';
import { importarEstadoBancario } from '../../src/modules/conciliacion/importar-estado-bancario.ts';
import { leerEstadoBancario } from '../../src/modules/conciliacion/leer-estado-bancario.ts';
import type { ContextoAutenticado } from '../../src/modules/contexto.ts';
import { cargarDemo } from '../../src/modules/demo/cargar-demo.ts';
import { registrarPago } from '../../src/modules/pagos/registrar-pago.ts';
import { RelojManual } from '../../src/plataforma/reloj-sistema.ts';
import { type BaseDePrueba, crearBaseDePrueba } from '../soporte/base-de-prueba.ts';
import { casoPublicado, guardarCaso } from '../soporte/fabricas.ts';

const caso = casoPublicado('01-pago-parcial-con-atraso.json');

let base: BaseDePrueba;
const reloj = new RelojManual('2024-06-30T18:00:00Z');
const ctx = (): ContextoAutenticado => ({ reloj, ip: null, actor: contabilidad });
const contabilidad = {
  id: 0,
  usuario: 'contabilidad',
  nombre: 'Contabilidad',
  rol: 'contabilidad' as const,
  oficinaId: null,
  despachoId: null,
};
let creditos: Array<{ id: number; numero: string }> = [];

beforeAll(async () => {
  base = await crearBaseDePrueba();
  await base.db.transaction().execute((trx) => cargarDemo(trx, { reloj, ip: null }));
  contabilidad.id = (
    await base.db
      .selectFrom('usuarios')
      .select('id')
      .where('usuario', '=', 'contabilidad')
      .executeTakeFirstOrThrow()
  ).id;
  creditos = [];
  for (let i = 0; i < 10; i++) creditos.push(await guardarCaso(base.db, caso));
});
afterAll(() => base.cerrar());

function archivo(prefijo: string, lineas: number): string {
  const filas = Array.from({ length: lineas }, (_, i) => {
    const c = creditos[i % creditos.length];
    const ref = i % 7 === 6 || !c ? '' : generarReferencia(c.id);
    return `30/06/2024,${ref},${10 + (i % 5)}.00,${prefijo}-${i},linea ${i}`;
  });
  return ['fecha,referencia,importe,folio_banco,concepto', ...filas].join('\n');
}

function importar(texto: string) {
  const leido = leerEstadoBancario(texto, reloj.hoy());
  if (!leido.ok) throw new Error(JSON.stringify(leido.errores));
  return base.db
    .transaction()
    .execute((trx) =>
      importarEstadoBancario(
        trx,
        { nombre: 'prueba.csv', sha256: sha256DeArchivo(texto), depositos: leido.depositos },
        ctx(),
      ),
    );
}

const cuenta = async (tabla: 'movimientos' | 'depositos_pendientes') =>
  Number(
    (
      await base.db
        .selectFrom(tabla)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('conciliación bajo concurrencia', () => {
  it('dos importaciones simultáneas del mismo archivo registran cada depósito una sola vez', async () => {
    const texto = archivo('SIM', 40);
    const [movAntes, pendAntes] = [
      await cuenta('movimientos'),
      await cuenta('depositos_pendientes'),
    ];
    const [a, b] = await Promise.all([importar(texto), importar(texto)]);
    const registrados = a.importacion.registrados + b.importacion.registrados;
    const pendientes = a.importacion.pendientes + b.importacion.pendientes;
    expect(registrados).toBe(35);
    expect(pendientes).toBe(5);
    // Whichever ran second found every line already there.
    expect(a.importacion.yaRegistrados + b.importacion.yaRegistrados).toBe(35);
    expect(a.importacion.yaPendientes + b.importacion.yaPendientes).toBe(5);
    expect((await cuenta('movimientos')) - movAntes).toBe(35);
    expect((await cuenta('depositos_pendientes')) - pendAntes).toBe(5);
  });

  it('una importación y pagos de ventanilla a los mismos créditos no se bloquean entre sí', async () => {
    const movAntes = await cuenta('movimientos');
    const ventanilla = creditos.map((c, i) =>
      base.db.transaction().execute((trx) =>
        registrarPago(
          trx,
          c.id,
          {
            fecha: null,
            monto: 700 as Centavos,
            canal: 'caja',
            referencia: `CAJA-${i}`,
            excedente: 'reducir_plazo',
          },
          ctx(),
        ),
      ),
    );
    const [importacion] = await Promise.all([importar(archivo('MIX', 30)), ...ventanilla]);
    expect(importacion.importacion.registrados).toBe(26);
    expect((await cuenta('movimientos')) - movAntes).toBe(26 + creditos.length);
  });

  // How long the largest file takes is measured in `npm run bench -- conciliacion`.
  it(`un archivo de 600 depósitos queda completo: cada línea registrada o pendiente`, async () => {
    const r = await importar(archivo('VOL', 600));
    // One line in seven has no reference (archivo): those wait for assignment.
    expect(r.importacion.pendientes).toBe(Math.floor(600 / 7));
    expect(r.importacion.registrados + r.importacion.pendientes).toBe(600);
  });
});

// Dates are text end to end: a deposit's bank date is the payment's date, not the import's.
describe('fecha del depósito', () => {
  it('el pago lleva la fecha del banco', async () => {
    const c = creditos[0];
    if (!c) throw new Error('sin créditos');
    const r = await importar(
      [
        'fecha,referencia,importe,folio_banco',
        `2024-06-15,${generarReferencia(c.id)},25.00,FECHA-1`,
      ].join('\n'),
    );
    const fila = await base.db
      .selectFrom('movimientos')
      .select('fecha')
      .where('id', '=', r.registrados[0]?.movimientoId ?? 0)
      .executeTakeFirstOrThrow();
    expect(fila.fecha as Fecha).toBe('2024-06-15');
  });

  it('cada pago deja su fila de bitácora, escritas al final antes de la de la importación, y la cadena se sostiene', async () => {
    const c = creditos[1];
    if (!c) throw new Error('sin créditos');
    const r = await importar(
      [
        'fecha,referencia,importe,folio_banco',
        `2024-06-20,${generarReferencia(c.id)},25.00,BIT-1`,
        `2024-06-21,${generarReferencia(c.id)},26.00,BIT-2`,
      ].join('\n'),
    );
    const filas = await base.db
      .selectFrom('bitacora')
      .select(['accion', 'detalle'])
      .orderBy('id', 'desc')
      .limit(3)
      .execute();
    expect(filas.map((f) => f.accion)).toEqual([
      'conciliacion.importar',
      'pago.registrar',
      'pago.registrar',
    ]);
    expect(filas.slice(1).map((f) => (f.detalle as { movimiento: number }).movimiento)).toEqual(
      r.registrados.map((x) => x.movimientoId).reverse(),
    );
    expect(await verificarBitacora(base.db)).toMatchObject({ valida: true });
  });
});
