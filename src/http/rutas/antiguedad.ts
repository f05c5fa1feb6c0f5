import { z } from 'zod';
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

  rutas.get('/api/antiguedad/resumen', { accion: 'antiguedad.resumen' }, async ({ ctx }) =>
    resumirAntiguedad(deps.db, ctx),
  );

  // The whole portfolio takes seconds to minutes: it runs as a job; the client polls its state.
  rutas.post(
    '/api/antiguedad',
    { accion: 'antiguedad.calcular', body: solicitud },
    async ({ body: { fecha }, ctx, reply }) => {
      const id = await cola().encolarAntiguedad(fecha ?? null, ctx.actor);
      return reply.status(202).send({ trabajo: id });
    },
  );

  rutas.get(
    '/api/antiguedad/trabajos/:id',
    { accion: 'antiguedad.calcular', params: trabajo },
    async ({ params: { id } }) => {
      const estado = await cola().estadoDeTrabajo(id);
      if (!estado) throw new ErrorDominio('no_encontrado', 'El trabajo no existe.');
      return estado;
    },
  );
}
