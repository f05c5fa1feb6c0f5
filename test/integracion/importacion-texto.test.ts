import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completarCurp } from '../../src/domain/curp.ts';
import { buscar } from '../../src/modules/atencion/buscar.ts';
import { CARTERA_DEMO, cargarCarteraDemo } from '../../src/modules/demo/cargar-cartera-demo.ts';
import { cargarDemo } from '../../src/modules/demo/cargar-demo.ts';
import { HOJAS, type NombreHoja } from '../../src/modules/importacion/disposicion.ts';
import { csvDeHoja, libroDePlantilla } from '../../src/modules/importacion/generar-plantilla.ts';
import { importarCartera } from '../../src/modules/importacion/importar-cartera.ts';
import { analizarCsv } from '../../src/modules/importacion/leer-csv.ts';
import { type ArchivoDeEntrada, leerLibro } from '../../src/modules/importacion/leer-libro.ts';
import type { Actor } from '../../src/modules/seguridad/actor.ts';
import { RelojManual } from '../../src/plataforma/reloj-sistema.ts';
import { type BaseDePrueba, crearBaseDePrueba } from '../soporte/base-de-prueba.ts';

/**
 * Issue 17, items 2, 3, 6 and 7: every text cell decoded right and checked (Excel error values,
 * invisible characters), messages that say what to do, phones with +52 and offices by name,
 * and the shipped template on the demo instance. Each planted mistake goes in as a UTF-8 CSV
 * (with BOM), a Windows-1252 CSV with semicolons (as Excel in Spanish saves «CSV») and an XLSX.
 */

const reloj = new RelojManual('2026-03-10T18:00:00Z');

const TABLAS = [
  'personas',
  'telefonos',
  'correos',
  'domicilios',
  'productos',
  'versiones_producto',
  'creditos',
  'ministraciones',
  'amortizaciones',
  'movimientos',
] as const;

async function contar(base: BaseDePrueba): Promise<Record<string, number>> {
  const conteo: Record<string, number> = {};
  for (const t of TABLAS) {
    const { rows } = await sql<{
      n: number;
    }>`SELECT count(*)::int4 AS n FROM ${sql.table(t)}`.execute(base.db);
    conteo[t] = rows[0]?.n ?? -1;
  }
  return conteo;
}

async function actorAdmin(base: BaseDePrueba): Promise<Actor> {
  const u = await base.db
    .selectFrom('usuarios')
    .select(['id', 'usuario', 'nombre', 'rol', 'oficina_id', 'despacho_id'])
    .where('usuario', '=', 'admin')
    .executeTakeFirstOrThrow();
  return { ...u, oficinaId: u.oficina_id, despachoId: u.despacho_id };
}

// ——— Building the files ———

type Formato = 'utf8' | 'cp1252' | 'xlsx';
/** A cell's new value: text for every format, or per format (an XLSX error or number cell). */
type Valor = string | { texto: string; cp1252?: string; xlsx?: ExcelJS.CellValue };
type Cambio = [NombreHoja, number, string, Valor];

// Windows-1252's bytes 0x80–0x9F (undefined ones as their Latin-1 value), for the encoder below.
const CP1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function codificarCp1252(texto: string): Uint8Array {
  return Uint8Array.from(
    [...texto].map((c) => {
      const n = c.charCodeAt(0);
      const i = CP1252.indexOf(c);
      if (i >= 0) return 0x80 + i;
      if (n < 0x100 && (n < 0x80 || n > 0x9f)) return n;
      throw new Error(`«${c}» no existe en Windows-1252`);
    }),
  );
}

