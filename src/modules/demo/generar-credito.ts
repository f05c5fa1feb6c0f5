import type { AmortizacionNueva, MinistracionNueva } from '../../db/escritura-cartera.ts';
import { type Centavos, centavos } from '../../domain/dinero.ts';
import type { Fecha } from '../../domain/fecha.ts';
import type { Aleatorio } from './aleatorio.ts';
import { anioDe, partesDe, sumarMeses } from './fechas.ts';

/** A credit's disbursements and schedule, as the institute builds them. */
export interface Calendario {
  ministraciones: MinistracionNueva[];
  fechaInicioInteres: Fecha;
  amortizaciones: AmortizacionNueva[];
}

const PLAZOS: ReadonlyArray<readonly [number, number]> = [
  [36, 15],
  [48, 20],
  [60, 35],
  [72, 20],
  [84, 10],
];

/** What a semester cost around a year: tuition and living grants grew with inflation. */
function montoDelPeriodo(rnd: Aleatorio, anio: number): Centavos {
  const base = 4_000 + (anio - 1996) * 600;
  const pesos = Math.round((base * (0.7 + rnd.siguiente() * 0.6)) / 50) * 50;
  return centavos(pesos * 100);
}

/**
 * One ministración per semester from `inicio` (each its own contrato-pagaré), then — after the
 * 6-month grace period that follows the last one — monthly amortizaciones of equal capital
 * (the last one takes the centavos left over). Pagaré k falls due on the amortización with which
 * the schedule has repaid the first k ministraciones.
 */
export function generarCalendario(
  rnd: Aleatorio,
  inicio: Fecha,
  periodos: number,
  siguientePagare: (anio: number) => string,
): Calendario {
  const fechas: Fecha[] = [];
  for (let k = 0; k < periodos; k++) fechas.push(sumarMeses(inicio, 6 * k));
  const montos = fechas.map((f) => montoDelPeriodo(rnd, anioDe(f)));
  const ultima = fechas.at(-1) ?? inicio;
  const fechaInicioInteres = sumarMeses(ultima, 6);
  const total = montos.reduce((s, m) => s + m, 0);
  const n = rnd.ponderado(PLAZOS);
  const cuota = Math.floor(total / n);
  const amortizaciones: AmortizacionNueva[] = [];
  for (let i = 1; i <= n; i++) {
    amortizaciones.push({
      numero: i,
      fecha: sumarMeses(fechaInicioInteres, i),
      capital: centavos(i === n ? total - cuota * (n - 1) : cuota),
    });
  }
  let acumulado = 0;
  let pagado = 0;
  let j = 0;
  const ministraciones = fechas.map((f, k): MinistracionNueva => {
    acumulado += montos[k] ?? 0;
    while (j < n - 1 && pagado + (amortizaciones[j]?.capital ?? 0) < acumulado) {
      pagado += amortizaciones[j]?.capital ?? 0;
      j++;
    }
    const { mes } = partesDe(f);
    return {
      numero: k + 1,
      fecha: f,
      monto: montos[k] ?? centavos(0),
      periodoEscolar: `${anioDe(f)}-${mes >= 7 ? 2 : 1}`,
      pagareNumero: siguientePagare(anioDe(f)),
      pagareVencimiento: amortizaciones[j]?.fecha ?? fechaInicioInteres,
    };
  });
  return { ministraciones, fechaInicioInteres, amortizaciones };
}
