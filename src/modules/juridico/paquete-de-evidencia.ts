import { readFile } from 'node:fs/promises';
import type { Db } from '../../db/conexion.ts';
import type { EstadoJuridico, RolEnCredito, TipoMovimiento } from '../../db/esquema.ts';
import { nombreCompleto } from '../../db/nombre-persona.ts';
import type { EstadoConvenio } from '../../domain/convenios/estado-convenio.ts';
import { formatearCentavos } from '../../domain/dinero.ts';
import { ETIQUETA_ESTADO_CREDITO } from '../../domain/estado-credito.ts';
import type { Fecha } from '../../domain/fecha.ts';
import { exigirCreditoEnCartera } from '../autorizacion/politicas.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { cargarCredito } from '../cartera/cargar-credito.ts';
import { estadoConPuntualidad } from '../cartera/consultar-estado-de-cuenta.ts';
import { nombreDelAcreditado } from '../cartera/nombre-del-acreditado.ts';
import type { EstadoDeCuentaConPuntualidad } from '../cartera/puntualidad-del-estado.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import type { CabeceraEstadoDeCuenta } from '../documentos/estado-de-cuenta-pdf.ts';
import { existeEscaneo, rutaDeEscaneo } from '../expedientes/escaneos/almacen-de-escaneos.ts';
import { type EscaneoConCredito, escaneosDe } from '../expedientes/escaneos/vista-escaneo.ts';
import { type Pieza, piezasDeCredito } from '../expedientes/piezas-de-credito.ts';
import { type VistaGestion, vistasDeGestiones } from '../gestion/vista-gestion.ts';
import { montoDelPago } from '../pagos/monto-del-pago-sql.ts';
import { turnadoVigente } from './turnado-vigente.ts';

export interface EscaneoDelPaquete extends EscaneoConCredito {
  /** What it documents: the piece's label, or the legal action. */
  pieza: string;
  ruta: string;
  /** False when its file is not under DATA_DIR (listed, with its hash, but not embedded). */
  presente: boolean;
}

export interface PersonaDelPaquete {
  rol: RolEnCredito;
  nombre: string;
  /** Blocked by an ARCO cancellation: none of its contact data are printed. */
  bloqueada: boolean;
  domicilios: string[];
  telefonos: string[];
}

export interface PagoDelPaquete {
  id: number;
  fecha: string;
  tipo: TipoMovimiento;
  monto: string | null;
  canal: string | null;
  referencia: string | null;
  /** The row this one cancels (a cancelación), and whether this one was cancelled. */
  cancela: number | null;
  cancelado: boolean;
}

export interface PaqueteDeEvidencia {
  hoy: Fecha;
  credito: CabeceraEstadoDeCuenta & {
    estado: string;
    turnado: { despacho: string; desde: string; hasta: string } | null;
  };
  estado: EstadoDeCuentaConPuntualidad;
  /** The pagarés (the expediente is the credit itself). */
  pagares: Pieza[];
  escaneos: EscaneoDelPaquete[];
  convenios: Array<{
    id: number;
    nombre: string;
    estado: EstadoConvenio;
    fechaFirma: string;
    total: string;
  }>;
  reconocimientos: Array<{ convenioId: number; fecha: string }>;
  pagos: PagoDelPaquete[];
  /** Oldest first: the story of the collection, as a court reads it. */
  gestiones: VistaGestion[];
  personas: PersonaDelPaquete[];
  actuaciones: Array<{
    estado: EstadoJuridico;
    fecha: string;
    despacho: string;
    juzgado: string | null;
    expedienteJudicial: string | null;
    nota: string | null;
  }>;
}

