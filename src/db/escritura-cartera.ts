import type { Centavos } from '../domain/dinero.ts';
import type { Fecha } from '../domain/fecha.ts';
import type { Db } from './conexion.ts';
import { escribirCreditos, escribirMovimientos } from './escritura-creditos.ts';
import {
  buscarPersonas,
  escribirPersonas,
  type PersonaNueva,
  type ResumenPersonas,
} from './escritura-personas.ts';
import type { CanalPago, EstadoCreditoColumna, RolEnCredito, TipoMovimiento } from './esquema.ts';
import {
  asegurarReferencias,
  entrarEnCargaMasiva,
  salirDeCargaMasiva,
} from './insercion-masiva.ts';

export type {
  CorreoNuevo,
  DomicilioNuevo,
  PersonaNueva,
  TelefonoNuevo,
} from './escritura-personas.ts';

/**
 * The bulk writer of the portfolio: whole credits with their people, schedule and ledger, a
 * few statements per table. The import and the demo generator both write through it. The
 * caller owns the transaction and has validated everything (the statement engine accepts each
 * credit); this only writes.
 */

export interface MinistracionNueva {
  numero: number;
  fecha: Fecha;
  monto: Centavos;
  periodoEscolar: string;
  pagareNumero: string;
  pagareVencimiento: Fecha;
}
export interface AmortizacionNueva {
  numero: number;
  fecha: Fecha;
  capital: Centavos;
}
export interface MovimientoNuevo {
  /** `movimientos.clave_externa`: the key the source gave it (null for generated ones). */
  clave: string | null;
  tipo: TipoMovimiento;
  fecha: Fecha;
  monto: Centavos | null;
  excedente: 'reducir_plazo' | 'adelantar' | null;
  concepto: 'moratorio' | 'interes' | 'capital' | null;
  /** What a cancelación cancels: an earlier movement of the same list, or a stored one. */
  cancela: { indice: number } | { id: number } | null;
  canal: CanalPago | null;
  referencia: string | null;
  motivo: string | null;
  registradoPor: number | null;
}
export interface PeriodoNuevo {
  desde: Fecha;
  hasta: Fecha;
  motivo: string;
}

export interface CreditoNuevo {
  numero: string;
  versionProductoId: number;
  oficinaId: number;
  estado: EstadoCreditoColumna;
  fechaInicioInteres: Fecha;
  gestorId: number | null;
  despachoId: number | null;
  /** The credit's own punctual rate (R9) and why; null: its version's applies. */
  tasaPuntual: { tasa: string; motivo: string; evidencia: string | null } | null;
  participantes: ReadonlyArray<{ curp: string; rol: RolEnCredito }>;
  ministraciones: readonly MinistracionNueva[];
  amortizaciones: readonly AmortizacionNueva[];
  /** In ledger order: ids are assigned increasing in this order. */
  movimientos: readonly MovimientoNuevo[];
  periodosSinMoratorio: readonly PeriodoNuevo[];
}

/** New movements for a credit already stored (appended after its existing ones). */
export interface MovimientosAnexados {
  creditoId: number;
  movimientos: readonly MovimientoNuevo[];
}

export interface LoteCartera {
  personas: readonly PersonaNueva[];
  creditos: readonly CreditoNuevo[];
  anexos?: readonly MovimientosAnexados[];
}

export interface ResumenEscritura {
  personasCreadas: number;
  personasExistentes: number;
  telefonos: number;
  correos: number;
  domicilios: number;
  creditos: number;
  ministraciones: number;
  amortizaciones: number;
  movimientos: number;
  /** numero → id of every credit written. */
  idsCreditos: Map<string, number>;
}

export interface ResumenEscritura extends ResumenPersonas {
  creditos: number;
  ministraciones: number;
  amortizaciones: number;
  movimientos: number;
  /** numero → id of every credit written. */
  idsCreditos: Map<string, number>;
}

// Every table the writer inserts into (see entrarEnCargaMasiva).
const TABLAS = [
  'personas',
  'telefonos',
  'correos',
  'domicilios',
  'creditos',
  'participantes_credito',
  'ministraciones',
  'amortizaciones',
  'movimientos',
  'periodos_sin_moratorio',
];

const sinNulos = (ids: ReadonlyArray<number | null>) =>
  ids.filter((id): id is number => id !== null);

/**
 * A bulk write in steps, parents before children: people, then credits with their schedule,
 * then movements. A caller that validates as it reads (the import) writes each part while it
 * reads the next; `escribirCartera` does all three at once. Open it, write, close it, in one
 * transaction.
 */
