import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUCKETS, type Bucket } from '../../src/domain/antiguedad.ts';
import { type Mes, mesAnterior } from '../../src/domain/metas/mes.ts';
import { cargarDemo } from '../../src/modules/demo/cargar-demo.ts';
import { consultarIndicadores } from '../../src/modules/indicadores/consultar-indicadores.ts';
import { materializarMes } from '../../src/modules/indicadores/materializar-hechos.ts';
import type {
  FilaIndicadores,
  Indicadores,
  NivelIndicadores,
} from '../../src/modules/indicadores/tipos.ts';
import type { Actor } from '../../src/modules/seguridad/actor.ts';
import { RelojManual } from '../../src/plataforma/reloj-sistema.ts';
import { type BaseDePrueba, crearBaseDePrueba } from '../soporte/base-de-prueba.ts';
import { casoPublicado, guardarCaso } from '../soporte/fabricas.ts';

/**
 * Property: for any small portfolio (holders changing mid-month, payments and cancellations,
 * agings, promises, convenios), the gestor rows («Sin asignar» included) add up to their
 * office's row, and the offices to the institute's. Each run writes its own month, so earlier
 * runs' facts only add more data over which the sums must still hold.
 */
let base: BaseDePrueba;
const reloj = new RelojManual('2027-01-10T18:00:00Z');
let admin: Actor;
const gestores: Record<'HMO' | 'NOG', number[]> = { HMO: [], NOG: [] };
let version = 0;
let corrida = 0;

const dos = (n: number) => String(n).padStart(2, '0');
const centavos = (s: string) => Math.round(Number(s) * 100);

const cuenta = fc.record({
  oficina: fc.constantFrom<'HMO' | 'NOG'>('HMO', 'NOG'),
  tramos: fc.array(fc.record({ gestor: fc.nat(2), dia: fc.integer({ min: 1, max: 28 }) }), {
    maxLength: 3,
  }),
  pagos: fc.array(
    fc.record({
      dia: fc.integer({ min: 1, max: 28 }),
      monto: fc.integer({ min: 1, max: 500_000 }),
      canal: fc.constantFrom(
        'banco',
        'caja',
        'nomina',
        'importacion',
        'reestructura',
      ) as fc.Arbitrary<'banco' | 'caja' | 'nomina' | 'importacion' | 'reestructura'>,
      cancelada: fc.boolean(),
    }),
    { maxLength: 3 },
  ),
  inicio: fc.option(fc.constantFrom(...BUCKETS)),
  fin: fc.option(fc.constantFrom<Bucket | 'liquidado'>(...BUCKETS, 'liquidado')),
  saldo: fc.integer({ min: 0, max: 5_000_000 }),
  promesa: fc.option(
    fc.record({
      dia: fc.integer({ min: 1, max: 20 }),
      estado: fc.constantFrom('pendiente', 'cumplida', 'incumplida') as fc.Arbitrary<
        'pendiente' | 'cumplida' | 'incumplida'
      >,
      resuelta: fc.integer({ min: 0, max: 8 }),
    }),
  ),
  convenio: fc.option(
    fc.record({
      dia: fc.integer({ min: 1, max: 28 }),
      descuento: fc.integer({ min: 0, max: 90_000 }),
    }),
  ),
  pagare: fc.integer({ min: 0, max: 400 }),
});

