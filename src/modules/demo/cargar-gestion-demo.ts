import { sql } from 'kysely';
import type { Db } from '../../db/conexion.ts';
import type { EstadoCreditoColumna } from '../../db/esquema.ts';
import {
  asegurarReferencias,
  entrarEnCargaMasiva,
  InsercionMasiva,
  reservarIds,
  salirDeCargaMasiva,
} from '../../db/insercion-masiva.ts';
import { centavos } from '../../domain/dinero.ts';
import { type Fecha, sumarDias } from '../../domain/fecha.ts';
import type { Aleatorio } from './aleatorio.ts';
import {
  type AsignacionDemo,
  type CreditoDemo,
  type CuentaGestionada,
  generarAsignaciones,
  type OficinaDemo,
} from './generar-asignaciones.ts';
import {
  type ContactoDemo,
  type ContactosDeCredito,
  DIAS_DE_GESTION,
  type GestionDemo,
  generarGestiones,
  type PagoDemo,
  type PromesaDemo,
} from './generar-gestiones.ts';
import { type GestorDemo, generarRecados, type RecadoDemo } from './generar-recados.ts';

export interface ResumenGestionDemo {
  asignaciones: number;
  gestiones: number;
  promesas: number;
  recados: number;
}

// The tables written here (see entrarEnCargaMasiva).
const TABLAS = ['asignaciones', 'gestiones', 'promesas_pago', 'recados'];

async function leerCreditos(trx: Db): Promise<CreditoDemo[]> {
  const { rows } = await sql<{
    id: number;
    oficina_id: number;
    gestor_id: number;
    estado: EstadoCreditoColumna;
    primera: Fecha;
  }>`
    SELECT c.id, c.oficina_id, c.gestor_id, c.estado, m.primera
      FROM creditos c
      JOIN (SELECT credito_id, min(fecha) AS primera FROM ministraciones GROUP BY credito_id) m
        ON m.credito_id = c.id
     WHERE c.gestor_id IS NOT NULL
     ORDER BY c.id`.execute(trx);
  return rows.map((r) => ({
    id: r.id,
    oficinaId: r.oficina_id,
    gestorId: r.gestor_id,
    estado: r.estado,
    primeraMinistracion: r.primera,
  }));
}

interface UsuarioActivo {
  id: number;
  rol: string;
  oficina_id: number | null;
}

function oficinasDe(usuarios: readonly UsuarioActivo[]): Map<number, OficinaDemo> {
  const oficinas = new Map<number, { gestores: number[]; coordinadorId: number | null }>();
  for (const u of usuarios) {
    if (u.oficina_id === null) continue;
    const o = oficinas.get(u.oficina_id) ?? { gestores: [], coordinadorId: null };
    if (u.rol === 'gestor') o.gestores.push(u.id);
    if (u.rol === 'coordinador') o.coordinadorId ??= u.id;
    oficinas.set(u.oficina_id, o);
  }
  return oficinas;
}

