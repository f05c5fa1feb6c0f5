import { sql } from 'kysely';
import type { Db } from '../../db/conexion.ts';
import type {
  AmortizacionNueva,
  MinistracionNueva,
  PeriodoNuevo,
} from '../../db/escritura-cartera.ts';
import type { CanalPago, RolEnCredito, TipoMovimiento } from '../../db/esquema.ts';
import type { Centavos } from '../../domain/dinero.ts';
import type { Fecha } from '../../domain/fecha.ts';
import type { CarteraArchivo, Concepto, Excedente } from './cartera-archivo.ts';
import type { TasasDeCredito } from './caso-de-credito.ts';

/** What the database already holds of everything the workbook names, loaded once. */

export interface VersionGuardada extends TasasDeCredito {
  id: number;
  vigenteDesde: Fecha;
}
export interface ProductoGuardado {
  id: number;
  nombre: string;
  versiones: VersionGuardada[];
}
export interface PersonaGuardada {
  curp: string;
  nombres: string;
  primerApellido: string;
  segundoApellido: string | null;
  rfc: string | null;
  fechaNacimiento: Fecha | null;
}
export interface MovimientoGuardado {
  id: number;
  clave: string | null;
  tipo: TipoMovimiento;
  fecha: Fecha;
  monto: Centavos | null;
  excedente: Excedente | null;
  concepto: Concepto | null;
  cancelaId: number | null;
  canal: CanalPago | null;
  referencia: string | null;
  motivo: string | null;
}
export interface CreditoGuardado {
  id: number;
  numero: string;
  producto: string;
  version: VersionGuardada;
  oficina: string;
  fechaInicioInteres: Fecha;
  participantes: Array<{ curp: string | null; rol: RolEnCredito }>;
  ministraciones: MinistracionNueva[];
  amortizaciones: AmortizacionNueva[];
  periodos: PeriodoNuevo[];
  /** In ledger order. */
  movimientos: MovimientoGuardado[];
}

export interface BaseExistente {
  /** clave → id */
  oficinas: Map<string, number>;
  productos: Map<string, ProductoGuardado>;
  personas: Map<string, PersonaGuardada>;
  creditos: Map<string, CreditoGuardado>;
  /** pagaré → the number of the credit it belongs to */
  pagares: Map<string, string>;
}

export function baseVacia(oficinas: Map<string, number>): BaseExistente {
  return {
    oficinas,
    productos: new Map(),
    personas: new Map(),
    creditos: new Map(),
    pagares: new Map(),
  };
}

function agrupar<T extends { credito_id: number }>(filas: readonly T[]): Map<number, T[]> {
  const grupos = new Map<number, T[]>();
  for (const f of filas) {
    const g = grupos.get(f.credito_id);
    if (g) g.push(f);
    else grupos.set(f.credito_id, [f]);
  }
  return grupos;
}

async function cargarProductos(trx: Db): Promise<Map<string, ProductoGuardado>> {
  const filas = await trx
    .selectFrom('productos as p')
    .innerJoin('versiones_producto as v', 'v.producto_id', 'p.id')
    .select([
      'p.id as productoId',
      'p.clave',
      'p.nombre',
      'v.id',
      'v.vigente_desde',
      'v.tasa_ordinaria_anual',
      'v.tasa_moratoria_anual',
      'v.base_dias',
      'v.prelacion',
    ])
    .orderBy('v.vigente_desde')
    .execute();
  const productos = new Map<string, ProductoGuardado>();
  for (const f of filas) {
    const p = productos.get(f.clave) ?? { id: f.productoId, nombre: f.nombre, versiones: [] };
    p.versiones.push({
      id: f.id,
      vigenteDesde: f.vigente_desde as Fecha,
      tasaOrdinaria: f.tasa_ordinaria_anual,
      tasaMoratoria: f.tasa_moratoria_anual,
      baseDias: f.base_dias,
      prelacion: f.prelacion,
    });
    productos.set(f.clave, p);
  }
  return productos;
}

