import type { Db } from '../../db/conexion.ts';
import type { Rol } from '../../db/esquema.ts';
import { calcularAntiguedad } from '../cartera/calcular-antiguedad.ts';
import type { Contexto } from '../contexto.ts';
import { crearUsuario } from '../usuarios/crear-usuario.ts';
import { Aleatorio } from './aleatorio.ts';
import { cargarCarteraDemo, type OpcionesCarteraDemo } from './cargar-cartera-demo.ts';
import { cargarIndicadoresDemo } from './cargar-indicadores-demo.ts';
import { cargarDatosDelInstitutoDemo } from './datos-del-instituto-demo.ts';

/** One demo password for every demo login; documented in the README, never used outside demo mode. */
export const CONTRASENA_DEMO = 'Recupera.2026';

export const USUARIOS_DEMO: ReadonlyArray<{
  usuario: string;
  nombre: string;
  rol: Rol;
  oficina: string | null;
}> = [
  { usuario: 'admin', nombre: 'Ana Lucía Robles Félix', rol: 'administrador', oficina: null },
  { usuario: 'coordinador', nombre: 'Martín Ibarra Núñez', rol: 'coordinador', oficina: 'HMO' },
  { usuario: 'gestor', nombre: 'Sofía Valenzuela Peña', rol: 'gestor', oficina: 'HMO' },
  {
    usuario: 'gestor.obregon',
    nombre: 'José Ángel Búrquez Yocupicio',
    rol: 'gestor',
    oficina: 'OBR',
  },
  { usuario: 'gestor.nogales', nombre: 'Jesús Ramírez Acuña', rol: 'gestor', oficina: 'NOG' },
  { usuario: 'contabilidad', nombre: 'Patricia Encinas Ruiz', rol: 'contabilidad', oficina: null },
  {
    usuario: 'abogado',
    nombre: 'Lic. Ernesto Quijada Soto',
    rol: 'abogado_externo',
    oficina: null,
  },
  // Hermosillo has three gestores, so that distributing and reassigning mean something. Last
  // in the list: the users above keep their ids.
  { usuario: 'gestor.ruiz', nombre: 'Daniel Ruiz Moreno', rol: 'gestor', oficina: 'HMO' },
  { usuario: 'gestor.leyva', nombre: 'Karla Leyva Soto', rol: 'gestor', oficina: 'HMO' },
];

/**
 * Idempotent: creates the demo logins that are missing; returns how many it created. Then the
 * demo institute's data (datos-del-instituto-demo.ts) unless any are saved or
 * `datosDelInstituto: false`, so that every demo document prints. With `cartera`, it then
 * loads the demo portfolio too (cargar-cartera-demo.ts) and its aging as of today, unless a
 * portfolio exists already.
 */
export async function cargarDemo(
  trx: Db,
  ctx: Contexto,
  opciones: { cartera?: OpcionesCarteraDemo; datosDelInstituto?: boolean } = {},
): Promise<number> {
  const oficinas = await trx.selectFrom('oficinas').select(['id', 'clave']).execute();
  const existentes = new Set(
    (await trx.selectFrom('usuarios').select('usuario').execute()).map((u) =>
      u.usuario.toLowerCase(),
    ),
  );
  let creados = 0;
  for (const u of USUARIOS_DEMO) {
    if (existentes.has(u.usuario)) continue;
    const oficinaId =
      u.oficina === null ? null : (oficinas.find((o) => o.clave === u.oficina)?.id ?? null);
    await crearUsuario(
      trx,
      { usuario: u.usuario, nombre: u.nombre, rol: u.rol, oficinaId, contrasena: CONTRASENA_DEMO },
      { ...ctx, actor: null },
    );
    creados++;
  }
  if (opciones.datosDelInstituto !== false) await cargarDatosDelInstitutoDemo(trx, ctx);
  if (opciones.cartera) {
    const cartera = await cargarCarteraDemo(trx, opciones.cartera, ctx);
    // Today's aging snapshot too, so that lists and indicators have it on the first screen
    // (otherwise the job queue computes it right after the start).
    if (cartera.creada) {
      await calcularAntiguedad(trx, ctx.reloj.hoy(), ctx);
      // A year of month-ends, facts and goals, so that every chart of the dashboards has data.
      await cargarIndicadoresDemo(
        trx,
        ctx,
        new Aleatorio((opciones.cartera.semilla ^ 0x1d1ca) >>> 0),
      );
    }
  }
  return creados;
}