/** The acreditado and aval of each credit, with their first valid phone, e-mail and address. */
async function leerContactos(
  trx: Db,
  creditoIds: readonly number[],
): Promise<Map<number, ContactosDeCredito>> {
  const { rows } = await sql<{
    credito_id: number;
    rol: 'acreditado' | 'aval';
    persona_id: number;
    nombre: string;
    telefono_id: number | null;
    telefono: string | null;
    telefono_consentimiento: boolean | null;
    correo_id: number | null;
    correo: string | null;
    correo_consentimiento: boolean | null;
    domicilio_id: number | null;
    domicilio: string | null;
  }>`
    WITH part AS (
      SELECT pc.credito_id, pc.persona_id, pc.rol FROM participantes_credito pc
       WHERE pc.credito_id = ANY(${creditoIds}::int4[]) AND pc.rol IN ('acreditado', 'aval')),
    per AS (SELECT DISTINCT persona_id FROM part),
    tel AS (
      SELECT DISTINCT ON (persona_id) persona_id, id, numero, consentimiento FROM telefonos
       WHERE persona_id IN (SELECT persona_id FROM per) AND valido AND retirado IS NULL
       ORDER BY persona_id, id),
    cor AS (
      SELECT DISTINCT ON (persona_id) persona_id, id, correo, consentimiento FROM correos
       WHERE persona_id IN (SELECT persona_id FROM per) AND valido AND retirado IS NULL
       ORDER BY persona_id, id),
    dom AS (
      SELECT DISTINCT ON (persona_id) persona_id, id,
             concat_ws(', ', concat_ws(' ', calle, numero), colonia, municipio) AS texto
        FROM domicilios
       WHERE persona_id IN (SELECT persona_id FROM per) AND vigente AND retirado IS NULL
       ORDER BY persona_id, id)
    SELECT part.credito_id, part.rol, p.id AS persona_id,
           concat_ws(' ', p.nombres, p.primer_apellido, p.segundo_apellido) AS nombre,
           tel.id AS telefono_id, tel.numero AS telefono, tel.consentimiento AS telefono_consentimiento,
           cor.id AS correo_id, cor.correo, cor.consentimiento AS correo_consentimiento,
           dom.id AS domicilio_id, dom.texto AS domicilio
      FROM part JOIN personas p ON p.id = part.persona_id
      LEFT JOIN tel ON tel.persona_id = p.id
      LEFT JOIN cor ON cor.persona_id = p.id
      LEFT JOIN dom ON dom.persona_id = p.id
     ORDER BY part.credito_id, part.rol, p.id`.execute(trx);
  const contactos = new Map<number, ContactosDeCredito>();
  for (const r of rows) {
    const contacto: ContactoDemo = {
      personaId: r.persona_id,
      nombre: r.nombre,
      telefono:
        r.telefono_id === null || r.telefono === null
          ? null
          : { id: r.telefono_id, numero: r.telefono, consentimiento: !!r.telefono_consentimiento },
      correo:
        r.correo_id === null || r.correo === null
          ? null
          : { id: r.correo_id, correo: r.correo, consentimiento: !!r.correo_consentimiento },
      domicilio:
        r.domicilio_id === null || r.domicilio === null
          ? null
          : { id: r.domicilio_id, texto: r.domicilio },
    };
    const previo = contactos.get(r.credito_id);
    if (r.rol === 'acreditado') contactos.set(r.credito_id, { acreditado: contacto, aval: null });
    else if (previo && previo.aval === null) previo.aval = contacto;
  }
  return contactos;
}

/** The payments (not cancelled) of the last months of each credit, oldest first. */
async function leerPagos(
  trx: Db,
  creditoIds: readonly number[],
  hoy: Fecha,
): Promise<Map<number, PagoDemo[]>> {
  const { rows } = await sql<{ credito_id: number; fecha: Fecha; monto: number }>`
    SELECT m.credito_id, m.fecha, m.monto_centavos AS monto FROM movimientos m
     WHERE m.tipo = 'pago' AND m.monto_centavos > 0
       AND m.fecha >= ${sumarDias(hoy, -DIAS_DE_GESTION - 1)}::date AND m.fecha < ${hoy}::date
       AND m.credito_id = ANY(${creditoIds}::int4[])
       AND NOT EXISTS (SELECT 1 FROM movimientos x WHERE x.cancela_id = m.id)
     ORDER BY m.credito_id, m.fecha, m.id`.execute(trx);
  const pagos = new Map<number, PagoDemo[]>();
  for (const r of rows) {
    const lista = pagos.get(r.credito_id) ?? [];
    lista.push({ fecha: r.fecha, monto: centavos(r.monto) });
    pagos.set(r.credito_id, lista);
  }
  return pagos;
}

/** Each gestor with who takes his messages and the accounts a recado may be about. */
function gestoresDe(
  usuarios: readonly UsuarioActivo[],
  cuentas: readonly CuentaGestionada[],
  contactos: ReadonlyMap<number, ContactosDeCredito>,
): GestorDemo[] {
  const porGestor = new Map<number, number[]>();
  for (const c of cuentas) {
    const titular = c.tramos.at(-1)?.gestorId;
    if (titular === undefined || !contactos.has(c.creditoId)) continue;
    porGestor.set(titular, [...(porGestor.get(titular) ?? []), c.creditoId]);
  }
  const administrador = usuarios.find((u) => u.rol === 'administrador')?.id ?? null;
  return usuarios
    .filter((u) => u.rol === 'gestor' && u.oficina_id !== null)
    .map((u) => {
      const colegas = usuarios.filter(
        (o) =>
          o.id !== u.id &&
          o.oficina_id === u.oficina_id &&
          (o.rol === 'coordinador' || o.rol === 'gestor'),
      );
      const coordinador = colegas.find((o) => o.rol === 'coordinador');
      return {
        id: u.id,
        oficinaId: u.oficina_id ?? 0,
        tomadoPor: coordinador?.id ?? colegas[0]?.id ?? administrador ?? u.id,
        cuentas: porGestor.get(u.id) ?? [],
      };
    });
}

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

