import { CERO, type Centavos, sumar } from '../dinero.ts';
import type { AmortizacionProgramada, Credito, Dia, Ministracion, ValorJson } from './caso.ts';
import { leerFecha, leerLista, leerMonto, leerObjeto, type Objeto, rechazar } from './lectura.ts';
import { leerTasaOpcional } from './validar-producto.ts';

function leerMinistraciones(credito: Objeto): Ministracion[] {
  const lista = leerLista(credito, 'ministraciones', 'credito', 'ministraciones_invalidas');
  return lista.map((valor, i) => {
    const ruta = `credito.ministraciones[${i}]`;
    const ministracion = leerObjeto(valor, ruta, 'ministraciones_invalidas');
    const { fecha, dia } = leerFecha(ministracion, 'fecha', ruta);
    return { fecha, dia, monto: leerMonto(ministracion, 'monto', ruta) };
  });
}

function leerAmortizaciones(credito: Objeto): AmortizacionProgramada[] {
  const lista = leerLista(credito, 'amortizaciones', 'credito', 'amortizaciones_invalidas');
  return lista.map((valor, i) => {
    const ruta = `credito.amortizaciones[${i}]`;
    const amortizacion = leerObjeto(valor, ruta, 'amortizaciones_invalidas');
    // Not a number: `verificarCredito` names the number it should be.
    const numero = typeof amortizacion.numero === 'number' ? amortizacion.numero : Number.NaN;
    const { fecha, dia } = leerFecha(amortizacion, 'fecha', ruta);
    return { fecha, dia, numero, capital: leerMonto(amortizacion, 'capital', ruta) };
  });
}

/** `credito` of calculo.md's JSON, each field in its form. */
export function leerCredito(credito: Objeto): Credito {
  return {
    // Echoed, not checked (calculo.md); an absent id is echoed as null.
    id: credito.id === undefined ? null : (credito.id as ValorJson),
    tasaPuntualAnual: leerTasaOpcional(credito, 'tasa_puntual_anual', 'credito'),
    fechaInicioInteres: leerFecha(credito, 'fecha_inicio_interes', 'credito'),
    ministraciones: leerMinistraciones(credito),
    amortizaciones: leerAmortizaciones(credito),
  };
}

/** Σ montos, or a rejection when the total leaves the safe range (see dinero.ts). */
export function totalSeguro(montos: readonly Centavos[], ruta: string): Centavos {
  let total = CERO;
  for (const monto of montos) {
    total = sumar(total, monto);
    if (!Number.isSafeInteger(total))
      rechazar('monto_invalido', `${ruta}: la suma excede el rango`);
  }
  return total;
}

/** An amount of the case: a safe integer of centavos, not negative, and not zero when `positivo`. */
export function verificarMonto(monto: Centavos, ruta: string, positivo: boolean): void {
  if (!Number.isSafeInteger(monto) || monto < 0) {
    rechazar('monto_invalido', `${ruta}: monto inválido ${monto}`);
  }
  if (positivo && monto === 0) rechazar('monto_invalido', `${ruta}: el monto no puede ser cero`);
}

function verificarMinistraciones(ministraciones: readonly Ministracion[]): void {
  if (ministraciones.length === 0)
    rechazar('ministraciones_invalidas', 'credito.ministraciones: no hay ninguna');
  ministraciones.forEach((m, i) => {
    verificarMonto(m.monto, `credito.ministraciones[${i}].monto`, true);
  });
}

function verificarAmortizaciones(
  amortizaciones: readonly AmortizacionProgramada[],
  inicio: Dia,
): void {
  if (amortizaciones.length === 0)
    rechazar('amortizaciones_invalidas', 'credito.amortizaciones: no hay ninguna');
  let anterior = inicio.dia;
  amortizaciones.forEach((a, i) => {
    const ruta = `credito.amortizaciones[${i}]`;
    if (a.numero !== i + 1)
      rechazar('amortizaciones_invalidas', `${ruta}.numero: debe ser ${i + 1}`);
    if (a.dia <= anterior) {
      rechazar(
        'amortizaciones_invalidas',
        i === 0
          ? `${ruta}.fecha: debe ser posterior a fecha_inicio_interes`
          : `${ruta}.fecha: debe ser posterior a la amortización anterior`,
      );
    }
    anterior = a.dia;
    verificarMonto(a.capital, `${ruta}.capital`, false);
  });
}

/** Stable by date: several on one day keep their listed order (R1); no copy when in order. */
function porFecha(ministraciones: readonly Ministracion[]): readonly Ministracion[] {
  for (let i = 1; i < ministraciones.length; i++) {
    if ((ministraciones[i] as Ministracion).dia < (ministraciones[i - 1] as Ministracion).dia) {
      return [...ministraciones].sort((a, b) => a.dia - b.dia);
    }
  }
  return ministraciones;
}

/**
 * The schedule's consistency: amortizaciones numbered 1…n on increasing dates after
 * fecha_inicio_interes, every ministración before the first due date, and the scheduled
 * capital equal to what was disbursed. Returns the credit with its
 * ministraciones by date.
 */
export function verificarCredito(credito: Credito): Credito {
  const { ministraciones, amortizaciones } = credito;
  verificarMinistraciones(ministraciones);
  verificarAmortizaciones(amortizaciones, credito.fechaInicioInteres);
  const primera = amortizaciones[0] as AmortizacionProgramada;
  ministraciones.forEach((ministracion, i) => {
    if (ministracion.dia >= primera.dia) {
      rechazar(
        'ministraciones_invalidas',
        `credito.ministraciones[${i}].fecha: debe ser anterior a la primera amortización`,
      );
    }
  });
  const ministrado = totalSeguro(
    ministraciones.map((m) => m.monto),
    'credito.ministraciones',
  );
  const programado = totalSeguro(
    amortizaciones.map((a) => a.capital),
    'credito.amortizaciones',
  );
  if (ministrado !== programado) {
    rechazar('capital_no_cuadra', 'el capital de las amortizaciones no suma lo ministrado');
  }
  // An explicit literal in one key order: every Credito the engine reads has one V8 shape.
  return {
    id: credito.id,
    tasaPuntualAnual: credito.tasaPuntualAnual,
    fechaInicioInteres: credito.fechaInicioInteres,
    ministraciones: porFecha(ministraciones),
    amortizaciones,
  };
}
