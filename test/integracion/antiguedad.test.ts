import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Fecha } from '../../src/domain/fecha.ts';
import { calcularAntiguedad } from '../../src/modules/cartera/calcular-antiguedad.ts';
import { RelojManual } from '../../src/plataforma/reloj-sistema.ts';
import { type ColaDeTrabajos, iniciarTrabajos } from '../../src/plataforma/trabajos.ts';
import { type BaseDePrueba, crearBaseDePrueba } from '../soporte/base-de-prueba.ts';
import { casoPublicado, guardarCaso } from '../soporte/fabricas.ts';

let base: BaseDePrueba;
const reloj = new RelojManual('2024-07-01T18:00:00Z');
let vencido: number;
let liquidado: number;

beforeAll(async () => {
  base = await crearBaseDePrueba();
  vencido = (await guardarCaso(base.db, casoPublicado('01-pago-parcial-con-atraso.json'))).id;
  liquidado = (
    await guardarCaso(base.db, casoPublicado('02-liquidacion-anticipada-con-saldo-a-favor.json'))
  ).id;
});
afterAll(() => base.cerrar());

async function instantanea(fecha: string) {
  return base.db
    .selectFrom('antiguedad_saldos')
    .selectAll()
    .where('fecha', '=', fecha)
    .orderBy('credito_id')
    .execute();
}

describe('antigüedad de saldos', () => {
  it('guarda la situación, los días de atraso, el bucket y los saldos que da el motor', async () => {
    const r = await base.db
      .transaction()
      .execute((trx) => calcularAntiguedad(trx, '2024-06-30' as Fecha, { reloj, ip: null }));
    expect(r).toEqual({ fecha: '2024-06-30', creditos: 2, conError: [], transiciones: [] });
    const filas = await instantanea('2024-06-30');
    const delVencido = filas.find((f) => f.credito_id === vencido);
    // The published case: 121 days past due on 2024-06-30.
    expect(delVencido).toMatchObject({ situacion: 'vencido', dias_atraso: 121, bucket: '91-180' });
    expect(filas.find((f) => f.credito_id === liquidado)).toMatchObject({
      situacion: 'liquidado',
      bucket: 'al_corriente',
      saldo_para_liquidar_centavos: 0,
    });
  });

  it('recalcular la misma fecha reemplaza la instantánea, no la duplica', async () => {
    await base.db
      .transaction()
      .execute((trx) => calcularAntiguedad(trx, '2024-06-30' as Fecha, { reloj, ip: null }));
    expect(await instantanea('2024-06-30')).toHaveLength(2);
  });

  it('a la fecha de hoy, un crédito que el motor da por liquidado pasa a estado liquidado', async () => {
    const estadoDe = async (id: number) =>
      (
        await base.db
          .selectFrom('creditos')
          .select('estado')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).estado;
    const hoy = new RelojManual('2024-06-30T18:00:00Z');
    const r = await base.db
      .transaction()
      .execute((trx) => calcularAntiguedad(trx, '2024-06-30' as Fecha, { reloj: hoy, ip: null }));
    expect(r.transiciones).toEqual([{ numero: expect.any(String), de: 'activo', a: 'liquidado' }]);
    expect(await estadoDe(liquidado)).toBe('liquidado');
    expect(await estadoDe(vencido)).toBe('activo');
    const otraVez = await base.db
      .transaction()
      .execute((trx) => calcularAntiguedad(trx, '2024-06-30' as Fecha, { reloj: hoy, ip: null }));
    expect(otraVez.transiciones).toEqual([]);
  });

  describe('como trabajo en la cola (pg-boss) sobre la misma base', () => {
    let cola: ColaDeTrabajos;
    beforeAll(async () => {
      cola = await iniciarTrabajos(base.url, base.db, reloj, 'America/Hermosillo');
    });
    afterAll(() => cola.detener());

    it('al arrancar encola la antigüedad de hoy, y un trabajo pedido termina con su resultado', async () => {
      const id = await cola.encolarAntiguedad('2024-05-15' as Fecha, null);
      let estado = await cola.estadoDeTrabajo(id);
      for (
        let i = 0;
        i < 100 && estado?.estado !== 'terminado' && estado?.estado !== 'fallido';
        i++
      ) {
        await new Promise((r) => setTimeout(r, 200));
        estado = await cola.estadoDeTrabajo(id);
      }
      expect(estado).toMatchObject({
        estado: 'terminado',
        resultado: { fecha: '2024-05-15', creditos: 2 },
      });
      expect(await instantanea('2024-05-15')).toHaveLength(2);
      // The start-up job for the business date (2024-07-01) ran as well.
      for (let i = 0; i < 50 && (await instantanea('2024-07-01')).length === 0; i++)
        await new Promise((r) => setTimeout(r, 200));
      expect(await instantanea('2024-07-01')).toHaveLength(2);
    });
  });
});
