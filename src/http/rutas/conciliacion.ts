import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  deposito,
  depositoAsignado,
  listaDeDepositos,
  resultadoImportacionBancaria,
} from '../../contrato/conciliacion.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { asignarDepositoPendiente } from '../../modules/conciliacion/asignar-deposito-pendiente.ts';
import { sha256DeArchivo } from '../../modules/conciliacion/deposito.ts';
import { descartarDepositoPendiente } from '../../modules/conciliacion/descartar-deposito-pendiente.ts';
import { importarEstadoBancario } from '../../modules/conciliacion/importar-estado-bancario.ts';
import { leerEstadoBancario } from '../../modules/conciliacion/leer-estado-bancario.ts';
import { listarDepositosPendientes } from '../../modules/conciliacion/listar-depositos-pendientes.ts';
import type { ContextoApp } from '../app.ts';
import { claveDeIdempotencia } from '../idempotencia-http.ts';
import { enrutador } from '../ruta.ts';
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

export function rutasConciliacion(contexto: ContextoApp): void {
  const { deps } = contexto;
  const opciones = { diasPagoAnticipadoPuntual: deps.diasPagoAnticipadoPuntual };
  const rutas = enrutador(contexto);

  // Its own scope: the CSV parser and the 5 MB limit apply to this route and no other.
  contexto.app.register(async (ambito) => {
    ambito.addContentTypeParser(
      'text/csv',
      { parseAs: 'string', bodyLimit: LIMITE_ARCHIVO },
      (_request, cuerpo, listo) => listo(null, cuerpo),
    );
    enrutador({ app: ambito, deps }).post(
      '/api/conciliacion/estados-bancarios',
      {
        accion: 'conciliacion.importar',
        bodyLimit: LIMITE_ARCHIVO,
        resumen:
          'Importa un estado de cuenta bancario (CSV) y registra los depósitos que identifica',
        respuesta: resultadoImportacionBancaria,
      },
      async ({ ctx, request, reply, unaVez }) => {
        // The key and the file are checked before the name: the order of the 400s is kept.
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
        return unaVez(
          async (trx) => ({
            estadoHttp: 201,
            cuerpo: await importarEstadoBancario(
              trx,
              { nombre, sha256, depositos: leido.depositos },
              ctx,
              opciones,
            ),
          }),
          { nombre, sha256 },
        );
      },
    );
  });

  rutas.get(
    '/api/conciliacion/pendientes',
    {
      accion: 'conciliacion.pendientes',
      query: consultaPendientes,
      resumen: 'Los depósitos que esperan a una persona, o los ya asignados o descartados',
      respuesta: listaDeDepositos,
    },
    async ({ query, ctx, enTransaccion }) =>
      enTransaccion((trx) => listarDepositosPendientes(trx, query, ctx)),
  );

  rutas.post(
    '/api/conciliacion/pendientes/:id/asignacion',
    {
      accion: 'conciliacion.asignar',
      params: idEnRuta,
      body: asignacion,
      resumen: 'Registra un depósito pendiente como pago del crédito indicado',
      respuesta: depositoAsignado,
    },
    async ({ params: { id }, body: a, ctx, unaVez }) =>
      unaVez(async (trx) => ({
        estadoHttp: 201,
        cuerpo: await asignarDepositoPendiente(
          trx,
          id,
          { creditoId: a.creditoId, motivo: a.motivo ?? null },
          ctx,
          opciones,
        ),
      })),
  );

  rutas.post(
    '/api/conciliacion/pendientes/:id/descarte',
    {
      accion: 'conciliacion.descartar',
      params: idEnRuta,
      body: descarte,
      resumen: 'Descarta un depósito pendiente, con su motivo',
      respuesta: deposito,
    },
    async ({ params: { id }, body: { motivo: porQue }, ctx, enTransaccion }) =>
      enTransaccion((trx) => descartarDepositoPendiente(trx, id, porQue, ctx)),
  );
}
