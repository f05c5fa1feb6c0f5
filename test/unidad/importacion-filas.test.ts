import { describe, expect, it } from 'vitest';
import type { Fecha } from '../../src/domain/fecha.ts';
import { baseVacia } from '../../src/modules/importacion/base-existente.ts';
import { HOJAS, type NombreHoja } from '../../src/modules/importacion/disposicion.ts';
import { csvDeHoja } from '../../src/modules/importacion/generar-plantilla.ts';
import { Informe, type Observacion } from '../../src/modules/importacion/informe.ts';
import { leerHojaCsv } from '../../src/modules/importacion/leer-csv.ts';
import { leerFilas } from '../../src/modules/importacion/leer-filas.ts';
import type { Celda, HojaLeida, HojasLeidas } from '../../src/modules/importacion/libro.ts';
import { planearImportacion } from '../../src/modules/importacion/planear-importacion.ts';
import { validarConMotor } from '../../src/modules/importacion/validar-con-motor.ts';

const HOY = '2026-03-10' as Fecha;

/** The template's example workbook (valid), as the CSV reader sees it. */
function ejemplo(): Map<NombreHoja, { encabezados: string[]; filas: Celda[][] }> {
  const hojas = new Map<NombreHoja, { encabezados: string[]; filas: Celda[][] }>();
  for (const hoja of HOJAS) {
    const leida = leerHojaCsv(`${hoja}.csv`, new TextEncoder().encode(csvDeHoja(hoja)));
    hojas.set(hoja, {
      encabezados: [...leida.encabezados],
      filas: [...leida.filas].map((f) => [...f.celdas]),
    });
  }
  return hojas;
}

type Hojas = ReturnType<typeof ejemplo>;

function libro(hojas: Hojas): HojasLeidas {
  const lista: HojaLeida[] = [...hojas].map(([nombre, h]) => ({
    nombre,
    encabezados: h.encabezados,
    filas: h.filas.map((celdas, i) => ({ numero: i + 2, celdas })),
  }));
  return { archivo: 'prueba', hojas: lista };
}

async function validar(hojas: Hojas) {
  const informe = new Informe();
  const archivo = await leerFilas(libro(hojas), informe);
  const base = baseVacia(
    new Map([
      ['HMO', 1],
      ['OBR', 2],
      ['NOG', 3],
    ]),
  );
  const plan = planearImportacion(archivo, base, HOY, null, informe);
  const errores = [...informe.errores, ...validarConMotor(plan.paraMotor, HOY)];
  return { errores, advertencias: informe.advertencias, plan };
}

/** Sets one cell: `fila` as the spreadsheet numbers it (the header is 1). */
function cambiar(
  hojas: Hojas,
  hoja: NombreHoja,
  fila: number,
  columna: string,
  valor: Celda,
): void {
  const h = hojas.get(hoja);
  const i = h?.encabezados.indexOf(columna) ?? -1;
  const celdas = h?.filas[fila - 2];
  if (!h || i < 0 || !celdas) throw new Error(`no hay ${hoja}!${columna}${fila}`);
  celdas[i] = valor;
}

describe('el ejemplo de la plantilla', () => {
  it('es válido: 2 créditos, 4 personas, 7 movimientos', async () => {
    const { errores, advertencias, plan } = await validar(ejemplo());
    expect(errores).toEqual([]);
    expect(advertencias).toEqual([]);
    expect(plan.conteos).toMatchObject({
      creditos: { nuevos: 2, sinCambios: 0 },
      personas: { nuevas: 4, existentes: 0 },
      movimientos: { nuevos: 7, existentes: 0 },
      productos: { nuevos: 1, versionesNuevas: 3 },
    });
  });
});

// [hoja, fila, columna, valor nuevo] → [hoja, fila, columna, parte del mensaje]
const CASOS: Array<
  [[NombreHoja, number, string, Celda], [NombreHoja, number, string | null, string]]
