import fc from 'fast-check';
import { type Centavos, centavosDesdeTexto, formatearCentavos } from '../../src/domain/dinero.ts';
import { validarCaso } from '../../src/domain/estado-de-cuenta/index.ts';
import { fechaDesdeNumeroDeDia, fechaDesdeTexto, numeroDeDia } from '../../src/domain/fecha.ts';

/** A case as calculo.md's input JSON, the shape the generator builds. */
export interface MovimientoJson {
  id: string;
  tipo: 'pago' | 'condonacion' | 'cancelacion';
  fecha: string;
  monto?: string;
  excedente?: 'reducir_plazo' | 'adelantar';
  concepto?: 'moratorio' | 'interes' | 'capital';
  movimiento?: string;
}

export interface CasoJson {
  fecha_corte: string;
  producto: {
    tasa_ordinaria_anual: string;
    tasa_moratoria_anual: string;
    base_dias?: 360 | 365;
    prelacion?: 'por_concepto' | 'por_amortizacion';
  };
  credito: {
    id: string;
    fecha_inicio_interes: string;
    ministraciones: { fecha: string; monto: string }[];
    amortizaciones: { numero: number; fecha: string; capital: string }[];
  };
  movimientos: MovimientoJson[];
  periodos_sin_moratorio?: { desde: string; hasta: string }[];
}

const ORIGEN = (() => {
  const fecha = fechaDesdeTexto('2021-01-01');
  if (fecha === null) throw new Error('fecha de origen inválida');
  return numeroDeDia(fecha);
})();

export const fecha = (dia: number): string => fechaDesdeNumeroDeDia(ORIGEN + dia);
export const dia = (texto: string): number => {
  const f = fechaDesdeTexto(texto);
  if (f === null) throw new Error(`fecha inválida: ${texto}`);
  return numeroDeDia(f) - ORIGEN;
};
export const pesos = (c: number): string => formatearCentavos(c as Centavos);
export const centavos = (texto: string): number => {
  const c = centavosDesdeTexto(texto);
  if (c === null) throw new Error(`monto inválido: ${texto}`);
  return c;
};

const arbTasa = fc.oneof(
  fc.constantFrom('0', '0.06', '0.09', '0.12', '0.155', '0.18', '0.36', '1'),
  fc
    .tuple(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 10 ** 8 }))
    .map(([decimales, n]) => {
      const escala = 10 ** decimales;
      const valor = n % (escala + 1);
      if (valor === escala) return '1';
      return decimales === 0 ? '0' : `0.${String(valor).padStart(decimales, '0')}`;
    }),
);

const arbProducto = fc.record(
  {
    tasa_ordinaria_anual: arbTasa,
    tasa_moratoria_anual: arbTasa,
    base_dias: fc.constantFrom<360 | 365>(360, 365),
    prelacion: fc.constantFrom<'por_concepto' | 'por_amortizacion'>(
      'por_concepto',
      'por_amortizacion',
    ),
  },
  // Absent base_dias and prelacion take their defaults.
  { requiredKeys: ['tasa_ordinaria_anual', 'tasa_moratoria_anual'] },
);

/** Splits `total` into parts that add up to it exactly, one per weight (some may be 0). */
function repartir(total: number, pesosRelativos: readonly number[]): number[] {
  const suma = pesosRelativos.reduce((a, b) => a + b, 0);
  if (suma === 0)
    return pesosRelativos.map((_, i) => (i === pesosRelativos.length - 1 ? total : 0));
  let acumulado = 0;
  let anterior = 0;
  return pesosRelativos.map((peso) => {
    acumulado += peso;
    const hasta = Math.floor((total * acumulado) / suma);
    const parte = hasta - anterior;
    anterior = hasta;
    return parte;
  });
}

