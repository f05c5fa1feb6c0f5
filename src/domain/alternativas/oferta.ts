import { CERO, type Centavos, restar, sumar } from '../dinero.ts';
import type { Fecha } from '../fecha.ts';
import type { PagoDelPlan } from './plan-en-pagos.ts';
import type { Propuesta } from './propuesta.ts';
import type { OfertaDeCredito } from './simular-credito.ts';

export interface DescuentoOtorgado {
  readonly moratorio: Centavos;
  readonly interes: Centavos;
  readonly total: Centavos;
}

/** One catalogue entry for the debtor, over every credit simulated, side by side with the rest. */
export interface Oferta {
  readonly propuesta: Propuesta;
  readonly califica: boolean;
  readonly motivos: readonly string[];
  readonly avisos: readonly string[];
  /** The credits' plans added up by date. */
  readonly pagos: readonly PagoDelPlan[];
  /** What is paid on the simulation date. */
  readonly montoAhora: Centavos;
  readonly total: Centavos;
  readonly descuento: DescuentoOtorgado;
  readonly moratorioCongelado: Centavos;
  readonly liquidarHoy: Centavos;
  readonly saldoAlTerminar: Centavos;
  /** liquidarHoy − total − saldoAlTerminar: negative when the offer costs more than paying today. */
  readonly ahorro: Centavos;
  readonly liquida: boolean;
  /** R9: interest saved by paying on every date, over the credits that qualify; null: none. */
  readonly ahorroPorPuntualidad: Centavos | null;
  readonly creditos: readonly OfertaDeCredito[];
}

const suma = (montos: readonly Centavos[]): Centavos => montos.reduce(sumar, CERO);

export function totalDe(o: OfertaDeCredito): Centavos {
  return suma(o.pagos.map((p) => p.monto));
}

export function descuentoDe(o: OfertaDeCredito): DescuentoOtorgado {
  const de = (concepto: 'moratorio' | 'interes') =>
    suma(o.condonaciones.filter((c) => c.concepto === concepto).map((c) => c.monto));
  const moratorio = de('moratorio');
  const interes = de('interes');
  return { moratorio, interes, total: sumar(moratorio, interes) };
}

/** Against settling today: what paying by this offer saves (or costs, when negative). */
export function ahorroDe(o: OfertaDeCredito): Centavos {
  return restar(restar(o.liquidarHoy, totalDe(o)), o.saldoAlTerminar);
}

function sumarPorFecha(ofertas: readonly OfertaDeCredito[]): PagoDelPlan[] {
  const porFecha = new Map<Fecha, Centavos>();
  for (const o of ofertas) {
    for (const p of o.pagos) porFecha.set(p.fecha, sumar(porFecha.get(p.fecha) ?? CERO, p.monto));
  }
  return [...porFecha.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([fecha, monto], k) => ({ numero: k + 1, fecha, monto }));
}

const unicos = (textos: readonly string[]) => [...new Set(textos)];

/** The per-credit offers of one catalogue entry, combined; credits that do not qualify are named. */
export function combinarOfertas(
  propuesta: Propuesta,
  ofertas: readonly OfertaDeCredito[],
  fecha: Fecha,
): Oferta {
  const califican = ofertas.filter((o) => o.califica);
  const varios = ofertas.length > 1;
  const conNumero = (o: OfertaDeCredito, texto: string) =>
    varios ? `${o.numero}: ${texto}` : texto;
  const motivos =
    califican.length > 0
      ? []
      : unicos(ofertas.flatMap((o) => o.motivos.map((m) => conNumero(o, m))));
  const excluidos = califican.length === 0 ? [] : ofertas.filter((o) => !o.califica);
  const avisos = unicos([
    ...califican.flatMap((o) => o.avisos),
    ...excluidos.map((o) => `el crédito ${o.numero} queda fuera: ${o.motivos.join('; ')}`),
  ]);
  const pagos = sumarPorFecha(califican);
  const descuentos = califican.map(descuentoDe);
  const descuento = {
    moratorio: suma(descuentos.map((d) => d.moratorio)),
    interes: suma(descuentos.map((d) => d.interes)),
    total: suma(descuentos.map((d) => d.total)),
  };
  const base = califican.length > 0 ? califican : ofertas;
  const porPuntualidad = califican.flatMap((o) =>
    o.ahorroPorPuntualidad === null ? [] : [o.ahorroPorPuntualidad],
  );
  return {
    propuesta,
    califica: califican.length > 0,
    motivos,
    avisos,
    pagos,
    montoAhora: suma(pagos.filter((p) => p.fecha === fecha).map((p) => p.monto)),
    total: suma(pagos.map((p) => p.monto)),
    descuento,
    moratorioCongelado: suma(califican.map((o) => o.moratorioCongelado)),
    liquidarHoy: suma(base.map((o) => o.liquidarHoy)),
    saldoAlTerminar: suma(califican.map((o) => o.saldoAlTerminar)),
    ahorro: suma(califican.map(ahorroDe)),
    liquida: califican.length > 0 && califican.every((o) => o.liquida),
    ahorroPorPuntualidad: porPuntualidad.length === 0 ? null : suma(porPuntualidad),
    creditos: ofertas,
  };
}
