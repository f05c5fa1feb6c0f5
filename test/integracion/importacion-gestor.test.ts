import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cargarDemo } from '../../src/modules/demo/cargar-demo.ts';
import { HOJAS } from '../../src/modules/importacion/disposicion.ts';
import { csvDeHoja, libroDePlantilla } from '../../src/modules/importacion/generar-plantilla.ts';
import { importarCartera } from '../../src/modules/importacion/importar-cartera.ts';
import { type ArchivoDeEntrada, leerLibro } from '../../src/modules/importacion/leer-libro.ts';
import type { HojasLeidas } from '../../src/modules/importacion/libro.ts';
import type { Actor } from '../../src/modules/seguridad/actor.ts';
import { RelojManual } from '../../src/plataforma/reloj-sistema.ts';
import { type BaseDePrueba, crearBaseDePrueba } from '../soporte/base-de-prueba.ts';

// The template's two credits: one of Hermosillo, one of Cd. Obregón.
const HMO = 'CE-2010-000101';
const OBR = 'CE-2021-000202';

let base: BaseDePrueba;
let admin: Actor;
const reloj = new RelojManual('2026-03-10T18:00:00Z');

const importar = (libro: HojasLeidas) =>
  base.db
    .transaction()
    .execute((trx) => importarCartera(trx, libro, { reloj, ip: null, actor: admin }));

/** The template as CSV, with `gestores` (credit number → cell) in the creditos sheet's gestor column. */
function csv(gestores: Record<string, string>): Promise<HojasLeidas> {
  const archivos = HOJAS.map((h): ArchivoDeEntrada => {
    let texto = csvDeHoja(h);
    if (h === 'creditos') {
      // The template leaves the last column (gestor) empty: each row ends in a comma.
      for (const [numero, gestor] of Object.entries(gestores))
        texto = texto.replace(new RegExp(`^(${numero},.*,)\r$`, 'm'), `$1${gestor}\r`);
    }
    return { nombre: `${h}.csv`, contenido: new TextEncoder().encode(texto) };
  });
  return leerLibro(archivos);
}

async function asignaciones() {
  const { rows } = await sql<{
    numero: string;
    usuario: string;
    gestor_actual: string | null;
    desde: Date;
    hasta: Date | null;
    asignado_por: number | null;
    motivo: string | null;
  }>`
    SELECT c.numero, u.usuario, ua.usuario AS gestor_actual, a.desde, a.hasta, a.asignado_por, a.motivo
      FROM asignaciones a JOIN creditos c ON c.id = a.credito_id JOIN usuarios u ON u.id = a.gestor_id
      LEFT JOIN usuarios ua ON ua.id = c.gestor_id
     ORDER BY c.numero, a.desde`.execute(base.db);
  return rows;
}

const contarCreditos = async () =>
  (await sql<{ n: number }>`SELECT count(*)::int4 AS n FROM creditos`.execute(base.db)).rows[0]?.n;

// Each test imports the template into a database of its own (movements cannot be deleted).
beforeEach(async () => {
  base = await crearBaseDePrueba();
  await base.db.transaction().execute((trx) => cargarDemo(trx, { reloj, ip: null }));
  const u = await base.db
    .selectFrom('usuarios')
    .select(['id', 'usuario', 'nombre', 'rol', 'oficina_id', 'despacho_id'])
    .where('usuario', '=', 'admin')
    .executeTakeFirstOrThrow();
  admin = { ...u, oficinaId: u.oficina_id, despachoId: u.despacho_id };
});
afterEach(() => base.cerrar());