async function cargarCreditos(
  trx: Db,
  numeros: readonly string[],
  productos: ReadonlyMap<string, ProductoGuardado>,
): Promise<Map<string, CreditoGuardado>> {
  const creditos = new Map<string, CreditoGuardado>();
  if (numeros.length === 0) return creditos;
  const cabeceras = await trx
    .selectFrom('creditos as c')
    .innerJoin('oficinas as o', 'o.id', 'c.oficina_id')
    .select(['c.id', 'c.numero', 'c.version_producto_id', 'c.fecha_inicio_interes', 'o.clave'])
    .where(sql<boolean>`c.numero = ANY(${numeros}::text[])`)
    // The credits the import extends must not change under it.
    .forUpdate()
    .execute();
  if (cabeceras.length === 0) return creditos;
  const ids = cabeceras.map((c) => c.id);
  const [participantes, ministraciones, amortizaciones, periodos, movimientos] = await Promise.all([
    trx
      .selectFrom('participantes_credito as pc')
      .innerJoin('personas as p', 'p.id', 'pc.persona_id')
      .select(['pc.credito_id', 'p.curp', 'pc.rol'])
      .where(sql<boolean>`pc.credito_id = ANY(${ids}::int4[])`)
      .execute(),
    trx
      .selectFrom('ministraciones')
      .selectAll()
      .where(sql<boolean>`credito_id = ANY(${ids}::int4[])`)
      .orderBy('numero')
      .execute(),
    trx
      .selectFrom('amortizaciones')
      .selectAll()
      .where(sql<boolean>`credito_id = ANY(${ids}::int4[])`)
      .orderBy('numero')
      .execute(),
    trx
      .selectFrom('periodos_sin_moratorio')
      .selectAll()
      .where(sql<boolean>`credito_id = ANY(${ids}::int4[])`)
      .orderBy('id')
      .execute(),
    trx
      .selectFrom('movimientos')
      .selectAll()
      .where(sql<boolean>`credito_id = ANY(${ids}::int4[])`)
      .orderBy('id')
      .execute(),
  ]);
  const de = {
    participantes: agrupar(participantes),
    ministraciones: agrupar(ministraciones),
    amortizaciones: agrupar(amortizaciones),
    periodos: agrupar(periodos),
    movimientos: agrupar(movimientos),
  };
  const versiones = new Map<number, { producto: string; version: VersionGuardada }>();
  for (const [clave, p] of productos)
    for (const v of p.versiones) versiones.set(v.id, { producto: clave, version: v });
  for (const c of cabeceras) {
    const v = versiones.get(c.version_producto_id);
    if (!v) continue;
    creditos.set(c.numero, {
      id: c.id,
      numero: c.numero,
      producto: v.producto,
      version: v.version,
      oficina: c.clave,
      fechaInicioInteres: c.fecha_inicio_interes as Fecha,
      participantes: (de.participantes.get(c.id) ?? []).map((p) => ({ curp: p.curp, rol: p.rol })),
      ministraciones: (de.ministraciones.get(c.id) ?? []).map((m) => ({
        numero: m.numero,
        fecha: m.fecha as Fecha,
        monto: m.monto_centavos as Centavos,
        periodoEscolar: m.periodo_escolar,
        pagareNumero: m.pagare_numero,
        pagareVencimiento: m.pagare_vencimiento as Fecha,
      })),
      amortizaciones: (de.amortizaciones.get(c.id) ?? []).map((a) => ({
        numero: a.numero,
        fecha: a.fecha as Fecha,
        capital: a.capital_centavos as Centavos,
      })),
      periodos: (de.periodos.get(c.id) ?? []).map((p) => ({
        desde: p.desde as Fecha,
        hasta: p.hasta as Fecha,
        motivo: p.motivo,
      })),
      movimientos: (de.movimientos.get(c.id) ?? []).map((m) => ({
        id: m.id,
        clave: m.clave_externa,
        tipo: m.tipo,
        fecha: m.fecha as Fecha,
        monto: m.monto_centavos as Centavos | null,
        excedente: m.excedente,
        concepto: m.concepto,
        cancelaId: m.cancela_id,
        canal: m.canal,
        referencia: m.referencia,
        motivo: m.motivo,
      })),
    });
  }
  return creditos;
}

/** Loads, in a few queries, the stored rows that the workbook's keys point to. */
export async function cargarBaseExistente(
  trx: Db,
  archivo: CarteraArchivo,
): Promise<BaseExistente> {
  const oficinas = new Map(
    (await trx.selectFrom('oficinas').select(['id', 'clave']).execute()).map((o) => [
      o.clave,
      o.id,
    ]),
  );
  const base = baseVacia(oficinas);
  base.productos = await cargarProductos(trx);
  const curps = new Set<string>();
  for (const p of archivo.personas) curps.add(p.curp);
  for (const t of archivo.telefonos) curps.add(t.curp);
  for (const c of archivo.creditos) {
    curps.add(c.curpAcreditado);
    if (c.curpAval) curps.add(c.curpAval);
    if (c.curpBeneficiario) curps.add(c.curpBeneficiario);
  }
  if (curps.size > 0) {
    const personas = await trx
      .selectFrom('personas')
      .select(['curp', 'nombres', 'primer_apellido', 'segundo_apellido', 'rfc', 'fecha_nacimiento'])
      .where(sql<boolean>`curp = ANY(${[...curps]}::text[])`)
      .execute();
    for (const p of personas) {
      if (p.curp === null) continue;
      base.personas.set(p.curp, {
        curp: p.curp,
        nombres: p.nombres,
        primerApellido: p.primer_apellido,
        segundoApellido: p.segundo_apellido,
        rfc: p.rfc,
        fechaNacimiento: p.fecha_nacimiento as Fecha | null,
      });
    }
  }
  const numeros = new Set<string>();
  for (const c of archivo.creditos) numeros.add(c.numero);
  for (const m of archivo.movimientos) numeros.add(m.numeroCredito);
  base.creditos = await cargarCreditos(trx, [...numeros], base.productos);
  const pagares = archivo.ministraciones.map((m) => m.pagareNumero);
  if (pagares.length > 0) {
    const filas = await trx
      .selectFrom('ministraciones as m')
      .innerJoin('creditos as c', 'c.id', 'm.credito_id')
      .select(['m.pagare_numero', 'c.numero'])
      .where(sql<boolean>`m.pagare_numero = ANY(${pagares}::text[])`)
      .execute();
    for (const f of filas) base.pagares.set(f.pagare_numero, f.numero);
  }
  return base;
}
