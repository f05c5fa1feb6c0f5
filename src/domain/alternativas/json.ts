import { CERO, formatearCentavos as pesos } from '../dinero.ts';
import { ahorroDe, type DescuentoOtorgado, descuentoDe, type Oferta, totalDe } from './oferta.ts';
import type { PagoDelPlan } from './plan-en-pagos.ts';
import type { OfertaDeCredito } from './simular-credito.ts';

/** Amounts as decimal strings ("1234.56"), dates as `YYYY-MM-DD`: the API's form. */
const pagoJson = (p: PagoDelPlan) => ({ numero: p.numero, fecha: p.fecha, monto: pesos(p.monto) });

const descuentoJson = (d: DescuentoOtorgado) => ({
  moratorio: pesos(d.moratorio),
  interes: pesos(d.interes),
  total: pesos(d.total),
});

function creditoJson(o: OfertaDeCredito) {
  return {
    creditoId: o.creditoId,
    numero: o.numero,
    califica: o.califica,
    motivos: [...o.motivos],
    avisos: [...o.avisos],
    liquidarHoy: pesos(o.liquidarHoy),
    condonaciones: o.condonaciones.map((c) => ({
      fecha: c.fecha,
      concepto: c.concepto,
      monto: pesos(c.monto),
    })),
    periodoSinMoratorio:
      o.ventana === null ? null : { desde: o.ventana.desde, hasta: o.ventana.hasta },
    pagos: o.pagos.map(pagoJson),
    total: pesos(totalDe(o)),
    descuento: descuentoJson(descuentoDe(o)),
    moratorioCongelado: pesos(o.moratorioCongelado),
    saldoAlTerminar: pesos(o.saldoAlTerminar),
    ahorro: pesos(o.califica ? ahorroDe(o) : CERO),
    liquida: o.liquida,
    ahorroPorPuntualidad: o.ahorroPorPuntualidad === null ? null : pesos(o.ahorroPorPuntualidad),
    reestructura:
      o.reestructura === null
        ? null
        : {
            principal: pesos(o.reestructura.principal),
            amortizaciones: o.reestructura.amortizaciones.map((a) => ({
              numero: a.numero,
              fecha: a.fecha,
              capital: pesos(a.capital),
            })),
          },
  };
}

export type OfertaJson = ReturnType<typeof ofertaAJson>;

export function ofertaAJson(o: Oferta) {
  const p = o.propuesta;
  return {
    origen: p.origen,
    id: p.id,
    versionId: p.versionId,
    clave: p.clave,
    tipo: p.tipo,
    nombre: p.nombre,
    acuerdo: p.acuerdo,
    califica: o.califica,
    motivos: [...o.motivos],
    avisos: [...o.avisos],
    montoAhora: pesos(o.montoAhora),
    pagos: o.pagos.map(pagoJson),
    total: pesos(o.total),
    descuento: descuentoJson(o.descuento),
    moratorioCongelado: pesos(o.moratorioCongelado),
    liquidarHoy: pesos(o.liquidarHoy),
    saldoAlTerminar: pesos(o.saldoAlTerminar),
    ahorro: pesos(o.ahorro),
    liquida: o.liquida,
    ahorroPorPuntualidad: o.ahorroPorPuntualidad === null ? null : pesos(o.ahorroPorPuntualidad),
    toleranciaDias: p.toleranciaDias,
    creditos: o.creditos.map(creditoJson),
  };
}
