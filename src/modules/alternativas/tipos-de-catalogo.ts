import {
  ETIQUETA_TIPO,
  type VersionAlternativa,
  type VersionCampana,
} from '../../domain/alternativas/index.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import type { TipoDeCatalogo } from './catalogo-versionado.ts';
import { anexarVersionAlternativa, anexarVersionCampana } from './escribir-version.ts';
import type { DatosVersionAlternativa, DatosVersionCampana } from './esquemas.ts';
import { versionAlternativaDesdeFila, versionCampanaDesdeFila } from './versiones.ts';
import {
  type AlternativaVista,
  alternativaVista,
  type CampanaVista,
  campanaVista,
} from './vista-catalogo.ts';

/** The standing alternatives: each of one kind, fixed when it is created. */
export const ALTERNATIVAS: TipoDeCatalogo<
  'alternativas',
  VersionAlternativa,
  DatosVersionAlternativa,
  AlternativaVista
> = {
  objeto: 'alternativa',
  tabla: 'alternativas',
  noExiste: 'La alternativa no existe.',
  claveRepetida: (clave) => `Ya existe una alternativa con la clave «${clave}».`,
  propias: (datos) => ({ tipo: datos.tipo }),
  comprobar: (actual, datos) => {
    if (actual.tipo !== datos.tipo) {
      throw new ErrorDominio(
        'conflicto',
        `El tipo de una alternativa no cambia (esta es de ${ETIQUETA_TIPO[actual.tipo].toLowerCase()}); crea una alternativa nueva.`,
        'tipo',
      );
    }
  },
  anexar: anexarVersionAlternativa,
  desdeFila: versionAlternativaDesdeFila,
  vista: alternativaVista,
};

/** Campaigns approved by the Junta Directiva, each with its dates and discount. */
export const CAMPANAS: TipoDeCatalogo<
  'campanas',
  VersionCampana,
  DatosVersionCampana,
  CampanaVista
> = {
  objeto: 'campana',
  tabla: 'campanas',
  noExiste: 'La campaña no existe.',
  claveRepetida: (clave) => `Ya existe una campaña con la clave «${clave}».`,
  propias: () => ({}),
  anexar: anexarVersionCampana,
  desdeFila: versionCampanaDesdeFila,
  vista: campanaVista,
};
