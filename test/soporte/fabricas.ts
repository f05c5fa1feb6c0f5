import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Db } from '../../src/db/conexion.ts';
import { completarCurp } from '../../src/domain/curp.ts';
import { centavosDesdeTexto } from '../../src/domain/dinero.ts';
import { rutaCaso } from './casos.ts';

/** A case of the engine's input shape (docs/motor.md), as in test/casos. */
export interface CasoEntrada {
  fecha_corte: string;
  producto: {
    tasa_ordinaria_anual: string;
    tasa_moratoria_anual: string;
    base_dias?: 360 | 365;
    prelacion?: 'por_concepto' | 'por_amortizacion';
    tasa_puntual_anual?: string;
  };
  credito: {
    id: string;
    fecha_inicio_interes: string;
    tasa_puntual_anual?: string;
    ministraciones: Array<{ fecha: string; monto: string }>;
    amortizaciones: Array<{ numero: number; fecha: string; capital: string }>;
  };
  movimientos?: Array<{
    id: string;
    tipo: string;
    fecha: string;
    monto?: string;
    excedente?: string;
    concepto?: string;
    movimiento?: string;
  }>;
  periodos_sin_moratorio?: Array<{ desde: string; hasta: string }>;
}

/** One of the published normative examples (test/casos), by file name. */
export function casoPublicado(nombre: string): CasoEntrada {
  return (JSON.parse(readFileSync(rutaCaso(nombre), 'utf8')) as { caso: CasoEntrada }).caso;
}

export interface OpcionesCredito {
  oficina?: 'HMO' | 'OBR' | 'NOG';
  despachoId?: number | null;
  nombres?: string;
  primerApellido?: string;
}

const CONSONANTES = 'BCDFGHJKLMNPQRSTVWXYZ';
let siguienteCurp = randomInt(1_000);

/** A valid CURP not used before in this process: each stored case gets a person of its own. */
function curpUnica(): string {
  const n = siguienteCurp++;
  const letra = (i: number) => CONSONANTES.charAt(Math.floor(n / 21 ** i) % 21);
  return completarCurp(
    `NUIJ900101HSR${letra(2)}${letra(1)}${letra(0)}${Math.floor(n / 21 ** 3) % 10}`,
  );
}

function centavos(texto: string): number {
  const c = centavosDesdeTexto(texto);
  if (c === null) throw new Error(`monto inválido en el caso: ${texto}`);
  return c;
}

/**
 * Stores a case as a real credit (persona, producto version, credito, ministraciones,
 * amortizaciones, movimientos in order, windows) and returns its id and the map from the
 * case's movement ids to ledger ids.
 */
