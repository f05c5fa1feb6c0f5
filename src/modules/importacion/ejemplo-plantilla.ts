import { completarCurp } from '../../domain/curp.ts';
import { PRODUCTOS_DEMO, VERSIONES_DEMO } from '../demo/productos-demo.ts';
import type { NombreHoja } from './disposicion.ts';

/**
 * The example rows of the template (plantillas/cartera.xlsx and plantillas/csv/): two credits
 * of the kinds the institute has — a student who is his own debtor, and a minor whose mother
 * signs — with their pagarés, schedules, payments, a cancelled payment, a condonación and a
 * moratorium-free window. It is a valid workbook: importing it as is works (a test does).
 */

const JOSE = completarCurp('NUPA900417HSRXXN0');
const GUADALUPE = completarCurp('IABG681102MSRBRD0');
const SOFIA = completarCurp('YOIS030214MSRCBFA');
const JESUS = completarCurp('VAAJ700305HSRLCS0');

/** A column's value: text, or a date / amount that the XLSX writes as a real date / number. */
export type ValorEjemplo = string | { fecha: string } | { pesos: number } | { tasa: number };

type Filas = Array<Record<string, ValorEjemplo>>;

const f = (fecha: string) => ({ fecha });
const p = (pesos: number) => ({ pesos });

function calendario(numero: string, primera: [number, number, number], capitales: number[]): Filas {
  const [anio, mes, dia] = primera;
  return capitales.map((capital, i) => {
    const m = mes - 1 + i;
    const fecha = `${anio + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-${String(dia).padStart(2, '0')}`;
    return { numero_credito: numero, numero: String(i + 1), fecha: f(fecha), capital: p(capital) };
  });
}

