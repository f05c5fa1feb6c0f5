import { z } from 'zod';
import type { Mes } from '../../domain/metas/mes.ts';
import {
  exportarReporte,
  type FormatoReporte,
} from '../../modules/indicadores/exportar-reporte.ts';
import type { ContextoApp } from '../app.ts';
import { contextoDe } from '../autenticacion.ts';
import { fechaOpcional, idEnConsulta, mes, validar } from '../validacion.ts';

const consulta = z.strictObject({
  mes: mes.transform((t) => t as Mes),
  oficinaId: idEnConsulta.optional(),
  alCorte: fechaOpcional,
});

const TIPO: Record<FormatoReporte, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

/** The month's report of an office or of the institute (issue 11 item 4), as XLSX or PDF. */
export function rutasIndicadoresReporte({ app, deps }: ContextoApp): void {
  const { db, reloj } = deps;
  for (const formato of ['xlsx', 'pdf'] as const) {
    app.get(
      `/api/indicadores/reporte.${formato}`,
      { config: { accion: 'indicadores.exportar' } },
      async (request, reply) => {
        const ctx = contextoDe(request, reloj);
        const q = validar(consulta, request.query);
        const r = await db
          .transaction()
          .execute((trx) => exportarReporte(trx, { ...q, formato }, ctx));
        return reply
          .type(TIPO[formato])
          .header('content-disposition', `attachment; filename="${r.nombre}"`)
          .send(r.archivo);
      },
    );
  }
}
