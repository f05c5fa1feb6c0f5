import type { Centavos } from '../domain/dinero.ts';
import type { Fecha } from '../domain/fecha.ts';
import type { Db } from './conexion.ts';
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
  InsercionMasiva,
  reservarIds,
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

/**
 * Writes a batch. People are matched by CURP: existing ones are reused; a participant may also
 * name, by CURP, a person stored earlier who is not in `personas`. Credits must be new.
 */
export async function escribirCartera(
  trx: Db,
  lote: LoteCartera,
  instante: Date,
): Promise<ResumenEscritura> {
  const rapido = await entrarEnCargaMasiva(trx, TABLAS);
  if (rapido) await asegurarExistentes(trx, lote);
  const resumen: ResumenEscritura = {
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
  const personas = await escribirPersonas(trx, lote.personas, instante, resumen);
  const otras = new Set<string>();
  for (const c of lote.creditos)
    for (const p of c.participantes) if (!personas.has(p.curp)) otras.add(p.curp);
  for (const [curp, id] of await buscarPersonas(trx, [...otras])) personas.set(curp, id);
  for (const curp of otras) {
    if (!personas.has(curp)) throw new Error(`escritura de cartera: no existe la CURP ${curp}`);
  }
  await escribirCreditos(trx, lote, personas, instante, resumen);
  if (rapido) await salirDeCargaMasiva(trx);
  return resumen;
}

/** The stored rows the batch points to, checked and locked as foreign keys would. */
async function asegurarExistentes(trx: Db, lote: LoteCartera): Promise<void> {
  const { creditos } = lote;
  const anexos = lote.anexos ?? [];
  const movimientos = [
    ...creditos.flatMap((c) => c.movimientos),
    ...anexos.flatMap((a) => a.movimientos),
  ];
  const sinNulos = (ids: ReadonlyArray<number | null>) =>
    ids.filter((id): id is number => id !== null);
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
  await asegurarReferencias(
    trx,
    'usuarios',
    sinNulos([...creditos.map((c) => c.gestorId), ...movimientos.map((m) => m.registradoPor)]),
  );
  await asegurarReferencias(trx, 'despachos', sinNulos(creditos.map((c) => c.despachoId)));
  await asegurarReferencias(
    trx,
    'creditos',
    anexos.map((a) => a.creditoId),
  );
  await asegurarReferencias(
    trx,
    'movimientos',
    movimientos.flatMap((m) => (m.cancela && 'id' in m.cancela ? [m.cancela.id] : [])),
  );
}

/**
 * Ids are drawn first, so every child row knows its parent without a round trip; each table is
 * then written whole before the next, parents first.
 */
async function escribirCreditos(
  trx: Db,
  lote: LoteCartera,
  personas: ReadonlyMap<string, number>,
  instante: Date,
  resumen: ResumenEscritura,
): Promise<void> {
  const { creditos } = lote;
  const anexos = lote.anexos ?? [];
  const ids = await reservarIds(trx, 'creditos_id_seq', creditos.length);
  const idDe = (i: number) => ids[i] ?? 0;
  creditos.forEach((c, i) => {
    resumen.idsCreditos.set(c.numero, idDe(i));
  });

  const cr = new InsercionMasiva(trx, 'creditos', [
    ['id', 'int4'],
    ['numero', 'text'],
    ['version_producto_id', 'int4'],
    ['oficina_id', 'int4'],
    ['estado', 'estado_credito'],
    ['fecha_inicio_interes', 'date'],
    ['gestor_id', 'int4'],
    ['despacho_id', 'int4'],
    ['creado', 'timestamptz'],
  ]);
  for (const [i, c] of creditos.entries()) {
    await cr.agregar(
      idDe(i),
      c.numero,
      c.versionProductoId,
      c.oficinaId,
      c.estado,
      c.fechaInicioInteres,
      c.gestorId,
      c.despachoId,
      instante,
    );
  }
  resumen.creditos = await cr.terminar();

  const pa = new InsercionMasiva(trx, 'participantes_credito', [
    ['credito_id', 'int4'],
    ['persona_id', 'int4'],
    ['rol', 'text'],
  ]);
  for (const [i, c] of creditos.entries())
    for (const p of c.participantes) await pa.agregar(idDe(i), personas.get(p.curp), p.rol);
  await pa.terminar();

  const mi = new InsercionMasiva(trx, 'ministraciones', [
    ['credito_id', 'int4'],
    ['numero', 'int2'],
    ['fecha', 'date'],
    ['monto_centavos', 'int8'],
    ['periodo_escolar', 'text'],
    ['pagare_numero', 'text'],
    ['pagare_vencimiento', 'date'],
  ]);
  for (const [i, c] of creditos.entries()) {
    for (const m of c.ministraciones) {
      await mi.agregar(
        idDe(i),
        m.numero,
        m.fecha,
        m.monto,
        m.periodoEscolar,
        m.pagareNumero,
        m.pagareVencimiento,
      );
    }
  }
  resumen.ministraciones = await mi.terminar();

  const am = new InsercionMasiva(trx, 'amortizaciones', [
    ['credito_id', 'int4'],
    ['numero', 'int2'],
    ['fecha', 'date'],
    ['capital_centavos', 'int8'],
  ]);
  for (const [i, c] of creditos.entries())
    for (const a of c.amortizaciones) await am.agregar(idDe(i), a.numero, a.fecha, a.capital);
  resumen.amortizaciones = await am.terminar();

  const pe = new InsercionMasiva(trx, 'periodos_sin_moratorio', [
    ['credito_id', 'int4'],
    ['desde', 'date'],
    ['hasta', 'date'],
    ['motivo', 'text'],
  ]);
  for (const [i, c] of creditos.entries())
    for (const p of c.periodosSinMoratorio) await pe.agregar(idDe(i), p.desde, p.hasta, p.motivo);
  await pe.terminar();

  const listas: Array<{ creditoId: number; movimientos: readonly MovimientoNuevo[] }> = [
    ...creditos.map((c, i) => ({ creditoId: idDe(i), movimientos: c.movimientos })),
    ...anexos,
  ];
  resumen.movimientos = await escribirMovimientos(trx, listas, instante);
}

async function escribirMovimientos(
  trx: Db,
  listas: ReadonlyArray<{ creditoId: number; movimientos: readonly MovimientoNuevo[] }>,
  instante: Date,
): Promise<number> {
  const total = listas.reduce((n, l) => n + l.movimientos.length, 0);
  const ids = await reservarIds(trx, 'movimientos_id_seq', total);
  const mo = new InsercionMasiva(trx, 'movimientos', [
    ['id', 'int8'],
    ['credito_id', 'int4'],
    ['tipo', 'text'],
    ['fecha', 'date'],
    ['monto_centavos', 'int8'],
    ['excedente', 'text'],
    ['concepto', 'text'],
    ['cancela_id', 'int8'],
    ['canal', 'text'],
    ['referencia', 'text'],
    ['motivo', 'text'],
    ['clave_externa', 'text'],
    ['registrado_por', 'int4'],
    ['registrado', 'timestamptz'],
  ]);
  let k = 0;
  for (const { creditoId, movimientos } of listas) {
    const base = k;
    for (const m of movimientos) {
      const cancela =
        m.cancela === null
          ? null
          : 'id' in m.cancela
            ? m.cancela.id
            : (ids[base + m.cancela.indice] ?? null);
      await mo.agregar(
        ids[k++],
        creditoId,
        m.tipo,
        m.fecha,
        m.monto,
        m.excedente,
        m.concepto,
        cancela,
        m.canal,
        m.referencia,
        m.motivo,
        m.clave,
        m.registradoPor,
        instante,
      );
    }
  }
  return mo.terminar();
}
