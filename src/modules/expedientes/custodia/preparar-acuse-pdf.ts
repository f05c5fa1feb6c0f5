import type { Db } from '../../../db/conexion.ts';
import { formatearPesos } from '../../../domain/dinero.ts';
import { ErrorDominio } from '../../../domain/errores.ts';
import { type Fecha, formatearFecha, formatearInstante } from '../../../domain/fecha.ts';
import { registrarEnBitacora } from '../../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../../contexto.ts';
import type { DatosAcuse } from '../../documentos/acuse-de-custodia-pdf.ts';
import { nombresDeAcreditados } from './acreditados.ts';
import { NOMBRE_DEL_MOVIMIENTO } from './mensajes-de-custodia.ts';
import { alcanzaPieza, piezasPorReferencia } from './piezas.ts';
import {
  archivoSinRegistro,
  clavePieza,
  describirUbicacion,
  ubicacionDesdeFila,
} from './ubicacion.ts';

const ZONA = 'America/Hermosillo';

/** Movements of the acuse, or each piece's movement just before it, with the names. */
function movimientos(trx: Db) {
  return trx
    .selectFrom('custodia_movimientos as m')
    .leftJoin('oficinas as o', 'o.id', 'm.oficina_id')
    .leftJoin('usuarios as u', 'u.id', 'm.usuario_id')
    .leftJoin('despachos as d', 'd.id', 'm.despacho_id')
    .select([
      'm.id',
      'm.credito_id',
      'm.ministracion_id',
      'm.ubicacion',
      'm.oficina_id',
      'o.clave as oficina_clave',
      'o.nombre as oficina_nombre',
      'm.estante',
      'm.caja',
      'm.usuario_id',
      'u.nombre as usuario_nombre',
      'm.despacho_id',
      'd.nombre as despacho_nombre',
      'm.devolver_a_mas_tardar',
    ]);
}

/**
 * What the acuse of a hand-over prints: seen by whoever took part in it, or by whoever may
 * move its pieces. It names debtors: the read is logged.
 */
export async function prepararAcusePdf(
  trx: Db,
  acuseId: number,
  ctx: ContextoAutenticado,
): Promise<DatosAcuse> {
  const a = await trx
    .selectFrom('custodia_acuses as a')
    .innerJoin('usuarios as e', 'e.id', 'a.entrega_usuario_id')
    .innerJoin('usuarios as g', 'g.id', 'a.registrado_por')
    .leftJoin('usuarios as r', 'r.id', 'a.recibe_usuario_id')
    .select([
      'a.id',
      'a.tipo',
      'a.entrega_usuario_id',
      'a.recibe_usuario_id',
      'a.registrado_por',
      'a.registrado_en',
      'a.recibe_nombre',
      'a.nota',
      'e.nombre as entrega',
      'g.nombre as registro',
      'r.nombre as recibe',
    ])
    .where('a.id', '=', acuseId)
    .executeTakeFirst();
  if (!a) throw new ErrorDominio('no_encontrado', 'Ese acuse no existe.');
  const hoy = ctx.reloj.hoy();
  const ms = await movimientos(trx).where('m.acuse_id', '=', acuseId).orderBy('m.id').execute();
  const creditoIds = [...new Set(ms.map((m) => m.credito_id))];
  // Pieces are locked by credit while they move, so the movement before this acuse's is the
  // last one of an earlier acuse.
  const previos = new Map(
    (
      await movimientos(trx)
        .distinctOn(['m.credito_id', 'm.ministracion_id'])
        .where('m.credito_id', 'in', creditoIds)
        .where('m.acuse_id', '<', acuseId)
        .orderBy('m.credito_id')
        .orderBy('m.ministracion_id')
        .orderBy('m.id', 'desc')
        .execute()
    ).map((p) => [clavePieza(p.credito_id, p.ministracion_id), p]),
  );
  const piezas = await piezasPorReferencia(
    trx,
    ms.map((m) => ({ creditoId: m.credito_id, ministracionId: m.ministracion_id })),
  );
  const participo = [a.entrega_usuario_id, a.recibe_usuario_id, a.registrado_por].includes(
    ctx.actor.id,
  );
  const oficinas = new Map(
    (
      await trx.selectFrom('oficinas').select(['id as oficina_id', 'clave', 'nombre']).execute()
    ).map((o) => [o.oficina_id, o]),
  );
  const acreditados = await nombresDeAcreditados(trx, creditoIds);
  const filas = piezas.map((p, i) => {
    const m = ms[i];
    if (!m) throw new Error('movimiento sin pieza');
    const hacia = ubicacionDesdeFila(m, hoy, true);
    if (!participo && !alcanzaPieza(ctx.actor, p, hacia)) {
      throw new ErrorDominio('prohibido', 'Este acuse no es de tu oficina.');
    }
    const previo = previos.get(clavePieza(m.credito_id, m.ministracion_id));
    const desde = previo
      ? ubicacionDesdeFila(previo, hoy, true)
      : ubicacionDesdeFila(archivoSinRegistro(oficinas.get(p.oficinaId) ?? null), hoy, false);
    return {
      etiqueta: p.etiqueta,
      credito: p.numero,
      acreditado: acreditados.get(p.creditoId) ?? '—',
      pagare:
        p.pagare === null
          ? null
          : `Pagaré ${p.pagare.numero} (ministración ${p.pagare.ministracion}) por ${formatearPesos(p.pagare.montoCentavos)}`,
      desde: describirUbicacion(desde),
      hacia: describirUbicacion(hacia),
    };
  });
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'custodia.acuse_consultar',
    objetoTipo: 'custodia_acuse',
    objetoId: acuseId,
    detalle: { creditoIds },
  });
  const devolver = ms[0]?.devolver_a_mas_tardar ?? null;
  // A firm's clerk is no user: a check-in from one firm names the firm as who hands over.
  const firmas = new Set(
    ms.map((m) => previos.get(clavePieza(m.credito_id, m.ministracion_id))?.despacho_nombre),
  );
  const [firma] = firmas;
  const desdeUnDespacho =
    (a.tipo === 'devolucion' || a.tipo === 'retorno_de_despacho') &&
    firmas.size === 1 &&
    typeof firma === 'string';
  return {
    folio: a.id,
    tipo: NOMBRE_DEL_MOVIMIENTO[a.tipo],
    fechaHora: formatearInstante(a.registrado_en, ZONA),
    entrega: desdeUnDespacho ? `Despacho ${firma}` : a.entrega,
    recibe: [a.recibe, a.recibe_nombre].filter((x) => x !== null).join(' · ') || '—',
    registradoPor: a.registro,
    devolverAMasTardar: devolver === null ? null : formatearFecha(devolver as Fecha),
    nota: a.nota,
    piezas: filas,
  };
}
