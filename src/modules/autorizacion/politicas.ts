import type { Rol } from '../../db/esquema.ts';
import { ErrorDominio, NegadoComoInexistente } from '../../domain/errores.ts';
import type { Actor } from '../seguridad/actor.ts';

/**
 * One policy per use case. Every API route names its `Accion`; the HTTP layer refuses to
 * register a route without one, and the authorization suite calls every route as every role.
 * Object-level checks (office, law firm) go through `alcanzaObjeto` inside the use case,
 * where the object is loaded.
 */
export const POLITICAS = {
  'sesion.consultar': { roles: 'autenticado' },
  'sesion.cerrar': { roles: 'autenticado' },
  'sesion.cambiar_contrasena': { roles: 'autenticado' },
  'oficinas.listar': { roles: 'autenticado' },
  // The OpenAPI document: the map of the API, no data; not to anonymous callers (no free map
  // of what to probe), any signed-in role (it describes what its own screens call).
  'api.documentacion': { roles: 'autenticado' },
  'usuarios.listar': { roles: ['administrador'] },
  'usuarios.crear': { roles: ['administrador'] },
  'usuarios.editar': { roles: ['administrador'] },
  'usuarios.restablecer_contrasena': { roles: ['administrador'] },
  // Bursts of failed logins (against one user, or from one address): the administrador's watch.
  'seguridad.alertas': { roles: ['administrador'] },
  // Object scope (office, law firm) is checked inside each use case.
  'creditos.listar': { roles: 'autenticado' },
  'creditos.consultar': { roles: 'autenticado' },
  'creditos.estado_de_cuenta': { roles: 'autenticado' },
  // A credit's own punctual rate (R9, e.g. 0% for an average of 90 or more): its office's
  // coordinador (checked inside) or the administrador.
  'creditos.tasa_puntual': { roles: ['coordinador', 'administrador'] },
  'antiguedad.resumen': { roles: ['gestor', 'coordinador', 'contabilidad', 'administrador'] },
  'antiguedad.calcular': { roles: ['coordinador', 'administrador'] },
  // Gestores record payments made at the bank or the cashier; reversals take a second person.
  'pagos.vista_previa': { roles: ['gestor', 'coordinador', 'contabilidad'] },
  'pagos.registrar': { roles: ['gestor', 'coordinador', 'contabilidad'] },
  'movimientos.cancelar': { roles: ['coordinador', 'contabilidad'] },
  // Not a route: inside pagos.registrar, who may post a payment above what settles the credit.
  'pagos.autorizar_excedente': { roles: ['coordinador', 'contabilidad'] },
  // A credit's deposit reference and ficha de pago: the statement's scope (checked inside).
  'referencias.consultar': { roles: 'autenticado' },
  'referencias.ficha_de_pago': { roles: 'autenticado' },
  // Bank statements and their reconciliation are Contabilidad y Finanzas' work.
  'conciliacion.importar': { roles: ['contabilidad', 'administrador'] },
  'conciliacion.pendientes': { roles: ['contabilidad', 'administrador'] },
  'conciliacion.asignar': { roles: ['contabilidad', 'administrador'] },
  'conciliacion.descartar': { roles: ['contabilidad', 'administrador'] },
  'pagos.recibo': { roles: ['gestor', 'coordinador', 'contabilidad', 'administrador'] },
  'finiquito.emitir': { roles: ['coordinador'] },
  'finiquito.imprimir': { roles: ['gestor', 'coordinador', 'contabilidad', 'administrador'] },
  // The counter: everyone who attends debtors; object scope inside (office, law firm).
  'atencion.buscar': { roles: ['gestor', 'coordinador', 'contabilidad', 'administrador'] },
  'atencion.ficha': { roles: ['gestor', 'coordinador', 'contabilidad', 'administrador'] },
  // Walk-ins are registered and attended by the office's staff.
  'turnos.consultar': { roles: ['gestor', 'coordinador'] },
  'turnos.atender': { roles: ['gestor', 'coordinador'] },
  'turnos.indicadores': { roles: ['gestor', 'coordinador', 'administrador'] },
  'cartera.importar': { roles: ['administrador'] },
  'caja.corte': { roles: ['coordinador', 'contabilidad', 'administrador'] },
  // Closing a day's corte is Contabilidad y Finanzas' act, as the bank reconciliation is.
  'caja.cerrar_corte': { roles: ['contabilidad', 'administrador'] },
  // Alternatives and campaigns: the administrador keeps the catalogue, whoever attends debtors
  // reads it; offers are simulated at the counter (object scope, by office, inside).
  'alternativas.consultar': { roles: ['gestor', 'coordinador', 'contabilidad', 'administrador'] },
  'alternativas.administrar': { roles: ['administrador'] },
  'campanas.consultar': { roles: ['gestor', 'coordinador', 'contabilidad', 'administrador'] },
  'campanas.administrar': { roles: ['administrador'] },
  'simulaciones.simular': { roles: ['gestor', 'coordinador'] },
  // Convenios: proposed and signed at the counter; authorized by whoever's limit covers them
  // (the use case applies the matrix and maker-checker); never by the external lawyer.
  'convenios.proponer': { roles: ['gestor', 'coordinador'] },
  'convenios.consultar': { roles: ['gestor', 'coordinador', 'contabilidad', 'administrador'] },
  'convenios.pendientes': { roles: ['gestor', 'coordinador', 'administrador'] },
  'convenios.autorizar': { roles: ['gestor', 'coordinador', 'administrador'] },
  'convenios.cancelar': { roles: ['gestor', 'coordinador', 'administrador'] },
  'convenios.firmar': { roles: ['gestor', 'coordinador'] },
  'convenios.revisar': { roles: ['coordinador', 'administrador'] },
  'convenios.limites_consultar': {
    roles: ['gestor', 'coordinador', 'contabilidad', 'administrador'],
  },
  'convenios.limites_administrar': { roles: ['administrador'] },
  // Gestión de cartera (issue 9). Who holds each account: the coordinador of its office
  // (checked inside) or the administrador; the history is read by whoever sees the credit.
  'asignacion.asignar': { roles: ['coordinador', 'administrador'] },
  'asignacion.cuentas': { roles: ['coordinador', 'administrador'] },
  'asignacion.distribuir': { roles: ['coordinador', 'administrador'] },
  'asignacion.historial': { roles: ['gestor', 'coordinador', 'contabilidad', 'administrador'] },
  'gestores.listar': { roles: ['gestor', 'coordinador', 'contabilidad', 'administrador'] },
  'suplencias.consultar': { roles: ['gestor', 'coordinador', 'administrador'] },
  'suplencias.administrar': { roles: ['coordinador', 'administrador'] },
  // Contact attempts are logged by the office's staff; the external lawyer uses none of this.
  'gestiones.registrar': { roles: ['gestor', 'coordinador'] },
  'gestiones.consultar': { roles: ['gestor', 'coordinador', 'contabilidad', 'administrador'] },
  'gestiones.catalogo': { roles: ['gestor', 'coordinador', 'contabilidad', 'administrador'] },
  'gestiones.catalogo_administrar': { roles: ['administrador'] },
  'gestiones.parametros': { roles: ['gestor', 'coordinador', 'contabilidad', 'administrador'] },
  'gestiones.parametros_administrar': { roles: ['administrador'] },
  'cola.consultar': { roles: ['gestor', 'coordinador'] },
  'cola.tomar': { roles: ['gestor', 'coordinador'] },
  'agenda.consultar': { roles: ['gestor', 'coordinador'] },
  // Whoever answers the phone takes a message; it is attended by the office's staff.
  'recados.registrar': { roles: ['gestor', 'coordinador', 'contabilidad', 'administrador'] },
  'recados.consultar': { roles: ['gestor', 'coordinador', 'contabilidad', 'administrador'] },
  'recados.atender': { roles: ['gestor', 'coordinador'] },
  // The external lawyer reads the addresses and phones of the accounts his firm holds (issue
  // 10: a lawsuit needs them); the scope is his firm's current turnados.
  'contactos.consultar': {
    roles: ['gestor', 'coordinador', 'contabilidad', 'administrador', 'abogado_externo'],
  },
  'contactos.editar': { roles: ['gestor', 'coordinador', 'administrador'] },
  // Screens show CURP, phones and e-mails masked; the whole value is a logged click (issue 13).
  'personas.revelar': { roles: ['gestor', 'coordinador', 'contabilidad', 'administrador'] },
  // A person's name, CURP or birth date corrected (issue 17): the coordinador of an office that
  // holds a credit of hers (checked inside) or the administrador; the history, whoever sees her.
  'personas.corregir': { roles: ['coordinador', 'administrador'] },
  'personas.correcciones': { roles: ['gestor', 'coordinador', 'contabilidad', 'administrador'] },
  'cobertura.consultar': { roles: ['gestor', 'coordinador', 'administrador'] },
  // Issue 11: scope (own figures, own office, recovery only) is checked inside the use case.
  'indicadores.consultar': { roles: ['gestor', 'coordinador', 'contabilidad', 'administrador'] },
  'indicadores.recalcular': { roles: ['coordinador', 'administrador'] },
  // Monthly goals (issue 11): a gestor reads his own, a coordinador his office's (and sets his
  // gestores'), the administrador all (and sets the offices'); scope checked inside.
  'metas.consultar': { roles: ['gestor', 'coordinador', 'administrador'] },
  'metas.definir': { roles: ['coordinador', 'administrador'] },
  // The month's report as XLSX or PDF: the coordinador his office's (checked inside).
  'indicadores.exportar': { roles: ['coordinador', 'contabilidad', 'administrador'] },
  // Derechos ARCO (docs/arco.md): the coordinador of the office that received a request
  // (checked inside) and the administrador, who acts for the Unidad de Transparencia. Gestores
  // refer the titular to them; the calendar and the terms are the administrador's.
  'arco.consultar': { roles: ['coordinador', 'administrador'] },
  'arco.registrar': { roles: ['coordinador', 'administrador'] },
  'arco.procesar': { roles: ['coordinador', 'administrador'] },
  'arco.acceso': { roles: ['coordinador', 'administrador'] },
  'arco.parametros': { roles: ['coordinador', 'administrador'] },
  'arco.parametros_administrar': { roles: ['administrador'] },
  'dias_inhabiles.consultar': { roles: ['coordinador', 'administrador'] },
  'dias_inhabiles.administrar': { roles: ['administrador'] },
  // The bitácora and the refused requests (issue 13): searched and exported by the administrador.
  'bitacora.consultar': { roles: ['administrador'] },
  // Jurídico (issue 10, docs/juridico.md): the administrador keeps the catalogue of law firms;
  // the coordinador (his office, checked inside) turns accounts over and recalls them; the
  // external lawyer sees his firm's current turnados (checked inside) and records what he did.
  'despachos.consultar': { roles: ['coordinador', 'administrador'] },
  'despachos.administrar': { roles: ['administrador'] },
  'despachos.reporte': { roles: ['coordinador', 'administrador'] },
  'turnado.turnar': { roles: ['coordinador', 'administrador'] },
  'turnado.devolver': { roles: ['coordinador', 'administrador'] },
  'juridico.cuentas': { roles: ['abogado_externo', 'coordinador', 'administrador'] },
  'juridico.actuar': { roles: ['abogado_externo', 'administrador'] },
  // Scans of expedientes and pagarés (issue 10): whoever works the credit, the external lawyer
  // included; object scope inside. The evidence pack is for the lawsuit: the lawyer of the firm
  // holding the account, the coordinador and the administrador.
  'escaneos.subir': { roles: ['gestor', 'coordinador', 'administrador', 'abogado_externo'] },
  'escaneos.consultar': { roles: ['gestor', 'coordinador', 'administrador', 'abogado_externo'] },
  'evidencia.descargar': { roles: ['coordinador', 'administrador', 'abogado_externo'] },
  // A credit's papers (issue 10, docs/expedientes.md): whoever works it, the external lawyer of
  // the firm holding it included (scope inside). The prescription list is the institute's; its
  // parameter (does a payment restart the term?) is the administrador's, with its legal basis.
  'expediente.consultar': { roles: ['gestor', 'coordinador', 'administrador', 'abogado_externo'] },
  'prescripcion.consultar': { roles: ['gestor', 'coordinador', 'administrador'] },
  'prescripcion.parametros': { roles: ['coordinador', 'administrador'] },
  'prescripcion.parametros_administrar': { roles: ['administrador'] },
  // Datos del instituto (issue 14): what documents print of the institute; the administrador's.
  'instituto.consultar': { roles: ['administrador'] },
  'instituto.administrar': { roles: ['administrador'] },
  // Custody of expedientes and pagarés (issue 10, docs/expedientes.md «Custodia»): the
  // offices' staff; scope inside (the credit's office, or the archive that holds the paper).
  'custodia.mover': { roles: ['gestor', 'coordinador', 'administrador'] },
  'custodia.consultar': { roles: ['gestor', 'coordinador', 'administrador'] },
  'custodia.inventariar': { roles: ['gestor', 'coordinador', 'administrador'] },
  'etiquetas.imprimir': { roles: ['gestor', 'coordinador', 'administrador'] },
  // Plantillas (issue 14, docs/documentos.md): the administrador edits the documents' texts.
  'plantillas.consultar': { roles: ['administrador'] },
  'plantillas.administrar': { roles: ['administrador'] },
  // A document issued, printed again: the policy of its own route and its scope, inside.
  'documentos.reimprimir': { roles: 'autenticado' },
} as const satisfies Record<string, { roles: readonly Rol[] | 'autenticado' }>;

