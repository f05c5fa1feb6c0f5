import { sql } from 'kysely';
import type { Db } from '../../db/conexion.ts';
import type { EstadoDepositoPendiente } from '../../db/esquema.ts';
import { CERO, formatearCentavos, formatearPesos, sumar } from '../../domain/dinero.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { formatearFecha } from '../../domain/fecha.ts';
import { validarReferencia } from '../../domain/referencia.ts';
import { type Evento, registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import type { ExcedeAdeudo } from '../pagos/controles-de-captura.ts';
import type { OpcionesDePago } from '../pagos/planear-pago.ts';
import { asentarPago } from '../pagos/registrar-pago.ts';
import {
  type Antecedentes,
  leerAntecedentes,
  llaveManual,
  mencionaElFolio,
  type Posteado,
} from './antecedentes.ts';
import { claveDeDeposito, pagoDeDeposito, tomarCandadoConciliacion } from './deposito.ts';
import type { DepositoBancario } from './leer-estado-bancario.ts';

export interface ArchivoBancario {
  nombre: string;
  sha256: string;
  depositos: readonly DepositoBancario[];
}

interface Linea {
  linea: number;
  folio: string;
  fecha: string;
  importe: string;
}
type Registrado = Linea & { creditoId: number; numero: string; movimientoId: number };
/** Posted now; `excedeAdeudo` flags a deposit above what settled the credit, to be reviewed. */
type RegistradoAhora = Registrado & { excedeAdeudo: ExcedeAdeudo | null };
type Pendiente = Linea & { id: number; referencia: string; motivo: string };
type YaPendiente = Linea & { id: number; estado: EstadoDepositoPendiente };

export interface ResultadoImportacion {
  importacion: {
    id: number;
    nombreArchivo: string;
    sha256: string;
    lineas: number;
    registrados: number;
    yaRegistrados: number;
    pendientes: number;
    yaPendientes: number;
    totalRegistrado: string;
    /** Deposits posted now that paid more than their credit owed (flagged, not refused). */
    excedenAdeudo: number;
  };
  registrados: RegistradoAhora[];
  yaRegistrados: Registrado[];
  pendientes: Pendiente[];
  yaPendientes: YaPendiente[];
}

/** Where one deposit goes, decided from what was known before the file: nothing posted yet. */
type Decision =
  | { tipo: 'ya_registrado'; posteado: Posteado }
  | { tipo: 'ya_pendiente'; id: number; estado: EstadoDepositoPendiente }
  | { tipo: 'pendiente'; motivo: string; creditoReferido: number | null }
  | { tipo: 'registrar'; creditoId: number; numero: string };

function decidir(d: DepositoBancario, a: Antecedentes): Decision {
  const previo = a.pendientes.get(d.folio);
  if (previo?.posteado) return { tipo: 'ya_registrado', posteado: previo.posteado };
  if (previo) return { tipo: 'ya_pendiente', id: previo.id, estado: previo.estado };
  const posteado = a.posteados.get(claveDeDeposito(d.folio));
  if (posteado) return { tipo: 'ya_registrado', posteado };
  if (d.referencia === '') {
    return { tipo: 'pendiente', motivo: 'El depósito no trae referencia.', creditoReferido: null };
  }
  const r = validarReferencia(d.referencia);
  if (!r.valida) {
    return {
      tipo: 'pendiente',
      motivo: `Referencia «${d.referencia}»: ${r.motivo}.`,
      creditoReferido: null,
    };
  }
  const numero = a.creditos.get(r.creditoId);
  if (numero === undefined) {
    return {
      tipo: 'pendiente',
      motivo: `La referencia ${r.referencia} es válida, pero no hay un crédito con ese número interno (${r.creditoId}).`,
      creditoReferido: null,
    };
  }
  const manuales = a.manuales.get(llaveManual(r.creditoId, d.fecha, d.importe)) ?? [];
  const mismo = manuales.find((m) => mencionaElFolio(m.referencia, d.folio));
  if (mismo) {
    return {
      tipo: 'ya_registrado',
      posteado: { movimientoId: mismo.id, creditoId: r.creditoId, numero },
    };
  }
  const parecido = manuales[0];
  if (parecido) {
    return {
      tipo: 'pendiente',
      motivo: `Posible duplicado: el pago ${parecido.id} del crédito ${numero}, del ${formatearFecha(d.fecha)} por ${formatearPesos(d.importe)}, se capturó a mano con la referencia «${parecido.referencia}». Asígnalo si es otro depósito; descártalo si es el mismo.`,
      creditoReferido: r.creditoId,
    };
  }
  return { tipo: 'registrar', creditoId: r.creditoId, numero };
}

/**
 * Posts a bank statement: every deposit whose reference names a credit becomes a payment by
 * the same path as one captured at the counter (asentarPago, the core of registrarPago); the rest wait, with their
 * reason, in depositos_pendientes. A line is known by its bank folio, so importing the same
 * file again posts nothing and adds nothing. A payment the engine refuses (a restructured
 * credit, a date before the last ministración) is undone to its savepoint and left pending,
 * so one bad deposit does not hold back the rest of the statement.
 */
export async function importarEstadoBancario(
  trx: Db,
  archivo: ArchivoBancario,
  ctx: ContextoAutenticado,
  opciones: OpcionesDePago = {},
): Promise<ResultadoImportacion> {
  await tomarCandadoConciliacion(trx);
  const importacion = await trx
    .insertInto('importaciones_bancarias')
    .values({
      nombre_archivo: archivo.nombre,
      sha256: archivo.sha256,
      importado_por: ctx.actor.id,
      importado: ctx.reloj.ahora(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const antecedentes = await leerAntecedentes(trx, archivo.depositos);
  const r: ResultadoImportacion = {
    importacion: {
      id: importacion.id,
      nombreArchivo: archivo.nombre,
      sha256: archivo.sha256,
      lineas: archivo.depositos.length,
      registrados: 0,
      yaRegistrados: 0,
      pendientes: 0,
      yaPendientes: 0,
      totalRegistrado: '0.00',
      excedenAdeudo: 0,
    },
    registrados: [],
    yaRegistrados: [],
    pendientes: [],
    yaPendientes: [],
  };
  // At most MAXIMO_DEPOSITOS of at most IMPORTE_MAXIMO each: far inside the safe range.
  let total = CERO;
  const eventos: Evento[] = [];
  const dejarPendiente = async (
    d: DepositoBancario,
    motivo: string,
    creditoReferido: number | null,
  ) => {
    const fila = await trx
      .insertInto('depositos_pendientes')
      .values({
        importacion_id: importacion.id,
        folio_banco: d.folio,
        linea: d.linea,
        linea_cruda: d.cruda,
        fecha: d.fecha,
        referencia: d.referencia,
        importe_centavos: d.importe,
        concepto: d.concepto,
        motivo,
        credito_referido_id: creditoReferido,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    r.pendientes.push({ ...lineaDe(d), id: fila.id, referencia: d.referencia, motivo });
  };
  for (const d of archivo.depositos) {
    const decision = decidir(d, antecedentes);
    switch (decision.tipo) {
      case 'ya_registrado':
        r.yaRegistrados.push({ ...lineaDe(d), ...decision.posteado });
        break;
      case 'ya_pendiente':
        r.yaPendientes.push({ ...lineaDe(d), id: decision.id, estado: decision.estado });
        break;
      case 'pendiente':
        await dejarPendiente(d, decision.motivo, decision.creditoReferido);
        break;
      case 'registrar': {
        const asentado = await asentarConPuntoDeRetorno(trx, decision.creditoId, d, ctx, opciones);
        if (typeof asentado === 'string') {
          await dejarPendiente(
            d,
            `El crédito ${decision.numero} no admite este pago: ${asentado}`,
            decision.creditoId,
          );
        } else {
          total = sumar(total, d.importe);
          eventos.push(asentado.evento);
          r.registrados.push({
            ...lineaDe(d),
            creditoId: decision.creditoId,
            numero: decision.numero,
            movimientoId: asentado.registrado.movimiento.id,
            excedeAdeudo: asentado.registrado.excedeAdeudo,
          });
        }
        break;
      }
    }
  }
  r.importacion = {
    ...r.importacion,
    registrados: r.registrados.length,
    yaRegistrados: r.yaRegistrados.length,
    pendientes: r.pendientes.length,
    yaPendientes: r.yaPendientes.length,
    totalRegistrado: formatearCentavos(total),
    excedenAdeudo: r.registrados.filter((x) => x.excedeAdeudo !== null).length,
  };
  await trx
    .updateTable('importaciones_bancarias')
    .set({
      lineas: r.importacion.lineas,
      registrados: r.importacion.registrados,
      ya_registrados: r.importacion.yaRegistrados,
      pendientes: r.importacion.pendientes,
      ya_pendientes: r.importacion.yaPendientes,
      total_registrado_centavos: total,
    })
    .where('id', '=', importacion.id)
    .execute();
  const { id, nombreArchivo, sha256, ...cuentas } = r.importacion;
  // Last, and all together: the bitácora's lock is held from here to the commit only.
  for (const evento of eventos) await registrarEnBitacora(trx, origenDe(ctx), evento);
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'conciliacion.importar',
    objetoTipo: 'importacion_bancaria',
    objetoId: id,
    detalle: { archivo: nombreArchivo, sha256, ...cuentas },
  });
  return r;
}

function lineaDe(d: DepositoBancario): Linea {
  return { linea: d.linea, folio: d.folio, fecha: d.fecha, importe: formatearCentavos(d.importe) };
}

/** The posted payment, or the engine's reason when it refuses it (nothing of it kept). */
async function asentarConPuntoDeRetorno(
  trx: Db,
  creditoId: number,
  d: DepositoBancario,
  ctx: ContextoAutenticado,
  opciones: OpcionesDePago,
): Promise<Awaited<ReturnType<typeof asentarPago>> | string> {
  await sql`SAVEPOINT deposito`.execute(trx);
  try {
    const asentado = await asentarPago(trx, creditoId, pagoDeDeposito(d), ctx, opciones);
    await sql`RELEASE SAVEPOINT deposito`.execute(trx);
    return asentado;
  } catch (e) {
    if (!(e instanceof ErrorDominio)) throw e;
    await sql`ROLLBACK TO SAVEPOINT deposito`.execute(trx);
    await sql`RELEASE SAVEPOINT deposito`.execute(trx);
    return e.message;
  }
}
