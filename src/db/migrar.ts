import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import * as fundacion from './migraciones/0001-fundacion.ts';
import * as cartera from './migraciones/0002-cartera.ts';
import * as pagos from './migraciones/0003-pagos.ts';
import * as conciliacion from './migraciones/0004-conciliacion.ts';
import * as finiquitos from './migraciones/0005-finiquitos.ts';
import * as busqueda from './migraciones/0006-busqueda.ts';
import * as turnos from './migraciones/0007-turnos.ts';
import * as indicesBusqueda from './migraciones/0008-indices-busqueda.ts';
import * as alternativas from './migraciones/0009-alternativas.ts';
import * as bitacoraSellada from './migraciones/0010-bitacora-sellada-al-confirmar.ts';
import * as convenios from './migraciones/0011-convenios.ts';
import * as reestructura from './migraciones/0012-reestructura.ts';
import * as toleranciaPorVersion from './migraciones/0013-tolerancia-por-version.ts';
import * as secretosDeInstalacion from './migraciones/0014-secretos-de-instalacion.ts';
import * as tasaPuntual from './migraciones/0015-tasa-puntual.ts';
import * as partesDePago from './migraciones/0016-partes-de-pago.ts';
import * as gestionDeCartera from './migraciones/0017-gestion-de-cartera.ts';
import * as intentosDeAcceso from './migraciones/0018-intentos-de-acceso.ts';
import * as denegaciones from './migraciones/0020-denegaciones.ts';
import * as bitacoraDelDuenio from './migraciones/0021-bitacora-sellada-por-el-duenio.ts';
import * as derechosArco from './migraciones/0022-derechos-arco.ts';
import * as metas from './migraciones/0023-metas.ts';
import * as hechosDeIndicadores from './migraciones/0024-hechos-de-indicadores.ts';
import * as recuperacionTardia from './migraciones/0026-recuperacion-tardia.ts';
import * as busquedaSinApostrofos from './migraciones/0027-busqueda-sin-apostrofos.ts';
import * as correccionesDePersona from './migraciones/0028-correcciones-de-persona.ts';
import * as expedientes from './migraciones/0029-expedientes.ts';
import * as indicePrescripcion from './migraciones/0030-indice-prescripcion.ts';
import * as sinDiasParaPrescripcion from './migraciones/0031-sin-dias-para-prescripcion.ts';
import * as datosDelInstituto from './migraciones/0032-datos-del-instituto.ts';
import * as plantillas from './migraciones/0033-plantillas.ts';
import * as cortesDeCaja from './migraciones/0034-cortes-de-caja.ts';
import * as telefonoEnParte from './migraciones/0035-telefono-en-parte.ts';

/** Migrations live in code, in order; the name's number fixes the order. */
const migraciones: Record<string, Migration> = {
  '0001-fundacion': fundacion,
  '0002-cartera': cartera,
  '0003-pagos': pagos,
  '0004-conciliacion': conciliacion,
  '0005-finiquitos': finiquitos,
  '0006-busqueda': busqueda,
  '0007-turnos': turnos,
  '0008-indices-busqueda': indicesBusqueda,
  '0009-alternativas': alternativas,
  '0010-bitacora-sellada-al-confirmar': bitacoraSellada,
  '0011-convenios': convenios,
  '0012-reestructura': reestructura,
  '0013-tolerancia-por-version': toleranciaPorVersion,
  '0014-secretos-de-instalacion': secretosDeInstalacion,
  '0015-tasa-puntual': tasaPuntual,
  '0016-partes-de-pago': partesDePago,
  '0017-gestion-de-cartera': gestionDeCartera,
  '0018-intentos-de-acceso': intentosDeAcceso,
  '0020-denegaciones': denegaciones,
  '0021-bitacora-sellada-por-el-duenio': bitacoraDelDuenio,
  '0022-derechos-arco': derechosArco,
  '0023-metas': metas,
  '0024-hechos-de-indicadores': hechosDeIndicadores,
  '0026-recuperacion-tardia': recuperacionTardia,
  '0027-busqueda-sin-apostrofos': busquedaSinApostrofos,
  '0028-correcciones-de-persona': correccionesDePersona,
  '0029-expedientes': expedientes,
  '0030-indice-prescripcion': indicePrescripcion,
  '0031-sin-dias-para-prescripcion': sinDiasParaPrescripcion,
  '0032-datos-del-instituto': datosDelInstituto,
  '0033-plantillas': plantillas,
  '0034-cortes-de-caja': cortesDeCaja,
  '0035-telefono-en-parte': telefonoEnParte,
};

const proveedor: MigrationProvider = { getMigrations: async () => migraciones };

export async function migrar<T>(db: Kysely<T>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: proveedor,
    migrationTableName: 'migraciones',
    migrationLockTableName: 'migraciones_candado',
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const fallida = results?.find((r) => r.status === 'Error')?.migrationName ?? 'desconocida';
    throw new Error(`La migración ${fallida} falló: ${String(error)}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
