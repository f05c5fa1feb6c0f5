import { parseArgs } from 'node:util';
import { ErrorDominio } from '../domain/errores.ts';
import { leerConfig } from '../plataforma/config.ts';
import { relojDelSistema } from '../plataforma/reloj-sistema.ts';
import { describirTamano, respaldar } from '../plataforma/respaldos/respaldar.ts';
import { restaurar } from '../plataforma/respaldos/restaurar.ts';
import type { Comando } from './comandos.ts';

const avisar = (linea: string) => console.log(linea);

/** Backups that restore (docs/respaldos.md). Neither opens the database through conBase: no migration runs. */
export const COMANDOS_RESPALDO: Comando[] = [
  {
    nombre: ['respaldo'],
    uso: 'respaldo [--destino archivo]',
    descripcion:
      'Escribe un respaldo restaurable de la base (con Recupera en marcha o detenido); por omisión en DATA_DIR/respaldos.',
    ejecutar: async (args) => {
      const { values } = parseArgs({ args, options: { destino: { type: 'string' } } });
      const config = leerConfig();
      const r = await respaldar(config, {
        destino: values.destino ?? null,
        reloj: relojDelSistema(config.zonaHoraria),
        avisar,
      });
      console.log(`Respaldo escrito: ${r.ruta} (${describirTamano(r.bytes)}).`);
      return 0;
    },
  },
  {
    nombre: ['restaurar'],
    uso: 'restaurar <archivo>',
    descripcion:
      'Reconstruye la instalación desde un respaldo, en una DATA_DIR vacía (o, con DATABASE_URL, en una base vacía).',
    ejecutar: async (args) => {
      const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
      const [archivo] = positionals;
      if (archivo === undefined || positionals.length > 1) {
        throw new ErrorDominio(
          'entrada_invalida',
          'Indica un solo archivo de respaldo que restaurar.',
        );
      }
      const config = leerConfig();
      const r = await restaurar(config, archivo, avisar);
      if (r.tipo === 'embebido') {
        console.log(
          `Restaurado el respaldo del ${new Date(r.manifiesto.creado).toLocaleString('es-MX', { timeZone: config.zonaHoraria })} en ${config.carpetaDatos} (base en ${r.carpetaCluster}); PostgreSQL ya se recuperó. Arranca con «npm start».`,
        );
      } else {
        console.log('Respaldo restaurado en la base de DATABASE_URL. Arranca con «npm start».');
      }
      return 0;
    },
  },
];
