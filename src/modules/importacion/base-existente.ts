import { sql } from 'kysely';
import type { Db } from '../../db/conexion.ts';
import type {
  AmortizacionNueva,
  MinistracionNueva,
  PeriodoNuevo,
} from '../../db/escritura-cartera.ts';
import type { CanalPago, RolEnCredito, TipoMovimiento, TipoTelefono } from '../../db/esquema.ts';
import type { DomicilioComparable } from '../../domain/comparar-contactos.ts';
import type { Centavos } from '../../domain/dinero.ts';
import type { Fecha } from '../../domain/fecha.ts';
import type { CarteraArchivo, Concepto, Excedente } from './cartera-archivo.ts';
import type { TasasDeCredito } from './caso-de-credito.ts';
import { cargarCreditos, cargarMovimientos, idsDe } from './creditos-guardados.ts';

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
  id: number;
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

/** A person's current contacts (not retired), which a re-import compares with the file's. */
export interface ContactosGuardados {
  telefonos: Array<{ id: number; numero: string; tipo: TipoTelefono }>;
  correos: Array<{ id: number; correo: string }>;
  /** Newest first: the first is where she lives now. */
  domicilios: Array<DomicilioComparable & { id: number }>;
}

/**
 * A stored credit's schedule, compared by digest (huellas.ts): the same text is built from the
 * workbook's rows, so millions of stored amortizaciones never travel to be compared.
 */
export interface HuellasDeCalendario {
  ministraciones: string;
  amortizaciones: string;
  periodos: string;
}

export interface CalendarioGuardado {
  ministraciones: Array<Pick<MinistracionNueva, 'fecha' | 'monto'>>;
  amortizaciones: AmortizacionNueva[];
  periodos: Array<Pick<PeriodoNuevo, 'desde' | 'hasta'>>;
}

export interface CreditoGuardado {
  id: number;
  numero: string;
  producto: string;
  version: VersionGuardada;
  oficina: string;
  fechaInicioInteres: Fecha;
  /** The credit's own punctual rate (R9); null: none. */
  tasaPuntual: string | null;
  /** Who holds the account now (issue 9); null: unassigned. */
  gestorId: number | null;
  /** Set if reestructurado (closed, it takes no more movements): the credit that replaced it. */
  reestructurado: { nuevo: string | null } | null;
  participantes: Array<{ curp: string | null; rol: RolEnCredito }>;
  huellas: HuellasDeCalendario;
  /** In ledger order; loaded only for credits the workbook brings movements of. */
  movimientos: MovimientoGuardado[];
  /** Loaded only for credits that get movements without their rows in the creditos sheet. */
  calendario: CalendarioGuardado | null;
}

/** A user the creditos sheet names in its `gestor` column. */
export interface UsuarioGuardado {
  id: number;
  nombre: string;
  rol: string;
  /** Clave of his office; null: none (administrador, contabilidad, abogado). */
  oficina: string | null;
  activo: boolean;
}

export interface BaseExistente {
  /** clave → id */
  oficinas: Map<string, number>;
  /** usuario (lower case) → the user */
  usuarios: Map<string, UsuarioGuardado>;
  productos: Map<string, ProductoGuardado>;
  personas: Map<string, PersonaGuardada>;
  /** CURP → current contacts, of the stored people the personas and telefonos sheets name. */
  contactos: Map<string, ContactosGuardados>;
  creditos: Map<string, CreditoGuardado>;
  /** pagaré → the number of the credit it belongs to */
  pagares: Map<string, string>;
}

export function baseVacia(oficinas: Map<string, number>): BaseExistente {
  return {
    oficinas,
    usuarios: new Map(),
    productos: new Map(),
    personas: new Map(),
    contactos: new Map(),
    creditos: new Map(),
    pagares: new Map(),
  };
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
      'v.tasa_puntual_anual',
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
      tasaPuntual: f.tasa_puntual_anual,
      baseDias: f.base_dias,
      prelacion: f.prelacion,
    });
    productos.set(f.clave, p);
  }
  return productos;
}

async function cargarPersonas(
  trx: Db,
  curps: Iterable<string>,
  base: BaseExistente,
): Promise<void> {
  const faltan = [...new Set(curps)].filter((c) => !base.personas.has(c));
  if (faltan.length === 0) return;
  const personas = await trx
    .selectFrom('personas')
    .select([
      'id',
      'curp',
      'nombres',
      'primer_apellido',
      'segundo_apellido',
      'rfc',
      'fecha_nacimiento',
    ])
    .where(sql<boolean>`curp = ANY(${faltan}::text[])`)
    .execute();
  for (const p of personas) {
    if (p.curp === null) continue;
    base.personas.set(p.curp, {
      id: p.id,
      curp: p.curp,
      nombres: p.nombres,
      primerApellido: p.primer_apellido,
      segundoApellido: p.segundo_apellido,
      rfc: p.rfc,
      fechaNacimiento: p.fecha_nacimiento as Fecha | null,
    });
  }
}

/**
 * The stored state is loaded in three steps, as the import reads the sheets it depends on.
 * First: offices, products, and the stored people the personas and telefonos sheets name.
 */
export async function cargarCatalogos(trx: Db, archivo: CarteraArchivo): Promise<BaseExistente> {
  const oficinas = new Map(
    (await trx.selectFrom('oficinas').select(['id', 'clave']).execute()).map((o) => [
      o.clave,
      o.id,
    ]),
  );
  const base = baseVacia(oficinas);
  base.productos = await cargarProductos(trx);
  const curps = [...archivo.personas.map((p) => p.curp), ...archivo.telefonos.map((t) => t.curp)];
  await cargarPersonas(trx, curps, base);
  await cargarContactos(trx, curps, base);
  return base;
}

