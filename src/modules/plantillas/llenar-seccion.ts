import { formatearFecha, momentoLocal } from '../../domain/fecha.ts';
import {
  llenarPlantilla,
  TEXTOS_POR_OMISION,
  type TextosDePlantilla,
  type TipoPlantilla,
} from '../../domain/plantillas/index.ts';
import type { Documento } from '../documentos/pdf-base.ts';
import type { DatosDelInstituto } from '../instituto/datos-del-instituto.ts';

/** Who issued the document and when, as its footer says it. */
export interface EmisionParaPlantilla {
  emitido: Date;
  usuario: string;
  zonaHoraria?: string;
}

/**
 * The values every template may use: the institute's (the version the document prints with),
 * its first account, and the emission. Always strings, already formatted.
 */
export function valoresComunes(
  tipo: TipoPlantilla,
  instituto: DatosDelInstituto,
  emision: EmisionParaPlantilla | null,
): Record<string, string> {
  // The pagaré is printed inside the convenio: without a signatory of its own, the convenio's.
  const firmante =
    instituto.firmantes[tipo] ?? (tipo === 'pagare' ? instituto.firmantes.convenio : undefined);
  const cuenta = instituto.cuentas[0];
  const zona = emision?.zonaHoraria ?? 'America/Hermosillo';
  return {
    'instituto.razon_social': instituto.razonSocial,
    'instituto.domicilio': instituto.domicilio,
    'instituto.telefono': instituto.telefono,
    'instituto.correo': instituto.correo,
    'firmante.nombre': firmante?.nombre ?? '',
    'firmante.cargo': firmante?.cargo ?? '',
    leyenda: instituto.leyendas[tipo] ?? '',
    'emision.fecha': emision ? formatearFecha(momentoLocal(emision.emitido, zona).fecha) : '',
    'emision.usuario': emision?.usuario ?? '',
    'cuenta.banco': cuenta?.banco ?? '',
    'cuenta.titular': cuenta?.titular ?? '',
    'cuenta.cuenta': cuenta?.cuenta ?? '',
    'cuenta.clabe': cuenta?.clabe ?? '',
    'cuenta.convencion_referencia': cuenta?.convencionReferencia ?? '',
  };
}

/** A document's texts and the values every one of its templates may use. */
export interface PlantillaAImprimir {
  textos: TextosDePlantilla;
  comunes: Readonly<Record<string, string>>;
}

/** Version 1's texts with the institute's values: for a generator called without a template. */
export function plantillaPorOmision(
  tipo: TipoPlantilla,
  instituto: DatosDelInstituto,
): PlantillaAImprimir {
  return { textos: TEXTOS_POR_OMISION[tipo], comunes: valoresComunes(tipo, instituto, null) };
}

/** A section of `textos` filled with `valores`; a section the version lacks prints nothing. */
export function seccionLlena(
  plantilla: PlantillaAImprimir,
  clave: string,
  propios: Readonly<Record<string, string>>,
): string {
  const { textos, comunes } = plantilla;
  const texto = Object.hasOwn(textos, clave) ? textos[clave] : undefined;
  return texto === undefined ? '' : llenarPlantilla(texto, { ...comunes, ...propios }).trim();
}

/**
 * A filled section on the page: paragraphs apart by a blank line, each line as written. An
 * empty section prints nothing, so an optional text (the statement's header) leaves no gap.
 */
export function escribirTexto(
  doc: Documento,
  texto: string,
  opciones: { align?: 'left' | 'justify' | 'right'; negrita?: boolean } = {},
): void {
  if (texto === '') return;
  const izquierda = doc.page.margins.left;
  const parrafos = texto.split(/\n[ \t]*\n/);
  parrafos.forEach((p, i) => {
    if (i > 0) doc.moveDown(0.6);
    doc
      .font(opciones.negrita ? 'Helvetica-Bold' : 'Helvetica')
      .text(p, izquierda, doc.y, { align: opciones.align ?? 'left' });
  });
  doc.font('Helvetica');
}
