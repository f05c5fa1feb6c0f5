import type { Db } from '../../db/conexion.ts';
import { fotoDeCorreo, fotoDeDomicilio, fotoDeTelefono } from '../contactos/vistas.ts';
import type { DatosDelTitular } from './reunir-datos-del-titular.ts';

/** Her phones, e-mails and addresses (current and retired) and every change made to them. */
export async function contactosCompletos(
  trx: Db,
  personaId: number,
): Promise<DatosDelTitular['contactos']> {
  const [telefonos, correos, domicilios, historial] = await Promise.all([
    trx
      .selectFrom('telefonos')
      .selectAll()
      .where('persona_id', '=', personaId)
      .orderBy('id')
      .execute(),
    trx
      .selectFrom('correos')
      .selectAll()
      .where('persona_id', '=', personaId)
      .orderBy('id')
      .execute(),
    trx
      .selectFrom('domicilios')
      .selectAll()
      .where('persona_id', '=', personaId)
      .orderBy('id')
      .execute(),
    trx
      .selectFrom('historial_contactos as h')
      .leftJoin('usuarios as u', 'u.id', 'h.registrado_por')
      .select([
        'h.tipo',
        'h.cambio',
        'h.antes',
        'h.despues',
        'h.motivo',
        'u.nombre',
        'h.registrado',
      ])
      .where('h.persona_id', '=', personaId)
      .orderBy('h.id')
      .execute(),
  ]);
  return {
    telefonos: telefonos.map((t) => ({ ...fotoDeTelefono(t), agregado: t.agregado.toISOString() })),
    correos: correos.map((c) => ({ ...fotoDeCorreo(c), agregado: c.agregado.toISOString() })),
    domicilios: domicilios.map((d) => ({
      ...fotoDeDomicilio(d),
      agregado: d.agregado.toISOString(),
    })),
    historial: historial.map((h) => ({
      tipo: h.tipo,
      cambio: h.cambio,
      antes: h.antes,
      despues: h.despues,
      motivo: h.motivo,
      registradoPor: h.nombre,
      registrado: h.registrado.toISOString(),
    })),
  };
}