export class EscrituraDeCartera {
  readonly resumen: ResumenEscritura = {
    personasCreadas: 0,
    personasExistentes: 0,
    telefonos: 0,
    correos: 0,
    domicilios: 0,
    creditos: 0,
    ministraciones: 0,
    amortizaciones: 0,
    movimientos: 0,
    idsCreditos: new Map(),
  };
  private readonly idsPersonas = new Map<string, number>();

  private constructor(
    private readonly trx: Db,
    private readonly instante: Date,
    private readonly rapido: boolean,
  ) {}

  static async abrir(trx: Db, instante: Date): Promise<EscrituraDeCartera> {
    return new EscrituraDeCartera(trx, instante, await entrarEnCargaMasiva(trx, TABLAS));
  }

  /** People, matched by CURP: existing ones are reused and only their missing contacts added. */
  async personas(personas: readonly PersonaNueva[]): Promise<void> {
    const ids = await escribirPersonas(this.trx, personas, this.instante, this.resumen);
    for (const [curp, id] of ids) this.idsPersonas.set(curp, id);
  }

  /**
   * New credits. A participant is a person written by `personas` or one stored before, named
   * by CURP.
   */
  async creditos(creditos: readonly CreditoNuevo[]): Promise<void> {
    const { trx } = this;
    if (this.rapido) {
      await asegurarReferencias(
        trx,
        'versiones_producto',
        creditos.map((c) => c.versionProductoId),
      );
      await asegurarReferencias(
        trx,
        'oficinas',
        creditos.map((c) => c.oficinaId),
      );
      await asegurarReferencias(trx, 'usuarios', sinNulos(creditos.map((c) => c.gestorId)));
      await asegurarReferencias(trx, 'despachos', sinNulos(creditos.map((c) => c.despachoId)));
    }
    const otras = new Set<string>();
    for (const c of creditos) {
      for (const p of c.participantes) if (!this.idsPersonas.has(p.curp)) otras.add(p.curp);
    }
    for (const [curp, id] of await buscarPersonas(trx, [...otras])) this.idsPersonas.set(curp, id);
    for (const curp of otras) {
      if (!this.idsPersonas.has(curp))
        throw new Error(`escritura de cartera: no existe la CURP ${curp}`);
    }
    const conteo = await escribirCreditos(
      trx,
      creditos,
      this.idsPersonas,
      this.instante,
      this.resumen.idsCreditos,
    );
    this.resumen.creditos += conteo.creditos;
    this.resumen.ministraciones += conteo.ministraciones;
    this.resumen.amortizaciones += conteo.amortizaciones;
  }

  /**
   * Movements, each list appended to its credit's ledger in order: `credito` is the number of a
   * credit written by `creditos`, or the id of one stored before.
   */
  async movimientos(
    listas: ReadonlyArray<{ credito: string | number; movimientos: readonly MovimientoNuevo[] }>,
  ): Promise<void> {
    const { trx } = this;
    const resueltas = listas.map((l) => {
      const creditoId =
        typeof l.credito === 'number' ? l.credito : this.resumen.idsCreditos.get(l.credito);
      if (creditoId === undefined)
        throw new Error(`escritura de cartera: no se escribió el crédito ${l.credito}`);
      return { creditoId, movimientos: l.movimientos };
    });
    if (this.rapido) {
      const todos = listas.flatMap((l) => l.movimientos);
      await asegurarReferencias(trx, 'usuarios', sinNulos(todos.map((m) => m.registradoPor)));
      await asegurarReferencias(
        trx,
        'creditos',
        listas.flatMap((l) => (typeof l.credito === 'number' ? [l.credito] : [])),
      );
      await asegurarReferencias(
        trx,
        'movimientos',
        todos.flatMap((m) => (m.cancela && 'id' in m.cancela ? [m.cancela.id] : [])),
      );
    }
    this.resumen.movimientos += await escribirMovimientos(trx, resueltas, this.instante);
  }

  async cerrar(): Promise<ResumenEscritura> {
    if (this.rapido) await salirDeCargaMasiva(this.trx);
    return this.resumen;
  }
}

/**
 * Writes a batch: people (matched by CURP; a participant may also name, by CURP, a person
 * stored earlier who is not in `personas`), new credits, their movements, and the new
 * movements of stored credits (`anexos`).
 */
export async function escribirCartera(
  trx: Db,
  lote: LoteCartera,
  instante: Date,
): Promise<ResumenEscritura> {
  const escritura = await EscrituraDeCartera.abrir(trx, instante);
  await escritura.personas(lote.personas);
  await escritura.creditos(lote.creditos);
  await escritura.movimientos([
    ...lote.creditos.map((c) => ({ credito: c.numero, movimientos: c.movimientos })),
    ...(lote.anexos ?? []).map((a) => ({ credito: a.creditoId, movimientos: a.movimientos })),
  ]);
  return escritura.cerrar();
}