const arbCredito = fc
  .record({
    inicio: fc.integer({ min: 0, max: 1200 }),
    primerVencimiento: fc.integer({ min: 1, max: 60 }),
    ministraciones: fc.array(
      fc.record({
        antes: fc.integer({ min: 1, max: 400 }),
        monto: fc.integer({ min: 1, max: 3_000_000 }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    amortizaciones: fc.array(
      fc.record({ paso: fc.integer({ min: 1, max: 45 }), peso: fc.integer({ min: 0, max: 10 }) }),
      { minLength: 1, maxLength: 24 },
    ),
  })
  .map(({ inicio, primerVencimiento, ministraciones, amortizaciones }) => {
    const primero = inicio + primerVencimiento;
    const total = ministraciones.reduce((a, m) => a + m.monto, 0);
    const capitales = repartir(
      total,
      amortizaciones.map((a) => a.peso),
    );
    let vencimiento = primero;
    return {
      id: 'CE-PROP',
      fecha_inicio_interes: fecha(inicio),
      ministraciones: ministraciones.map((m) => ({
        fecha: fecha(primero - m.antes),
        monto: pesos(m.monto),
      })),
      amortizaciones: amortizaciones.map((a, i) => {
        if (i > 0) vencimiento += a.paso;
        return { numero: i + 1, fecha: fecha(vencimiento), capital: pesos(capitales[i] ?? 0) };
      }),
    };
  });

interface Intento {
  tipo: 'pago' | 'pago' | 'condonacion' | 'cancelacion';
  desfase: number;
  fraccion: number;
  excedente: 'reducir_plazo' | 'adelantar' | undefined;
  concepto: 'moratorio' | 'interes' | 'capital';
  objetivo: number;
}

const arbIntento: fc.Arbitrary<Intento> = fc.record({
  tipo: fc.constantFrom('pago', 'pago', 'pago', 'condonacion', 'cancelacion'),
  desfase: fc.integer({ min: 0, max: 900 }),
  // Small installments and large prepayments alike, some beyond what is owed.
  fraccion: fc.oneof(
    fc.double({ min: 0.0001, max: 0.1, noNaN: true }),
    fc.double({ min: 0.2, max: 1.3, noNaN: true }),
  ),
  excedente: fc.constantFrom(undefined, 'reducir_plazo', 'adelantar'),
  concepto: fc.constantFrom('moratorio', 'interes', 'capital'),
  objetivo: fc.nat(),
});

const esValido = (caso: CasoJson): boolean => validarCaso(caso).ok;

/**
 * Builds the movements one by one, so every case is valid: a cancelación names an earlier,
 * live movement and is dated on or after it; a condonación that would exceed the debt is
 * left out (the only check that needs the engine).
 */
function movimientos(
  base: CasoJson,
  intentos: readonly Intento[],
  total: number,
): MovimientoJson[] {
  const ultimaMinistracion = Math.max(...base.credito.ministraciones.map((m) => dia(m.fecha)));
  const aceptados: MovimientoJson[] = [];
  const cancelados = new Set<string>();
  intentos.forEach((intento, i) => {
    const diaMovimiento = ultimaMinistracion + intento.desfase;
    const monto = pesos(Math.max(1, Math.floor(total * intento.fraccion)));
    switch (intento.tipo) {
      case 'pago':
        aceptados.push({
          id: `P${i}`,
          tipo: 'pago',
          fecha: fecha(diaMovimiento),
          monto,
          ...(intento.excedente ? { excedente: intento.excedente } : {}),
        });
        return;
      case 'condonacion': {
        const condonacion: MovimientoJson = {
          id: `C${i}`,
          tipo: 'condonacion',
          fecha: fecha(diaMovimiento),
          concepto: intento.concepto,
          // Condonaciones are smaller than payments, so more of them fit in the debt.
          monto: pesos(Math.max(1, Math.floor(centavos(monto) / 20))),
        };
        if (esValido({ ...base, movimientos: [...aceptados, condonacion] }))
          aceptados.push(condonacion);
        return;
      }
      case 'cancelacion': {
        const vivos = aceptados.filter((m) => m.tipo !== 'cancelacion' && !cancelados.has(m.id));
        const objetivo = vivos[intento.objetivo % Math.max(1, vivos.length)];
        if (objetivo === undefined) return;
        cancelados.add(objetivo.id);
        aceptados.push({
          id: `X${i}`,
          tipo: 'cancelacion',
          fecha: fecha(Math.max(dia(objetivo.fecha), diaMovimiento)),
          movimiento: objetivo.id,
        });
        return;
      }
    }
  });
  return aceptados;
}

/**
 * Valid cases: 1–3 ministraciones, 1–24 amortizaciones whose capital adds up to what was
 * disbursed, payments (both excedentes), condonaciones, cancelaciones, optional
 * moratorium-free windows, both prelaciones and both bases.
 */
export const arbCaso: fc.Arbitrary<CasoJson> = fc
  .record({
    producto: arbProducto,
    credito: arbCredito,
    corte: fc.integer({ min: -40, max: 900 }),
    intentos: fc.array(arbIntento, { maxLength: 10 }),
    ventanas: fc.option(
      fc.array(
        fc.record({
          desde: fc.integer({ min: 0, max: 900 }),
          largo: fc.integer({ min: 1, max: 200 }),
        }),
        { minLength: 1, maxLength: 2 },
      ),
      { nil: undefined },
    ),
  })
  .map(({ producto, credito, corte, intentos, ventanas }) => {
    const primerVencimiento = dia(credito.amortizaciones[0]?.fecha ?? credito.fecha_inicio_interes);
    const base: CasoJson = {
      fecha_corte: fecha(primerVencimiento + corte),
      producto,
      credito,
      movimientos: [],
      ...(ventanas
        ? {
            periodos_sin_moratorio: ventanas.map((v) => ({
              desde: fecha(primerVencimiento - 30 + v.desde),
              hasta: fecha(primerVencimiento - 30 + v.desde + v.largo),
            })),
          }
        : {}),
    };
    const total = credito.ministraciones.reduce((a, m) => a + centavos(m.monto), 0);
    return { ...base, movimientos: movimientos(base, intentos, total) };
  })
  .filter(esValido);
