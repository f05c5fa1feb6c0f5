import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Rol } from '../../src/db/esquema.ts';
import { type AppDePrueba, crearAppDePrueba, type Sesion } from '../soporte/app-de-prueba.ts';

/**
 * Every API route, called as anonymous and as every role. A route missing from this table
 * fails the suite: adding a route means deciding, here, who may call it.
 */
type Quien = 'anonimo' | Rol;
const TODOS_LOS_ROLES: Rol[] = [
  'gestor',
  'coordinador',
  'contabilidad',
  'abogado_externo',
  'administrador',
];
const PUBLICA: Quien[] = ['anonimo', ...TODOS_LOS_ROLES];
const AUTENTICADOS: Quien[] = TODOS_LOS_ROLES;
const SOLO_ADMIN: Quien[] = ['administrador'];

const ESPERADO: Record<string, { permitidos: Quien[]; url?: string }> = {
  'GET /api/salud': { permitidos: PUBLICA },
  'POST /api/sesion': { permitidos: PUBLICA },
  'GET /api/sesion': { permitidos: AUTENTICADOS },
  'DELETE /api/sesion': { permitidos: AUTENTICADOS },
  'PUT /api/sesion/contrasena': { permitidos: AUTENTICADOS },
  'GET /api/oficinas': { permitidos: AUTENTICADOS },
  'GET /api/docs': { permitidos: AUTENTICADOS },
  'GET /api/usuarios': { permitidos: SOLO_ADMIN },
  'POST /api/usuarios': { permitidos: SOLO_ADMIN },
  'PATCH /api/usuarios/:id': { permitidos: SOLO_ADMIN, url: '/api/usuarios/1' },
  'PUT /api/usuarios/:id/contrasena': { permitidos: SOLO_ADMIN, url: '/api/usuarios/1/contrasena' },
  'GET /api/seguridad/alertas': { permitidos: SOLO_ADMIN },
  // Every role may ask; the object check (office, law firm) is tested in creditos.test.ts.
  'GET /api/creditos': { permitidos: AUTENTICADOS },
  'GET /api/creditos/:id': { permitidos: AUTENTICADOS, url: '/api/creditos/999999' },
  'GET /api/creditos/:id/movimientos': {
    permitidos: AUTENTICADOS,
    url: '/api/creditos/999999/movimientos',
  },
  'GET /api/creditos/:id/estado-de-cuenta': {
    permitidos: AUTENTICADOS,
    url: '/api/creditos/999999/estado-de-cuenta',
  },
  'GET /api/creditos/:id/estado-de-cuenta.pdf': {
    permitidos: AUTENTICADOS,
    url: '/api/creditos/999999/estado-de-cuenta.pdf',
  },
  // The coordinador of the credit's office (tested in tasa-puntual.test.ts) or the administrador.
  'PUT /api/creditos/:id/tasa-puntual': {
    permitidos: ['coordinador', 'administrador'],
    url: '/api/creditos/999999/tasa-puntual',
  },
  'GET /api/antiguedad/resumen': {
    permitidos: ['gestor', 'coordinador', 'contabilidad', 'administrador'],
  },
  'POST /api/antiguedad': { permitidos: ['coordinador', 'administrador'] },
  'POST /api/creditos/:id/pagos/vista-previa': {
    permitidos: ['gestor', 'coordinador', 'contabilidad'],
    url: '/api/creditos/999999/pagos/vista-previa',
  },
  'POST /api/creditos/:id/pagos': {
    permitidos: ['gestor', 'coordinador', 'contabilidad'],
    url: '/api/creditos/999999/pagos',
  },
  'POST /api/movimientos/:id/cancelacion': {
    permitidos: ['coordinador', 'contabilidad'],
    url: '/api/movimientos/999999/cancelacion',
  },
  'GET /api/movimientos/:id/recibo.pdf': {
    permitidos: ['gestor', 'coordinador', 'contabilidad', 'administrador'],
    url: '/api/movimientos/999999/recibo.pdf',
  },
  'POST /api/creditos/:id/carta-finiquito': {
    permitidos: ['coordinador'],
    url: '/api/creditos/999999/carta-finiquito',
  },
  'GET /api/creditos/:id/carta-finiquito.pdf': {
    permitidos: ['gestor', 'coordinador', 'contabilidad', 'administrador'],
    url: '/api/creditos/999999/carta-finiquito.pdf',
  },
  'GET /api/buscar': {
    permitidos: ['gestor', 'coordinador', 'contabilidad', 'administrador'],
    url: '/api/buscar?q=jose',
  },
  'GET /api/personas/:id/ficha': {
    permitidos: ['gestor', 'coordinador', 'contabilidad', 'administrador'],
    url: '/api/personas/999999/ficha',
  },
  // A masked datum, whole (the object check and the bitácora row: exposicion.test.ts).
  'POST /api/personas/:id/revelar': {
    permitidos: ['gestor', 'coordinador', 'contabilidad', 'administrador'],
    url: '/api/personas/999999/revelar',
  },
  'POST /api/recados/:id/revelar': {
    permitidos: ['gestor', 'coordinador', 'contabilidad', 'administrador'],
    url: '/api/recados/999999/revelar',
  },
  // Contact data (the object check, office and law firm, is tested in contactos.test.ts).
  'GET /api/personas/:id/contactos': {
    permitidos: ['gestor', 'coordinador', 'contabilidad', 'administrador', 'abogado_externo'],
    url: '/api/personas/999999/contactos',
  },
  'POST /api/personas/:id/telefonos': {
    permitidos: ['gestor', 'coordinador', 'administrador'],
    url: '/api/personas/999999/telefonos',
  },
  'PATCH /api/telefonos/:id': {
    permitidos: ['gestor', 'coordinador', 'administrador'],
    url: '/api/telefonos/999999',
  },
  'POST /api/personas/:id/correos': {
    permitidos: ['gestor', 'coordinador', 'administrador'],
    url: '/api/personas/999999/correos',
  },
  'PATCH /api/correos/:id': {
    permitidos: ['gestor', 'coordinador', 'administrador'],
    url: '/api/correos/999999',
  },
  'POST /api/personas/:id/domicilios': {
    permitidos: ['gestor', 'coordinador', 'administrador'],
    url: '/api/personas/999999/domicilios',
  },
  'PATCH /api/domicilios/:id': {
    permitidos: ['gestor', 'coordinador', 'administrador'],
    url: '/api/domicilios/999999',
  },
  // A person's supervised correction (issue 17; the office check is in personas.test.ts).
  'POST /api/personas/:id/correcciones': {
    permitidos: ['coordinador', 'administrador'],
    url: '/api/personas/999999/correcciones',
  },
  'GET /api/personas/:id/correcciones': {
    permitidos: ['gestor', 'coordinador', 'contabilidad', 'administrador'],
    url: '/api/personas/999999/correcciones',
  },
  'GET /api/creditos/:id/referencia': {
    permitidos: AUTENTICADOS,
    url: '/api/creditos/999999/referencia',
  },
  'GET /api/creditos/:id/ficha-de-pago.pdf': {
    permitidos: AUTENTICADOS,
    url: '/api/creditos/999999/ficha-de-pago.pdf',
  },
  'POST /api/conciliacion/estados-bancarios': { permitidos: ['contabilidad', 'administrador'] },
  'GET /api/conciliacion/pendientes': { permitidos: ['contabilidad', 'administrador'] },
  'POST /api/conciliacion/pendientes/:id/asignacion': {
    permitidos: ['contabilidad', 'administrador'],
    url: '/api/conciliacion/pendientes/999999/asignacion',
  },
  'POST /api/conciliacion/pendientes/:id/descarte': {
    permitidos: ['contabilidad', 'administrador'],
    url: '/api/conciliacion/pendientes/999999/descarte',
  },
  'GET /api/turnos': { permitidos: ['gestor', 'coordinador'] },
  'POST /api/turnos': { permitidos: ['gestor', 'coordinador'] },
  'POST /api/turnos/:id/eventos': {
    permitidos: ['gestor', 'coordinador'],
    url: '/api/turnos/999999/eventos',
  },
  'PUT /api/turnos/:id/persona': {
    permitidos: ['gestor', 'coordinador'],
    url: '/api/turnos/999999/persona',
  },
  'GET /api/turnos/indicadores': { permitidos: ['gestor', 'coordinador', 'administrador'] },
  'GET /api/turnos/avisos': { permitidos: ['gestor', 'coordinador'] },
  // Recados (object checks: recados.test.ts). Without live notices in this app the stream
  // answers 409 to whoever may open it, as /api/turnos/avisos does.
  'POST /api/recados': { permitidos: ['gestor', 'coordinador', 'contabilidad', 'administrador'] },
  'GET /api/recados': { permitidos: ['gestor', 'coordinador', 'contabilidad', 'administrador'] },
  'GET /api/recados/avisos': {
    permitidos: ['gestor', 'coordinador', 'contabilidad', 'administrador'],
  },
  'POST /api/recados/:id/lectura': {
    permitidos: ['gestor', 'coordinador', 'contabilidad', 'administrador'],
    url: '/api/recados/999999/lectura',
  },
  'POST /api/recados/:id/atencion': {
    permitidos: ['gestor', 'coordinador'],
    url: '/api/recados/999999/atencion',
  },
  'GET /api/agenda': { permitidos: ['gestor', 'coordinador'] },
  'GET /api/indicadores/cobertura': { permitidos: ['gestor', 'coordinador', 'administrador'] },
  'GET /api/indicadores': {
    permitidos: ['gestor', 'coordinador', 'contabilidad', 'administrador'],
    url: '/api/indicadores?mes=2026-03&nivel=gestor',
  },
  'POST /api/indicadores/recalcular': { permitidos: ['coordinador', 'administrador'] },
  'GET /api/indicadores/trabajos/:id': {
    permitidos: ['coordinador', 'administrador'],
    url: '/api/indicadores/trabajos/00000000-0000-4000-8000-000000000000',
  },
  'GET /api/metas': { permitidos: ['gestor', 'coordinador', 'administrador'] },
  'GET /api/metas/historial': { permitidos: ['gestor', 'coordinador', 'administrador'] },
  'GET /api/metas/exportar.xlsx': { permitidos: ['gestor', 'coordinador', 'administrador'] },
  'PUT /api/metas/:mes': {
    permitidos: ['coordinador', 'administrador'],
    url: '/api/metas/2026-04',
  },
  'POST /api/metas/importar': { permitidos: ['coordinador', 'administrador'] },
  'POST /api/importaciones': { permitidos: SOLO_ADMIN },
  'GET /api/importaciones/plantilla.xlsx': { permitidos: SOLO_ADMIN },
  'GET /api/importaciones/trabajos/:id': {
    permitidos: SOLO_ADMIN,
    url: '/api/importaciones/trabajos/00000000-0000-4000-8000-000000000000',
  },
  'GET /api/caja/corte': { permitidos: ['coordinador', 'contabilidad', 'administrador'] },
  'GET /api/caja/corte.xlsx': { permitidos: ['coordinador', 'contabilidad', 'administrador'] },
  'POST /api/caja/corte/cierre': { permitidos: ['contabilidad', 'administrador'] },
  'GET /api/antiguedad/trabajos/:id': {
    permitidos: ['coordinador', 'administrador'],
    url: '/api/antiguedad/trabajos/00000000-0000-4000-8000-000000000000',
  },
  'GET /api/alternativas': {
    permitidos: ['gestor', 'coordinador', 'contabilidad', 'administrador'],
  },
  'GET /api/alternativas/:id': {
    permitidos: ['gestor', 'coordinador', 'contabilidad', 'administrador'],
    url: '/api/alternativas/999999',
  },
  'POST /api/alternativas': { permitidos: SOLO_ADMIN },
  'PUT /api/alternativas/:id': { permitidos: SOLO_ADMIN, url: '/api/alternativas/999999' },
  'GET /api/campanas': { permitidos: ['gestor', 'coordinador', 'contabilidad', 'administrador'] },
  'GET /api/campanas/:id': {
    permitidos: ['gestor', 'coordinador', 'contabilidad', 'administrador'],
    url: '/api/campanas/999999',
  },
  'POST /api/campanas': { permitidos: SOLO_ADMIN },
  'PUT /api/campanas/:id': { permitidos: SOLO_ADMIN, url: '/api/campanas/999999' },
  'POST /api/simulaciones': { permitidos: ['gestor', 'coordinador'] },
  'POST /api/convenios': { permitidos: ['gestor', 'coordinador'] },
  'GET /api/convenios': { permitidos: ['gestor', 'coordinador', 'contabilidad', 'administrador'] },
  'GET /api/convenios/pendientes': { permitidos: ['gestor', 'coordinador', 'administrador'] },
  'GET /api/convenios/avisos': { permitidos: ['gestor', 'coordinador'] },
  'GET /api/convenios/:id': {
    permitidos: ['gestor', 'coordinador', 'contabilidad', 'administrador'],
    url: '/api/convenios/999999',
  },
  'POST /api/convenios/:id/autorizacion': {
    permitidos: ['gestor', 'coordinador', 'administrador'],
    url: '/api/convenios/999999/autorizacion',
  },
  'POST /api/convenios/:id/cancelacion': {
    permitidos: ['gestor', 'coordinador', 'administrador'],
    url: '/api/convenios/999999/cancelacion',
  },
  'POST /api/convenios/:id/firma': {
    permitidos: ['gestor', 'coordinador'],
    url: '/api/convenios/999999/firma',
  },
  'POST /api/convenios/revision': { permitidos: ['coordinador', 'administrador'] },
  'GET /api/convenios/limites': {
    permitidos: ['gestor', 'coordinador', 'contabilidad', 'administrador'],
  },
  'POST /api/convenios/limites': { permitidos: SOLO_ADMIN },
  'GET /api/convenios/:id/convenio.pdf': {
    permitidos: ['gestor', 'coordinador', 'contabilidad', 'administrador'],
    url: '/api/convenios/999999/convenio.pdf',
  },
  // Asignación (issue 9): the office check is tested in asignacion.test.ts.
  'PUT /api/creditos/:id/gestor': {
    permitidos: ['coordinador', 'administrador'],
    url: '/api/creditos/999999/gestor',
  },
  'GET /api/creditos/:id/asignaciones': {
    permitidos: ['gestor', 'coordinador', 'contabilidad', 'administrador'],
    url: '/api/creditos/999999/asignaciones',
  },
  'GET /api/asignacion/cuentas': { permitidos: ['coordinador', 'administrador'] },
  'POST /api/asignacion/vista-previa': { permitidos: ['coordinador', 'administrador'] },
  'POST /api/asignacion/distribucion': { permitidos: ['coordinador', 'administrador'] },
  'GET /api/gestores': { permitidos: ['gestor', 'coordinador', 'contabilidad', 'administrador'] },
  'GET /api/suplencias': { permitidos: ['gestor', 'coordinador', 'administrador'] },
  'POST /api/suplencias': { permitidos: ['coordinador', 'administrador'] },
  'POST /api/suplencias/:id/cancelacion': {
    permitidos: ['coordinador', 'administrador'],
    url: '/api/suplencias/999999/cancelacion',
  },
  // Gestiones, cola de trabajo (issue 9): the office check is tested in gestiones.test.ts.
  'POST /api/creditos/:id/gestiones': {
    permitidos: ['gestor', 'coordinador'],
    url: '/api/creditos/999999/gestiones',
  },
  'GET /api/creditos/:id/gestiones': {
    permitidos: ['gestor', 'coordinador', 'contabilidad', 'administrador'],
    url: '/api/creditos/999999/gestiones',
  },
  'GET /api/creditos/:id/historia': {
    permitidos: ['gestor', 'coordinador', 'contabilidad', 'administrador'],
    url: '/api/creditos/999999/historia',
  },
  'GET /api/resultados-gestion': {
    permitidos: ['gestor', 'coordinador', 'contabilidad', 'administrador'],
  },
  'POST /api/resultados-gestion': { permitidos: SOLO_ADMIN },
  'PATCH /api/resultados-gestion/:id': {
    permitidos: SOLO_ADMIN,
    url: '/api/resultados-gestion/999999',
  },
  'GET /api/gestion/parametros': {
    permitidos: ['gestor', 'coordinador', 'contabilidad', 'administrador'],
  },
  'PUT /api/gestion/parametros': { permitidos: SOLO_ADMIN },
  'GET /api/cola': { permitidos: ['gestor', 'coordinador'] },
  'GET /api/cola/huerfanas': { permitidos: ['gestor', 'coordinador'] },
  'POST /api/cola/siguiente': { permitidos: ['gestor', 'coordinador'] },
  // Derechos ARCO: the office's coordinador (scope tested in arco.test.ts) and the administrador.
  'GET /api/arco': { permitidos: ['coordinador', 'administrador'] },
  'POST /api/arco': { permitidos: ['coordinador', 'administrador'] },
  'GET /api/arco/parametros': { permitidos: ['coordinador', 'administrador'] },
  'PUT /api/arco/parametros': { permitidos: SOLO_ADMIN },
  'GET /api/arco/:id': { permitidos: ['coordinador', 'administrador'], url: '/api/arco/999999' },
  'POST /api/arco/:id/eventos': {
    permitidos: ['coordinador', 'administrador'],
    url: '/api/arco/999999/eventos',
  },
  'GET /api/arco/:id/acceso.pdf': {
    permitidos: ['coordinador', 'administrador'],
    url: '/api/arco/999999/acceso.pdf',
  },
  'GET /api/arco/:id/acceso.json': {
    permitidos: ['coordinador', 'administrador'],
    url: '/api/arco/999999/acceso.json',
  },
  'GET /api/dias-inhabiles': { permitidos: ['coordinador', 'administrador'] },
  'PUT /api/dias-inhabiles': { permitidos: SOLO_ADMIN },
  // The bitácora and the refused requests (issue 13): the administrador alone.
  'GET /api/bitacora': { permitidos: SOLO_ADMIN },
  'GET /api/bitacora.csv': { permitidos: SOLO_ADMIN },
  'GET /api/denegaciones': { permitidos: SOLO_ADMIN },
  // The month's report (issue 11): scope per office tested in indicadores-reporte.test.ts.
  'GET /api/indicadores/reporte.xlsx': {
    permitidos: ['coordinador', 'contabilidad', 'administrador'],
  },
  'GET /api/indicadores/reporte.pdf': {
    permitidos: ['coordinador', 'contabilidad', 'administrador'],
  },
  // Custody, labels and inventory (issue 10): the offices' staff; the scope (a Nogales clerk
  // and a Hermosillo piece) and the lawyer are tested in custodia.test.ts.
  'POST /api/custodia/movimientos': { permitidos: ['gestor', 'coordinador', 'administrador'] },
  'GET /api/custodia/acuses/:id.pdf': {
    permitidos: ['gestor', 'coordinador', 'administrador'],
    url: '/api/custodia/acuses/999999.pdf',
  },
  'GET /api/custodia/prestamos-vencidos': {
    permitidos: ['gestor', 'coordinador', 'administrador'],
  },
  'POST /api/custodia/inventarios': { permitidos: ['gestor', 'coordinador', 'administrador'] },
  'POST /api/etiquetas.pdf': { permitidos: ['gestor', 'coordinador', 'administrador'] },
  'GET /api/piezas/:etiqueta': {
    permitidos: ['gestor', 'coordinador', 'administrador'],
    url: '/api/piezas/EXP-NO-EXISTE',
  },
  // Jurídico (issue 10): the object checks (office; the lawyer's current turnados) are tested in
  // juridico.test.ts.
  'GET /api/despachos': { permitidos: ['coordinador', 'administrador'] },
  'POST /api/despachos': { permitidos: SOLO_ADMIN },
  'PUT /api/despachos/:id': { permitidos: SOLO_ADMIN, url: '/api/despachos/999999' },
  'GET /api/despachos/reporte': { permitidos: ['coordinador', 'administrador'] },
  'POST /api/creditos/:id/turnado': {
    permitidos: ['coordinador', 'administrador'],
    url: '/api/creditos/999999/turnado',
  },
  'POST /api/turnados/candidatos': { permitidos: ['coordinador', 'administrador'] },
  'POST /api/turnados': { permitidos: ['coordinador', 'administrador'] },
  'POST /api/creditos/:id/turnado/devolucion': {
    permitidos: ['coordinador', 'administrador'],
    url: '/api/creditos/999999/turnado/devolucion',
  },
  'GET /api/juridico/cuentas': { permitidos: ['abogado_externo', 'coordinador', 'administrador'] },
  'POST /api/creditos/:id/actuaciones': {
    permitidos: ['abogado_externo', 'administrador'],
    url: '/api/creditos/999999/actuaciones',
  },
  'GET /api/creditos/:id/actuaciones': {
    permitidos: ['abogado_externo', 'coordinador', 'administrador'],
    url: '/api/creditos/999999/actuaciones',
  },
  // Expedientes and prescription (issue 10): the object checks (office; the lawyer's current
  // turnados) are tested in expedientes.test.ts.
  'GET /api/creditos/:id/expediente': {
    permitidos: ['gestor', 'coordinador', 'administrador', 'abogado_externo'],
    url: '/api/creditos/999999/expediente',
  },
  'GET /api/prescripcion': { permitidos: ['gestor', 'coordinador', 'administrador'] },
  'GET /api/parametros/prescripcion': { permitidos: ['coordinador', 'administrador'] },
  'PUT /api/parametros/prescripcion': { permitidos: SOLO_ADMIN },
  // Datos del instituto (issue 14): the administrador's alone (datos-del-instituto.test.ts).
  'GET /api/instituto': { permitidos: SOLO_ADMIN },
  'PUT /api/instituto': { permitidos: SOLO_ADMIN },
  // Plantillas (issue 14): the administrador's alone (plantillas.test.ts).
  'GET /api/plantillas': { permitidos: SOLO_ADMIN },
  'GET /api/plantillas/:tipo': { permitidos: SOLO_ADMIN, url: '/api/plantillas/recibo' },
  'POST /api/plantillas/:tipo': { permitidos: SOLO_ADMIN, url: '/api/plantillas/recibo' },
  'POST /api/plantillas/:tipo/vista-previa': {
    permitidos: SOLO_ADMIN,
    url: '/api/plantillas/recibo/vista-previa',
  },
  // A reprint asks what its document's route asks, inside (plantillas.test.ts).
  'GET /api/documentos-emitidos/:id/pdf': {
    permitidos: AUTENTICADOS,
    url: '/api/documentos-emitidos/999999/pdf',
  },
  'GET /api/creditos/:id/documentos-emitidos': {
    permitidos: AUTENTICADOS,
    url: '/api/creditos/999999/documentos-emitidos',
  },
  // Scans and the evidence pack (issue 10): the object checks (a Nogales gestor on a Hermosillo
  // credit; the lawyer's current turnados) are tested in escaneos.test.ts and
  // paquete-de-evidencia.test.ts.
  'POST /api/creditos/:id/escaneos': {
    permitidos: ['gestor', 'coordinador', 'administrador', 'abogado_externo'],
    url: '/api/creditos/999999/escaneos',
  },
  'GET /api/creditos/:id/escaneos': {
    permitidos: ['gestor', 'coordinador', 'administrador', 'abogado_externo'],
    url: '/api/creditos/999999/escaneos',
  },
  'GET /api/escaneos/:id': {
    permitidos: ['gestor', 'coordinador', 'administrador', 'abogado_externo'],
    url: '/api/escaneos/999999',
  },
  'GET /api/creditos/:id/escaneos.zip': {
    permitidos: ['gestor', 'coordinador', 'administrador', 'abogado_externo'],
    url: '/api/creditos/999999/escaneos.zip',
  },
  'GET /api/creditos/:id/paquete-de-evidencia.pdf': {
    permitidos: ['coordinador', 'administrador', 'abogado_externo'],
    url: '/api/creditos/999999/paquete-de-evidencia.pdf',
  },
};

