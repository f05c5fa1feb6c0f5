import { BUCKETS, type Bucket } from '../../domain/antiguedad.ts';
import {
  type Centavos,
  centavos,
  formatearCentavos,
  restar,
  sumarTodos,
} from '../../domain/dinero.ts';
import { type Fecha, sumarDias } from '../../domain/fecha.ts';
import {
  calcularCumplimiento,
  ITEMS_META,
  type ItemMeta,
} from '../../domain/metas/indice-de-cumplimiento.ts';
import { porcentaje } from '../../domain/metas/porcentaje.ts';
import { tasasDeRodamiento } from '../../domain/metas/rodamiento.ts';
import type { MetaVigente } from '../metas/metas-vigentes.ts';
import type { Hechos, Llave } from './leer-hechos.ts';
import type {
  BucketDeRecuperacion,
  CanalRecuperacion,
  CoberturaMes,
  ConveniosMes,
  FilaIndicadores,
  ItemDeMeta,
  MetasDelMes,
  Prescripcion,
  PromesasMes,
  Recuperacion,
  SaludDeCartera,
  SujetoIndicadores,
  TurnosMes,
} from './tipos.ts';

const pesos = formatearCentavos;
const BUCKETS_RECUPERACION: readonly BucketDeRecuperacion[] = [...BUCKETS, 'sin_dato'];
const CANALES: readonly CanalRecuperacion[] = ['banco', 'caja', 'nomina', 'importacion'];

/** Which fact rows a subject adds up: a gestor's (or the unassigned), an office's, or all. */
export type Filtro = (f: Llave) => boolean;

function suma<T>(filas: readonly T[], campo: (f: T) => number): number {
  let s = 0;
  for (const f of filas) s += campo(f);
  return s;
}

/** Amounts add up checked: a total past the safe range throws instead of losing centavos. */
function sumaCentavos<T>(filas: readonly T[], campo: (f: T) => Centavos): Centavos {
  return sumarTodos(filas.map(campo));
}

const neto = (f: { cobrado: Centavos; cancelado: Centavos }) => restar(f.cobrado, f.cancelado);

function recuperacion(h: Hechos, de: Filtro, desde: Fecha, corte: Fecha): Recuperacion {
  const filas = h.recuperacion.filter(de);
  const cobrado = sumaCentavos(filas, (f) => f.cobrado);
  const cancelado = sumaCentavos(filas, (f) => f.cancelado);
  const porDia: Recuperacion['porDia'] = [];
  const dias = h.recuperacionPorDia.filter(de);
  for (let f = desde; f <= corte; f = sumarDias(f, 1)) {
    const dia = f;
    porDia.push({
      fecha: dia,
      monto: pesos(
        sumaCentavos(
          dias.filter((d) => d.fecha === dia),
          (d) => d.neto,
        ),
      ),
    });
  }
  return {
    neto: pesos(restar(cobrado, cancelado)),
    cobrado: pesos(cobrado),
    cancelado: pesos(cancelado),
    pagos: suma(filas, (f) => f.pagos),
    cancelaciones: suma(filas, (f) => f.cancelaciones),
    porBucket: BUCKETS_RECUPERACION.map((bucket) => ({
      bucket,
      monto: pesos(
        sumaCentavos(
          filas.filter((f) => f.bucket === bucket),
          neto,
        ),
      ),
    })),
    porCanal: CANALES.map((canal) => ({
      canal,
      monto: pesos(
        sumaCentavos(
          filas.filter((f) => f.canal === canal),
          neto,
        ),
      ),
    })),
    porDia,
  };
}

function cobertura(h: Hechos, de: Filtro): CoberturaMes {
  const filas = h.cobertura.filter(de);
  const asignadas = suma(filas, (f) => f.asignadas);
  const gestionadas = suma(filas, (f) => f.gestionadas);
  const conContactoEfectivo = suma(filas, (f) => f.con_contacto);
  return {
    asignadas,
    gestionadas,
    conContactoEfectivo,
    porcentajeGestionado: porcentaje(gestionadas, asignadas),
    porcentajeContactoEfectivo: porcentaje(conContactoEfectivo, asignadas),
  };
}

/** Seconds summed over n turns → average minutes with one decimal, half up; null for none. */
function minutos(segundos: number, n: number): string | null {
  if (n === 0) return null;
  const decimas = Math.floor((20 * segundos + 60 * n) / (120 * n));
  return `${Math.floor(decimas / 10)}.${decimas % 10}`;
}

function turnos(h: Hechos, de: Filtro): TurnosMes {
  const filas = h.turnos.filter(de);
  return {
    registrados: suma(filas, (f) => f.registrados),
    atendidos: suma(filas, (f) => f.atendidos),
    abandonados: suma(filas, (f) => f.abandonados),
    enEspera: suma(filas, (f) => f.en_espera),
    esperaPromedioMin: minutos(
      suma(filas, (f) => f.espera_seg),
      suma(filas, (f) => f.con_inicio),
    ),
    atencionPromedioMin: minutos(
      suma(filas, (f) => f.atencion_seg),
      suma(filas, (f) => f.con_fin),
    ),
  };
}

function compromisos(h: Hechos, de: Filtro): { promesas: PromesasMes; convenios: ConveniosMes } {
  const filas = h.compromisos.filter(de);
  return {
    promesas: {
      hechas: suma(filas, (f) => f.promesas_hechas),
      cumplidas: suma(filas, (f) => f.promesas_cumplidas),
      incumplidas: suma(filas, (f) => f.promesas_incumplidas),
      pendientes: suma(filas, (f) => f.promesas_pendientes ?? 0),
    },
    convenios: {
      firmados: suma(filas, (f) => f.convenios_firmados),
      vigentes: suma(filas, (f) => f.convenios_vigentes ?? 0),
      cumplidos: suma(filas, (f) => f.convenios_cumplidos),
      incumplidos: suma(filas, (f) => f.convenios_incumplidos),
      montoDescontado: pesos(sumaCentavos(filas, (f) => f.descuento)),
    },
  };
}

