/**
 * How the access report tells the titular what each bitácora row about him was: a read of his
 * data or a change, in words. An action without a sentence of its own shows its code.
 */
const DESCRIPCION: Record<string, string> = {
  'ficha.consultar': 'Consultó su ficha (datos y créditos)',
  'contactos.consultar': 'Consultó sus datos de contacto',
  'credito.consultar': 'Consultó un crédito',
  'estado_de_cuenta.consultar': 'Consultó el estado de cuenta de un crédito',
  'movimientos.listar': 'Consultó los pagos de un crédito',
  'gestiones.consultar': 'Consultó las gestiones de cobranza de un crédito',
  'credito.historia_consultada': 'Consultó la historia de un crédito',
  'simulacion.consultar': 'Simuló alternativas de pago',
  'pago.vista_previa': 'Previsualizó un pago',
  'pago.recibo': 'Imprimió un recibo de pago',
  'carta_finiquito.imprimir': 'Imprimió la carta finiquito',
  'convenio.imprimir': 'Imprimió un convenio',
  'ficha_de_pago.emitir': 'Emitió una ficha de pago',
  'arco.acceso': 'Generó un reporte de acceso (derechos ARCO)',
  'pago.registrar': 'Registró un pago',
  'movimiento.cancelar': 'Canceló un movimiento',
  'gestion.registrada': 'Registró una gestión de cobranza',
  'gestion.rechazada': 'Intentó una gestión que las reglas de contacto rechazaron',
  'convenio.proponer': 'Propuso un convenio',
  'convenio.firmar': 'Registró la firma de un convenio',
  'asignacion.asignar': 'Asignó la cuenta a un gestor',
  'credito.tasa_puntual': 'Cambió la tasa por puntualidad de un crédito',
  'persona.rectificada': 'Rectificó sus datos de identidad (derechos ARCO)',
  'persona.corregida': 'Corrigió sus datos de identidad (un dato que llegó mal)',
  'persona.correcciones_consultadas': 'Consultó las correcciones de sus datos de identidad',
  'expediente.consultar': 'Consultó el expediente y los pagarés de un crédito',
  'escaneo.subir': 'Adjuntó un documento escaneado a un expediente',
  'escaneo.consultar': 'Vio un documento escaneado de un expediente',
  'escaneos.listar': 'Consultó la lista de documentos escaneados de un crédito',
  'escaneos.consultar_zip': 'Descargó los documentos escaneados de un crédito',
  'paquete_de_evidencia.imprimir': 'Generó el paquete de evidencia de un crédito para el despacho',
  'etiquetas.imprimir': 'Imprimió las etiquetas de un expediente',
  'custodia.mover': 'Registró un movimiento del expediente o de un pagaré (custodia)',
  'custodia.acuse_consultar': 'Imprimió un acuse de custodia del expediente',
  'credito.turnar': 'Turnó un crédito a un despacho externo',
  'credito.devolver_de_despacho': 'Devolvió un crédito del despacho externo',
  'credito.actuacion_juridica': 'Registró una actuación jurídica de un crédito',
  'credito.consultar_actuaciones': 'Consultó las actuaciones jurídicas de un crédito',
};

const ES_LECTURA = /consultar|consultada|listar|imprimir|recibo|emitir|vista_previa|acceso$/;

export function describirAccion(accion: string): { tipo: 'consulta' | 'cambio'; texto: string } {
  const texto =
    DESCRIPCION[accion] ??
    (accion.startsWith('contacto.') ? 'Cambió sus datos de contacto' : `Operación «${accion}»`);
  return { tipo: ES_LECTURA.test(accion) ? 'consulta' : 'cambio', texto };
}