/** The acreditado and the avales with their current addresses and phones, whole: a court needs them. */
async function personasDelCredito(trx: Db, creditoId: number): Promise<PersonaDelPaquete[]> {
  const personas = await trx
    .selectFrom('participantes_credito as pc')
    .innerJoin('personas as p', 'p.id', 'pc.persona_id')
    .select([
      'p.id',
      'pc.rol',
      'p.nombres',
      'p.primer_apellido',
      'p.segundo_apellido',
      'p.bloqueada',
    ])
    .where('pc.credito_id', '=', creditoId)
    .where('pc.rol', 'in', ['acreditado', 'aval'])
    .orderBy('pc.rol')
    .orderBy('p.id')
    .execute();
  const ids = personas.filter((p) => p.bloqueada === null).map((p) => p.id);
  const [domicilios, telefonos] =
    ids.length === 0
      ? [[], []]
      : await Promise.all([
          trx
            .selectFrom('domicilios')
            .selectAll()
            .where('persona_id', 'in', ids)
            .where('retirado', 'is', null)
            .orderBy('vigente', 'desc')
            .orderBy('id')
            .execute(),
          trx
            .selectFrom('telefonos')
            .select(['persona_id', 'numero', 'tipo', 'valido'])
            .where('persona_id', 'in', ids)
            .where('retirado', 'is', null)
            .orderBy('id')
            .execute(),
        ]);
  return personas.map((p) => ({
    rol: p.rol,
    nombre: nombreCompleto(p),
    bloqueada: p.bloqueada !== null,
    domicilios: domicilios
      .filter((d) => d.persona_id === p.id)
      .map(
        (d) =>
          [
            d.calle,
            d.numero,
            d.colonia,
            d.codigo_postal ? `C.P. ${d.codigo_postal}` : null,
            d.municipio,
            d.estado,
          ]
            .filter(Boolean)
            .join(', ') + (d.vigente ? '' : ' (no vigente)'),
      ),
    telefonos: telefonos
      .filter((t) => t.persona_id === p.id)
      .map((t) => `${t.numero} (${t.tipo}${t.valido ? '' : ', no válido'})`),
  }));
}

async function pagosDelCredito(trx: Db, creditoId: number): Promise<PagoDelPaquete[]> {
  const filas = await trx
    .selectFrom('movimientos as m')
    .select([
      'm.id',
      'm.fecha',
      'm.tipo',
      montoDelPago('m').as('monto_centavos'),
      'm.canal',
      'm.referencia',
      'm.cancela_id',
    ])
    .select((eb) =>
      eb
        .exists(
          eb.selectFrom('movimientos as x').select('x.id').whereRef('x.cancela_id', '=', 'm.id'),
        )
        .as('cancelado'),
    )
    .where('m.credito_id', '=', creditoId)
    // A payment stored in parts is one payment (its first row carries the total).
    .where('m.parte_de', 'is', null)
    .orderBy('m.fecha')
    .orderBy('m.id')
    .execute();
  return filas.map((f) => ({
    id: f.id,
    fecha: f.fecha,
    tipo: f.tipo,
    // Null for a cancelación, which has no amount of its own.
    monto: f.monto_centavos === null ? null : formatearCentavos(f.monto_centavos),
    canal: f.canal,
    referencia: f.referencia,
    cancela: f.cancela_id,
    cancelado: Boolean(f.cancelado),
  }));
}

async function conveniosFirmados(trx: Db, creditoId: number) {
  const [convenios, reconocimientos] = await Promise.all([
    trx
      .selectFrom('convenios as c')
      .innerJoin('convenio_creditos as cc', 'cc.convenio_id', 'c.id')
      .select(['c.id', 'c.nombre', 'c.estado', 'c.fecha_firma', 'c.total_centavos'])
      .where('cc.credito_id', '=', creditoId)
      .where('c.fecha_firma', 'is not', null)
      .orderBy('c.fecha_firma')
      .orderBy('c.id')
      .execute(),
    trx
      .selectFrom('reconocimientos_de_adeudo')
      .select(['convenio_id', 'fecha'])
      .where('credito_id', '=', creditoId)
      .orderBy('fecha')
      .execute(),
  ]);
  return {
    convenios: convenios.map((c) => ({
      id: c.id,
      nombre: c.nombre,
      estado: c.estado,
      fechaFirma: c.fecha_firma ?? '',
      total: formatearCentavos(c.total_centavos),
    })),
    reconocimientos: reconocimientos.map((r) => ({ convenioId: r.convenio_id, fecha: r.fecha })),
  };
}

/**
 * A lawyer sees what his own firm recorded (another firm may have held the account before),
 * as in the actuaciones list; staff see every firm's.
 */
