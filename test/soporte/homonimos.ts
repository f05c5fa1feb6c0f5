import type { Db } from '../../src/db/conexion.ts';
import { type CasoEntrada, guardarCaso } from './fabricas.ts';

export interface DatosDePersona {
  nombres: string;
  primerApellido: string;
  segundoApellido: string;
  curp: string;
  nacimiento: string;
  /** The town of her address in force; null: no address on file. */
  municipio: string | null;
}

/** The two «Ángel Íñiguez Noriega» of the counter's tests: told apart by birth, town and CURP. */
export const ANGEL_DE_HERMOSILLO: DatosDePersona = {
  nombres: 'Ángel',
  primerApellido: 'Íñiguez',
  segundoApellido: 'Noriega',
  curp: 'IINA850312HSRXRN07',
  nacimiento: '1985-03-12',
  municipio: 'Hermosillo',
};
export const ANGEL_DE_URES: DatosDePersona = {
  nombres: 'Ángel',
  primerApellido: 'Íñiguez',
  segundoApellido: 'Noriega',
  curp: 'IINA990721HSRXRN02',
  nacimiento: '1999-07-21',
  municipio: 'Ures',
};

/** A walk-in whose only credit Nogales holds: a Hermosillo gestor is told the office, no more. */
export const XOCHITL_DE_NOGALES: DatosDePersona = {
  nombres: 'Xóchitl',
  primerApellido: 'Zazueta',
  segundoApellido: 'Quijada',
  curp: 'ZAQX920505MSRZJC09',
  nacimiento: '1992-05-05',
  municipio: 'Nogales',
};

/** A credit of `oficina` whose acreditado is exactly this person (name, CURP, birth, town). */
export async function guardarPersonaConCredito(
  db: Db,
  caso: CasoEntrada,
  oficina: 'HMO' | 'OBR' | 'NOG',
  datos: DatosDePersona,
): Promise<{ personaId: number; creditoId: number; numero: string }> {
  const c = await guardarCaso(db, caso, {
    oficina,
    nombres: datos.nombres,
    primerApellido: datos.primerApellido,
  });
  const { persona_id: id } = await db
    .selectFrom('participantes_credito')
    .select('persona_id')
    .where('credito_id', '=', c.id)
    .executeTakeFirstOrThrow();
  await db
    .updateTable('personas')
    .set({
      segundo_apellido: datos.segundoApellido,
      curp: datos.curp,
      fecha_nacimiento: datos.nacimiento,
    })
    .where('id', '=', id)
    .execute();
  if (datos.municipio !== null) {
    await db
      .insertInto('domicilios')
      .values({ persona_id: id, calle: 'Calle 5 de Mayo 12', municipio: datos.municipio })
      .execute();
  }
  return { personaId: id, creditoId: c.id, numero: c.numero };
}
