import { DATOS_DEL_INSTITUTO_DEMO } from '../../src/modules/demo/datos-del-instituto-demo.ts';
import type { DatosDelInstituto } from '../../src/modules/instituto/datos-del-instituto.ts';

/** The demo institute's data as a saved version, for generating a PDF without a database. */
export const DATOS_DEL_INSTITUTO_DE_PRUEBA: DatosDelInstituto = {
  ...DATOS_DEL_INSTITUTO_DEMO,
  version: 1,
  guardadoPor: 'Ana Lucía Robles Félix',
  guardadoEn: '2026-03-10T16:00:00.000Z',
};
