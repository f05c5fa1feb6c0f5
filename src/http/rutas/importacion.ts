import { ErrorDominio } from '../../domain/errores.ts';
import { importarCartera } from '../../modules/importacion/importar-cartera.ts';
import { leerLibro } from '../../modules/importacion/leer-libro.ts';
import { validarEnParalelo } from '../../modules/importacion/validar-en-paralelo.ts';
import type { ContextoApp } from '../app.ts';
import { contextoDe } from '../autenticacion.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
// The institute's whole portfolio fits: 50,000 credits with their history are ~40 MB of XLSX.
const LIMITE = 100 * 1024 * 1024;

/** The administrators' upload of the portfolio workbook (the same import as `recupera importar`). */
export function rutasImportacion({ app, deps }: ContextoApp): void {
  const { db, reloj } = deps;
  // Its own scope: the XLSX parser and the large body limit apply to this route only.
  app.register(async (ambito) => {
    ambito.addContentTypeParser(
      XLSX,
      { parseAs: 'buffer', bodyLimit: LIMITE },
      (_req, cuerpo, listo) => listo(null, cuerpo),
    );
    ambito.post(
      '/api/importaciones',
      { config: { accion: 'cartera.importar' }, bodyLimit: LIMITE },
      async (request, reply) => {
        const ctx = contextoDe(request, reloj);
        if (!Buffer.isBuffer(request.body) || request.body.length === 0) {
          throw new ErrorDominio(
            'entrada_invalida',
            'Sube el libro de la cartera (.xlsx, la plantilla del instituto).',
            'archivo',
          );
        }
        const nombre = decodeURIComponent(
          String(request.headers['x-nombre-archivo'] ?? 'cartera.xlsx'),
        );
        const libro = await leerLibro([{ nombre, contenido: request.body }]);
        const r = await db
          .transaction()
          .execute((trx) =>
            importarCartera(trx, libro, ctx, {
              validarMotor: (c, hoy) => validarEnParalelo(c, hoy),
            }),
          );
        return reply.status(r.importado ? 201 : 422).send(r);
      },
    );
  });
}