export const EJEMPLO: Record<NombreHoja, Filas> = {
  // The institute's product as the demo has it (the same versions and name): the template
  // imports cleanly on a fresh demo instance, where its product is «ya registrado», instead of
  // adding versions or a second product that contradict the demo's catalogue.
  productos: VERSIONES_DEMO.map((v) => ({
    clave: v.producto,
    nombre: PRODUCTOS_DEMO.find((p) => p.clave === v.producto)?.nombre ?? '',
    vigente_desde: f(v.vigenteDesde),
    tasa_ordinaria_anual: { tasa: Number(v.tasaOrdinaria) },
    tasa_moratoria_anual: { tasa: Number(v.tasaMoratoria) },
    tasa_puntual_anual: v.tasaPuntual === null ? '' : { tasa: Number(v.tasaPuntual) },
    base_dias: String(v.baseDias),
    prelacion: v.prelacion,
  })),
  personas: [
    {
      curp: JOSE,
      nombres: 'José Ángel',
      primer_apellido: 'Núñez',
      segundo_apellido: 'Peñúñuri',
      rfc: '',
      fecha_nacimiento: f('1990-04-17'),
      telefono: '662 123 4567',
      tipo_telefono: 'movil',
      consentimiento: 'si',
      correo: 'jose.nunez@ejemplo.mx',
      calle: 'Calle Rosales',
      numero: '45',
      colonia: 'Centro',
      codigo_postal: '83000',
      municipio: 'Hermosillo',
      estado: 'Sonora',
    },
    {
      curp: GUADALUPE,
      nombres: 'María Guadalupe',
      primer_apellido: 'Ibáñez',
      segundo_apellido: 'Búrquez',
      rfc: '',
      fecha_nacimiento: f('1968-11-02'),
      telefono: '6441234567',
      tipo_telefono: 'casa',
      consentimiento: 'no',
      correo: '',
      calle: 'Calle Jesús García',
      numero: '1020 int. 3',
      colonia: 'Cajeme',
      codigo_postal: '85050',
      municipio: 'Cajeme',
      estado: 'Sonora',
    },
    {
      curp: SOFIA,
      nombres: 'Sofía',
      primer_apellido: 'Yocupicio',
      segundo_apellido: 'Ibáñez',
      rfc: '',
      fecha_nacimiento: f('2003-02-14'),
      telefono: '',
      tipo_telefono: '',
      consentimiento: '',
      correo: 'sofia.yocupicio@ejemplo.mx',
      calle: '',
      numero: '',
      colonia: '',
      codigo_postal: '',
      municipio: '',
      estado: '',
    },
    {
      curp: JESUS,
      nombres: 'Jesús',
      primer_apellido: 'Valenzuela',
      segundo_apellido: 'Acuña',
      rfc: '',
      fecha_nacimiento: f('1970-03-05'),
      telefono: '6311234567',
      tipo_telefono: 'trabajo',
      consentimiento: 'si',
      correo: '',
      calle: 'Av. Obregón',
      numero: '310',
      colonia: 'Centro',
      codigo_postal: '84000',
      municipio: 'Nogales',
      estado: 'Sonora',
    },
  ],
  telefonos: [
    { curp: JOSE, telefono: '6622105533', tipo_telefono: 'recados', consentimiento: 'si' },
  ],
  creditos: [
    {
      numero: 'CE-2010-000101',
      producto: 'CE-6',
      oficina: 'HMO',
      curp_acreditado: JOSE,
      curp_aval: GUADALUPE,
      curp_beneficiario: '',
      fecha_inicio_interes: f('2012-02-15'),
      tasa_puntual_anual: '',
      tasa_puntual_motivo: '',
    },
    {
      numero: 'CE-2021-000202',
      producto: 'CE-6',
      oficina: 'OBR',
      curp_acreditado: GUADALUPE,
      curp_aval: JESUS,
      curp_beneficiario: SOFIA,
      fecha_inicio_interes: f('2022-07-17'),
      tasa_puntual_anual: { tasa: 0 },
      tasa_puntual_motivo: 'Promedio de 90 o más',
    },
  ],
  ministraciones: [
    {
      numero_credito: 'CE-2010-000101',
      numero: '1',
      fecha: f('2010-08-16'),
      monto: p(9500),
      periodo_escolar: '2010-2',
      pagare: 'PG-2010-000101',
      vencimiento_pagare: f('2012-06-15'),
    },
    {
      numero_credito: 'CE-2010-000101',
      numero: '2',
      fecha: f('2011-01-17'),
      monto: p(9500),
      periodo_escolar: '2011-1',
      pagare: 'PG-2011-000102',
      vencimiento_pagare: f('2012-10-15'),
    },
    {
      numero_credito: 'CE-2010-000101',
      numero: '3',
      fecha: f('2011-08-15'),
      monto: p(10200.5),
      periodo_escolar: '2011-2',
      pagare: 'PG-2011-000103',
      vencimiento_pagare: f('2013-02-15'),
    },
    {
      numero_credito: 'CE-2021-000202',
      numero: '1',
      fecha: f('2021-08-16'),
      monto: p(15000),
      periodo_escolar: '2021-2',
      pagare: 'PG-2021-000204',
      vencimiento_pagare: f('2023-07-17'),
    },
    {
      numero_credito: 'CE-2021-000202',
      numero: '2',
      fecha: f('2022-01-17'),
      monto: p(15000),
      periodo_escolar: '2022-1',
      pagare: 'PG-2022-000205',
      vencimiento_pagare: f('2024-07-17'),
    },
  ],
  amortizaciones: [
    ...calendario('CE-2010-000101', [2012, 3, 15], [...Array(11).fill(2433.37), 2433.43]),
    ...calendario('CE-2021-000202', [2022, 8, 17], Array(24).fill(1250)),
  ],
  movimientos: [
    {
      numero_credito: 'CE-2010-000101',
      clave: 'B-2012-0001',
      tipo: 'pago',
      fecha: f('2012-03-15'),
      monto: p(2574.51),
      excedente: '',
      concepto: '',
      cancela_clave: '',
      canal: 'banco',
      referencia: '1010000101',
      motivo: '',
    },
    {
      numero_credito: 'CE-2010-000101',
      clave: 'B-2012-0002',
      tipo: 'pago',
      fecha: f('2012-04-20'),
      monto: p(2600),
      excedente: '',
      concepto: '',
      cancela_clave: '',
      canal: 'banco',
      referencia: '1010000101',
      motivo: '',
    },
    {
      numero_credito: 'CE-2010-000101',
      clave: 'C-2012-0003',
      tipo: 'pago',
      fecha: f('2012-05-15'),
      monto: p(2600),
      excedente: '',
      concepto: '',
      cancela_clave: '',
      canal: 'caja',
      referencia: 'Folio 4471',
      motivo: '',
    },
    {
      numero_credito: 'CE-2010-000101',
      clave: 'X-2012-0004',
      tipo: 'cancelacion',
      fecha: f('2012-05-18'),
      monto: '',
      excedente: '',
      concepto: '',
      cancela_clave: 'C-2012-0003',
      canal: '',
      referencia: '',
      motivo: 'Cheque devuelto sin fondos',
    },
    {
      numero_credito: 'CE-2010-000101',
      clave: 'D-2012-0005',
      tipo: 'condonacion',
      fecha: f('2012-06-20'),
      monto: p(5),
      excedente: '',
      concepto: 'moratorio',
      cancela_clave: '',
      canal: '',
      referencia: '',
      motivo: 'Acuerdo de la coordinación',
    },
    {
      numero_credito: 'CE-2021-000202',
      clave: 'B-2022-0001',
      tipo: 'pago',
      fecha: f('2022-08-17'),
      monto: p(1327.5),
      excedente: '',
      concepto: '',
      cancela_clave: '',
      canal: 'banco',
      referencia: '2021000202',
      motivo: '',
    },
    {
      numero_credito: 'CE-2021-000202',
      clave: 'B-2022-0002',
      tipo: 'pago',
      fecha: f('2022-09-10'),
      monto: p(2650),
      excedente: 'adelantar',
      concepto: '',
      cancela_clave: '',
      canal: 'nomina',
      referencia: '',
      motivo: '',
    },
  ],
  periodos_sin_moratorio: [
    {
      numero_credito: 'CE-2010-000101',
      desde: f('2012-07-01'),
      hasta: f('2012-09-01'),
      motivo: 'Convenio de pago',
    },
  ],
};
