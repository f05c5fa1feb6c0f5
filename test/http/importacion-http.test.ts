import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppDePrueba, crearAppDePrueba, type Sesion } from '../soporte/app-de-prueba.ts';
import { contarFilas } from '../soporte/base-de-prueba.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const plantilla = readFileSync(join(import.meta.dirname, '..', '..', 'plantillas', 'cartera.xlsx'));

let t: AppDePrueba;
const s: Record<string, Sesion> = {};

beforeAll(async () => {
  t = await crearAppDePrueba();
  for (const u of ['admin', 'gestor']) s[u] = await t.entrar(u);
});
afterAll(() => t.cerrar());

const subir = (contenido: Buffer, quien = 'admin') =>
  t.pedir('POST', '/api/importaciones', {
    sesion: s[quien],
    cuerpo: contenido,
    encabezados: {
      'content-type': XLSX,
      'x-nombre-archivo': encodeURIComponent('cartera de prueba.xlsx'),
    },
  });
const contar = (tabla: 'creditos' | 'movimientos' | 'personas') => contarFilas(t.base.db, tabla);

describe('importación de la cartera desde la pantalla del administrador', () => {
  it('la plantilla del instituto se importa; subirla otra vez no cambia nada', async () => {
    const r = await subir(plantilla);
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ importado: true, errores: [] });
    const creditos = await contar('creditos');
    const movimientos = await contar('movimientos');
    expect(creditos).toBeGreaterThan(0);

    const otra = await subir(plantilla);
    expect(otra.statusCode).toBe(201);
    expect(otra.json().conteos.creditos).toEqual({ nuevos: 0, sinCambios: creditos });
    expect(await contar('creditos')).toBe(creditos);
    expect(await contar('movimientos')).toBe(movimientos);
  });

  it('un libro con errores no escribe nada y reporta hoja, fila, columna y motivo', async () => {
    const libro = new ExcelJS.Workbook();
    await libro.xlsx.load(plantilla as unknown as ArrayBuffer);
    const personas = libro.getWorksheet('personas');
    const encabezado = (personas?.getRow(1).values ?? []) as unknown[];
    const columnaCurp = encabezado.indexOf('curp');
    const celda = personas?.getRow(2).getCell(columnaCurp);
    if (!celda) throw new Error('la plantilla no tiene hoja personas');
    celda.value = 'BOXW310820HNERXN08';
    const personasAntes = await contar('personas');
    const r = await subir(Buffer.from(await libro.xlsx.writeBuffer()));
    expect(r.statusCode).toBe(422);
    expect(r.json().importado).toBe(false);
    expect(r.json().errores).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ hoja: 'personas', fila: 2, columna: 'curp' }),
      ]),
    );
    expect(await contar('personas')).toBe(personasAntes);
  });

  it('la plantilla se descarga tal cual está en el repositorio', async () => {
    const r = await t.pedir('GET', '/api/importaciones/plantilla.xlsx', { sesion: s.admin });
    expect(r.statusCode).toBe(200);
    expect(r.rawPayload.equals(plantilla)).toBe(true);
  });

  it('a quien no entró o no puede importar se le niega antes de leer el cuerpo', async () => {
    // Reading the body first would answer 415 (a type no parser takes) or 400 (broken JSON):
    // a 401/403 proves the refusal came before Recupera took in what was sent.
    for (const [tipo, contenido] of [
      ['application/x-desconocido', Buffer.from('x'.repeat(1024))],
      ['application/json', Buffer.from('{roto')],
    ] as const) {
      const anonimo = await t.pedir('POST', '/api/importaciones', {
        cuerpo: contenido,
        encabezados: { 'content-type': tipo },
      });
      expect(anonimo.statusCode).toBe(401);
      const gestor = await t.pedir('POST', '/api/importaciones', {
        sesion: s.gestor,
        cuerpo: contenido,
        encabezados: { 'content-type': tipo },
      });
      expect(gestor.statusCode).toBe(403);
    }
  });

  it('solo el administrador importa; un cuerpo vacío es un 400 en español', async () => {
    expect((await subir(plantilla, 'gestor')).statusCode).toBe(403);
    const vacio = await subir(Buffer.alloc(0));
    expect(vacio.statusCode).toBe(400);
  });

  it('bytes que no son un libro de Excel son un 400 que nombra el archivo, y nada se escribe', async () => {
    const antes = await contar('creditos');
    const r = await subir(Buffer.from('nombre,curp\nAna,XXXX\n'));
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toMatchObject({
      campo: 'archivo',
      mensaje: 'cartera de prueba.xlsx no es un libro de Excel (.xlsx) legible.',
    });
    expect(await contar('creditos')).toBe(antes);
  });
});
