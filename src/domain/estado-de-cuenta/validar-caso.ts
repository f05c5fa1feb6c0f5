import type { FactorDiario, Tasa } from '../tasa.ts';
import { simular } from './calcular.ts';
import type { Caso, CasoSinVerificar, Credito, Dia, EntradaDeCaso, Producto } from './caso.ts';
import { exito, type Resultado } from './errores.ts';
import type { EstadoDeCuenta } from './estado-de-cuenta.ts';
import { CasoRechazado, esObjeto, leerFecha, leerObjeto, rechazar } from './lectura.ts';
import { movimientosVigentes } from './linea-de-tiempo.ts';
import { leerCredito, totalSeguro, verificarCredito } from './validar-credito.ts';
import {
  leerMovimientos,
  leerPeriodos,
  verificarMovimientos,
  verificarPeriodos,
} from './validar-movimientos.ts';
import { armarProducto, factorDe, leerProducto } from './validar-producto.ts';

const CAMPOS_OBLIGATORIOS = ['fecha_corte', 'producto', 'credito'] as const;

function aproximar(tasa: Tasa): number {
  return Number(tasa.numerador) / Number(tasa.denominador);
}

/**
 * Everything the engine computes is bounded by what was disbursed plus its interest (at most
 * the two annual rates over the days from fecha_inicio_interes to the cut-off), or by what
 * was paid. Keeping both under half the safe range (the half absorbs the rounding of this
 * estimate and of each crystallization) proves every Centavos sum in the engine exact; a
 * case past it (hundreds of billions of pesos) is refused rather than computed wrong.
 */
function verificarRango(caso: CasoSinVerificar): void {
  const limite = Number.MAX_SAFE_INTEGER / 2;
  const { producto, credito } = caso;
  const ministrado = totalSeguro(
    credito.ministraciones.map((m) => m.monto),
    'credito.ministraciones',
  );
  const dias = Math.max(0, caso.fechaCorte.dia - credito.fechaInicioInteres.dia);
  const tasas = aproximar(producto.tasaOrdinariaAnual) + aproximar(producto.tasaMoratoriaAnual);
  let pagado = 0;
  for (const m of caso.movimientos) if (m.tipo === 'pago') pagado += m.monto;
  // A float sum: its rounding is far inside the half of the range kept as margin.
  if (ministrado * (1 + (tasas * dias) / producto.baseDias) > limite || pagado > limite) {
    rechazar('monto_invalido', 'los montos del caso exceden el rango que se calcula con exactitud');
  }
}

function excede(a: Tasa, b: Tasa): boolean {
  return a.numerador * b.denominador > b.numerador * a.denominador;
}

/**
 * R9: the punctual rate in force, the credit's when it has one, else the product's; never above
 * the ordinary rate (a "discount" that charges more is a data error, not a rate).
 */
function factorPuntual(producto: Producto, credito: Credito): FactorDiario | null {
  for (const [tasa, ruta] of [
    [producto.tasaPuntualAnual, 'producto'],
    [credito.tasaPuntualAnual, 'credito'],
  ] as const) {
    if (tasa !== null && excede(tasa, producto.tasaOrdinariaAnual)) {
      rechazar(
        'tasa_invalida',
        `${ruta}.tasa_puntual_anual: ${tasa.texto} excede la tasa ordinaria ${producto.tasaOrdinariaAnual.texto}`,
      );
    }
  }
  const tasa = credito.tasaPuntualAnual ?? producto.tasaPuntualAnual;
  return tasa === null ? null : factorDe(tasa, producto.baseDias);
}

