import { describe, expect, it } from 'vitest';
import { ErrorDominio } from '../../src/domain/errores.ts';
import { DATOS_DEL_INSTITUTO_DEMO } from '../../src/modules/demo/datos-del-instituto-demo.ts';
import { clabeValida, digitoDeControlClabe } from '../../src/modules/instituto/clabe.ts';
import {
  exigirDatosPara,
  TIPOS_DE_DOCUMENTO,
} from '../../src/modules/instituto/datos-del-instituto.ts';
import { validarDatosDelInstituto } from '../../src/modules/instituto/guardar-datos-del-instituto.ts';
import { DATOS_DEL_INSTITUTO_DE_PRUEBA as COMPLETOS } from '../soporte/instituto.ts';

function rechazo(f: () => unknown): ErrorDominio {
  try {
    f();
  } catch (e) {
    if (e instanceof ErrorDominio) return e;
    throw e;
  }
  throw new Error('no rechazó');
}

describe('CLABE', () => {
  it('acepta las de dígito de control correcto y rechaza las demás', () => {
    expect(clabeValida('032180000118359719')).toBe(true);
    expect(clabeValida('002010077777777771')).toBe(true);
    expect(clabeValida('012180001234567897')).toBe(false);
    expect(clabeValida('03218000011835971')).toBe(false);
    expect(clabeValida('0321800001183597190')).toBe(false);
    expect(clabeValida('03218000011835971a')).toBe(false);
    for (const c of DATOS_DEL_INSTITUTO_DEMO.cuentas) expect(clabeValida(c.clabe)).toBe(true);
  });

  it('cambiar cualquier dígito de una CLABE válida la invalida', () => {
    const buena = '072760001234567893';
    for (let i = 0; i < 18; i++) {
      const d = Number(buena.charAt(i));
      const mala = `${buena.slice(0, i)}${(d + 1) % 10}${buena.slice(i + 1)}`;
      expect(clabeValida(mala), mala).toBe(false);
    }
    expect(`07276000123456789${digitoDeControlClabe('07276000123456789')}`).toBe(buena);
  });
});

describe('exigirDatosPara', () => {
  it('con los datos completos los devuelve para cada documento', () => {
    for (const tipo of TIPOS_DE_DOCUMENTO) expect(exigirDatosPara(tipo, COMPLETOS)).toBe(COMPLETOS);
  });

  it('sin datos nombra todo lo que el convenio necesita, y a quién pedirlo', () => {
    const e = rechazo(() => exigirDatosPara('convenio', null));
    expect(e.codigo).toBe('datos_del_instituto_incompletos');
    expect(e.message).toBe(
      'Faltan datos del instituto para imprimir el convenio: la razón social, el domicilio, el teléfono, el correo, una cuenta bancaria con su CLABE, el nombre de quien firma el convenio y el cargo de quien firma el convenio. Pide al administrador que los capture en Configuración › Datos del instituto.',
    );
  });

  it('nombra cada campo que falta, y solo esos', () => {
    const sinCuentas = { ...COMPLETOS, cuentas: [] };
    expect(rechazo(() => exigirDatosPara('ficha_de_pago', sinCuentas)).message).toContain(
      'imprimir la ficha de pago: una cuenta bancaria con su CLABE.',
    );
    // The recibo prints no account: it does not need one.
    expect(exigirDatosPara('recibo', sinCuentas)).toBe(sinCuentas);
    const sinCargo = {
      ...COMPLETOS,
      firmantes: { carta_finiquito: { nombre: 'C.P. Ricardo Félix Duarte', cargo: ' ' } },
    };
    expect(rechazo(() => exigirDatosPara('carta_finiquito', sinCargo)).message).toContain(
      'imprimir la carta finiquito: el cargo de quien firma la carta finiquito.',
    );
    const e = rechazo(() => exigirDatosPara('convenio', sinCargo));
    expect(e.message).toContain('el nombre de quien firma el convenio y el cargo');
    expect(e.datos).toEqual({
      documento: 'convenio',
      faltan: ['el nombre de quien firma el convenio', 'el cargo de quien firma el convenio'],
    });
  });
});

describe('validarDatosDelInstituto', () => {
  const campoDe = (cambios: Partial<typeof DATOS_DEL_INSTITUTO_DEMO>) =>
    rechazo(() => validarDatosDelInstituto({ ...DATOS_DEL_INSTITUTO_DEMO, ...cambios })).campo;

  it('acepta los de la demostración', () => {
    expect(() => validarDatosDelInstituto(DATOS_DEL_INSTITUTO_DEMO)).not.toThrow();
  });

  it('nombra el campo: CLABE inválida, CLABE repetida, firmante sin cargo, razón social vacía', () => {
    const [primera, segunda] = DATOS_DEL_INSTITUTO_DEMO.cuentas;
    if (primera === undefined || segunda === undefined) throw new Error('faltan cuentas demo');
    expect(campoDe({ cuentas: [primera, { ...segunda, clabe: '012760009876543212' }] })).toBe(
      'cuentas[1].clabe',
    );
    expect(campoDe({ cuentas: [primera, { ...segunda, clabe: primera.clabe }] })).toBe(
      'cuentas[1].clabe',
    );
    expect(campoDe({ firmantes: { convenio: { nombre: 'Lic. Mariana Soto', cargo: '' } } })).toBe(
      'firmantes.convenio.cargo',
    );
    expect(campoDe({ razonSocial: '  ' })).toBe('razonSocial');
  });
});