/** The current phones, e-mails and addresses of the stored people the file brings contacts of. */
async function cargarContactos(trx: Db, curps: string[], base: BaseExistente): Promise<void> {
  const personas = [...new Set(curps)].flatMap((c) => base.personas.get(c) ?? []);
  if (personas.length === 0) return;
  const curpDe = new Map(personas.map((p) => [p.id, p.curp]));
  const ids = [...curpDe.keys()];
  const de = (personaId: number): ContactosGuardados => {
    const curp = curpDe.get(personaId) ?? '';
    let c = base.contactos.get(curp);
    if (!c) {
      c = { telefonos: [], correos: [], domicilios: [] };
      base.contactos.set(curp, c);
    }
    return c;
  };
  const actuales = sql<boolean>`persona_id = ANY(${ids}::int4[]) AND retirado IS NULL`;
  for (const t of await trx
    .selectFrom('telefonos')
    .select(['id', 'persona_id', 'numero', 'tipo'])
    .where(actuales)
    .orderBy('id', 'desc')
    .execute())
    de(t.persona_id).telefonos.push({ id: t.id, numero: t.numero, tipo: t.tipo });
  for (const e of await trx
    .selectFrom('correos')
    .select(['id', 'persona_id', 'correo'])
    .where(actuales)
    .orderBy('id', 'desc')
    .execute())
    de(e.persona_id).correos.push({ id: e.id, correo: e.correo });
  for (const d of await trx
    .selectFrom('domicilios')
    .selectAll()
    .where(actuales)
    .orderBy('id', 'desc')
    .execute())
    de(d.persona_id).domicilios.push({
      id: d.id,
      calle: d.calle,
      numero: d.numero,
      colonia: d.colonia,
      codigoPostal: d.codigo_postal,
      municipio: d.municipio,
      estado: d.estado,
    });
}

/** The users the creditos sheet names as gestor, by their login. */
async function cargarUsuarios(
  trx: Db,
  archivo: CarteraArchivo,
  base: BaseExistente,
): Promise<void> {
  const nombres = [
    ...new Set(archivo.creditos.flatMap((c) => (c.gestor === null ? [] : [c.gestor]))),
  ];
  if (nombres.length === 0) return;
  const filas = await trx
    .selectFrom('usuarios as u')
    .leftJoin('oficinas as o', 'o.id', 'u.oficina_id')
    .select(['u.id', 'u.usuario', 'u.nombre', 'u.rol', 'u.activo', 'o.clave'])
    .where(sql<boolean>`lower(u.usuario) = ANY(${nombres}::text[])`)
    .execute();
  for (const u of filas) {
    base.usuarios.set(u.usuario.toLowerCase(), {
      id: u.id,
      nombre: u.nombre,
      rol: u.rol,
      oficina: u.clave,
      activo: u.activo,
    });
  }
}

/**
 * Second: the stored people the creditos sheet names, its stored credits (with the digest of
 * their schedule), the users it assigns them to and the owners of its pagarés.
 */
export async function cargarCreditosDeHoja(
  trx: Db,
  archivo: CarteraArchivo,
  base: BaseExistente,
): Promise<void> {
  await cargarPersonas(
    trx,
    archivo.creditos.flatMap((c) =>
      [c.curpAcreditado, c.curpAval, c.curpBeneficiario].filter((x): x is string => x !== null),
    ),
    base,
  );
  const numeros = [...new Set(archivo.creditos.map((c) => c.numero))];
  const creditos = await cargarCreditos(trx, numeros, base.productos, {
    huellas: true,
    movimientos: false,
    calendario: false,
  });
  for (const [numero, c] of creditos) base.creditos.set(numero, c);
  await cargarUsuarios(trx, archivo, base);
  const pagares = archivo.ministraciones.map((m) => m.pagareNumero);
  if (pagares.length === 0) return;
  const filas = await trx
    .selectFrom('ministraciones as m')
    .innerJoin('creditos as c', 'c.id', 'm.credito_id')
    .select(['m.pagare_numero', 'c.numero'])
    .where(sql<boolean>`m.pagare_numero = ANY(${pagares}::text[])`)
    .execute();
  for (const f of filas) base.pagares.set(f.pagare_numero, f.numero);
}

/**
 * Third: the ledgers of the stored credits the movimientos sheet names, and the schedule of
 * those not in the creditos sheet (the engine checks their new movements against it).
 */
export async function cargarLibros(
  trx: Db,
  archivo: CarteraArchivo,
  base: BaseExistente,
): Promise<void> {
  const numeros = [...new Set(archivo.movimientos.map((m) => m.numeroCredito))];
  const cargados = numeros
    .map((n) => base.creditos.get(n))
    .filter((c): c is CreditoGuardado => c !== undefined);
  const movimientos = await cargarMovimientos(trx, idsDe(cargados));
  for (const c of cargados) c.movimientos = movimientos.get(c.id) ?? [];
  const otros = numeros.filter((n) => !base.creditos.has(n));
  const creditos = await cargarCreditos(trx, otros, base.productos, {
    huellas: false,
    movimientos: true,
    calendario: true,
  });
  for (const [numero, c] of creditos) base.creditos.set(numero, c);
}

/** Every stored row the workbook's keys point to, in a few queries (the three steps at once). */
export async function cargarBaseExistente(
  trx: Db,
  archivo: CarteraArchivo,
): Promise<BaseExistente> {
  const base = await cargarCatalogos(trx, archivo);
  await cargarCreditosDeHoja(trx, archivo, base);
  await cargarLibros(trx, archivo, base);
  return base;
}