> = [
  [
    ['personas', 2, 'curp', 'NUPA900417HSRXXN07'],
    ['personas', 2, 'curp', 'el dígito verificador no corresponde'],
  ],
  [
    ['personas', 3, 'nombres', null],
    ['personas', 3, 'nombres', 'falta el valor'],
  ],
  [
    ['personas', 2, 'telefono', '66212345'],
    ['personas', 2, 'telefono', 'no es un teléfono de 10 dígitos'],
  ],
  [
    ['personas', 2, 'tipo_telefono', 'celular'],
    ['personas', 2, 'tipo_telefono', 'no es uno de: movil, casa, trabajo, recados'],
  ],
  [
    ['personas', 2, 'correo', 'jose.nunez'],
    ['personas', 2, 'correo', 'no es un correo válido'],
  ],
  [
    ['personas', 2, 'codigo_postal', '830'],
    ['personas', 2, 'codigo_postal', 'no es un código postal de 5 dígitos'],
  ],
  [
    ['personas', 2, 'rfc', 'XYZ'],
    ['personas', 2, 'rfc', 'no es un RFC válido'],
  ],
  [
    ['personas', 2, 'calle', null],
    ['personas', 2, 'calle', 'falta el valor'],
  ],
  [
    ['telefonos', 2, 'curp', 'PEXJ011231MSRXXSA9'],
    ['telefonos', 2, null, ''],
  ],
  [
    ['productos', 2, 'tasa_moratoria_anual', '1.5'],
    ['productos', 2, 'tasa_moratoria_anual', 'no es una tasa entre 0 y 1'],
  ],
  [
    ['productos', 3, 'tasa_puntual_anual', '7%'],
    [
      'productos',
      3,
      'tasa_puntual_anual',
      'la tasa por puntualidad 0.07 no puede ser mayor que la tasa ordinaria 0.06',
    ],
  ],
  [
    ['productos', 2, 'tasa_puntual_anual', '1.5'],
    ['productos', 2, 'tasa_puntual_anual', 'no es una tasa entre 0 y 1'],
  ],
  [
    ['creditos', 3, 'tasa_puntual_anual', '0.07'],
    [
      'creditos',
      3,
      'tasa_puntual_anual',
      'la tasa por puntualidad 0.07 no puede ser mayor que la tasa ordinaria 0.06 del producto CE-6',
    ],
  ],
  [
    ['creditos', 3, 'tasa_puntual_motivo', null],
    ['creditos', 3, 'tasa_puntual_motivo', 'falta el motivo de la tasa por puntualidad'],
  ],
  [
    ['creditos', 2, 'tasa_puntual_motivo', 'Promedio de 95'],
    ['creditos', 2, 'tasa_puntual_motivo', 'hay motivo pero falta la tasa_puntual_anual'],
  ],
  [
    ['productos', 3, 'vigente_desde', '1996-01-01'],
    ['productos', 3, 'vigente_desde', 'ya está en la fila 2'],
  ],
  [
    ['productos', 2, 'base_dias', '366'],
    ['productos', 2, 'base_dias', 'no es uno de: 360, 365'],
  ],
  [
    ['creditos', 2, 'oficina', 'GYM'],
    ['creditos', 2, 'oficina', 'no existe la oficina «GYM»'],
  ],
  [
    ['creditos', 3, 'producto', 'CE-9'],
    ['creditos', 3, 'producto', 'no existe el producto «CE-9»'],
  ],
  [
    ['creditos', 2, 'curp_aval', 'NUPA900417HSRXXN08'],
    ['creditos', 2, 'curp_aval', 'el aval no puede ser el mismo acreditado'],
  ],
  [
    ['creditos', 2, 'curp_aval', 'PEXJ011231MSRXXSA9'],
    ['creditos', 2, 'curp_aval', 'no está en la hoja personas ni registrada'],
  ],
  [
    ['creditos', 2, 'fecha_inicio_interes', '2012-02-30'],
    ['creditos', 2, 'fecha_inicio_interes', 'no es una fecha que exista'],
  ],
  [
    ['creditos', 2, 'numero', 'CE 2010'],
    ['creditos', 2, 'numero', 'no es una clave válida'],
  ],
  [
    ['ministraciones', 2, 'monto', '9500.005'],
    ['ministraciones', 2, 'monto', 'tiene más de 2 decimales'],
  ],
  [
    ['ministraciones', 2, 'monto', '0'],
    ['ministraciones', 2, 'monto', 'debe ser mayor que cero'],
  ],
  [
    ['ministraciones', 3, 'pagare', 'PG-2010-000101'],
    ['ministraciones', 3, 'pagare', 'el pagaré PG-2010-000101 ya está en la fila 2'],
  ],
  [
    ['ministraciones', 2, 'vencimiento_pagare', '2009-01-01'],
    ['ministraciones', 2, 'vencimiento_pagare', 'no puede vencer antes de la ministración'],
  ],
  [
    ['ministraciones', 2, 'numero_credito', 'CE-1'],
    ['ministraciones', 2, 'numero_credito', 'el crédito CE-1 no está en la hoja creditos'],
  ],
  [
    ['amortizaciones', 2, 'capital', '2433.38'],
    ['creditos', 2, null, 'no suma lo ministrado ($29,200.50)'],
  ],
  [
    ['amortizaciones', 3, 'numero', '1'],
    ['amortizaciones', 3, 'numero', 'ya está en la fila 2'],
  ],
  [
    ['amortizaciones', 2, 'fecha', '2012-01-15'],
    ['amortizaciones', 2, 'fecha', 'debe ser posterior a fecha_inicio_interes'],
  ],
  [
    ['movimientos', 2, 'tipo', 'abono'],
    ['movimientos', 2, 'tipo', 'no es uno de: pago, condonacion, cancelacion'],
  ],
  [
    ['movimientos', 2, 'fecha', '2030-01-01'],
    ['movimientos', 2, 'fecha', 'es posterior a hoy (10/03/2026)'],
  ],
  [
    ['movimientos', 2, 'concepto', 'capital'],
    ['movimientos', 2, 'concepto', 'debe quedar vacía en un pago'],
  ],
  [
    ['movimientos', 2, 'monto', null],
    ['movimientos', 2, 'monto', 'falta el valor'],
  ],
  [
    ['movimientos', 5, 'cancela_clave', 'NO-EXISTE'],
    ['movimientos', 5, 'cancela_clave', 'no existe el movimiento NO-EXISTE'],
  ],
  [
    ['movimientos', 3, 'clave', 'B-2012-0001'],
    ['movimientos', 3, 'clave', 'ya está en la fila 2'],
  ],
  [
    ['movimientos', 6, 'monto', '5000'],
    ['movimientos', 6, null, 'la condonación excede el adeudo de moratorio'],
  ],
  [
    ['movimientos', 2, 'fecha', '2011-01-01'],
    ['movimientos', 2, null, 'anterior a la última ministración'],
  ],
  [
    ['periodos_sin_moratorio', 2, 'hasta', '2012-06-01'],
    ['periodos_sin_moratorio', 2, 'hasta', 'debe ser posterior a desde'],
  ],
];