async function actuacionesDelCredito(trx: Db, creditoId: number, ctx: ContextoAutenticado) {
  let q = trx
    .selectFrom('actuaciones_juridicas as a')
    .innerJoin('turnados as t', 't.id', 'a.turnado_id')
    .innerJoin('despachos as d', 'd.id', 't.despacho_id')
    .select([
      'a.estado',
      'a.fecha',
      'd.nombre as despacho',
      'a.juzgado',
      'a.expediente_judicial',
      'a.nota',
    ])
    .where('a.credito_id', '=', creditoId)
    .orderBy('a.fecha')
    .orderBy('a.id');
  if (ctx.actor.rol === 'abogado_externo')
    q = q.where('t.despacho_id', '=', ctx.actor.despachoId ?? 0);
  return (await q.execute()).map((a) => ({
    estado: a.estado,
    fecha: a.fecha,
    despacho: a.despacho,
    juzgado: a.juzgado,
    expedienteJudicial: a.expediente_judicial,
    nota: a.nota,
  }));
}

/**
 * Everything the evidence pack of one credit shows, at today's business date: the statement
 * from the engine (the same one the statement PDF prints), the pagarés with their prescription,
 * the scans, the signed convenios and acknowledgments, the payments, the gestiones, the people
 * with their addresses and phones, and the legal actions. Scope: the credit's (a lawyer, his
 * firm's current turnados only). It is the most complete read of a debtor's data there is:
 * logged, with what it carried.
 */
export async function prepararPaqueteDeEvidencia(
  trx: Db,
  creditoId: number,
  carpetaDatos: string,
  ctx: ContextoAutenticado,
): Promise<PaqueteDeEvidencia> {
  const credito = await cargarCredito(trx, creditoId);
  exigirCreditoEnCartera(ctx.actor, credito.alcance);
  const hoy = ctx.reloj.hoy();
  const [acreditado, turnado, piezas, escaneos, firmados, pagos, gestiones, personas, actuaciones] =
    await Promise.all([
      nombreDelAcreditado(trx, creditoId),
      turnadoVigente(trx, creditoId),
      piezasDeCredito(trx, creditoId, hoy),
      escaneosDe(trx, { creditoId }),
      conveniosFirmados(trx, creditoId),
      pagosDelCredito(trx, creditoId),
      vistasDeGestiones(trx, { creditoId }),
      personasDelCredito(trx, creditoId),
      actuacionesDelCredito(trx, creditoId, ctx),
    ]);
  const etiquetaDe = new Map(piezas.map((p) => [p.ministracionId, p.etiqueta]));
  const conArchivo = await Promise.all(
    escaneos.map(async (e) => ({
      ...e,
      pieza:
        e.actuacionId !== null
          ? `Actuación jurídica ${e.actuacionId}`
          : (etiquetaDe.get(e.ministracionId) ?? 'Expediente'),
      ruta: rutaDeEscaneo(carpetaDatos, e.sha256),
      presente: await existeEscaneo(carpetaDatos, e.sha256),
    })),
  );
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'paquete_de_evidencia.imprimir',
    objetoTipo: 'credito',
    objetoId: creditoId,
    detalle: {
      fecha: hoy,
      escaneos: escaneos.map((e) => e.id),
      personas: personas.length,
      gestiones: gestiones.length,
    },
  });
  return {
    hoy,
    credito: {
      numero: credito.credito.numero,
      oficina: credito.oficina,
      producto: { nombre: credito.producto.nombre },
      acreditado,
      estado: ETIQUETA_ESTADO_CREDITO[credito.estado],
      turnado:
        turnado === undefined
          ? null
          : { despacho: turnado.despacho, desde: turnado.desde, hasta: turnado.hasta },
    },
    estado: estadoConPuntualidad(credito, hoy),
    pagares: piezas.filter((p) => p.tipo === 'pagare'),
    escaneos: conArchivo,
    ...firmados,
    pagos,
    gestiones: [...gestiones].reverse(),
    personas,
    actuaciones,
  };
}

/**
 * The images to embed, read after the transaction closed: JPG and PNG scans whose file is on
 * disk, up to `presupuesto` bytes in all (the PDF is built in memory; the rest are listed with
 * their hash and travel in the ZIP of originals).
 */
export async function leerImagenesDelPaquete(
  escaneos: readonly EscaneoDelPaquete[],
  presupuesto = 60 * 1024 * 1024,
): Promise<Map<number, Buffer>> {
  const imagenes = new Map<number, Buffer>();
  let usados = 0;
  for (const e of escaneos) {
    if (!e.presente || e.tipo === 'application/pdf' || usados + e.bytes > presupuesto) continue;
    imagenes.set(e.id, await readFile(e.ruta));
    usados += e.bytes;
  }
  return imagenes;
}
