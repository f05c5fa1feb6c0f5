import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as esperar } from 'node:timers/promises';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { carpetaDeSubidas } from '../../src/plataforma/archivos-subidos.ts';
import { RelojManual } from '../../src/plataforma/reloj-sistema.ts';
import { type ColaDeTrabajos, iniciarTrabajos } from '../../src/plataforma/trabajos.ts';
import { type AppDePrueba, crearAppDePrueba, type Sesion } from '../soporte/app-de-prueba.ts';
import { contarFilas, crearBaseDePrueba } from '../soporte/base-de-prueba.ts';
import { escribirZip, formularioConArchivos } from '../soporte/zip.ts';

const CSV = join(import.meta.dirname, '..', '..', 'plantillas', 'csv');
const hojas = readdirSync(CSV)
  .sort()
  .map((nombre) => ({ nombre, datos: readFileSync(join(CSV, nombre)) }));
const NO_ES_CARTERA =
  'no es la cartera: sube el libro de Excel (.xlsx), las hojas como archivos .csv (personas.csv, creditos.csv…) o un .zip con ellas.';

let t: AppDePrueba;
let cola: ColaDeTrabajos;
let admin: Sesion;
// An upload a crash left two days ago: the queue deletes it when it starts.
const vieja = join(carpetaDeSubidas(), `vieja-${crypto.randomUUID()}`);

beforeAll(async () => {
  mkdirSync(vieja, { recursive: true });
  const haceDosDias = new Date(Date.now() - 2 * 24 * 3_600_000);
  utimesSync(vieja, haceDosDias, haceDosDias);
  const base = await crearBaseDePrueba();
  const reloj = new RelojManual('2026-03-10T16:00:00Z');
  cola = await iniciarTrabajos(base.url, base.db, reloj, 'America/Hermosillo');
  t = await crearAppDePrueba({ trabajos: cola }, base);
  admin = await t.entrar('admin');
});
afterAll(async () => {
  await cola?.detener();
  await t?.cerrar();
});

const subirZip = (zip: Buffer, encabezados: Record<string, string> = {}) =>
  t.pedir('POST', '/api/importaciones', {
    sesion: admin,
    cuerpo: zip,
    encabezados: {
      'content-type': 'application/zip',
      'x-nombre-archivo': 'cartera.zip',
      ...encabezados,
    },
  });
const subirArchivos = (archivos: Parameters<typeof formularioConArchivos>[0]) => {
  const { cuerpo, tipo } = formularioConArchivos(archivos);
  return t.pedir('POST', '/api/importaciones', {
    sesion: admin,
    cuerpo,
    encabezados: { 'content-type': tipo },
  });
};
const contar = (tabla: 'creditos' | 'movimientos' | 'personas') => contarFilas(t.base.db, tabla);

