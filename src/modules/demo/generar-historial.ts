import type { MovimientoNuevo } from '../../db/escritura-cartera.ts';
import { centavos } from '../../domain/dinero.ts';
import { diasEntre, type Fecha, sumarDias } from '../../domain/fecha.ts';
import { type Tasa, tasaDesdeTexto } from '../../domain/tasa.ts';
import type { TasasDeCredito } from '../importacion/caso-de-credito.ts';
import type { Aleatorio } from './aleatorio.ts';
import { cancelarUnPago, condonar, estadoAl } from './eventos-de-historial.ts';
import type { Calendario } from './generar-credito.ts';

/** How a borrower has behaved: the demo portfolio has each kind. */
export type TipoHistorial =
  | 'puntual'
  | 'tardio'
  | 'abandonado'
  | 'liquidado'
  | 'prepago'
  | 'adelantado';

export const TIPOS_HISTORIAL: ReadonlyArray<readonly [TipoHistorial, number]> = [
  ['puntual', 18],
  ['tardio', 22],
  ['abandonado', 32],
  ['liquidado', 12],
  ['prepago', 8],
  ['adelantado', 8],
];

export interface Historial {
  movimientos: MovimientoNuevo[];
  /** Settled on purpose (paid what the engine asked to settle) or by paying every installment. */
  liquidado: boolean;
  /** Stopped paying (or never paid) two years or more before today. */
  muyVencido: boolean;
}

/** Ordinary interest of one period as the engine charges it: exact, rounded half up once (R2, R3). */
function interes(insoluto: number, tasa: Tasa, dias: number, base: number): number {
  const num = BigInt(insoluto) * tasa.numerador * BigInt(dias);
  const den = tasa.denominador * BigInt(base);
  return Number((2n * num + den) / (2n * den));
}

const redondearArriba = (c: number, paso: number) => Math.ceil(c / paso) * paso;

/**
 * A payment history of kind `tipo` up to `hoy`. Installments are modeled the way the engine
 * charges them (interest of the period on the capital left, paid on the due date or early as
 * held funds), so punctual borrowers end up exactly al corriente; late payers drift, as they do.
 */