export type Accion = keyof typeof POLITICAS;

export function esAccion(valor: string): valor is Accion {
  return Object.hasOwn(POLITICAS, valor);
}

export function puede(actor: Actor, accion: Accion): boolean {
  const { roles } = POLITICAS[accion];
  return roles === 'autenticado' || (roles as readonly Rol[]).includes(actor.rol);
}

export function exigir(actor: Actor, accion: Accion): void {
  if (!puede(actor, accion)) {
    throw new ErrorDominio('prohibido', 'No tienes permiso para esta operación.');
  }
}

/** Where an account lives: its office, and the law firm it was turned over to, if any. */
export interface AlcanceObjeto {
  oficinaId: number | null;
  despachoId: number | null;
  /** The turnado's end date (`creditos.turnado_hasta`); absent or null: no lawyer sees it. */
  turnadoHasta?: string | null;
}

/**
 * Office scoping: gestores and coordinadores see their office's accounts; an external lawyer
 * only accounts turned over to their firm, until the turnado's end date (docs/juridico.md);
 * administración and contabilidad, all.
 */
export function alcanzaObjeto(actor: Actor, objeto: AlcanceObjeto): boolean {
  switch (actor.rol) {
    case 'administrador':
    case 'contabilidad':
      return true;
    case 'gestor':
    case 'coordinador':
      return actor.oficinaId !== null && actor.oficinaId === objeto.oficinaId;
    case 'abogado_externo':
      return (
        actor.despachoId !== null &&
        actor.despachoId === objeto.despachoId &&
        actor.hoy !== undefined &&
        objeto.turnadoHasta != null &&
        objeto.turnadoHasta >= actor.hoy
      );
  }
}

/**
 * A credit's object check, with the one message every screen shows for it. An external
 * lawyer is outside the institute: for him an account not turned over to his firm (or past
 * the turnado's end date) does not exist (404), so that ids cannot be probed.
 */
export function exigirCreditoEnCartera(actor: Actor, alcance: AlcanceObjeto): void {
  if (alcanzaObjeto(actor, alcance)) return;
  if (actor.rol === 'abogado_externo') {
    throw new NegadoComoInexistente('El crédito no existe o no está turnado a tu despacho.');
  }
  throw new ErrorDominio('prohibido', 'Este crédito no está en tu cartera.');
}