describe('la pantalla sube la carpeta de CSV como la línea de comandos', () => {
  it('varios CSV elegidos a la vez se importan, con el mismo informe que la carpeta', async () => {
    const r = await subirArchivos(hojas);
    expect(r.statusCode).toBe(201);
    const informe = r.json();
    expect(informe).toMatchObject({
      archivo:
        'CSV (amortizaciones, creditos, ministraciones, movimientos, periodos_sin_moratorio, personas, productos, telefonos)',
      importado: true,
      errores: [],
    });
    expect(informe.conteos.creditos.nuevos).toBeGreaterThan(0);
    expect(await contar('creditos')).toBe(informe.conteos.creditos.nuevos);
  });

  it('un ZIP de la carpeta corre como trabajo, con avance e informe, y el trabajo borra sus archivos', async () => {
    const creditos = await contar('creditos');
    // Windows' «Enviar a carpeta comprimida» keeps the folder's name inside the ZIP.
    const zip = escribirZip([
      { nombre: 'cartera/', datos: '' },
      ...hojas.map((h) => ({ nombre: `cartera/${h.nombre}`, datos: h.datos })),
      { nombre: 'cartera/LEEME.txt', datos: 'no es una hoja' },
    ]);
    const r = await subirZip(zip, { prefer: 'respond-async' });
    expect(r.statusCode).toBe(202);
    const { trabajo } = r.json() as { trabajo: string };
    const datos = await sql<{ carpeta: string }>`SELECT data->>'carpeta' AS carpeta
      FROM trabajos.job WHERE id = ${trabajo}`.execute(t.base.db);
    const carpeta = datos.rows[0]?.carpeta ?? '';
    expect(carpeta.startsWith(carpetaDeSubidas())).toBe(true);
    let estado: {
      estado: string;
      avance: { fase: string; filasLeidas: number; filasValidadas: number } | null;
      resultado: { importado: boolean; conteos: { creditos: { sinCambios: number } } } | null;
    };
    for (;;) {
      estado = (
        await t.pedir('GET', `/api/importaciones/trabajos/${trabajo}`, { sesion: admin })
      ).json();
      if (!['pendiente', 'en_curso'].includes(estado.estado)) break;
      await esperar(100);
    }
    expect(estado.estado).toBe('terminado');
    expect(estado.resultado).toMatchObject({ importado: true });
    expect(estado.resultado?.conteos.creditos.sinCambios).toBe(creditos);
    expect(estado.avance?.filasLeidas).toBeGreaterThan(0);
    expect(estado.avance?.filasValidadas).toBe(estado.avance?.filasLeidas);
    // The job deleted its upload; the one a crash left two days ago went when the queue started.
    expect(existsSync(carpeta)).toBe(false);
    expect(existsSync(vieja)).toBe(false);
  });

  it('lo que no es XLSX, CSV ni ZIP es un 415 que nombra el archivo', async () => {
    const pdf = await t.pedir('POST', '/api/importaciones', {
      sesion: admin,
      cuerpo: Buffer.from('%PDF-1.4'),
      encabezados: { 'content-type': 'application/pdf' },
    });
    expect(pdf.statusCode).toBe(415);
    expect(pdf.json().error).toEqual({
      codigo: 'tipo_no_admitido',
      campo: 'archivo',
      mensaje: `El archivo ${NO_ES_CARTERA}`,
    });
    const partes = await subirArchivos([
      { nombre: 'personas.csv', datos: hojas[0]?.datos ?? '' },
      { nombre: 'notas.pdf', datos: '%PDF-1.4', tipo: 'application/pdf' },
    ]);
    expect(partes.statusCode).toBe(415);
    expect(partes.json().error).toMatchObject({
      campo: 'archivo',
      mensaje: `«notas.pdf» ${NO_ES_CARTERA}`,
    });
  });

  it('un ZIP con demasiados archivos, que descomprimido pasa el límite, o con rutas fuera de su carpeta se rechaza sin escribir nada', async () => {
    const creditos = await contar('creditos');
    const muchos = await subirZip(
      escribirZip(
        Array.from({ length: 101 }, (_, i) => ({ nombre: `hoja${i}.csv`, datos: 'a\n' })),
      ),
    );
    expect(muchos.statusCode).toBe(400);
    expect(muchos.json().error).toMatchObject({
      campo: 'archivo',
      mensaje: 'El ZIP tiene 101 archivos; una cartera lleva a lo más 100 (un CSV por hoja).',
    });

    // A bomb: a few bytes that say they inflate to 600 MB. Refused before inflating anything.
    const bomba = await subirZip(
      escribirZip([{ nombre: 'amortizaciones.csv', datos: 'a\n', declarado: 600 * 1024 * 1024 }]),
    );
    expect(bomba.statusCode).toBe(413);
    expect(bomba.json().error).toMatchObject({
      codigo: 'demasiado_grande',
      campo: 'archivo',
      mensaje:
        'Los CSV del ZIP suman 600 MB sin comprimir; el límite es de 512 MB. Divide la cartera en dos y súbelas una tras otra.',
    });

    // One that lies the other way (declares less than it inflates to) is stopped at its size.
    const mentiroso = await subirZip(
      escribirZip([{ nombre: 'personas.csv', datos: 'x'.repeat(10_000), declarado: 10 }]),
    );
    expect(mentiroso.statusCode).toBe(400);
    expect(mentiroso.json().error.mensaje).toBe(
      '«personas.csv» no se pudo leer del ZIP: el ZIP está dañado.',
    );

    const fuera = await subirZip(escribirZip([...hojas, { nombre: '../x.csv', datos: 'curp\n' }]));
    expect(fuera.statusCode).toBe(400);
    expect(fuera.json().error.mensaje).toBe(
      'El ZIP contiene «../x.csv», un nombre con ruta fuera de su carpeta: vuelve a comprimir solo los CSV.',
    );
    expect(existsSync(join(carpetaDeSubidas(), 'x.csv'))).toBe(false);

    const basura = await subirZip(Buffer.from('esto no es un zip'));
    expect(basura.statusCode).toBe(400);
    expect(basura.json().error.mensaje).toBe('El archivo no es un ZIP legible.');
    expect(await contar('creditos')).toBe(creditos);
  });
});