function campoCsv(v: string, sep: string): string {
  return v.includes(sep) || /["\r\n\t]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

function textoDe(v: Valor, formato: Formato): string {
  if (typeof v === 'string') return v;
  return (formato === 'cp1252' ? v.cp1252 : undefined) ?? v.texto;
}

function archivosCsv(cambios: readonly Cambio[], formato: 'utf8' | 'cp1252'): ArchivoDeEntrada[] {
  const sep = formato === 'cp1252' ? ';' : ',';
  return HOJAS.map((h) => {
    const registros = analizarCsv(csvDeHoja(h).replace(/^\uFEFF/, '')).filter((r) =>
      r.some((c) => c !== ''),
    );
    const encabezado = registros[0] ?? [];
    for (const [hoja, fila, columna, v] of cambios) {
      if (hoja !== h) continue;
      const i = encabezado.indexOf(columna);
      const registro = registros[fila - 1];
      if (i < 0 || !registro) throw new Error(`no hay ${hoja}!${columna}${fila}`);
      registro[i] = textoDe(v, formato);
    }
    const texto = `${registros.map((r) => r.map((c) => campoCsv(c, sep)).join(sep)).join('\r\n')}\r\n`;
    const contenido =
      formato === 'cp1252' ? codificarCp1252(texto) : new TextEncoder().encode(`\uFEFF${texto}`);
    return { nombre: `${h}.csv`, contenido };
  });
}

async function archivoXlsx(cambios: readonly Cambio[]): Promise<ArchivoDeEntrada[]> {
  const libro = new ExcelJS.Workbook();
  await libro.xlsx.load((await libroDePlantilla()) as unknown as ExcelJS.Buffer);
  for (const [hoja, fila, columna, v] of cambios) {
    const h = libro.getWorksheet(hoja);
    const i = (h?.getRow(1).values as unknown[] | undefined)?.indexOf(columna) ?? -1;
    if (!h || i < 1) throw new Error(`no hay ${hoja}!${columna}`);
    const celda = h.getRow(fila).getCell(i);
    celda.value = typeof v === 'string' ? v : v.xlsx !== undefined ? v.xlsx : v.texto;
    // A number in a date column: the date format lost, as the office's file had it.
    // (Its own style: the cells of a column share one style object.)
    if (typeof celda.value === 'number') celda.style = { ...celda.style, numFmt: 'General' };
  }
  return [{ nombre: 'cartera.xlsx', contenido: new Uint8Array(await libro.xlsx.writeBuffer()) }];
}

const archivos = (cambios: readonly Cambio[], formato: Formato) =>
  formato === 'xlsx' ? archivoXlsx(cambios) : Promise.resolve(archivosCsv(cambios, formato));

// ——— What is planted ———

const JESUS = completarCurp('VAAJ700305HSRLCS0');
const DIGITO_JESUS = Number(JESUS.slice(-1));
const JESUS_MAL = `${JESUS.slice(0, 17)}${(DIGITO_JESUS + 1) % 10}`;

/** Written the way the office writes them, and accepted: in the planted and the fixed file. */
const ACEPTADOS: Cambio[] = [
  ['personas', 2, 'segundo_apellido', 'O’Farrill'],
  ['personas', 2, 'calle', 'Calle O’Donojú – Int. 3'],
  ['personas', 2, 'telefono', '+52 662 214 5591'],
  ['personas', 3, 'telefono', '52 (644) 123-4567'],
  ['creditos', 2, 'oficina', 'Hermosillo'],
  ['creditos', 3, 'oficina', 'Cd. Obregón'],
];

const PLANTADOS: Cambio[] = [
  ...ACEPTADOS,
  // Item 3: Excel error values, as an error cell of an .xlsx or as the text of a CSV.
  ['personas', 4, 'segundo_apellido', { texto: '#N/A', xlsx: { error: '#N/A' } }],
  [
    'ministraciones',
    2,
    'monto',
    { texto: '#VALUE!', cp1252: '#¡VALOR!', xlsx: { error: '#VALUE!' } },
  ],
  // Item 2: characters nobody sees. A Windows-1252 file cannot hold U+200B: its byte 0x9D
  // (undefined in the code page) comes in as a C1 control.
  ['personas', 3, 'nombres', { texto: 'María\u200BGuadalupe', cp1252: 'María\u009DGuadalupe' }],
  ['personas', 5, 'calle', 'Av. Obregón\t310'],
  ['personas', 5, 'primer_apellido', 'Valen\u00ADzuela'],
  // Item 7: messages that say what to do.
  ['personas', 3, 'municipio', ''],
  ['personas', 2, 'fecha_nacimiento', '04/17/1990'],
  ['creditos', 3, 'fecha_inicio_interes', { texto: '44608', xlsx: 44608 }],
  ['personas', 5, 'curp', JESUS_MAL],
];

const hojaDe = (formato: Formato, hoja: string) => (formato === 'xlsx' ? hoja : `${hoja}.csv`);

function esperados(formato: Formato) {
  const e = (hoja: NombreHoja, fila: number, columna: string, mensaje: string) => ({
    hoja: hojaDe(formato, hoja),
    fila,
    columna,
    mensaje,
  });
  const invisible =
    formato === 'cp1252'
      ? 'tiene un carácter invisible que no se admite (U+009D, carácter de control) después de «María»: bórralo y vuelve a escribir esa parte del texto (suele llegar al copiar y pegar)'
      : 'tiene un carácter invisible que no se admite (U+200B, espacio de ancho cero) después de «María»: bórralo y vuelve a escribir esa parte del texto (suele llegar al copiar y pegar)';
  return [
    e(
      'personas',
      4,
      'segundo_apellido',
      'la celda tiene el error de Excel #N/A: corrige la fórmula o escribe el valor',
    ),
    e(
      'ministraciones',
      2,
      'monto',
      `la celda tiene el error de Excel ${formato === 'cp1252' ? '#¡VALOR!' : '#VALUE!'}: corrige la fórmula o escribe el valor`,
    ),
    e('personas', 3, 'nombres', invisible),
    e(
      'personas',
      5,
      'calle',
      'tiene un tabulador: suele ser el texto de dos celdas pegado en una; sepáralo o cámbialo por un espacio',
    ),
    e(
      'personas',
      5,
      'primer_apellido',
      'tiene un carácter invisible que no se admite (U+00AD, guion suave) después de «Valen»: bórralo y vuelve a escribir esa parte del texto (suele llegar al copiar y pegar)',
    ),
    e(
      'personas',
      3,
      'municipio',
      'falta el valor: el municipio es obligatorio porque la fila tiene domicilio (calle, numero, colonia, codigo_postal); escríbelo o deja vacías todas las columnas del domicilio',
    ),
    e(
      'personas',
      2,
      'fecha_nacimiento',
      '«04/17/1990» no es una fecha que exista: el orden es día/mes/año (¿quisiste decir 17/04/1990?)',
    ),
    e(
      'creditos',
      3,
      'fecha_inicio_interes',
      '«44608» no es una fecha: parece el número de serie de una fecha de Excel (44608 es el 16/02/2022); da formato de fecha a la columna o escribe la fecha como dd/mm/aaaa',
    ),
    e(
      'personas',
      5,
      'curp',
      `«${JESUS_MAL}» no es una CURP válida: el dígito verificador no corresponde: con los primeros 17 caracteres debe ser ${DIGITO_JESUS}`,
    ),
  ];
}

// ——— The tests ———

describe.each(['utf8', 'cp1252', 'xlsx'] as const)('importación en %s', (formato) => {
  let base: BaseDePrueba;
  let admin: Actor;
  const importar = async (cambios: readonly Cambio[]) => {
    const libro = await leerLibro(await archivos(cambios, formato));
    return base.db
      .transaction()
      .execute((trx) => importarCartera(trx, libro, { reloj, ip: null, actor: admin }));
  };

  beforeAll(async () => {
    base = await crearBaseDePrueba();
    await base.db.transaction().execute((trx) => cargarDemo(trx, { reloj, ip: null }));
    admin = await actorAdmin(base);
  });
  afterAll(() => base.cerrar());

  it('rechaza cada celda plantada con hoja, fila, columna y qué hacer, y no escribe nada', async () => {
    const antes = await contar(base);
    const r = await importar(PLANTADOS);
    expect(r.importado).toBe(false);
    for (const e of esperados(formato)) expect(r.errores).toContainEqual(e);
    // Nothing else is wrong with the file: the accepted spellings raise nothing.
    expect(r.errores.filter((e) => e.hoja.startsWith('creditos') && e.fila === 2)).toEqual([]);
    expect(r.errores.filter((e) => e.columna === 'telefono' || e.columna === 'oficina')).toEqual(
      [],
    );
    expect(await contar(base)).toEqual(antes);
  });

  it('el archivo corregido se importa: O’Farrill tal cual, +52 y oficinas escritas con su nombre', async () => {
    const r = await importar(ACEPTADOS);
    expect(r.errores).toEqual([]);
    expect(r.importado).toBe(true);
    const jose = await base.db
      .selectFrom('personas')
      .select(['id', 'segundo_apellido'])
      .where('curp', '=', completarCurp('NUPA900417HSRXXN0'))
      .executeTakeFirstOrThrow();
    expect(jose.segundo_apellido).toBe('O’Farrill');
    const domicilio = await base.db
      .selectFrom('domicilios')
      .select('calle')
      .where('persona_id', '=', jose.id)
      .executeTakeFirstOrThrow();
    expect(domicilio.calle).toBe('Calle O’Donojú – Int. 3');
    const telefonos = await base.db
      .selectFrom('telefonos')
      .select('numero')
      .where('persona_id', '=', jose.id)
      .orderBy('numero')
      .execute();
    expect(telefonos.map((t) => t.numero)).toEqual(['6622105533', '6622145591']);
    const oficinas = await base.db
      .selectFrom('creditos as c')
      .innerJoin('oficinas as o', 'o.id', 'c.oficina_id')
      .select(['c.numero', 'o.clave'])
      .orderBy('c.numero')
      .execute();
    expect(oficinas).toEqual([
      { numero: 'CE-2010-000101', clave: 'HMO' },
      { numero: 'CE-2021-000202', clave: 'OBR' },
    ]);
    // The search finds her by any of the three ways of typing the apostrophe.
    for (const q of ['ofarrill', "o'farrill", 'o’farrill', 'José Ángel O’Farrill']) {
      const hallados = await base.db
        .transaction()
        .execute((trx) => buscar(trx, q, 1, { reloj, ip: null, actor: admin }));
      expect(
        hallados.resultados.map((h) => h.nombre),
        q,
      ).toEqual(['José Ángel Núñez O’Farrill']);
    }
  });
});

describe('la plantilla en la instancia de demostración', () => {
  let base: BaseDePrueba;
  let admin: Actor;
  beforeAll(async () => {
    base = await crearBaseDePrueba();
    await base.db.transaction().execute(async (trx) => {
      await cargarDemo(trx, { reloj, ip: null });
      await cargarCarteraDemo(trx, CARTERA_DEMO, { reloj, ip: null });
    });
    admin = await actorAdmin(base);
  }, 120_000);
  afterAll(() => base.cerrar());

  it('plantillas/cartera.xlsx, tal como se entrega, se importa limpia sobre los datos del primer arranque', async () => {
    // The committed CSVs are what the command generates today (the XLSX carries a timestamp).
    for (const h of HOJAS)
      expect(readFileSync(`plantillas/csv/${h}.csv`, 'utf8'), h).toBe(csvDeHoja(h));
    const contenido = new Uint8Array(readFileSync('plantillas/cartera.xlsx'));
    const libro = await leerLibro([{ nombre: 'cartera.xlsx', contenido }]);
    const r = await base.db
      .transaction()
      .execute((trx) => importarCartera(trx, libro, { reloj, ip: null, actor: admin }));
    expect(r.errores).toEqual([]);
    expect(r.advertencias).toEqual([]);
    expect(r.importado).toBe(true);
    // Its product is the demo's own: nothing is added to the institute's catalogue.
    expect(r.conteos.productos).toEqual({ nuevos: 0, versionesNuevas: 0, versionesExistentes: 3 });
  });
});