export async function guardarCaso(db: Db, caso: CasoEntrada, opciones: OpcionesCredito = {}) {
  const sufijo = `${Date.now().toString(36)}${randomInt(1e9).toString(36)}`.toUpperCase();
  const oficina = await db
    .selectFrom('oficinas')
    .select('id')
    .where('clave', '=', opciones.oficina ?? 'HMO')
    .executeTakeFirstOrThrow();
  const producto = await db
    .insertInto('productos')
    .values({ clave: `P-${sufijo}`, nombre: 'Crédito educativo de prueba' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const version = await db
    .insertInto('versiones_producto')
    .values({
      producto_id: producto.id,
      vigente_desde: '1990-01-01',
      tasa_ordinaria_anual: caso.producto.tasa_ordinaria_anual,
      tasa_moratoria_anual: caso.producto.tasa_moratoria_anual,
      base_dias: caso.producto.base_dias ?? 360,
      prelacion: caso.producto.prelacion ?? 'por_concepto',
      tasa_puntual_anual: caso.producto.tasa_puntual_anual ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const persona = await db
    .insertInto('personas')
    .values({
      nombres: opciones.nombres ?? 'José Ángel',
      primer_apellido: opciones.primerApellido ?? 'Núñez',
      segundo_apellido: 'Ibáñez',
      curp: curpUnica(),
      fecha_nacimiento: '1990-01-01',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const credito = await db
    .insertInto('creditos')
    .values({
      numero: `${caso.credito.id}-${sufijo}`,
      version_producto_id: version.id,
      oficina_id: oficina.id,
      fecha_inicio_interes: caso.credito.fecha_inicio_interes,
      despacho_id: opciones.despachoId ?? null,
      // A firm holds an account until a date (docs/juridico.md): far enough for any test clock.
      turnado_hasta: opciones.despachoId ? '2099-12-31' : null,
      gestor_id: null,
      ...(caso.credito.tasa_puntual_anual === undefined
        ? {}
        : { tasa_puntual_anual: caso.credito.tasa_puntual_anual, tasa_puntual_motivo: 'prueba' }),
    })
    .returning(['id', 'numero'])
    .executeTakeFirstOrThrow();
  await db
    .insertInto('participantes_credito')
    .values({ credito_id: credito.id, persona_id: persona.id, rol: 'acreditado' })
    .execute();
  await db
    .insertInto('ministraciones')
    .values(
      caso.credito.ministraciones.map((m, i) => ({
        credito_id: credito.id,
        numero: i + 1,
        fecha: m.fecha,
        monto_centavos: centavos(m.monto),
        periodo_escolar: `Periodo ${i + 1}`,
        pagare_numero: `PG-${sufijo}-${i + 1}`,
        pagare_vencimiento: m.fecha,
      })),
    )
    .execute();
  await db
    .insertInto('amortizaciones')
    .values(
      caso.credito.amortizaciones.map((a) => ({
        credito_id: credito.id,
        numero: a.numero,
        fecha: a.fecha,
        capital_centavos: centavos(a.capital),
      })),
    )
    .execute();
  const ids = new Map<string, number>();
  for (const m of caso.movimientos ?? []) {
    const fila = await db
      .insertInto('movimientos')
      .values({
        credito_id: credito.id,
        tipo: m.tipo as 'pago',
        fecha: m.fecha,
        monto_centavos: m.monto === undefined ? null : centavos(m.monto),
        excedente: m.tipo === 'pago' ? ((m.excedente ?? 'reducir_plazo') as 'reducir_plazo') : null,
        concepto: (m.concepto ?? null) as 'capital' | null,
        cancela_id: m.movimiento === undefined ? null : (ids.get(m.movimiento) ?? null),
        canal: m.tipo === 'pago' ? 'banco' : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.set(m.id, fila.id);
  }
  if (caso.periodos_sin_moratorio?.length) {
    await db
      .insertInto('periodos_sin_moratorio')
      .values(
        caso.periodos_sin_moratorio.map((p) => ({
          credito_id: credito.id,
          desde: p.desde,
          hasta: p.hasta,
          motivo: 'prueba',
        })),
      )
      .execute();
  }
  return { id: credito.id, numero: credito.numero, movimientos: ids };
}

/** A law firm with the demo lawyer (`abogado`) in it: his scope is that firm's turnados. */
export async function despachoDelAbogado(
  db: Db,
  nombre = 'Quijada y Asociados, S.C.',
): Promise<{ id: number }> {
  const despacho = await db
    .insertInto('despachos')
    .values({ nombre })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .updateTable('usuarios')
    .set({ despacho_id: despacho.id })
    .where('usuario', '=', 'abogado')
    .execute();
  return despacho;
}

/** The acreditado of a credit `guardarCaso` stored (its only participant). */
export async function acreditadoDe(db: Db, creditoId: number): Promise<number> {
  const { persona_id } = await db
    .selectFrom('participantes_credito')
    .select('persona_id')
    .where('credito_id', '=', creditoId)
    .where('rol', '=', 'acreditado')
    .executeTakeFirstOrThrow();
  return persona_id;
}

/** A user's id, by the username (the demo's `gestor`, `abogado`…). */
export async function idDeUsuario(db: Db, usuario: string): Promise<number> {
  const { id } = await db
    .selectFrom('usuarios')
    .select('id')
    .where('usuario', '=', usuario)
    .executeTakeFirstOrThrow();
  return id;
}
