import type { Db } from '../../db/conexion.ts';
import {
  type Propuesta,
  propuestaDeAlternativa,
  propuestaDeCampana,
} from '../../domain/alternativas/index.ts';
import type { Fecha } from '../../domain/fecha.ts';
import { cargarCatalogo } from './catalogo-versionado.ts';
import { ALTERNATIVAS, CAMPANAS } from './tipos-de-catalogo.ts';
import { vigenteEn } from './versiones.ts';

/**
 * What can be offered on `fecha`: each active alternative's version in force then, and each
 * active campaign whose version in force then has not ended (one not yet started is listed
 * too, so the gestor can say from when it applies).
 */
export async function propuestasVigentes(trx: Db, fecha: Fecha): Promise<Propuesta[]> {
  const [alternativas, campanas] = await Promise.all([
    cargarCatalogo(trx, ALTERNATIVAS),
    cargarCatalogo(trx, CAMPANAS),
  ]);
  const deAlternativas = alternativas.flatMap((a) => {
    const v = vigenteEn(a.versiones, fecha);
    return v?.activa ? [propuestaDeAlternativa(v)] : [];
  });
  const deCampanas = campanas.flatMap((c) => {
    const v = vigenteEn(c.versiones, fecha);
    return v?.activa && v.fin >= fecha ? [propuestaDeCampana(v)] : [];
  });
  return [...deAlternativas, ...deCampanas];
}