const USUARIO_DE: Record<Rol, string> = {
  gestor: 'gestor',
  coordinador: 'coordinador',
  contabilidad: 'contabilidad',
  abogado_externo: 'abogado',
  administrador: 'admin',
};

let t: AppDePrueba;
const sesiones = new Map<Rol, Sesion>();

beforeAll(async () => {
  t = await crearAppDePrueba();
  for (const rol of TODOS_LOS_ROLES) sesiones.set(rol, await t.entrar(USUARIO_DE[rol]));
});
afterAll(() => t.cerrar());

describe('suite de autorización', () => {
  it('cada ruta de la API tiene su expectativa en esta tabla', () => {
    const sinExpectativa = t.rutasApi.filter((r) => !(r in ESPERADO));
    expect(sinExpectativa).toEqual([]);
    const inexistentes = Object.keys(ESPERADO).filter((r) => !t.rutasApi.includes(r));
    expect(inexistentes).toEqual([]);
  });

  for (const [ruta, { permitidos, url: urlConcreta }] of Object.entries(ESPERADO)) {
    const [metodo = 'GET', patron = ''] = ruta.split(' ');
    const url = urlConcreta ?? patron;
    for (const quien of ['anonimo', ...TODOS_LOS_ROLES] as Quien[]) {
      const permitido = permitidos.includes(quien);
      it(`${ruta} como ${quien}: ${permitido ? 'permitido' : 'negado'}`, async () => {
        // Logout would end the shared session: each call gets a session of its own.
        const sesion = quien === 'anonimo' ? undefined : await t.entrar(USUARIO_DE[quien]);
        // An empty body: an allowed caller gets past authorization and fails validation (400)
        // or succeeds; a denied one never reaches the use case.
        const cuerpo = metodo === 'GET' || metodo === 'DELETE' ? undefined : {};
        const r = await t.pedir(metodo, url, { sesion, cuerpo });
        if (permitido) {
          expect([401, 403]).not.toContain(r.statusCode);
        } else {
          expect(r.statusCode).toBe(quien === 'anonimo' ? 401 : 403);
          expect(r.json().error.mensaje).toMatch(/sesión|permiso/);
        }
      });
    }
  }
});
