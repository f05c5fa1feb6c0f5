import { parseArgs } from 'node:util';
import { ROLES, type Rol } from '../db/esquema.ts';
import { ErrorDominio } from '../domain/errores.ts';
import { fechaDesdeTexto, formatearFecha } from '../domain/fecha.ts';
import { verificarBitacora } from '../modules/bitacora/verificar-bitacora.ts';
import { calcularAntiguedad } from '../modules/cartera/calcular-antiguedad.ts';
import {
  CARTERA_DEMO,
  cargarCarteraDemo,
  MAXIMO_ACREDITADOS_DEMO,
} from '../modules/demo/cargar-cartera-demo.ts';
import { cargarDemo } from '../modules/demo/cargar-demo.ts';
import { crearUsuario } from '../modules/usuarios/crear-usuario.ts';
import { leerAnclas } from '../plataforma/anclas-bitacora.ts';
import { abrirBase, type Base } from '../plataforma/arranque.ts';
import { leerConfig } from '../plataforma/config.ts';
import { relojDelSistema } from '../plataforma/reloj-sistema.ts';
import { COMANDOS_CARTERA } from './comandos-cartera.ts';
import { COMANDOS_RESPALDO } from './comandos-respaldo.ts';
import { leerContrasena } from './leer-contrasena.ts';

export interface Comando {
  nombre: string[];
  uso: string;
  descripcion: string;
  ejecutar(args: string[]): Promise<number>;
}

export async function conBase<T>(trabajo: (base: Base) => Promise<T>): Promise<T> {
  const base = await abrirBase(leerConfig(), { compartirInstancia: true });
  try {
    return await trabajo(base);
  } finally {
    await base.cerrar();
  }
}

const reloj = () => relojDelSistema(leerConfig().zonaHoraria);

/** A whole-number option between 1 and `maximo`; absent takes `porOmision`. */
function enteroDeOpcion(
  texto: string | undefined,
  opcion: string,
  porOmision: number,
  maximo: number,
): number {
  if (texto === undefined) return porOmision;
  const n = Number(texto.replaceAll(',', '').replaceAll('_', ''));
  if (!Number.isInteger(n) || n < 1 || n > maximo) {
    throw new ErrorDominio(
      'entrada_invalida',
      `--${opcion} debe ser un número entero entre 1 y ${maximo.toLocaleString('es-MX')}.`,
      opcion,
    );
  }
  return n;
}

