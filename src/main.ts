import { join } from 'node:path';
import { construirApp } from './http/app.ts';
import { CARTERA_DEMO } from './modules/demo/cargar-cartera-demo.ts';
import { CONTRASENA_DEMO, cargarDemo, USUARIOS_DEMO } from './modules/demo/cargar-demo.ts';
import { iniciarAnclaje } from './plataforma/anclas-bitacora.ts';
import { abrirBase } from './plataforma/arranque.ts';
import { avisoLimitado } from './plataforma/aviso-limitado.ts';
import { iniciarAvisos } from './plataforma/avisos.ts';
import { ErrorDeConfiguracion, leerConfig } from './plataforma/config.ts';
import { ErrorDeArranque } from './plataforma/postgres-embebido.ts';
import { relojDelSistema } from './plataforma/reloj-sistema.ts';
import { iniciarTrabajos } from './plataforma/trabajos.ts';

async function principal(): Promise<void> {
  const config = leerConfig();
  const reloj = relojDelSistema(config.zonaHoraria);
  console.log(
    config.databaseUrl
      ? 'Conectando a PostgreSQL (DATABASE_URL)…'
      : `Iniciando PostgreSQL embebido en ${config.carpetaDatos}…`,
  );
  const base = await abrirBase(config, {
    registrarError: avisoLimitado('PostgreSQL: conexión perdida; se reintentará'),
  });
  for (const linea of base.advertencias) console.warn(linea);
  const { db } = base.conexion;
  if (base.modoDemo) {
    const hayUsuarios = await db.selectFrom('usuarios').select('id').limit(1).executeTakeFirst();
    const hayCartera = await db.selectFrom('creditos').select('id').limit(1).executeTakeFirst();
    if (!hayUsuarios || !hayCartera) {
      console.log(
        `Primer arranque: cargando datos de demostración (usuarios y ${CARTERA_DEMO.acreditados.toLocaleString('es-MX')} acreditados)…`,
      );
      const inicio = performance.now();
      await db
        .transaction()
        .execute((trx) => cargarDemo(trx, { reloj, ip: null }, { cartera: CARTERA_DEMO }));
      console.log(
        `Datos de demostración cargados en ${((performance.now() - inicio) / 1000).toFixed(1)} s.`,
      );
    }
  }
  // The bitácora's head, signed, outside the database (docs/bitacora.md).
  const anclaje = iniciarAnclaje(db, config.carpetaDatos, reloj);
  const trabajos = await iniciarTrabajos(base.url, db, reloj, config.zonaHoraria, {
    memoriaImportacionMb: config.memoriaImportacionMb,
  });
  const avisos = await iniciarAvisos(base.url, ['turnos', 'recados', 'convenios']);
  const { app } = await construirApp({
    trabajos,
    avisos,
    db,
    reloj,
    sessionSecret: base.sessionSecret,
    cookieSegura: config.cookieSegura,
    confiarEnProxy: config.confiarEnProxy,
    limitePorMinuto: config.limitePorMinuto,
    diasPagoAnticipadoPuntual: config.diasPagoAnticipadoPuntual,
    carpetaDatos: config.carpetaDatos,
    carpetaWeb: join(import.meta.dirname, '..', 'web', 'dist'),
    registro: process.env.REGISTRO === 'si',
  });

  let cerrando = false;
  const detener = async (senal: string) => {
    if (cerrando) return;
    cerrando = true;
    console.log(`\n${senal}: deteniendo Recupera…`);
    // A stop must not hang (an orchestrator kills after its grace period anyway): whatever is
    // left after 5 s is cut; PostgreSQL is still told to stop by the supervisor's exit hook.
    setTimeout(() => {
      console.error('Recupera no terminó de detenerse en 5 s; se fuerza la salida.');
      process.exit(1);
    }, 4_800).unref();
    // In order: no new requests, the running job finishes (pg-boss waits for it), then the
    // connections close and only then PostgreSQL stops. Every step runs even if one fails.
    let limpio = true;
    for (const [paso, accion] of [
      ['el servidor HTTP', () => app.close()],
      ['la cola de trabajos', () => trabajos.detener()],
      ['los avisos en vivo', () => avisos.cerrar()],
      ['el ancla de la bitácora', () => anclaje.detener()],
      ['la base de datos', () => base.cerrar()],
    ] as const) {
      try {
        await accion();
      } catch (e) {
        limpio = false;
        console.error(`No se pudo detener ${paso}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    console.log(limpio ? 'Recupera se detuvo limpiamente.' : 'Recupera se detuvo con errores.');
    process.exit(limpio ? 0 : 1);
  };
  process.on('SIGINT', () => void detener('SIGINT'));
  process.on('SIGTERM', () => void detener('SIGTERM'));
  process.on('SIGHUP', () => void detener('SIGHUP'));

  await app.listen({ port: config.puerto, host: config.host });
  console.log(`\nRecupera está listo en http://localhost:${config.puerto}`);
  if (base.modoDemo) {
    console.log(`Modo demostración. Usuarios (contraseña «${CONTRASENA_DEMO}» para todos):`);
    for (const u of USUARIOS_DEMO)
      console.log(`  ${u.usuario.padEnd(16)} ${u.rol}${u.oficina ? ` (${u.oficina})` : ''}`);
  }
}

principal().catch((e: unknown) => {
  if (e instanceof ErrorDeConfiguracion || e instanceof ErrorDeArranque) {
    console.error(e.message);
  } else {
    // One line for the person; the stack only when asked for (REGISTRO=si).
    console.error(`Recupera no pudo arrancar: ${e instanceof Error ? e.message : String(e)}`);
    if (process.env.REGISTRO === 'si') console.error(e);
  }
  process.exit(1);
});
