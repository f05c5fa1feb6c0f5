/**
 * Benchmark of the statement engine: statements per second on one core.
 *
 *   npx tsx bench/motor.ts
 *
 * Synthetic profile: 120 monthly amortizaciones and 60 movements per credit (late, partial
 * and early payments, some with excedente "adelantar", capital condonaciones and
 * cancelaciones), cut off after about five years. Cases are validated once, outside the
 * loop; the loop times `calcularEstadoDeCuenta` alone, then validation + statement + JSON
 * text end to end. Single thread, warm-up first, median of several rounds.
 */

import { type Centavos, formatearCentavos } from '../src/domain/dinero.ts';
import {
  type Caso,
  calcularCaso,
  calcularEstadoDeCuenta,
  estadoDeCuentaATexto,
  validarCaso,
} from '../src/domain/estado-de-cuenta/index.ts';
import { fechaDesdeNumeroDeDia, fechaDesdeTexto, numeroDeDia } from '../src/domain/fecha.ts';

const CREDITOS = 64;
const RONDAS = 7;
const MS_POR_RONDA = 1000;
const MS_CALENTAMIENTO = 2000;

/** Deterministic pseudo-random numbers (mulberry32), so every run measures the same cases. */
function aleatorio(semilla: number): () => number {
  let s = semilla >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const dia = (texto: string): number => {
  const fecha = fechaDesdeTexto(texto);
  if (fecha === null) throw new Error(texto);
  return numeroDeDia(fecha);
};
const fecha = (n: number): string => fechaDesdeNumeroDeDia(n);
const pesos = (c: number): string => formatearCentavos(c as Centavos);
const mes = (anio: number, m: number, d: number): string =>
  `${anio + Math.floor((m - 1) / 12)}-${String(((m - 1) % 12) + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/**
 * `mixto`: each month's payment is near the scheduled one (capital plus the month's interest
 * on the scheduled balance), some short, some early or late, some months skipped: months
 * behind at the cut-off.
 * `moroso`: payments hover around the capital installment alone, so the credit falls ever
 * further behind and every event crystallizes dozens of overdue amortizaciones (the worst
 * case for R4).
 * `puntual`: `mixto`'s payments, with half the credits on a punctual rate (R9: 3% against their
 * ordinary one), so each period decides its rate.
 */
type Perfil = 'mixto' | 'moroso' | 'puntual';

function casoSintetico(semilla: number, perfil: Perfil): unknown {
  const azar = aleatorio(semilla);
  const tasa = semilla % 2 === 0 ? 0.12 : 0.0875;
  const cuota = 100_000 + Math.floor(azar() * 200_000);
  const total = cuota * 120;
  const amortizaciones = Array.from({ length: 120 }, (_, i) => ({
    numero: i + 1,
    fecha: mes(2020, i + 2, 15),
    capital: pesos(cuota),
  }));
  const movimientos: Record<string, string>[] = [];
  for (let i = 0; movimientos.length < 60; i++) {
    const vencimiento = dia(mes(2020, i + 2, 15));
    const id = `M${movimientos.length}`;
    const fechaPago = fecha(vencimiento - 5 + Math.floor(azar() * 45));
    if (i % 17 === 8) {
      movimientos.push({
        id,
        tipo: 'condonacion',
        fecha: fechaPago,
        concepto: 'capital',
        monto: pesos(Math.floor(cuota / 10)),
      });
    } else if (i % 23 === 11) {
      const anterior = movimientos.at(-1);
      if (anterior?.fecha === undefined) continue;
      movimientos.push({
        id,
        tipo: 'cancelacion',
        fecha: fecha(dia(anterior.fecha) + 3),
        movimiento: anterior.id ?? '',
      });
    } else {
      const saldo = total - i * cuota;
      const alCorriente = perfil !== 'moroso';
      const programado = alCorriente ? cuota + (saldo * tasa) / 12 : cuota;
      const factor = alCorriente
        ? 0.7 + azar() * 0.7 + (azar() < 0.15 ? 1 : 0)
        : 0.6 + azar() * 0.9;
      if (alCorriente && azar() < 0.05) continue;
      const monto = Math.max(100, Math.floor(programado * factor));
      movimientos.push({
        id,
        tipo: 'pago',
        fecha: fechaPago,
        monto: pesos(monto),
        ...(i % 10 === 3 ? { excedente: 'adelantar' } : {}),
      });
    }
  }
  return {
    fecha_corte: '2025-03-31',
    producto: {
      tasa_ordinaria_anual: String(tasa),
      tasa_moratoria_anual: semilla % 3 === 0 ? '0.18' : '0.155',
      base_dias: semilla % 2 === 0 ? 360 : 365,
      prelacion: semilla % 4 < 2 ? 'por_concepto' : 'por_amortizacion',
      ...(perfil === 'puntual' && semilla % 4 >= 2 ? { tasa_puntual_anual: '0.03' } : {}),
    },
    credito: {
      id: `BENCH-${semilla}`,
      fecha_inicio_interes: '2020-01-15',
      ministraciones: [
        { fecha: '2019-08-01', monto: pesos(Math.floor(total / 2)) },
        { fecha: '2019-12-01', monto: pesos(total - Math.floor(total / 2)) },
      ],
      amortizaciones,
    },
    movimientos,
    periodos_sin_moratorio: semilla % 5 === 0 ? [{ desde: '2021-04-01', hasta: '2021-07-01' }] : [],
  };
}

/** CPU time of this process in ms: on a shared 2-core machine, wall time counts other work too. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

function medir(nombre: string, trabajo: (i: number) => unknown): number {
  let sumidero = 0;
  const ronda = (ms: number): { cpu: number; reloj: number } => {
    const inicio = performance.now();
    const cpuInicio = cpuMs();
    let n = 0;
    while (performance.now() - inicio < ms) {
      for (let i = 0; i < CREDITOS; i++) if (trabajo(i) !== undefined) sumidero++;
      n += CREDITOS;
    }
    return {
      cpu: (n * 1000) / (cpuMs() - cpuInicio),
      reloj: (n * 1000) / (performance.now() - inicio),
    };
  };
  ronda(MS_CALENTAMIENTO);
  const rondas = Array.from({ length: RONDAS }, () => ronda(MS_POR_RONDA));
  const mediana = (xs: number[]): number =>
    xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  const cpu = mediana(rondas.map((r) => r.cpu));
  const reloj = mediana(rondas.map((r) => r.reloj));
  const fmt = (x: number) => Math.round(x).toLocaleString('es-MX');
  console.log(
    `${nombre}: ${fmt(cpu)} estados por segundo de CPU (mediana de ${RONDAS} rondas; ` +
      `por reloj ${fmt(reloj)}/s)`,
  );
  if (sumidero === 0) throw new Error('nada calculado');
  return cpu;
}

/** The profile's cases, as input JSON. */
export function casosSinteticos(perfil: Perfil): unknown[] {
  return Array.from({ length: CREDITOS }, (_, i) => casoSintetico(i + 1, perfil));
}

function validados(entradas: readonly unknown[]): Caso[] {
  return entradas.map((json, i) => {
    const r = validarCaso(json);
    if (!r.ok) throw new Error(`caso sintético ${i} inválido: ${r.error.mensaje}`);
    return r.valor;
  });
}

function describir(perfil: Perfil, casos: readonly Caso[]): void {
  const situaciones = new Map<string, number>();
  let aplicaciones = 0;
  for (const caso of casos) {
    const e = calcularEstadoDeCuenta(caso);
    aplicaciones += e.aplicaciones.length;
    situaciones.set(e.situacion, (situaciones.get(e.situacion) ?? 0) + 1);
  }
  console.log(
    `perfil ${perfil}: ${casos.length} créditos de 120 amortizaciones y 60 movimientos; ` +
      `${(aplicaciones / casos.length).toFixed(0)} aplicaciones por estado en promedio; ` +
      [...situaciones].map(([s, n]) => `${n} ${s}`).join(', '),
  );
}

export function medirMotor(soloMotor = false): {
  motor: number;
  moroso: number;
  puntual: number;
  completo: number | null;
} {
  const morosos = validados(casosSinteticos('moroso'));
  const puntuales = validados(casosSinteticos('puntual'));
  const entradas = casosSinteticos('mixto');
  const casos = validados(entradas);
  const textos = entradas.map((json) => JSON.stringify(json));
  describir('mixto', casos);
  describir('moroso', morosos);
  describir('puntual', puntuales);
  const motor = medir('mixto, calcularEstadoDeCuenta (caso ya validado)', (i) =>
    calcularEstadoDeCuenta(casos[i] as Caso),
  );
  const moroso = medir('moroso, calcularEstadoDeCuenta (caso ya validado)', (i) =>
    calcularEstadoDeCuenta(morosos[i] as Caso),
  );
  const puntual = medir('puntual, calcularEstadoDeCuenta (caso ya validado)', (i) =>
    calcularEstadoDeCuenta(puntuales[i] as Caso),
  );
  if (soloMotor) return { motor, moroso, puntual, completo: null };
  // What `recupera calcular` does per case: parse, validate, one walk of the history, JSON.
  const completo = medir('mixto, texto → validar y calcular → texto', (i) => {
    const r = calcularCaso(JSON.parse(textos[i] as string));
    return r.ok ? estadoDeCuentaATexto(r.valor) : r;
  });
  return { motor, moroso, puntual, completo };
}

// `npx tsx bench/motor.ts --solo-motor` skips the end-to-end figure.
if (import.meta.url === `file://${process.argv[1]}`)
  medirMotor(process.argv.includes('--solo-motor'));