describe('importación: la columna gestor de la hoja creditos', () => {
  it('en un libro XLSX asigna el crédito nuevo al gestor nombrado, con su renglón en el historial', async () => {
    const libro = new ExcelJS.Workbook();
    await libro.xlsx.load((await libroDePlantilla()) as unknown as ExcelJS.Buffer);
    const hoja = libro.getWorksheet('creditos');
    if (!hoja) throw new Error('la plantilla no tiene hoja creditos');
    const columna = (hoja.getRow(1).values as unknown[]).indexOf('gestor');
    expect(columna).toBeGreaterThan(0);
    hoja.getRow(2).getCell(columna).value = 'Gestor.Ruiz';
    const contenido = new Uint8Array(await libro.xlsx.writeBuffer());
    const r = await importar(await leerLibro([{ nombre: 'cartera.xlsx', contenido }]));
    expect(r.errores).toEqual([]);
    expect(r.advertencias).toEqual([]);
    expect(r.importado).toBe(true);
    expect(await asignaciones()).toEqual([
      {
        numero: HMO,
        usuario: 'gestor.ruiz',
        gestor_actual: 'gestor.ruiz',
        desde: reloj.ahora(),
        hasta: null,
        asignado_por: admin.id,
        motivo: 'Importación',
      },
    ]);
    // The one without a gestor stays unassigned.
    const sinGestor = await base.db
      .selectFrom('creditos')
      .select('gestor_id')
      .where('numero', '=', OBR)
      .executeTakeFirstOrThrow();
    expect(sinGestor.gestor_id).toBeNull();
  });

  it('en CSV acepta al coordinador de la oficina; volver a importar con otro gestor no reasigna y lo advierte', async () => {
    const r = await importar(await csv({ [HMO]: 'coordinador', [OBR]: 'gestor.obregon' }));
    expect(r.errores).toEqual([]);
    const antes = await asignaciones();
    expect(antes.map((a) => [a.numero, a.usuario, a.gestor_actual, a.hasta])).toEqual([
      [HMO, 'coordinador', 'coordinador', null],
      [OBR, 'gestor.obregon', 'gestor.obregon', null],
    ]);

    reloj.avanzarMinutos(60);
    const otra = await importar(await csv({ [HMO]: 'gestor', [OBR]: 'gestor.obregon' }));
    expect(otra.importado).toBe(true);
    expect(otra.conteos.creditos).toEqual({ nuevos: 0, sinCambios: 2 });
    expect(otra.advertencias).toEqual([
      {
        hoja: 'creditos.csv',
        fila: 2,
        columna: 'gestor',
        mensaje: `el crédito ${HMO} ya está registrado y la importación no cambia su gestor; para reasignarlo, use Asignación de cartera`,
      },
    ]);
    expect(await asignaciones()).toEqual(antes);
  });

  it('un usuario que no existe, de otra oficina, sin el rol o desactivado es un error con hoja, fila y columna; no se escribe nada', async () => {
    await base.db
      .updateTable('usuarios')
      .set({ activo: false })
      .where('usuario', '=', 'gestor.leyva')
      .execute();
    const casos: Array<[string, string, string]> = [
      [HMO, 'gestor.fantasma', 'no existe el usuario «gestor.fantasma»'],
      [
        HMO,
        'gestor.nogales',
        'Jesús Ramírez Acuña («gestor.nogales») es de la oficina NOG, no de HMO',
      ],
      [OBR, 'gestor', 'Sofía Valenzuela Peña («gestor») es de la oficina HMO, no de OBR'],
      [HMO, 'contabilidad', 'Patricia Encinas Ruiz («contabilidad») no es gestor ni coordinador'],
      [HMO, 'gestor.leyva', 'Karla Leyva Soto («gestor.leyva») está desactivado'],
    ];
    for (const [numero, gestor, mensaje] of casos) {
      const r = await importar(await csv({ [numero]: gestor }));
      expect(r.importado).toBe(false);
      expect(r.errores).toEqual([
        { hoja: 'creditos.csv', fila: numero === HMO ? 2 : 3, columna: 'gestor', mensaje },
      ]);
    }
    expect(await contarCreditos()).toBe(0);
    expect(await asignaciones()).toEqual([]);
  });
});
