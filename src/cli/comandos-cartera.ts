import { parseArgs } from 'node:util';
import { ErrorDominio } from '../domain/errores.ts';
import { describirResultado } from '../modules/importacion/describir-resultado.ts';
import { generarPlantilla } from '../modules/importacion/generar-plantilla.ts';
import { importarCartera } from '../modules/importacion/importar-cartera.ts';
import { leerLibro, leerRutas } from '../modules/importacion/leer-libro.ts';
import { validarEnParalelo } from '../modules/importacion/validar-en-paralelo.ts';
import { leerConfig } from '../plataforma/config.ts';
import { relojDelSistema } from '../plataforma/reloj-sistema.ts';
import { type Comando, conBase } from './comandos.ts';

const reloj = () => relojDelSistema(leerConfig().zonaHoraria);

/** Portfolio commands (import, demo portfolio, aging). */
export const COMANDOS_CARTERA: Comando[] = [
  {
    nombre: ['importar'],
    uso: 'importar <libro.xlsx | carpeta | hojas.csv…>',
    descripcion:
      'Importa la cartera del instituto (un libro XLSX o CSV por hoja): valida todo y, si hay un solo error, no escribe nada.',
    ejecutar: async (args) => {
      if (args.length === 0) {
        throw new ErrorDominio(
          'entrada_invalida',
          'Indica el libro .xlsx, o la carpeta o los archivos .csv que importar.',
        );
      }
      const libro = await leerLibro(await leerRutas(args));
      return conBase(async ({ conexion }) => {
        const r = await conexion.db
          .transaction()
          .execute((trx) =>
            importarCartera(
              trx,
              libro,
              { reloj: reloj(), ip: null, actor: null },
              { validarMotor: validarEnParalelo },
            ),
          );
        process.stdout.write(describirResultado(r));
        return r.importado ? 0 : 1;
      });
    },
  },
  {
    nombre: ['plantilla-importacion'],
    uso: 'plantilla-importacion [ruta.xlsx] [--csv carpeta]',
    descripcion:
      'Escribe la plantilla de importación (por omisión plantillas/cartera.xlsx y plantillas/csv/).',
    ejecutar: async (args) => {
      const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: { csv: { type: 'string' } },
      });
      const [ruta] = positionals;
      const escritos = await generarPlantilla(
        ruta ?? 'plantillas/cartera.xlsx',
        values.csv ?? (ruta === undefined ? 'plantillas/csv' : null),
      );
      for (const e of escritos) console.log(`Escrito ${e}`);
      return 0;
    },
  },
];