export const COMANDOS: Comando[] = [
  {
    nombre: ['migrar'],
    uso: 'migrar',
    descripcion: 'Aplica las migraciones pendientes de la base de datos.',
    ejecutar: () =>
      conBase(async () => {
        console.log('Base de datos al día.');
        return 0;
      }),
  },
  {
    nombre: ['demo'],
    uso: 'demo [--acreditados N] [--semilla S]',
    descripcion:
      'Carga los datos de demostración: usuarios de ejemplo y una cartera sintética de Sonora (3,000 acreditados por omisión, hasta 300,000). Idempotente.',
    ejecutar: async (args) => {
      const { values } = parseArgs({
        args,
        options: { acreditados: { type: 'string' }, semilla: { type: 'string' } },
      });
      const acreditados = enteroDeOpcion(
        values.acreditados,
        'acreditados',
        CARTERA_DEMO.acreditados,
        MAXIMO_ACREDITADOS_DEMO,
      );
      const semilla = enteroDeOpcion(values.semilla, 'semilla', CARTERA_DEMO.semilla, 2 ** 32 - 1);
      return conBase(async ({ conexion }) => {
        const inicio = performance.now();
        const { usuarios, cartera } = await conexion.db.transaction().execute(async (trx) => {
          const ctx = { reloj: reloj(), ip: null };
          const usuarios = await cargarDemo(trx, ctx);
          return { usuarios, cartera: await cargarCarteraDemo(trx, { acreditados, semilla }, ctx) };
        });
        console.log(
          usuarios === 0
            ? 'Los usuarios de demostración ya estaban cargados.'
            : `Usuarios de demostración creados: ${usuarios}.`,
        );
        const segundos = ((performance.now() - inicio) / 1000).toFixed(1);
        console.log(
          cartera.creada
            ? `Cartera de demostración (semilla ${semilla}): ${acreditados.toLocaleString('es-MX')} acreditados, ${cartera.creditos.toLocaleString('es-MX')} créditos, ${cartera.movimientos.toLocaleString('es-MX')} movimientos, en ${segundos} s.`
            : 'Ya había una cartera: no se generó la de demostración.',
        );
        return 0;
      });
    },
  },
  {
    nombre: ['usuario', 'crear'],
    uso: 'usuario crear --usuario U --nombre "N" --rol R [--oficina HMO|OBR|NOG]',
    descripcion: 'Crea un usuario; la contraseña se lee de la entrada estándar.',
    ejecutar: async (args) => {
      const { values } = parseArgs({
        args,
        options: {
          usuario: { type: 'string' },
          nombre: { type: 'string' },
          rol: { type: 'string' },
          oficina: { type: 'string' },
        },
      });
      const { usuario, nombre, rol, oficina } = values;
      if (!usuario || !nombre || !rol)
        throw new ErrorDominio('entrada_invalida', 'Faltan --usuario, --nombre o --rol.');
      if (!(ROLES as readonly string[]).includes(rol)) {
        throw new ErrorDominio(
          'entrada_invalida',
          `--rol debe ser uno de: ${ROLES.join(', ')}.`,
          'rol',
        );
      }
      const contrasena = await leerContrasena('Contraseña: ');
      return conBase(async ({ conexion: { db } }) => {
        const oficinaId = oficina
          ? ((
              await db
                .selectFrom('oficinas')
                .select('id')
                .where('clave', '=', oficina.toUpperCase())
                .executeTakeFirst()
            )?.id ?? null)
          : null;
        if (oficina && oficinaId === null)
          throw new ErrorDominio(
            'entrada_invalida',
            `--oficina: no existe «${oficina}».`,
            'oficina',
          );
        const creado = await db
          .transaction()
          .execute((trx) =>
            crearUsuario(
              trx,
              { usuario, nombre, rol: rol as Rol, oficinaId, contrasena },
              { reloj: reloj(), ip: null, actor: null },
            ),
          );
        console.log(`Usuario «${creado.usuario}» creado (id ${creado.id}, ${creado.rol}).`);
        return 0;
      });
    },
  },
  {
    nombre: ['bitacora', 'verificar'],
    uso: 'bitacora verificar',
    descripcion:
      'Recorre la cadena de hashes de la bitácora, la compara con las anclas firmadas de DATA_DIR y nombra la primera fila alterada o faltante.',
    ejecutar: () =>
      conBase(async ({ conexion }) => {
        const leidas = leerAnclas(leerConfig().carpetaDatos);
        const r = await verificarBitacora(conexion.db, leidas.ok ? leidas.anclas : []);
        if (!r.valida) {
          console.log(
            `Bitácora ALTERADA: la fila ${r.primeraRota} ${r.motivo}. Filas íntegras antes de ella: ${r.filas}.`,
          );
          return 1;
        }
        if (!leidas.ok) {
          console.log(`La cadena de la bitácora enlaza (${r.filas} filas), pero: ${leidas.error}`);
          return 1;
        }
        const ultima = leidas.anclas.at(-1);
        console.log(
          ultima
            ? `Bitácora íntegra: ${r.filas} filas verificadas; coincide con ${leidas.anclas.length} anclas de ${leidas.archivo} (la última, fila ${ultima.id}, del ${ultima.instante}).`
            : `Bitácora íntegra: ${r.filas} filas verificadas. Sin anclas en ${leidas.archivo}: no se puede saber si se borraron las últimas filas ni si la cadena se volvió a sellar (docs/bitacora.md).`,
        );
        return 0;
      }),
  },
  {
    nombre: ['calcular'],
    uso: 'calcular [--lineas]',
    descripcion:
      'Lee un caso (JSON, o JSON Lines con --lineas) en la entrada estándar y escribe el estado de cuenta.',
    // Loaded on demand: the engine's command needs no database.
    ejecutar: async (args) => (await import('./calcular.ts')).calcular(args.includes('--lineas')),
  },
  {
    nombre: ['antiguedad'],
    uso: 'antiguedad [--fecha AAAA-MM-DD]',
    descripcion:
      'Calcula y guarda la antigüedad de saldos de toda la cartera (hoy, si no se indica fecha).',
    ejecutar: (args) =>
      conBase(async ({ conexion }) => {
        const { values } = parseArgs({ args, options: { fecha: { type: 'string' } } });
        const fecha = values.fecha === undefined ? reloj().hoy() : fechaDesdeTexto(values.fecha);
        if (fecha === null)
          throw new ErrorDominio(
            'entrada_invalida',
            '--fecha debe ser una fecha real AAAA-MM-DD.',
            'fecha',
          );
        const r = await conexion.db
          .transaction()
          .execute((trx) => calcularAntiguedad(trx, fecha, { reloj: reloj(), ip: null }));
        console.log(`Antigüedad al ${formatearFecha(r.fecha)}: ${r.creditos} créditos.`);
        for (const e of r.conError) console.log(`  ${e.numero}: ${e.mensaje}`);
        return r.conError.length === 0 ? 0 : 1;
      }),
  },
  ...COMANDOS_CARTERA,
  ...COMANDOS_RESPALDO,
];
