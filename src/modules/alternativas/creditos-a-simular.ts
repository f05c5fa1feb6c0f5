import type { Db } from '../../db/conexion.ts';
import type { CreditoASimular } from '../../domain/alternativas/index.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import type { Fecha } from '../../domain/fecha.ts';
import { alcanzaObjeto, exigirCreditoEnCartera } from '../autorizacion/politicas.ts';
import { calcularEstado, entradaValida } from '../cartera/calcular-estado.ts';
import { type CreditoCargado, cargarCredito, cargarCreditos } from '../cartera/cargar-credito.ts';
import type { ContextoAutenticado } from '../contexto.ts';

export type QuienSimula = { creditoId: number } | { personaId: number };

/** One credit, or every credit the person owes as acreditado, within the actor's reach. */
async function cargarLosCreditos(
  trx: Db,
  quien: QuienSimula,
  ctx: ContextoAutenticado,
): Promise<CreditoCargado[]> {
  if ('creditoId' in quien) {
    const credito = await cargarCredito(trx, quien.creditoId);
    exigirCreditoEnCartera(ctx.actor, credito.alcance);
    return [credito];
  }
  const persona = await trx
    .selectFrom('personas')
    .select('id')
    .where('id', '=', quien.personaId)
    .executeTakeFirst();
  if (!persona) throw new ErrorDominio('no_encontrado', 'La persona no existe.');
  // Only what they owe themselves: an aval is offered nothing on someone else's credit.
  const participaciones = await trx
    .selectFrom('participantes_credito')
    .select('credito_id')
    .where('persona_id', '=', quien.personaId)
    .where('rol', '=', 'acreditado')
    .orderBy('credito_id')
    .execute();
  if (participaciones.length === 0) {
    throw new ErrorDominio('no_encontrado', 'La persona no es acreditada de ningún crédito.');
  }
  const cargados = await cargarCreditos(
    trx,
    participaciones.map((p) => p.credito_id),
  );
  const visibles = [...cargados.values()]
    .filter((c) => alcanzaObjeto(ctx.actor, c.alcance))
    .sort((a, b) => a.id - b.id);
  if (visibles.length === 0) {
    throw new ErrorDominio('prohibido', 'Esta persona no tiene créditos en tu cartera.');
  }
  return visibles;
}

/** The credits as the simulator needs them: their case, their statement on `fecha`, their data. */
export async function creditosASimular(
  trx: Db,
  quien: QuienSimula,
  fecha: Fecha,
  ctx: ContextoAutenticado,
): Promise<Array<CreditoASimular & { cargado: CreditoCargado }>> {
  const creditos = await cargarLosCreditos(trx, quien, ctx);
  const oficinas = await trx.selectFrom('oficinas').select(['id', 'clave', 'nombre']).execute();
  return creditos.map((c) => {
    const oficina = oficinas.find((o) => o.id === c.alcance.oficinaId);
    const primera = c.ministraciones[0]?.fecha;
    if (oficina === undefined || primera === undefined) {
      throw new ErrorDominio(
        'credito_inconsistente',
        `El crédito ${c.credito.numero} no tiene oficina o ministraciones.`,
      );
    }
    return {
      id: c.id,
      numero: c.credito.numero,
      estado: c.estado,
      // Stored data the engine refuses is reported (credito_inconsistente), never guessed around.
      alCorte: calcularEstado(c, fecha),
      caso: entradaValida(c, fecha),
      datos: {
        producto: c.producto.clave,
        oficina: { clave: oficina.clave, nombre: oficina.nombre },
        generacion: Number(primera.slice(0, 4)),
      },
      cargado: c,
    };
  });
}
