import type { EstadoDeCuentaConPuntualidad } from '../cartera/puntualidad-del-estado.ts';
import { generarPdfConvenio } from '../convenios/convenio-pdf.ts';
import type { ConvenioPdf } from '../convenios/preparar-convenio-pdf.ts';
import { type DatosCarta, generarPdfCartaFiniquito } from '../documentos/carta-finiquito-pdf.ts';
import {
  type CabeceraEstadoDeCuenta,
  type DatosEmision,
  generarPdfEstadoDeCuenta,
} from '../documentos/estado-de-cuenta-pdf.ts';
import { type DatosRecibo, generarPdfRecibo } from '../documentos/recibo-pdf.ts';
import type { DatosDelInstituto } from '../instituto/datos-del-instituto.ts';
import { generarPdfFichaDePago } from '../referencias/ficha-de-pago-pdf.ts';
import type { FichaDePago } from '../referencias/preparar-ficha-de-pago.ts';
import type { VersionDePlantilla } from './leer-plantilla.ts';
import { valoresComunes } from './llenar-seccion.ts';

type SinInstituto<T> = Omit<T, 'instituto'>;

/**
 * What a document printed, as its generator received it, less the datos del instituto (kept
 * by version). It is stored as JSON with the emission: a reprint prints it again.
 */
export type ContenidoDeDocumento =
  | { tipo: 'recibo'; contenido: Omit<DatosRecibo, 'registrado'> & { registrado: string } }
  | { tipo: 'carta_finiquito'; contenido: DatosCarta }
  | { tipo: 'ficha_de_pago'; contenido: SinInstituto<FichaDePago> }
  | {
      tipo: 'estado_de_cuenta';
      contenido: { credito: CabeceraEstadoDeCuenta; estado: EstadoDeCuentaConPuntualidad };
    }
  | { tipo: 'convenio'; contenido: SinInstituto<ConvenioPdf> };

export type TipoDeDocumentoEmitido = ContenidoDeDocumento['tipo'];

/** Everything a document is printed from: the same for the first print, a reprint, a preview. */
export type Impresion = ContenidoDeDocumento & {
  instituto: DatosDelInstituto;
  emision: DatosEmision;
  plantilla: Pick<VersionDePlantilla, 'textos'>;
  /** A convenio with a reestructura prints the pagaré template too. */
  plantillaPagare: Pick<VersionDePlantilla, 'textos'> | null;
};

/** The PDF of an `Impresion`. Pure in its input: the same input prints the same text. */
export function generarDocumento(i: Impresion): Promise<Buffer> {
  const { instituto, emision } = i;
  const plantilla = {
    textos: i.plantilla.textos,
    comunes: valoresComunes(i.tipo, instituto, emision),
  };
  switch (i.tipo) {
    case 'recibo':
      return generarPdfRecibo(
        { ...i.contenido, registrado: new Date(i.contenido.registrado) },
        instituto,
        emision.zonaHoraria,
        plantilla,
      );
    case 'carta_finiquito':
      return generarPdfCartaFiniquito(i.contenido, instituto, plantilla);
    case 'ficha_de_pago':
      return generarPdfFichaDePago({ ...i.contenido, instituto }, emision, instituto, plantilla);
    case 'estado_de_cuenta':
      return generarPdfEstadoDeCuenta(
        i.contenido.credito,
        i.contenido.estado,
        emision,
        instituto,
        plantilla,
      );
    case 'convenio':
      return generarPdfConvenio({ ...i.contenido, instituto }, emision, instituto, plantilla, {
        textos: i.plantillaPagare?.textos ?? {},
        comunes: valoresComunes('pagare', instituto, emision),
      });
  }
}
