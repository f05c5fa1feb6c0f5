import { z } from 'zod';
import type { Mes } from '../../domain/metas/mes.ts';
import { exportarReporte } from '../../modules/indicadores/exportar-reporte.ts';
import type { ContextoApp } from '../app.ts';
import { descarga, enrutador } from '../ruta.ts';
import { fechaOpcional, idEnConsulta, mes } from '../validacion.ts';

const consulta = z.strictObject({
  mes: mes.transform((t) => t as Mes),
  oficinaId: idEnConsulta.optional(),
  alCorte: fechaOpcional,
});

/** The month's report of an office or of the institute (issue 11 item 4), as XLSX or PDF. */
export function rutasIndicadoresReporte(contexto: ContextoApp): void {
  const rutas = enrutador(contexto);
  for (const formato of ['xlsx', 'pdf'] as const) {
    rutas.get(
      `/api/indicadores/reporte.${formato}`,
      {
        accion: 'indicadores.exportar',
        resumen: `Reporte del mes de una oficina o del instituto (${formato.toUpperCase()})`,
        query: consulta,
        archivo: [formato],
      },
      async ({ query, ctx, enTransaccion, reply }) => {
        const r = await enTransaccion((trx) => exportarReporte(trx, { ...query, formato }, ctx));
        return descarga(reply, { tipo: formato, nombre: r.nombre, cuerpo: r.archivo });
      },
    );
  }
}