function cartera(h: Hechos, de: Filtro): SaludDeCartera {
  const filas = h.cartera.filter(de);
  const trans = h.transiciones.filter(de);
  const destinos: ReadonlyArray<Bucket | 'liquidado'> = [...BUCKETS, 'liquidado'];
  const matriz = BUCKETS.flatMap((desde) =>
    destinos.map((a) => {
      const par = trans.filter((t) => t.de === desde && t.a === a);
      return {
        de: desde,
        a,
        cuentas: suma(par, (t) => t.cuentas),
        saldo: sumaCentavos(par, (t) => t.saldo),
      };
    }),
  );
  const tasas = tasasDeRodamiento(
    matriz.map((m) => ({ de: m.de, a: m.a, cuentas: m.cuentas, saldo: BigInt(m.saldo) })),
  );
  return {
    porBucket: BUCKETS.map((bucket) => {
      const b = filas.filter((f) => f.bucket === bucket);
      return {
        bucket,
        cuentas: suma(b, (f) => f.cuentas),
        saldo: pesos(sumaCentavos(b, (f) => f.saldo)),
      };
    }),
    liquidadas: suma(
      trans.filter((t) => t.a === 'liquidado'),
      (t) => t.cuentas,
    ),
    rodamiento: tasas.map((t) => ({
      de: t.de,
      cuentas: t.cuentas,
      saldo: pesos(centavos(Number(t.saldo))),
      rodamientoCuentas: t.rodamientoCuentas,
      rodamientoSaldo: t.rodamientoSaldo,
      curaCuentas: t.curaCuentas,
      curaSaldo: t.curaSaldo,
    })),
    matriz: matriz.map((m) => ({ ...m, saldo: pesos(m.saldo) })),
  };
}

function prescripcion(h: Hechos, de: Filtro): Prescripcion {
  const filas = h.prescripcion.filter(de);
  return {
    en90Dias: {
      cuentas: suma(filas, (f) => f.cuentas_90),
      saldo: pesos(sumaCentavos(filas, (f) => f.saldo_90)),
    },
    en180Dias: {
      cuentas: suma(filas, (f) => f.cuentas_180),
      saldo: pesos(sumaCentavos(filas, (f) => f.saldo_180)),
    },
  };
}

function metas(meta: MetaVigente | undefined, logrado: Record<ItemMeta, bigint>): MetasDelMes {
  if (!meta) return { items: {}, indice: null, version: null };
  const c = calcularCumplimiento(meta.objetivos, logrado);
  const items: MetasDelMes['items'] = {};
  const texto = (item: ItemMeta, v: bigint) =>
    item === 'recuperacion' ? pesos(centavos(Number(v))) : v.toString();
  for (const item of ITEMS_META) {
    const i = c.items[item];
    if (!i) continue;
    const fila: ItemDeMeta = {
      meta: texto(item, i.meta),
      logrado: texto(item, i.logrado),
      peso: i.peso,
      cumplimiento: i.cumplimiento,
    };
    items[item] = fila;
  }
  return { items, indice: c.indice, version: meta.version };
}

export interface Sujeto {
  sujeto: SujetoIndicadores;
  de: Filtro;
  /**
   * Coverage rows: a gestor's own, or the offices' rows of distinct accounts (not the sum of
   * the gestores'); null for Sin asignar (unassigned accounts are nobody's to manage).
   */
  cobertura: Filtro | null;
  /** Walk-ins: a gestor's are those he took; null where they do not apply (Sin asignar). */
  turnos: Filtro | null;
  /** The goal to measure against; null: the family does not apply (institute, Sin asignar). */
  meta: MetaVigente | undefined | null;
}

/** One subject's row; `todo` false: the reader sees the recovery alone (contabilidad). */
export function armarFila(
  h: Hechos,
  s: Sujeto,
  desde: Fecha,
  corte: Fecha,
  todo: boolean,
): FilaIndicadores {
  const rec = recuperacion(h, s.de, desde, corte);
  if (!todo) {
    return {
      sujeto: s.sujeto,
      recuperacion: rec,
      cobertura: null,
      turnos: null,
      promesas: null,
      convenios: null,
      cartera: null,
      prescripcion: null,
      metas: null,
    };
  }
  const cob = s.cobertura ? cobertura(h, s.cobertura) : null;
  const tur = s.turnos ? turnos(h, s.turnos) : null;
  const { promesas, convenios } = compromisos(h, s.de);
  const neto =
    suma(h.recuperacion.filter(s.de), (f) => f.cobrado) -
    suma(h.recuperacion.filter(s.de), (f) => f.cancelado);
  return {
    sujeto: s.sujeto,
    recuperacion: rec,
    cobertura: cob,
    turnos: tur,
    promesas,
    convenios,
    cartera: cartera(h, s.de),
    prescripcion: prescripcion(h, s.de),
    metas:
      s.meta === null
        ? null
        : metas(s.meta, {
            recuperacion: BigInt(neto),
            contactosEfectivos: BigInt(cob?.conContactoEfectivo ?? 0),
            convenios: BigInt(convenios.firmados),
            turnosAtendidos: BigInt(tur?.atendidos ?? 0),
          }),
  };
}