/** calculo.md's JSON input, each field in its form; consistency is `armarCaso`'s. */
function leerEntrada(json: unknown): EntradaDeCaso {
  if (!esObjeto(json)) return rechazar('caso_invalido', 'el caso no es un objeto');
  for (const campo of CAMPOS_OBLIGATORIOS) {
    if (json[campo] === undefined) rechazar('caso_invalido', `falta ${campo}`);
  }
  return {
    fechaCorte: leerFecha(json, 'fecha_corte', ''),
    producto: leerProducto(leerObjeto(json.producto, 'producto', 'caso_invalido')),
    credito: leerCredito(leerObjeto(json.credito, 'credito', 'caso_invalido')),
    movimientos: leerMovimientos(json),
    periodosSinMoratorio: leerPeriodos(json),
  };
}

/**
 * Every consistency rule of calculo.md's validation table, whatever the source: a case read
 * from JSON and one built from typed database rows are judged by this same code.
 */
function armarCaso(entrada: EntradaDeCaso): CasoSinVerificar {
  const producto = armarProducto(entrada.producto);
  const credito = verificarCredito(entrada.credito);
  const ultimaMinistracion = credito.ministraciones.at(-1) as Dia;
  verificarMovimientos(entrada.movimientos, ultimaMinistracion);
  verificarPeriodos(entrada.periodosSinMoratorio);
  const caso: CasoSinVerificar = {
    fechaCorte: entrada.fechaCorte,
    producto,
    factorPuntual: factorPuntual(producto, credito),
    credito,
    movimientos: entrada.movimientos,
    vigentes: movimientosVigentes(entrada.movimientos, entrada.fechaCorte.dia),
    periodosSinMoratorio: entrada.periodosSinMoratorio,
  };
  verificarRango(caso);
  return caso;
}

function intentar<T>(paso: () => T): Resultado<T> {
  try {
    return exito(paso());
  } catch (e) {
    if (e instanceof CasoRechazado) return { ok: false, error: e.error };
    throw e;
  }
}

function validarForma(json: unknown): Resultado<CasoSinVerificar> {
  return intentar(() => armarCaso(leerEntrada(json)));
}

/** calculo.md's JSON as the engine's typed input, only its form checked (for tools and tests). */
export function leerCaso(json: unknown): Resultado<EntradaDeCaso> {
  return intentar(() => leerEntrada(json));
}

/** Validates a typed case (the database path): the same checks, without reading text. */
export function validarEntrada(entrada: EntradaDeCaso): Resultado<Caso> {
  return verificarCondonaciones(intentar(() => armarCaso(entrada)));
}

/** Validation and statement of a typed case in one walk of the history. */
export function calcularEntrada(entrada: EntradaDeCaso): Resultado<EstadoDeCuenta> {
  const forma = intentar(() => armarCaso(entrada));
  return forma.ok ? simular(forma.valor) : forma;
}

function verificarCondonaciones(forma: Resultado<CasoSinVerificar>): Resultado<Caso> {
  if (!forma.ok) return forma;
  const calculo = simular(forma.valor);
  if (!calculo.ok) return calculo;
  // The brand records that the one check left, the condonaciones', has passed.
  return exito(forma.valor as Caso);
}

/**
 * Validates a case as received (parsed JSON). Besides each field's form it judges every
 * condonación on or before fecha_corte against what was owed on its date, which takes
 * walking the history once.
 */
export function validarCaso(json: unknown): Resultado<Caso> {
  return verificarCondonaciones(validarForma(json));
}

/** The statement of a validated case. Pure and deterministic; cannot fail. */
export function calcularEstadoDeCuenta(caso: Caso): EstadoDeCuenta {
  const calculo = simular(caso);
  if (!calculo.ok) {
    // Unreachable: a Caso only comes from validarCaso, which ran this same computation.
    throw new Error(`caso validado que no se puede calcular: ${calculo.error.mensaje}`);
  }
  return calculo.valor;
}

/** Validation and statement in one walk of the history, for callers holding raw input. */
export function calcularCaso(json: unknown): Resultado<EstadoDeCuenta> {
  const forma = validarForma(json);
  return forma.ok ? simular(forma.valor) : forma;
}
