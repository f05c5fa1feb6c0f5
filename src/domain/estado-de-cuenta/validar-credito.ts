import { CERO, type Centavos, sumar } from '../dinero.ts';
import type { AmortizacionProgramada, Credito, Dia, Ministracion, ValorJson } from './caso.ts';
import { leerFecha, leerLista, leerMonto, leerObjeto, type Objeto, rechazar } from './lectura.ts';
import { leerTasaOpcional } from './validar-producto.ts';

function leerMinistraciones(credito: Objeto): Ministracion[] {
  const lista = leerLista(credito, 'ministraciones', 'credito', 'ministraciones_invalidas');
  if (lista.length === 0)
    rechazar('ministraciones_invalidas', 'credito.ministraciones: no hay ninguna');
  return lista.map((valor, i) => {
    const ruta = `credito.ministraciones[${i}]`;
    const ministracion = leerObjeto(valor, ruta, 'ministraciones_invalidas');
    const { fecha, dia } = leerFecha(ministracion, 'fecha', ruta);
    return { fecha, dia, monto: leerMonto(ministracion, 'monto', ruta, true) };
  });
}

function leerAmortizaciones(credito: Objeto, inicio: Dia): AmortizacionProgramada[] {
  const lista = leerLista(credito, 'amortizaciones', 'credito', 'amortizaciones_invalidas');
  if (lista.length === 0)
    rechazar('amortizaciones_invalidas', 'credito.amortizaciones: no hay ninguna');
  let anterior = inicio.dia;
  return lista.map((valor, i) => {
    const ruta = `credito.amortizaciones[${i}]`;
    const amortizacion = leerObjeto(valor, ruta, 'amortizaciones_invalidas');
    if (amortizacion.numero !== i + 1) {
      rechazar('amortizaciones_invalidas', `${ruta}.numero: debe ser ${i + 1}`);
    }
    const { fecha, dia } = leerFecha(amortizacion, 'fecha', ruta);
    if (dia <= anterior) {
      rechazar(
        'amortizaciones_invalidas',
        i === 0
          ? `${ruta}.fecha: debe ser posterior a fecha_inicio_interes`
          : `${ruta}.fecha: debe ser posterior a la amortización anterior`,
      );
    }
    anterior = dia;
    const capital = leerMonto(amortizacion, 'capital', ruta, false);
    return { fecha, dia, numero: i + 1, capital };
  });
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

export function validarCredito(credito: Objeto): Credito {
  const fechaInicioInteres = leerFecha(credito, 'fecha_inicio_interes', 'credito');
  const ministraciones = leerMinistraciones(credito);
  const amortizaciones = leerAmortizaciones(credito, fechaInicioInteres);
  const primera = amortizaciones[0];
  if (primera === undefined)
    return rechazar('amortizaciones_invalidas', 'credito.amortizaciones: no hay ninguna');
  // Every ministración comes before the first due date (calculo.md, ministraciones_invalidas).
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
  return {
    // Echoed, not checked (calculo.md); an absent id is echoed as null.
    id: credito.id === undefined ? null : (credito.id as ValorJson),
    tasaPuntualAnual: leerTasaOpcional(credito, 'tasa_puntual_anual', 'credito'),
    fechaInicioInteres,
    // Stable by date: several on one day keep their listed order (R1).
    ministraciones: [...ministraciones].sort((a, b) => a.dia - b.dia),
    amortizaciones,
  };
}