async function sembrar(
  mes: string,
  anterior: string,
  cuentas: Array<typeof cuenta extends fc.Arbitrary<infer T> ? T : never>,
) {
  const caso = { ...casoPublicado('01-pago-parcial-con-atraso.json'), movimientos: [] };
  const db = base.db;
  for (const k of cuentas) {
    const { id } = await guardarCaso(db, caso, { oficina: k.oficina });
    // A pagaré due so that it prescribes 0–400 days after the month's 28th.
    const vence = new Date(
      Date.UTC(Number(mes.slice(0, 4)) - 3, Number(mes.slice(5)) - 1, 28 + k.pagare),
    );
    await db
      .updateTable('ministraciones')
      .set({ pagare_vencimiento: vence.toISOString().slice(0, 10) })
      .where('credito_id', '=', id)
      .execute();
    const tramos = [...k.tramos].sort((a, b) => a.dia - b.dia);
    for (const [i, t] of tramos.entries()) {
      const siguiente = tramos[i + 1];
      await db
        .insertInto('asignaciones')
        .values({
          credito_id: id,
          gestor_id: gestores[k.oficina][t.gestor % gestores[k.oficina].length] ?? 0,
          desde: i === 0 ? `${anterior}-15T17:00:00Z` : `${mes}-${dos(t.dia)}T19:00:00Z`,
          hasta: siguiente ? `${mes}-${dos(siguiente.dia)}T19:00:00Z` : null,
        })
        .execute();
    }
    const aging = async (fecha: string, b: Bucket | 'liquidado', saldo: number) =>
      db
        .insertInto('antiguedad_saldos')
        .values({
          credito_id: id,
          fecha,
          situacion:
            b === 'liquidado' ? 'liquidado' : b === 'al_corriente' ? 'al_corriente' : 'vencido',
          dias_atraso: 0,
          bucket: b === 'liquidado' ? 'al_corriente' : b,
          capital_insoluto_centavos: saldo,
          saldo_exigible_centavos: saldo,
          saldo_para_liquidar_centavos: saldo,
          interes_moratorio_centavos: 0,
          calculado: `${fecha}T12:00:00Z`,
        })
        .execute();
    if (k.inicio !== null) await aging(`${anterior}-28`, k.inicio, k.saldo);
    if (k.fin !== null) await aging(`${mes}-20`, k.fin, k.fin === 'liquidado' ? 0 : k.saldo + 100);
    for (const p of k.pagos) {
      const m = await db
        .insertInto('movimientos')
        .values({
          credito_id: id,
          tipo: 'pago',
          fecha: `${mes}-${dos(p.dia)}`,
          monto_centavos: p.monto,
          excedente: 'reducir_plazo',
          canal: p.canal,
          registrado_por: admin.id,
          registrado: `${mes}-${dos(p.dia)}T18:00:00Z`,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (p.cancelada) {
        await db
          .insertInto('movimientos')
          .values({
            credito_id: id,
            tipo: 'cancelacion',
            fecha: `${mes}-${dos(Math.min(p.dia + 2, 28))}`,
            cancela_id: m.id,
            motivo: 'prueba',
            registrado_por: admin.id,
            registrado: `${mes}-${dos(p.dia)}T18:00:00Z`,
          })
          .execute();
      }
    }
    if (k.promesa !== null) {
      const { dia, estado, resuelta } = k.promesa;
      const resultado = await db
        .selectFrom('resultados_gestion')
        .select('id')
        .where('clave', '=', 'promesa_de_pago')
        .executeTakeFirstOrThrow();
      const g = await db
        .insertInto('gestiones')
        .values({
          credito_id: id,
          canal: 'llamada_saliente',
          resultado_id: resultado.id,
          inicio: `${mes}-${dos(dia)}T17:00:00Z`,
          registrado_por: admin.id,
          registrado: `${mes}-${dos(dia)}T17:00:00Z`,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('promesas_pago')
        .values({
          credito_id: id,
          gestion_id: g.id,
          monto_centavos: 10_000,
          fecha: `${mes}-${dos(dia)}`,
          hecha_el: `${mes}-${dos(dia)}`,
          estado,
          resuelta_el: estado === 'pendiente' ? null : `${mes}-${dos(dia + resuelta)}`,
        })
        .execute();
    }
    if (k.convenio !== null) {
      const cv = await db
        .insertInto('convenios')
        .values({
          estado: 'firmado',
          version_alternativa_id: version,
          version_campana_id: null,
          tipo: 'convenio_de_pagos',
          nombre: 'Convenio',
          fecha_simulacion: `${mes}-01`,
          primer_pago: `${mes}-28`,
          plazo: 1,
          liquida: false,
          descuento_moratorio_centavos: k.convenio.descuento,
          descuento_interes_centavos: 0,
          total_centavos: 10_000,
          liquidar_hoy_centavos: 10_000,
          condiciones: 'prueba',
          oferta: JSON.stringify({}),
          tolerancia_dias: 0,
          propuesto_por: admin.id,
          propuesto_el: `${mes}-01T17:00:00Z`,
          requiere_rol: null,
          motivos_autorizacion: [],
          autorizado_por: null,
          autorizado_el: null,
          fecha_firma: `${mes}-${dos(k.convenio.dia)}`,
          cerrado_el: null,
          motivo_cancelacion: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('convenio_creditos')
        .values({ convenio_id: cv.id, credito_id: id })
        .execute();
    }
  }
}

/** Every additive figure of a row, as numbers keyed by name. */
function cifras(f: FilaIndicadores): Record<string, number> {
  const r: Record<string, number> = {};
  const rec = f.recuperacion;
  if (rec) {
    r.neto = centavos(rec.neto);
    r.cobrado = centavos(rec.cobrado);
    r.cancelado = centavos(rec.cancelado);
    r.pagos = rec.pagos;
    r.cancelaciones = rec.cancelaciones;
    for (const b of rec.porBucket) r[`bucket ${b.bucket}`] = centavos(b.monto);
    for (const b of rec.porCanal) r[`canal ${b.canal}`] = centavos(b.monto);
    for (const d of rec.porDia) r[`dia ${d.fecha}`] = centavos(d.monto);
  }
  for (const [k, v] of Object.entries(f.promesas ?? {})) r[`promesas ${k}`] = v;
  if (f.convenios) {
    r['convenios firmados'] = f.convenios.firmados;
    r['convenios vigentes'] = f.convenios.vigentes;
    r['convenios descuento'] = centavos(f.convenios.montoDescontado);
  }
  for (const b of f.cartera?.porBucket ?? []) {
    r[`cartera ${b.bucket} cuentas`] = b.cuentas;
    r[`cartera ${b.bucket} saldo`] = centavos(b.saldo);
  }
  for (const m of f.cartera?.matriz ?? []) r[`matriz ${m.de}→${m.a}`] = m.cuentas;
  if (f.cartera) r.liquidadas = f.cartera.liquidadas;
  if (f.prescripcion) {
    r['p90 cuentas'] = f.prescripcion.en90Dias.cuentas;
    r['p90 saldo'] = centavos(f.prescripcion.en90Dias.saldo);
    r['p180 cuentas'] = f.prescripcion.en180Dias.cuentas;
    r['p180 saldo'] = centavos(f.prescripcion.en180Dias.saldo);
  }
  return r;
}

function sumar(filas: FilaIndicadores[]): Record<string, number> {
  const s: Record<string, number> = {};
  for (const f of filas) for (const [k, v] of Object.entries(cifras(f))) s[k] = (s[k] ?? 0) + v;
  return s;
}

const consultar = (mes: string, nivel: NivelIndicadores): Promise<Indicadores> =>
  base.db
    .transaction()
    .execute((trx) => consultarIndicadores(trx, { mes, nivel }, { reloj, ip: null, actor: admin }));

beforeAll(async () => {
  base = await crearBaseDePrueba();
  await base.db.transaction().execute((trx) => cargarDemo(trx, { reloj, ip: null }));
  const usuarios = await base.db
    .selectFrom('usuarios')
    .innerJoin('oficinas', 'oficinas.id', 'usuarios.oficina_id')
    .select(['usuarios.id', 'usuarios.usuario', 'usuarios.rol', 'oficinas.clave'])
    .orderBy('usuarios.id')
    .execute();
  for (const f of usuarios) {
    if (f.rol === 'gestor' && (f.clave === 'HMO' || f.clave === 'NOG'))
      gestores[f.clave].push(f.id);
  }
  const a = await base.db
    .selectFrom('usuarios')
    .select(['id', 'usuario', 'nombre', 'rol', 'oficina_id', 'despacho_id'])
    .where('usuario', '=', 'admin')
    .executeTakeFirstOrThrow();
  admin = { ...a, oficinaId: a.oficina_id, despachoId: a.despacho_id };
  version = (
    await base.db
      .selectFrom('versiones_alternativa')
      .select('id')
      .orderBy('id')
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(() => base.cerrar());

describe('las cifras suman', () => {
  it('los gestores (con «Sin asignar») suman la oficina; las oficinas, el instituto', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(cuenta, { minLength: 1, maxLength: 6 }), async (cuentas) => {
        // Shrinking runs the property again: months cycle, and each run recomputes its month.
        const n = corrida++ % 36;
        const mes = `${2024 + Math.floor(n / 12)}-${dos((n % 12) + 1)}` as Mes;
        const anterior = mesAnterior(mes);
        await sembrar(mes, anterior, cuentas);
        await materializarMes(base.db, mes, { reloj, ip: null });
        const [porGestor, porOficina, instituto] = [
          await consultar(mes, 'gestor'),
          await consultar(mes, 'oficina'),
          await consultar(mes, 'instituto'),
        ];
        for (const o of porOficina.filas) {
          const suyas = porGestor.filas.filter((f) => f.sujeto.oficinaId === o.sujeto.id);
          expect(sumar(suyas)).toEqual(cifras(o));
        }
        const [i] = instituto.filas;
        if (!i) throw new Error('sin fila del instituto');
        expect(sumar(porOficina.filas)).toEqual(cifras(i));
        // Distinct accounts per office: the institute's coverage is the offices' sum too.
        expect(porOficina.filas.reduce((s, f) => s + (f.cobertura?.asignadas ?? 0), 0)).toBe(
          i.cobertura?.asignadas,
        );
      }),
      { numRuns: 8 },
    );
  });
});
