import { describe, expect, it } from 'vitest';
import { estadoArco } from '../../src/contrato/arco.ts';
import { estadoConvenio } from '../../src/contrato/convenios.ts';
import { tipoDocumento } from '../../src/contrato/instituto.ts';
import {
  BUCKETS as BUCKETS_DEL_CONTRATO,
  CANALES_GESTION,
  MOTIVOS_TURNO,
  ROLES as ROLES_DEL_CONTRATO,
} from '../../src/contrato/valores.ts';
import { ROLES } from '../../src/db/esquema.ts';
import { BUCKETS } from '../../src/domain/antiguedad.ts';
import { ESTADOS_ARCO } from '../../src/domain/arco/solicitud-arco.ts';
import { ESTADOS_CONVENIO } from '../../src/domain/convenios/estado-convenio.ts';
import { CANALES } from '../../src/domain/gestion/canal.ts';
import { TIPOS_DE_PLANTILLA } from '../../src/domain/plantillas/catalogo.ts';
import { MOTIVOS } from '../../src/domain/turno.ts';

// src/contrato/ imports only zod and itself (the web compiles it) and src/domain/ imports
// nothing outside itself, so each closed list lives in both. The compiler holds only one
// direction (what the contract accepts, the domain takes); these hold them equal, in order.
describe('las listas cerradas del contrato son las del dominio', () => {
  it.each([
    ['roles', ROLES_DEL_CONTRATO, ROLES],
    ['rangos de antigüedad', BUCKETS_DEL_CONTRATO, BUCKETS],
    ['canales de gestión', CANALES_GESTION, CANALES],
    ['motivos de turno', MOTIVOS_TURNO, MOTIVOS],
    ['estados ARCO', estadoArco.options, ESTADOS_ARCO],
    ['estados de convenio', estadoConvenio.options, ESTADOS_CONVENIO],
    ['tipos de documento', tipoDocumento.options, TIPOS_DE_PLANTILLA],
  ] as const)('%s', (_nombre, delContrato, delDominio) => {
    expect([...delContrato]).toEqual([...delDominio]);
  });
});
