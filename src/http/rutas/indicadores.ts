import { z } from 'zod';
import { trabajo as estadoDeTrabajo, trabajoEncolado } from '../../contrato/comun.ts';
import { indicadores } from '../../contrato/indicadores.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import type { Mes } from '../../domain/metas/mes.ts';
import { registrarEnBitacora } from '../../modules/bitacora/registrar-en-bitacora.ts';
import { origenDe } from '../../modules/contexto.ts';
import { consultarIndicadores } from '../../modules/indicadores/consultar-indicadores.ts';
import type { ContextoApp } from '../app.ts';
import { enrutador } from '../ruta.ts';
import { fecha, idEnConsulta, mes } from '../validacion.ts';

const consulta = z.strictObject({
  mes,
  nivel: z.enum(['gestor', 'oficina', 'instituto'], 'debe ser gestor, oficina o instituto'),
  alCorte: fecha.optional(),
  oficinaId: idEnConsulta.optional(),
});
const recalcular = z.strictObject({ mes });
const trabajo = z.strictObject({ id: z.string().uuid() });

export function rutasIndicadores(contexto: ContextoApp): void {
  const { deps } = contexto;
  const rutas = enrutador(contexto);
  const cola = () => {
    if (!deps.trabajos)
      throw new ErrorDominio(
        'conflicto',
        'La cola de trabajos no está disponible en esta instancia.',
      );
    return deps.trabajos;
  };

  rutas.get(
    '/api/indicadores',
    {
      accion: 'indicadores.consultar',
      resumen: 'Indicadores del mes por gestor, oficina o instituto',
      query: consulta,
      respuesta: indicadores,
    },
    async ({ query: q, ctx, enTransaccion }) =>
      enTransaccion((trx) =>
        consultarIndicadores(
          trx,
          {
            mes: q.mes,
            nivel: q.nivel,
            ...(q.alCorte === undefined ? {} : { alCorte: q.alCorte }),
            ...(q.oficinaId === undefined ? {} : { oficinaId: q.oficinaId }),
          },
          ctx,
        ),
      ),
  );

  // A month's facts take seconds to minutes on the whole portfolio: a job; the client polls it.
  rutas.post(
    '/api/indicadores/recalcular',
    {
      accion: 'indicadores.recalcular',
      resumen: 'Encola el recálculo de los hechos de un mes (202)',
      body: recalcular,
      respuesta: trabajoEncolado,
    },
    async ({ body: { mes: m }, ctx, enTransaccion, responder }) => {
      if (`${m}-01` > deps.reloj.hoy())
        throw new ErrorDominio('entrada_invalida', 'El mes todavía no empieza.', 'mes');
      const id = await cola().encolarIndicadores(m as Mes, ctx.actor);
      await enTransaccion((trx) =>
        registrarEnBitacora(trx, origenDe(ctx), {
          accion: 'indicadores.recalcular',
          detalle: { mes: m, trabajo: id },
        }),
      );
      return responder(202, { trabajo: id });
    },
  );

  rutas.get(
    '/api/indicadores/trabajos/:id',
    {
      accion: 'indicadores.recalcular',
      resumen: 'Estado de un recálculo de indicadores',
      params: trabajo,
      respuesta: estadoDeTrabajo,
    },
    async ({ params: { id } }) => {
      const estado = await cola().estadoDeIndicadores(id);
      if (!estado) throw new ErrorDominio('no_encontrado', 'El trabajo no existe.');
      return estado;
    },
  );
}
