import type { Mes } from '../../domain/metas/mes.ts';
import type { Aleatorio } from './aleatorio.ts';

/** What a gestor achieved in a month (from the materialized facts). */
export interface LogroMensual {
  mes: Mes;
  oficinaId: number;
  gestorId: number;
  recuperacionCentavos: number;
  contactosEfectivos: number;
}

export interface MetaDemo {
  mes: Mes;
  oficinaId: number;
  /** null: the office's own goal. */
  gestorId: number | null;
  recuperacionCentavos: number;
  contactosEfectivos: number;
}

// Goals are set in whole thousands of pesos, as a coordinador would.
const MIL_PESOS = 100_000;
const redondear = (c: number, paso: number) => Math.max(paso, Math.round(c / paso) * paso);

/**
 * The demo's goals: for each gestor and month, what he went on to achieve times a factor
 * between 0.85 and 1.25 (so compliance ranges from about 80 % to beyond 100 %, as in a real
 * office); `futuros` months after the last measured one get the last three months' average.
 * An office's goal is the sum of its gestores'. Deterministic for the same `rnd` and input.
 */
export function generarMetas(
  logros: readonly LogroMensual[],
  futuros: readonly Mes[],
  rnd: Aleatorio,
): MetaDemo[] {
  const metas: MetaDemo[] = [];
  const porGestor = new Map<number, LogroMensual[]>();
  for (const l of logros) porGestor.set(l.gestorId, [...(porGestor.get(l.gestorId) ?? []), l]);
  const factor = () => rnd.entero(85, 125) / 100;
  for (const [gestorId, lista] of [...porGestor.entries()].sort(([a], [b]) => a - b)) {
    lista.sort((a, b) => (a.mes < b.mes ? -1 : 1));
    for (const l of lista) {
      metas.push({
        mes: l.mes,
        oficinaId: l.oficinaId,
        gestorId,
        recuperacionCentavos: redondear(l.recuperacionCentavos * factor(), MIL_PESOS),
        contactosEfectivos: redondear(l.contactosEfectivos * factor(), 1),
      });
    }
    const ultimos = lista.slice(-3);
    const oficinaId = lista[0]?.oficinaId;
    if (ultimos.length === 0 || oficinaId === undefined) continue;
    const promedio = (f: (l: LogroMensual) => number) =>
      ultimos.reduce((s, l) => s + f(l), 0) / ultimos.length;
    for (const mes of futuros) {
      metas.push({
        mes,
        oficinaId,
        gestorId,
        recuperacionCentavos: redondear(promedio((l) => l.recuperacionCentavos) * 1.05, MIL_PESOS),
        contactosEfectivos: redondear(promedio((l) => l.contactosEfectivos) * 1.05, 1),
      });
    }
  }
  const oficinas = new Map<string, MetaDemo>();
  for (const m of metas) {
    const clave = `${m.mes}|${m.oficinaId}`;
    const o = oficinas.get(clave) ?? {
      mes: m.mes,
      oficinaId: m.oficinaId,
      gestorId: null,
      recuperacionCentavos: 0,
      contactosEfectivos: 0,
    };
    o.recuperacionCentavos += m.recuperacionCentavos;
    o.contactosEfectivos += m.contactosEfectivos;
    oficinas.set(clave, o);
  }
  return [...metas, ...oficinas.values()];
}
