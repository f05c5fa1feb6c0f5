import type { Db } from '../../../db/conexion.ts';
import { ErrorDominio } from '../../../domain/errores.ts';
import type {
  LugarDePieza,
  TipoMovimientoCustodia,
} from '../../../domain/expedientes/transiciones-de-custodia.ts';

/** Where the caller asks the pieces to go; which fields apply depends on the kind of move. */
export interface DestinoDeCustodia {
  oficinaId?: number;
  estante?: string;
  caja?: string;
  usuarioId?: number;
  despachoId?: number;
}

const CAMPOS: Readonly<Record<LugarDePieza, readonly (keyof DestinoDeCustodia)[]>> = {
  archivo: ['oficinaId', 'estante', 'caja'],
  persona: ['usuarioId'],
  despacho: ['despachoId'],
  devuelto: [],
};

function lugarPedido(tipo: TipoMovimientoCustodia, d: DestinoDeCustodia): LugarDePieza {
  switch (tipo) {
    case 'ubicar':
    case 'devolucion':
    case 'traslado':
    case 'retorno_de_despacho':
      return 'archivo';
    case 'envio_a_despacho':
      return 'despacho';
    case 'devolucion_al_acreditado':
      return 'devuelto';
    case 'prestamo':
      if ((d.usuarioId === undefined) === (d.despachoId === undefined)) {
        throw new ErrorDominio(
          'entrada_invalida',
          'Indica a quién se presta: una persona (destino.usuarioId) o un despacho (destino.despachoId), uno de los dos.',
          'destino',
        );
      }
      return d.usuarioId === undefined ? 'despacho' : 'persona';
  }
}

/**
 * The destination's place, with the fields it needs checked against the database: an office
 * that exists, an active staff member (a lawyer's papers go to his firm), an active firm.
 */
export async function revisarDestino(
  trx: Db,
  tipo: TipoMovimientoCustodia,
  d: DestinoDeCustodia,
): Promise<{ lugar: LugarDePieza; usuarioOficinaId: number | null }> {
  const lugar = lugarPedido(tipo, d);
  for (const campo of Object.keys(d) as (keyof DestinoDeCustodia)[]) {
    if (d[campo] !== undefined && !CAMPOS[lugar].includes(campo)) {
      throw new ErrorDominio(
        'entrada_invalida',
        `El campo destino.${campo} no aplica a este movimiento.`,
        `destino.${campo}`,
      );
    }
  }
  if (tipo === 'traslado' && d.oficinaId === undefined) {
    throw new ErrorDominio(
      'entrada_invalida',
      'Indica la oficina a la que se traslada (destino.oficinaId).',
      'destino.oficinaId',
    );
  }
  if (tipo === 'ubicar' && d.estante === undefined) {
    throw new ErrorDominio(
      'entrada_invalida',
      'Indica el estante (destino.estante).',
      'destino.estante',
    );
  }
  if (lugar === 'despacho' && d.despachoId === undefined) {
    throw new ErrorDominio(
      'entrada_invalida',
      'Indica el despacho (destino.despachoId).',
      'destino.despachoId',
    );
  }
  if (d.oficinaId !== undefined) {
    const o = await trx
      .selectFrom('oficinas')
      .select('id')
      .where('id', '=', d.oficinaId)
      .executeTakeFirst();
    if (!o) throw new ErrorDominio('no_encontrado', 'Esa oficina no existe.', 'destino.oficinaId');
  }
  if (d.despachoId !== undefined) {
    const despacho = await trx
      .selectFrom('despachos')
      .select(['id', 'activo'])
      .where('id', '=', d.despachoId)
      .executeTakeFirst();
    if (!despacho?.activo) {
      throw new ErrorDominio(
        'no_encontrado',
        'Ese despacho no existe o ya no está activo.',
        'destino.despachoId',
      );
    }
  }
  let usuarioOficinaId: number | null = null;
  if (d.usuarioId !== undefined) {
    const u = await usuarioActivo(trx, d.usuarioId, 'destino.usuarioId');
    if (u.rol === 'abogado_externo') {
      throw new ErrorDominio(
        'entrada_invalida',
        'A un abogado externo se le presta a través de su despacho (destino.despachoId).',
        'destino.usuarioId',
      );
    }
    usuarioOficinaId = u.oficina_id;
  }
  return { lugar, usuarioOficinaId };
}

export async function usuarioActivo(trx: Db, id: number, campo: string) {
  const u = await trx
    .selectFrom('usuarios')
    .select(['id', 'nombre', 'rol', 'oficina_id', 'activo'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!u?.activo) {
    throw new ErrorDominio('no_encontrado', 'Ese usuario no existe o ya no está activo.', campo);
  }
  return u;
}