export function generarHistorial(
  rnd: Aleatorio,
  numero: string,
  cal: Calendario,
  tasas: TasasDeCredito,
  tipo: TipoHistorial,
  hoy: Fecha,
): Historial {
  // Whoever pays on time is charged the punctual rate (R9), if any; late payers drift anyway.
  const aTiempo = tipo !== 'tardio' && tipo !== 'abandonado';
  const tasa = tasaDesdeTexto(
    aTiempo ? (tasas.tasaPuntual ?? tasas.tasaOrdinaria) : tasas.tasaOrdinaria,
  );
  const tasaMoratoria = tasaDesdeTexto(tasas.tasaMoratoria);
  if (tasa === null || tasaMoratoria === null)
    throw new Error(`demo: tasas inválidas en ${numero}`);
  const am = cal.amortizaciones;
  const n = am.length;
  const pendiente = am.map((a) => a.capital as number);
  let insoluto = pendiente.reduce((s, c) => s + c, 0);
  const movs: MovimientoNuevo[] = [];
  const referencia = numero.replace(/\D/g, '').padStart(10, '0');
  const pago = (
    fecha: Fecha,
    monto: number,
    excedente: 'reducir_plazo' | 'adelantar' = 'reducir_plazo',
  ): MovimientoNuevo => {
    const canal = rnd.ponderado([
      ['banco', 70],
      ['caja', 25],
      ['nomina', 5],
    ] as const);
    return {
      clave: null,
      tipo: 'pago',
      fecha,
      monto: centavos(monto),
      excedente,
      concepto: null,
      cancela: null,
      canal,
      referencia:
        canal === 'banco'
          ? referencia
          : canal === 'caja'
            ? `Folio ${rnd.entero(1000, 99999)}`
            : null,
      motivo: null,
      registradoPor: null,
    };
  };
  const desde = (i: number) =>
    i === 0 ? cal.fechaInicioInteres : (am[i - 1]?.fecha ?? cal.fechaInicioInteres);
  const cuota = (i: number, saldo = insoluto) =>
    (pendiente[i] ?? 0) +
    interes(saldo, tasa, diasEntre(desde(i), am[i]?.fecha ?? hoy), tasas.baseDias);
  const abonar = (i: number) => {
    insoluto -= pendiente[i] ?? 0;
    pendiente[i] = 0;
  };
  let vencidas = 0;
  while (vencidas < n && (am[vencidas]?.fecha ?? hoy) <= hoy) vencidas++;

  let limite = vencidas;
  if (tipo === 'abandonado') {
    const antiguas = am.filter((a) => diasEntre(a.fecha, hoy) >= 760).length;
    limite = rnd.probabilidad(0.2)
      ? 0
      : rnd.entero(0, Math.max(0, antiguas > 0 ? antiguas - 1 : vencidas - 1));
  } else if (tipo === 'liquidado') {
    limite = Math.min(vencidas, n - 1, rnd.entero(0, Math.max(0, vencidas - 1)));
  }
  const prepagoEn =
    tipo === 'prepago' ? rnd.entero(0, Math.max(0, Math.min(limite, n - 2) - 1)) : -1;
  const cubiertas = new Set<number>();
  let atrasada = 0;
  for (let i = 0; i < limite && insoluto > 0; i++) {
    const fecha = am[i]?.fecha ?? hoy;
    const ultima = i === n - 1;
    if (cubiertas.has(i)) {
      abonar(i);
      continue;
    }
    if (tipo === 'tardio' || (tipo === 'abandonado' && rnd.probabilidad(0.5))) {
      // Now and then an installment is skipped, and only half of it is caught up later.
      if (rnd.probabilidad(0.2) && !ultima) {
        atrasada += Math.floor(cuota(i) / 2);
        abonar(i);
        continue;
      }
      const proxima = am[i + 1]?.fecha ?? sumarDias(fecha, 30);
      const dias = Math.min(rnd.entero(3, 40), diasEntre(fecha, proxima) - 1);
      const cuando = sumarDias(fecha, dias);
      if (cuando > hoy) break;
      const capital = pendiente[i] ?? 0;
      const moratorio = interes(capital + atrasada, tasaMoratoria, dias, tasas.baseDias);
      const extra = interes(capital, tasa, dias, tasas.baseDias);
      movs.push(pago(cuando, redondearArriba(cuota(i) + atrasada + moratorio + extra, 1000)));
      atrasada = 0;
      abonar(i);
      continue;
    }
    if (i === prepagoEn) {
      const c = cuota(i);
      abonar(i);
      const adelanto = Math.floor((insoluto * (0.1 + rnd.siguiente() * 0.3)) / 10_000) * 10_000;
      if (adelanto > 0 && adelanto < insoluto) {
        let resto = adelanto;
        for (let j = n - 1; j > i && resto > 0; j--) {
          const parte = Math.min(resto, pendiente[j] ?? 0);
          pendiente[j] = (pendiente[j] ?? 0) - parte;
          resto -= parte;
        }
        insoluto -= adelanto;
      }
      movs.push(pago(fecha, c + Math.max(0, adelanto)));
      continue;
    }
    if (tipo === 'adelantado' && i + 2 < n && rnd.probabilidad(0.25)) {
      // This installment and the next one together; the next is held until its due date (R7).
      const c = cuota(i);
      abonar(i);
      cubiertas.add(i + 1);
      movs.push(pago(fecha, c + cuota(i + 1), 'adelantar'));
      continue;
    }
    const c = cuota(i);
    abonar(i);
    // Nothing due (capital prepaid, a 0% product): nothing to pay.
    if (c === 0) continue;
    // Early, as held funds; never the last one, which would settle the credit early (R6).
    if (!ultima && tipo !== 'abandonado' && rnd.probabilidad(0.3)) {
      const dias = Math.min(rnd.entero(1, 5), diasEntre(desde(i), fecha) - 1);
      movs.push(
        pago(sumarDias(fecha, -Math.max(0, dias)), c, dias > 0 ? 'adelantar' : 'reducir_plazo'),
      );
    } else movs.push(pago(fecha, c));
  }

  // Late payments can cross an early one: the ledger goes by date.
  movs.sort((a, b) => (a.fecha < b.fecha ? -1 : a.fecha > b.fecha ? 1 : 0));
  // A cancelled payment is paid again late, which the model does not follow: only in histories
  // whose end the engine decides (settled) or that owe anyway.
  const admiteCancelacion = tipo === 'tardio' || tipo === 'abandonado' || tipo === 'liquidado';
  if (admiteCancelacion && movs.length >= 3 && rnd.probabilidad(0.12))
    cancelarUnPago(rnd, movs, hoy);
  let liquidado = insoluto === 0 && tipo !== 'tardio' && tipo !== 'abandonado';
  if (tipo === 'liquidado' && !liquidado && (am[0]?.fecha ?? hoy) < hoy) {
    const base = movs.at(-1)?.fecha ?? am[0]?.fecha ?? hoy;
    const cuando = sumarDias(
      base,
      rnd.entero(1, Math.max(1, Math.min(60, diasEntre(base, hoy) - 1))),
    );
    if (cuando < hoy) {
      const e = estadoAl(numero, cal, tasas, movs, cuando);
      const monto = e.saldoParaLiquidar - e.pagosAdelantados;
      if (monto > 0) movs.push(pago(cuando, monto));
      liquidado = true;
    }
  }
  const ultimaActividad = movs.at(-1)?.fecha ?? am[0]?.fecha ?? hoy;
  const muyVencido = tipo === 'abandonado' && diasEntre(ultimaActividad, hoy) >= 730;
  if ((tipo === 'tardio' || tipo === 'abandonado') && rnd.probabilidad(0.15))
    condonar(rnd, numero, cal, tasas, movs, hoy);
  return { movimientos: movs, liquidado, muyVencido };
}
