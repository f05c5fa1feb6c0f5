import type { Db } from '../../db/conexion.ts';

export interface DiaInhabil {
  fecha: string;
  descripcion: string;
}

export interface CalendarioDelAnio {
  anio: number;
  dias: DiaInhabil[];
}

/** The non-working days of one year, in order. Not personal data: no bitácora row. */
export async function consultarDiasInhabiles(trx: Db, anio: number): Promise<CalendarioDelAnio> {
  const dias = await trx
    .selectFrom('dias_inhabiles')
    .select(['fecha', 'descripcion'])
    .where('fecha', '>=', `${anio}-01-01`)
    .where('fecha', '<=', `${anio}-12-31`)
    .orderBy('fecha')
    .execute();
  return { anio, dias };
}
