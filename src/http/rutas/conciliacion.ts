import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ErrorDominio } from '../../domain/errores.ts';
import { asignarDepositoPendiente } from '../../modules/conciliacion/asignar-deposito-pendiente.ts';
import { sha256DeArchivo } from '../../modules/conciliacion/deposito.ts';
import { descartarDepositoPendiente } from '../../modules/conciliacion/descartar-deposito-pendiente.ts';
import { importarEstadoBancario } from '../../modules/conciliacion/importar-estado-bancario.ts';
import { leerEstadoBancario } from '../../modules/conciliacion/leer-estado-bancario.ts';
import { listarDepositosPendientes } from '../../modules/conciliacion/listar-depositos-pendientes.ts';
import type { ContextoApp } from '../app.ts';
import { contextoDe } from '../autenticacion.ts';
import { claveDeIdempotencia, responderUnaVez } from '../idempotencia-http.ts';
import { id, idEnRuta, nombreDeArchivo, texto, validar } from '../validacion.ts';

/** A bank's monthly statement of a busy account is well under this; a bigger file is split. */
const LIMITE_ARCHIVO = 5 * 1024 * 1024;

const encabezados = z.object({ 'x-nombre-archivo': nombreDeArchivo });
const consultaPendientes = z.strictObject({
  estado: z.enum(['pendiente', 'asignado', 'descartado']).default('pendiente'),
  pagina: z.coerce.number().int().min(1).max(100_000).default(1),
});
const motivo = texto(500, { renglones: true }).refine(
  (m) => m.length >= 5,
  'explica el motivo (al menos 5 caracteres)',
);
const asignacion = z.strictObject({
  creditoId: id,
  motivo: motivo.optional(),
});
const descarte = z.strictObject({ motivo });

function textoCsv(request: FastifyRequest): string {
  const tipo = request.headers['content-type'] ?? '';
  const charset = /charset\s*=\s*"?([^";\s]+)/i.exec(tipo)?.[1]?.toLowerCase();
  if (typeof request.body !== 'string' || !/^text\/csv\b/i.test(tipo)) {
    throw new ErrorDominio(
      'entrada_invalida',
      'El estado de cuenta se envía como el texto del archivo, con Content-Type: text/csv; charset=utf-8.',
      'archivo',
    );
  }
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    throw new ErrorDominio(
      'entrada_invalida',
      `El archivo debe venir en UTF-8, no en ${charset}: guárdalo como «CSV UTF-8».`,
      'archivo',
    );
  }
  return request.body;
}

export function rutasConciliacion({ app, deps }: ContextoApp): void {
  const { db, reloj } = deps;

  // Its own scope: the CSV parser and the 5 MB limit apply to this route and no other.
  app.register(async (ambito) => {
    ambito.addContentTypeParser(
      'text/csv',
      { parseAs: 'string', bodyLimit: LIMITE_ARCHIVO },
      (_request, cuerpo, listo) => listo(null, cuerpo),
    );
    ambito.post(
      '/api/conciliacion/estados-bancarios',
      { bodyLimit: LIMITE_ARCHIVO, config: { accion: 'conciliacion.importar' } },
      async (request, reply) => {
        const ctx = contextoDe(request, reloj);
        claveDeIdempotencia(request);
        const csv = textoCsv(request);
        const nombre = validar(encabezados, request.headers)['x-nombre-archivo'];
        const leido = leerEstadoBancario(csv, ctx.reloj.hoy());
        if (!leido.ok) {
          // Nothing is written for a malformed file, not even the idempotency key: fixed, it
          // can be sent again.
          const n = new Set(leido.errores.map((e) => e.linea)).size;
          return reply.status(400).send({
            error: {
              codigo: 'entrada_invalida',
              mensaje: `El archivo tiene errores en ${n} ${n === 1 ? 'línea' : 'líneas'}; no se registró nada. Corrígelo y vuelve a importarlo.`,
              campo: 'archivo',
              errores: leido.errores,
            },
          });
        }
        const sha256 = sha256DeArchivo(csv);
        return responderUnaVez(
          db,
          request,
          reply,
          ctx,
          async (trx) => ({
            estadoHttp: 201,
            cuerpo: await importarEstadoBancario(
              trx,
              { nombre, sha256, depositos: leido.depositos },
              ctx,
              { diasPagoAnticipadoPuntual: deps.diasPagoAnticipadoPuntual },
            ),
          }),
          { nombre, sha256 },
        );
      },
    );
  });

  app.get(
    '/api/conciliacion/pendientes',
    { config: { accion: 'conciliacion.pendientes' } },
    async (request) => {
      const ctx = contextoDe(request, reloj);
      const filtro = validar(consultaPendientes, request.query);
      return db.transaction().execute((trx) => listarDepositosPendientes(trx, filtro, ctx));
    },
  );

  app.post(
    '/api/conciliacion/pendientes/:id/asignacion',
    { config: { accion: 'conciliacion.asignar' } },
    async (request, reply) => {
      const ctx = contextoDe(request, reloj);
      const { id } = validar(idEnRuta, request.params);
      const a = validar(asignacion, request.body);
      return responderUnaVez(db, request, reply, ctx, async (trx) => ({
        estadoHttp: 201,
        cuerpo: await asignarDepositoPendiente(
          trx,
          id,
          { creditoId: a.creditoId, motivo: a.motivo ?? null },
          ctx,
          { diasPagoAnticipadoPuntual: deps.diasPagoAnticipadoPuntual },
        ),
      }));
    },
  );

  app.post(
    '/api/conciliacion/pendientes/:id/descarte',
    { config: { accion: 'conciliacion.descartar' } },
    async (request) => {
      const ctx = contextoDe(request, reloj);
      const { id } = validar(idEnRuta, request.params);
      const { motivo: porQue } = validar(descarte, request.body);
      return db.transaction().execute((trx) => descartarDepositoPendiente(trx, id, porQue, ctx));
    },
  );
}