async function insertarAsignaciones(trx: Db, asignaciones: readonly AsignacionDemo[]) {
  const ins = new InsercionMasiva(trx, 'asignaciones', [
    ['credito_id', 'int4'],
    ['gestor_id', 'int4'],
    ['desde', 'timestamptz'],
    ['hasta', 'timestamptz'],
    ['asignado_por', 'int4'],
    ['motivo', 'text'],
  ]);
  for (const a of asignaciones)
    await ins.agregar(a.creditoId, a.gestorId, iso(a.desde), iso(a.hasta), a.asignadoPor, a.motivo);
  return ins.terminar();
}

async function insertarGestiones(
  trx: Db,
  gestiones: readonly GestionDemo[],
  ids: readonly number[],
  resultados: ReadonlyMap<string, number>,
) {
  const ins = new InsercionMasiva(trx, 'gestiones', [
    ['id', 'int8'],
    ['credito_id', 'int4'],
    ['canal', 'text'],
    ['persona_id', 'int4'],
    ['contacto_nombre', 'text'],
    ['telefono_id', 'int4'],
    ['correo_id', 'int4'],
    ['domicilio_id', 'int4'],
    ['medio', 'text'],
    ['resultado_id', 'int4'],
    ['nota', 'text'],
    ['proxima_accion', 'text'],
    ['proxima_accion_fecha', 'date'],
    ['inicio', 'timestamptz'],
    ['duracion_segundos', 'int4'],
    ['registrado_por', 'int4'],
    ['registrado', 'timestamptz'],
  ]);
  for (const [i, g] of gestiones.entries()) {
    const resultado = resultados.get(g.resultado);
    if (resultado === undefined) throw new Error(`demo: falta el resultado ${g.resultado}`);
    await ins.agregar(
      ids[i],
      g.creditoId,
      g.canal,
      g.personaId,
      g.contactoNombre,
      g.telefonoId,
      g.correoId,
      g.domicilioId,
      g.medio,
      resultado,
      g.nota,
      g.proximaAccion?.tipo ?? null,
      g.proximaAccion?.fecha ?? null,
      iso(g.inicio),
      g.duracionSegundos,
      g.registradoPor,
      iso(g.registrado),
    );
  }
  return ins.terminar();
}

async function insertarPromesas(
  trx: Db,
  promesas: readonly PromesaDemo[],
  idsGestion: readonly number[],
) {
  const ins = new InsercionMasiva(trx, 'promesas_pago', [
    ['credito_id', 'int4'],
    ['gestion_id', 'int8'],
    ['monto_centavos', 'int8'],
    ['fecha', 'date'],
    ['tolerancia_dias', 'int2'],
    ['hecha_el', 'date'],
    ['estado', 'text'],
    ['resuelta_el', 'date'],
  ]);
  for (const p of promesas) {
    await ins.agregar(
      p.creditoId,
      idsGestion[p.gestion],
      p.monto,
      p.fecha,
      p.toleranciaDias,
      p.hechaEl,
      p.estado,
      p.resueltaEl,
    );
  }
  return ins.terminar();
}

