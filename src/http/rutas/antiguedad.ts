import { z } from 'zod';
import { resumenAntiguedad } from '../../contrato/antiguedad.ts';
import { trabajo as estadoDeTrabajo, trabajoEncolado } from '../../contrato/comun.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { resumirAntiguedad } from '../../modules/cartera/resumir-antiguedad.ts';
import type { ContextoApp } from '../app.ts';
import { enrutador } from '../ruta.ts';
import { fechaOpcional } from '../validacion.ts';

const solicitud = z.strictObject({ fecha: fechaOpcional });
const trabajo = z.strictObject({ id: z.string().uuid() });

export function rutasAntiguedad(contexto: ContextoApp): void {
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
    '/api/antiguedad/resumen',
    {
      accion: 'antiguedad.resumen',
      resumen: 'Créditos y saldos por tramo de antigüedad, a la última fecha calculada',
      respuesta: resumenAntiguedad,
    },
    async ({ ctx }) => resumirAntiguedad(deps.db, ctx),
  );

  // The whole portfolio takes seconds to minutes: it runs as a job; the client polls its state.
  rutas.post(
    '/api/antiguedad',
    {
      accion: 'antiguedad.calcular',
      resumen: 'Encola el cálculo de antigüedad de la cartera (202)',
      body: solicitud,
      respuesta: trabajoEncolado,
    },
    async ({ body: { fecha }, ctx, responder }) => {
      const id = await cola().encolarAntiguedad(fecha ?? null, ctx.actor);
      return responder(202, { trabajo: id });
    },
  );

  rutas.get(
    '/api/antiguedad/trabajos/:id',
    {
      accion: 'antiguedad.calcular',
      resumen: 'Estado de un cálculo de antigüedad',
      params: trabajo,
      respuesta: estadoDeTrabajo,
    },
    async ({ params: { id } }) => {
      const estado = await cola().estadoDeTrabajo(id);
      if (!estado) throw new ErrorDominio('no_encontrado', 'El trabajo no existe.');
      return estado;
    },
  );
}