describe('la tasa por puntualidad (R9) en el ejemplo', () => {
  it('la versión lleva su 3 % y el crédito su propio 0 %, y ambos llegan al caso del motor', async () => {
    const { plan } = await validar(ejemplo());
    const datos = plan.paraMotor.map((c) => c.datos);
    expect(datos.map((d) => [d.numero, d.tasas.tasaPuntual, d.tasaPuntualDelCredito])).toEqual([
      ['CE-2010-000101', '0.03', null],
      ['CE-2021-000202', '0.03', '0'],
    ]);
  });
});

describe('cada falla se reporta en su hoja, fila y columna', () => {
  it.each(CASOS)(
    '%j → %j',
    async ([hoja, fila, columna, valor], [eHoja, eFila, eColumna, mensaje]) => {
      const hojas = ejemplo();
      cambiar(hojas, hoja, fila, columna, valor);
      const { errores } = await validar(hojas);
      if (hoja === 'telefonos') {
        // A phone of a person who is nowhere: the CURP is valid but unknown.
        expect(errores).toEqual([
          expect.objectContaining({
            hoja: 'telefonos',
            fila: 2,
            columna: 'curp',
            mensaje: 'la CURP PEXJ011231MSRXXSA9 no está en la hoja personas ni registrada',
          }),
        ]);
        return;
      }
      expect(errores).toContainEqual(
        expect.objectContaining({
          hoja: eHoja,
          fila: eFila,
          columna: eColumna,
          mensaje: expect.stringContaining(mensaje),
        }),
      );
    },
  );

  it('varias fallas a la vez: todas, cada una en su lugar', async () => {
    const hojas = ejemplo();
    cambiar(hojas, 'personas', 4, 'fecha_nacimiento', '31/02/2003');
    cambiar(hojas, 'ministraciones', 5, 'fecha', 'ayer');
    cambiar(hojas, 'movimientos', 8, 'excedente', 'abonar');
    cambiar(hojas, 'amortizaciones', 14, 'capital', '-1');
    const { errores } = await validar(hojas);
    const donde = (o: Observacion) => [o.hoja, o.fila, o.columna];
    expect(errores.map(donde)).toEqual([
      ['personas', 4, 'fecha_nacimiento'],
      ['ministraciones', 5, 'fecha'],
      ['amortizaciones', 14, 'capital'],
      ['movimientos', 8, 'excedente'],
    ]);
  });

  it('una columna desconocida o una obligatoria que falta se reportan en la fila 1', async () => {
    const hojas = ejemplo();
    const amortizaciones = hojas.get('amortizaciones');
    if (!amortizaciones) throw new Error('sin amortizaciones');
    amortizaciones.encabezados[3] = 'importe';
    const { errores } = await validar(hojas);
    expect(errores).toContainEqual({
      hoja: 'amortizaciones',
      fila: 1,
      columna: 'importe',
      mensaje: expect.stringContaining('columna desconocida'),
    });
    expect(errores).toContainEqual({
      hoja: 'amortizaciones',
      fila: 1,
      columna: 'capital',
      mensaje: 'falta la columna obligatoria',
    });
  });

  it('una hoja de otro nombre es solo una advertencia; la de instrucciones ni eso', async () => {
    const l = libro(ejemplo());
    const informe = new Informe();
    await leerFilas(
      {
        ...l,
        hojas: [
          ...l.hojas,
          { nombre: 'Resumen', encabezados: [], filas: [] },
          { nombre: 'Instrucciones', encabezados: [], filas: [] },
        ],
      },
      informe,
    );
    expect(informe.errores).toEqual([]);
    expect(informe.advertencias).toEqual([
      {
        hoja: 'Resumen',
        fila: null,
        columna: null,
        mensaje: expect.stringContaining('hoja desconocida'),
      },
    ]);
  });
});
