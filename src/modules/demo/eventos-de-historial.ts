import type { MovimientoNuevo } from '../../db/escritura-cartera.ts';
import { type Centavos, centavos } from '../../domain/dinero.ts';
import { calcularCaso, type EstadoDeCuenta } from '../../domain/estado-de-cuenta/index.ts';
import { diasEntre, type Fecha, sumarDias } from '../../domain/fecha.ts';
import { casoDeCredito, type TasasDeCredito } from '../importacion/caso-de-credito.ts';
import type { Aleatorio } from './aleatorio.ts';
import type { Calendario } from './generar-credito.ts';

/** What happens to some histories besides payments: the engine decides the amounts. */

const CAMPANA = 'Campaña «Oportunidad… es arrancar de cero»';

/**
 * The engine over the history so far: used where the story must be exact (the amount that
 * settles the credit, what a condonación may forgive). A failure here is a bug of the generator.
 */
export function estadoAl(
  numero: string,
  cal: Calendario,
  tasas: TasasDeCredito,
  movimientos: readonly MovimientoNuevo[],
  fecha: Fecha,
): EstadoDeCuenta {
  const r = calcularCaso(
    casoDeCredito(
      {
        numero,
        tasas,
        // A credit's own punctual rate comes in `tasas` (generar-cartera.ts).
        tasaPuntualDelCredito: null,
        fechaInicioInteres: cal.fechaInicioInteres,
        ministraciones: cal.ministraciones,
        amortizaciones: cal.amortizaciones,
        previos: [],
        movimientos,
        periodosSinMoratorio: [],
      },
      fecha,
    ),
  );
  if (!r.ok) throw new Error(`demo: el crédito ${numero} no es válido: ${r.error.mensaje}`);
  return r.valor;
}

/** A bounced payment: cancelled a few days later and paid again at the cashier's. */
export function cancelarUnPago(rnd: Aleatorio, movs: MovimientoNuevo[], hoy: Fecha): void {
  const candidatos = movs
    .map((m, i) => ({ m, i }))
    .filter(({ m, i }) => i < movs.length - 1 && m.excedente === 'reducir_plazo');
  if (candidatos.length === 0) return;
  const { m, i } = rnd.elegir(candidatos);
  const cuando = sumarDias(m.fecha, rnd.entero(2, 6));
  if (cuando > hoy || m.monto === null) return;
  let donde = movs.findIndex((x) => x.fecha > cuando);
  if (donde < 0) donde = movs.length;
  movs.splice(
    donde,
    0,
    {
      clave: null,
      tipo: 'cancelacion',
      fecha: cuando,
      monto: null,
      excedente: null,
      concepto: null,
      cancela: { indice: i },
      canal: null,
      referencia: null,
      motivo: 'Cheque devuelto sin fondos',
      registradoPor: null,
    },
    { ...m, fecha: cuando, canal: 'caja', referencia: 'Reposición de pago devuelto' },
  );
  // Indices after the insertion point moved by two: no cancelación points past `donde` yet,
  // since this is the only one.
}

/** Part of the moratorium (and sometimes of the interest) forgiven in a campaign. */
export function condonar(
  rnd: Aleatorio,
  numero: string,
  cal: Calendario,
  tasas: TasasDeCredito,
  movs: MovimientoNuevo[],
  hoy: Fecha,
): void {
  const base = movs.at(-1)?.fecha ?? cal.amortizaciones[0]?.fecha ?? hoy;
  if (base >= hoy) return;
  const cuando = sumarDias(base, rnd.entero(1, Math.max(1, diasEntre(base, hoy))));
  const e = estadoAl(numero, cal, tasas, movs, cuando);
  const condonacion = (concepto: 'moratorio' | 'interes', monto: number): MovimientoNuevo => ({
    clave: null,
    tipo: 'condonacion',
    fecha: cuando,
    monto: centavos(monto),
    excedente: null,
    concepto,
    cancela: null,
    canal: null,
    referencia: null,
    motivo: CAMPANA,
    registradoPor: null,
  });
  const moratorio: Centavos = e.interesMoratorio;
  if (moratorio >= 10_000)
    movs.push(
      condonacion(
        'moratorio',
        Math.floor((moratorio * (0.3 + rnd.siguiente() * 0.7)) / 100) * 100 || moratorio,
      ),
    );
  if (e.interesOrdinarioExigible >= 10_000 && rnd.probabilidad(0.3))
    movs.push(condonacion('interes', Math.floor(e.interesOrdinarioExigible / 2)));
}
