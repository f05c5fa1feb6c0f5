import { CERO, type Centavos, sumar } from '../dinero.ts';

/**
 * Dealing a set of accounts among gestores (docs/gestion.md, Asignación). Only the selected
 * accounts are dealt: what each gestor already holds is not counted, so that "even" means even
 * within this distribution, which is what the coordinador sees in the preview.
 */
export type ReglaDistribucion = 'cuentas' | 'saldo';
export const REGLAS_DISTRIBUCION: readonly ReglaDistribucion[] = ['cuentas', 'saldo'];

export interface CuentaARepartir {
  creditoId: number;
  /** Saldo exigible of the latest aging snapshot; 0 without one. */
  saldo: Centavos;
}

export interface CuentaRepartida extends CuentaARepartir {
  gestorId: number;
}

export interface TotalDeGestor {
  gestorId: number;
  cuentas: number;
  saldo: Centavos;
}

/** Largest balance first; equal balances by credit id, so the same accounts give the same plan. */
function porSaldo(cuentas: readonly CuentaARepartir[]): CuentaARepartir[] {
  return [...cuentas].sort((a, b) => b.saldo - a.saldo || a.creditoId - b.creditoId);
}

/**
 * `cuentas`: dealt in turn, in the gestores' order, from the largest balance down, so the
 * counts differ by at most one and each gets a share of the large ones. `saldo`: each account,
 * largest first, to whoever holds the least so far (ties: the first in order); the totals then
 * differ by at most the largest single balance.
 */
export function repartir(
  cuentas: readonly CuentaARepartir[],
  gestorIds: readonly number[],
  regla: ReglaDistribucion,
): CuentaRepartida[] {
  const n = gestorIds.length;
  if (n === 0) throw new RangeError('una distribución necesita al menos un gestor');
  const gestor = (i: number): number => gestorIds[i] as number;
  const orden = porSaldo(cuentas);
  switch (regla) {
    case 'cuentas':
      return orden.map((c, i) => ({ ...c, gestorId: gestor(i % n) }));
    case 'saldo': {
      const totales = gestorIds.map(() => 0);
      return orden.map((c) => {
        let menor = 0;
        for (let i = 1; i < n; i++) {
          if ((totales[i] as number) < (totales[menor] as number)) menor = i;
        }
        totales[menor] = (totales[menor] as number) + c.saldo;
        return { ...c, gestorId: gestor(menor) };
      });
    }
  }
}

/** Accounts and balance per gestor, in the gestores' order, a gestor dealt nothing included. */
export function totalesPorGestor(
  plan: readonly CuentaRepartida[],
  gestorIds: readonly number[],
): TotalDeGestor[] {
  const totales = new Map<number, TotalDeGestor>(
    gestorIds.map((id) => [id, { gestorId: id, cuentas: 0, saldo: CERO }]),
  );
  for (const c of plan) {
    const t = totales.get(c.gestorId);
    if (!t) continue;
    t.cuentas++;
    t.saldo = sumar(t.saldo, c.saldo);
  }
  return [...totales.values()];
}

/**
 * The plan as canonical text (one `credito:gestor:saldo` line per account, by credit id): its
 * hash is the firma that proves, when applying, that the accounts and balances are still the
 * ones the coordinador previewed.
 */
export function textoDelPlan(plan: readonly CuentaRepartida[]): string {
  return [...plan]
    .sort((a, b) => a.creditoId - b.creditoId)
    .map((c) => `${c.creditoId}:${c.gestorId}:${c.saldo}`)
    .join('\n');
}
