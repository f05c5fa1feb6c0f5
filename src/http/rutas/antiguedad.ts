import { z } from 'zod';
import { ErrorDominio } from '../../domain/errores.ts';
import { resumirAntiguedad } from '../../modules/cartera/resumir-antiguedad.ts';
import type { ContextoApp } from '../app.ts';
import { contextoDe } from '../autenticacion.ts';
import { fechaOpcional, validar } from '../validacion.ts';

const solicitud = z.strictObject({ fecha: fechaOpcional });
const trabajo = z.strictObject({ id: z.string().uuid() });

export function rutasAntiguedad({ app, deps }: ContextoApp): void {
  const { db, reloj } = deps;
  const cola = () => {
    if (!deps.trabajos)
      throw new ErrorDominio(
        'conflicto',
        'La cola de trabajos no está disponible en esta instancia.',
      );
    return deps.trabajos;
  };

  app.get(
    '/api/antiguedad/resumen',
    { config: { accion: 'antiguedad.resumen' } },
    async (request) => {
      return resumirAntiguedad(db, contextoDe(request, reloj));
    },
  );

  // The whole portfolio takes seconds to minutes: it runs as a job; the client polls its state.
  app.post(
    '/api/antiguedad',
    { config: { accion: 'antiguedad.calcular' } },
    async (request, reply) => {
      const { actor } = contextoDe(request, reloj);
      const { fecha } = validar(solicitud, request.body);
      const id = await cola().encolarAntiguedad(fecha ?? null, actor);
      return reply.status(202).send({ trabajo: id });
    },
  );

  app.get(
    '/api/antiguedad/trabajos/:id',
    { config: { accion: 'antiguedad.calcular' } },
    async (request) => {
      const { id } = validar(trabajo, request.params);
      const estado = await cola().estadoDeTrabajo(id);
      if (!estado) throw new ErrorDominio('no_encontrado', 'El trabajo no existe.');
      return estado;
    },
  );
}
