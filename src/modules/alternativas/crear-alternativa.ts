import type { Db } from '../../db/conexion.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { anexarVersionAlternativa } from './escribir-version.ts';
import type { DatosVersionAlternativa } from './esquemas.ts';
import { verificarElegibilidad, vigenteDesdeValida } from './reglas-catalogo.ts';
import { cargarAlternativas } from './versiones.ts';
import { type AlternativaVista, alternativaVista } from './vista-catalogo.ts';

export type NuevaAlternativa = DatosVersionAlternativa & { clave: string };

/** A new catalogue entry with its first version; its kind and clave never change. */
export async function crearAlternativa(
  trx: Db,
  datos: NuevaAlternativa,
  ctx: ContextoAutenticado,
): Promise<AlternativaVista> {
  const hoy = ctx.reloj.hoy();
  const vigenteDesde = vigenteDesdeValida(datos.vigenteDesde, hoy);
  await verificarElegibilidad(trx, datos.elegibilidad);
  // The unique clave decides a race between two administrators: the second one is told.
  const creada = await trx
    .insertInto('alternativas')
    .values({
      clave: datos.clave,
      tipo: datos.tipo,
      creada: ctx.reloj.ahora(),
      creada_por: ctx.actor.id,
    })
    .onConflict((oc) => oc.column('clave').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!creada) {
    throw new ErrorDominio(
      'conflicto',
      `Ya existe una alternativa con la clave «${datos.clave}».`,
      'clave',
    );
  }
  const { versionId, contenido } = await anexarVersionAlternativa(
    trx,
    creada.id,
    1,
    datos,
    vigenteDesde,
    ctx,
  );
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'alternativa.crear',
    objetoTipo: 'alternativa',
    objetoId: creada.id,
    detalle: { clave: datos.clave, tipo: datos.tipo, versionId, ...contenido },
  });
  const [alternativa] = await cargarAlternativas(trx, [creada.id]);
  if (!alternativa) throw new Error('la alternativa recién creada no se encontró');
  return alternativaVista(alternativa, hoy, true);
}