/** The recados, then each attending gestión pointed back at its recado. */
async function insertarRecados(
  trx: Db,
  recados: readonly RecadoDemo[],
  idsGestion: readonly number[],
) {
  const ids = await reservarIds(trx, 'recados_id_seq', recados.length);
  const ins = new InsercionMasiva(trx, 'recados', [
    ['id', 'int4'],
    ['oficina_id', 'int4'],
    ['credito_id', 'int4'],
    ['persona_id', 'int4'],
    ['llamante_nombre', 'text'],
    ['llamante_telefono', 'text'],
    ['para_id', 'int4'],
    ['mensaje', 'text'],
    ['volver_a_llamar', 'timestamptz'],
    ['estado', 'text'],
    ['creado', 'timestamptz'],
    ['creado_por', 'int4'],
    ['leido', 'timestamptz'],
    ['atendido', 'timestamptz'],
    ['gestion_id', 'int8'],
  ]);
  const enlaces: Array<[gestion: number, recado: number]> = [];
  for (const [i, r] of recados.entries()) {
    const gestionId = r.gestion === null ? null : (idsGestion[r.gestion] ?? null);
    if (gestionId !== null) enlaces.push([gestionId, ids[i] ?? 0]);
    await ins.agregar(
      ids[i],
      r.oficinaId,
      r.creditoId,
      r.personaId,
      r.llamanteNombre,
      r.llamanteTelefono,
      r.paraId,
      r.mensaje,
      iso(r.volverALlamar),
      r.estado,
      iso(r.creado),
      r.creadoPor,
      iso(r.leido),
      iso(r.atendido),
      gestionId,
    );
  }
  const n = await ins.terminar();
  if (enlaces.length > 0) {
    await sql`
      UPDATE gestiones g SET recado_id = e.recado
        FROM unnest(${enlaces.map((e) => e[0])}::int8[], ${enlaces.map((e) => e[1])}::int4[])
             AS e(gestion, recado)
       WHERE g.id = e.gestion`.execute(trx);
  }
  return n;
}

/**
 * The gestor's daily work on the demo portfolio just written: the assignment history, about
 * a year of gestiones with their promises, and a few recados for each gestor
 * (generar-asignaciones.ts, generar-gestiones.ts, generar-recados.ts). Dates are relative to
 * the injected clock's today; written in bulk, a statement per 20,000 rows.
 */
export async function cargarGestionDemo(
  trx: Db,
  hoy: Fecha,
  ahora: Date,
  rnd: Aleatorio,
): Promise<ResumenGestionDemo> {
  const creditos = await leerCreditos(trx);
  const usuarios = await trx
    .selectFrom('usuarios')
    .select(['id', 'rol', 'oficina_id'])
    .where('activo', '=', true)
    .orderBy('id')
    .execute();
  const { asignaciones, cuentas } = generarAsignaciones(creditos, oficinasDe(usuarios), hoy, rnd);
  const ids = cuentas.map((c) => c.creditoId);
  const contactos = await leerContactos(trx, ids);
  const pagos = await leerPagos(trx, ids, hoy);
  const { gestiones, promesas } = generarGestiones(cuentas, contactos, pagos, hoy, rnd);
  const recados = generarRecados(
    gestoresDe(usuarios, cuentas, contactos),
    contactos,
    gestiones,
    hoy,
    ahora,
    rnd,
  );
  const resultados = new Map(
    (await trx.selectFrom('resultados_gestion').select(['id', 'clave']).execute()).map((r) => [
      r.clave,
      r.id,
    ]),
  );

  // Every reference is to a row this transaction wrote or has just read (credits, people,
  // contacts: never deleted) or one locked here (users, outcomes): the per-row foreign key
  // checks can be skipped, as the portfolio's bulk writer does.
  const rapido = await entrarEnCargaMasiva(trx, TABLAS);
  if (rapido) {
    await asegurarReferencias(
      trx,
      'usuarios',
      usuarios.map((u) => u.id),
    );
    await asegurarReferencias(trx, 'resultados_gestion', resultados.values());
  }
  const resumen: ResumenGestionDemo = {
    asignaciones: await insertarAsignaciones(trx, asignaciones),
    gestiones: 0,
    promesas: 0,
    recados: 0,
  };
  const idsGestion = await reservarIds(trx, 'gestiones_id_seq', gestiones.length);
  resumen.gestiones = await insertarGestiones(trx, gestiones, idsGestion, resultados);
  resumen.promesas = await insertarPromesas(trx, promesas, idsGestion);
  resumen.recados = await insertarRecados(trx, recados, idsGestion);
  if (rapido) await salirDeCargaMasiva(trx);
  return resumen;
}
