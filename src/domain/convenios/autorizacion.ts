import type { Oferta } from '../alternativas/oferta.ts';
import type { TipoAlternativa } from '../alternativas/tipos.ts';
import { type Centavos, formatearPesos } from '../dinero.ts';
import type { Fecha } from '../fecha.ts';
import type { Tasa } from '../tasa.ts';

export type RolQueConviene = 'gestor' | 'coordinador';

/** One row of the authorization matrix: a role's limits for one alternative tipo ('*': every tipo). */
export interface LimiteAutorizacion {
  readonly vigenteDesde: Fecha;
  readonly rol: RolQueConviene;
  readonly tipo: TipoAlternativa | 'campana' | '*';
  /** Share of the debt (saldo para liquidar today) that may be forgiven; null: no limit. */
  readonly descuentoPorcentajeMaximo: Tasa | null;
  readonly descuentoMontoMaximo: Centavos | null;
  readonly pagosMaximos: number | null;
  /** false: this role may not agree this tipo on their own at all. */
  readonly permitido: boolean;
}

export interface ConvenioAEvaluar {
  readonly tipo: TipoAlternativa | 'campana';
  readonly descuento: Centavos;
  /** What settles the debt today with no offer: the base of the discount %. */
  readonly liquidarHoy: Centavos;
  readonly numeroDePagos: number;
}

/** What the matrix weighs in a simulated offer: the same for the simulator and for proposing. */
export function convenioDeLaOferta(
  o: Pick<Oferta, 'propuesta' | 'descuento' | 'liquidarHoy' | 'pagos'>,
): ConvenioAEvaluar {
  return {
    tipo: o.propuesta.tipo,
    descuento: o.descuento.total,
    liquidarHoy: o.liquidarHoy,
    numeroDePagos: o.pagos.length,
  };
}

/**
 * The limit that applies to `rol` and `tipo` on `fecha`: of the rows in force (latest
 * `vigenteDesde` on or before `fecha`), the one for the tipo, else the one for '*'.
 */
export function limiteVigente(
  limites: readonly LimiteAutorizacion[],
  rol: RolQueConviene,
  tipo: TipoAlternativa | 'campana',
  fecha: Fecha,
): LimiteAutorizacion | null {
  const delRol = limites.filter((l) => l.rol === rol && l.vigenteDesde <= fecha);
  const ultima = delRol.reduce<Fecha | null>(
    (m, l) => (m === null || l.vigenteDesde > m ? l.vigenteDesde : m),
    null,
  );
  const vigentes = delRol.filter((l) => l.vigenteDesde === ultima);
  return vigentes.find((l) => l.tipo === tipo) ?? vigentes.find((l) => l.tipo === '*') ?? null;
}

/** Why `limite` does not cover the convenio (empty: it does). */
export function excesos(limite: LimiteAutorizacion | null, c: ConvenioAEvaluar): string[] {
  if (limite === null || !limite.permitido) return ['el tipo de alternativa no está en su límite'];
  const motivos: string[] = [];
  const p = limite.descuentoPorcentajeMaximo;
  // A zero limit in either form says one thing: this role gives no discount at all.
  const sinDescuentos = limite.descuentoMontoMaximo === 0 || p?.numerador === 0n;
  if (c.descuento > 0 && sinDescuentos) {
    motivos.push(
      `otorga un descuento de ${formatearPesos(c.descuento)} y no puede otorgar descuentos`,
    );
  } else if (limite.descuentoMontoMaximo !== null && c.descuento > limite.descuentoMontoMaximo) {
    motivos.push(
      `el descuento de ${formatearPesos(c.descuento)} rebasa ${formatearPesos(limite.descuentoMontoMaximo)}`,
    );
  }
  // descuento / liquidarHoy > numerador / denominador, in exact integers.
  if (
    p !== null &&
    !sinDescuentos &&
    c.descuento > 0 &&
    BigInt(c.descuento) * p.denominador > BigInt(c.liquidarHoy) * p.numerador
  ) {
    motivos.push(`el descuento rebasa el ${porcentajeLegible(p)} % de la deuda`);
  }
  if (limite.pagosMaximos !== null && c.numeroDePagos > limite.pagosMaximos) {
    motivos.push(`tiene ${c.numeroDePagos} pagos, más de ${limite.pagosMaximos}`);
  }
  return motivos;
}

function porcentajeLegible(p: Tasa): string {
  const centesimas = (p.numerador * 10_000n) / p.denominador;
  const entero = centesimas / 100n;
  const resto = centesimas % 100n;
  return resto === 0n ? String(entero) : `${entero}.${String(resto).padStart(2, '0')}`;
}

export interface DecisionDeAutorizacion {
  /** null: the proposer's own limit covers it, it goes straight to `autorizado`. */
  readonly rol: 'coordinador' | 'administrador' | null;
  readonly motivos: readonly string[];
}

/** Anyone else who may simulate or propose is held to a gestor's limit. */
export function rolQueConviene(rol: string): RolQueConviene | 'administrador' {
  return rol === 'administrador' || rol === 'coordinador' ? rol : 'gestor';
}

/**
 * Who must authorize a convenio proposed by `rol`: nobody if the proposer's limit covers it;
 * a coordinador if theirs does; else an administrador.
 */
export function autorizacionDelConvenio(
  limites: readonly LimiteAutorizacion[],
  rol: RolQueConviene | 'administrador',
  c: ConvenioAEvaluar,
  fecha: Fecha,
): DecisionDeAutorizacion {
  if (rol === 'administrador') return { rol: null, motivos: [] };
  const propios = excesos(limiteVigente(limites, rol, c.tipo, fecha), c);
  if (propios.length === 0) return { rol: null, motivos: [] };
  if (rol === 'gestor') {
    const delCoordinador = excesos(limiteVigente(limites, 'coordinador', c.tipo, fecha), c);
    if (delCoordinador.length === 0) return { rol: 'coordinador', motivos: propios };
  }
  return { rol: 'administrador', motivos: propios };
}

/** Why `rol` may not authorize a convenio that waits for `requerido` (empty: they may). */
export function motivoParaNoAutorizar(
  requerido: 'coordinador' | 'administrador',
  rol: RolQueConviene | 'administrador',
): string | null {
  switch (rol) {
    case 'administrador':
      return null;
    case 'coordinador':
      return requerido === 'coordinador'
        ? null
        : 'rebasa el límite del coordinador: lo autoriza un administrador';
    case 'gestor':
      return `rebasa el límite del gestor: lo autoriza un ${requerido}`;
  }
}
