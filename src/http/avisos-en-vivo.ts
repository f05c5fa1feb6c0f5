import type { FastifyReply, FastifyRequest } from 'fastify';
import { ErrorDominio } from '../domain/errores.ts';
import type { Avisos } from '../plataforma/avisos.ts';

/**
 * A server-sent events stream: one `event: <canal>` line each time a notice on `canal` carries
 * `destinatario` (an office or a user id); the page then refetches. A notice may carry data
 * after the destinatario (`7 {"convenioId":3}`): it goes out as the event's `data`. A comment every 25 s keeps
 * proxies from closing an idle connection; closing the page unsubscribes.
 */
export function abrirAvisosEnVivo(
  request: FastifyRequest,
  reply: FastifyReply,
  avisos: Avisos | undefined,
  canal: string,
  destinatario: string,
): void {
  if (!avisos) {
    throw new ErrorDominio(
      'conflicto',
      'Los avisos en vivo no están disponibles en esta instancia.',
    );
  }
  reply.hijack();
  reply.raw.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  reply.raw.write('retry: 3000\nevent: listo\ndata: {}\n\n');
  const quitar = avisos.suscribir(canal, (carga) => {
    if (carga === destinatario) reply.raw.write(`event: ${canal}\ndata: {}\n\n`);
    // `<destinatario> <json>`: a notice that says what happened (a convenio decided), not
    // only that something changed. The JSON was written by the server, one line.
    else if (carga.startsWith(`${destinatario} {`)) {
      reply.raw.write(`event: ${canal}\ndata: ${carga.slice(destinatario.length + 1)}\n\n`);
    }
  });
  const latido = setInterval(() => reply.raw.write(': latido\n\n'), 25_000);
  request.raw.on('close', () => {
    clearInterval(latido);
    quitar();
  });
}
