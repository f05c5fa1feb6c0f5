import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { type AppDePrueba, crearAppDePrueba, type Sesion } from '../soporte/app-de-prueba.ts';
import { casoPublicado, guardarCaso } from '../soporte/fabricas.ts';
import { GIF, JPEG, PNG } from '../soporte/imagenes.ts';

const caso = casoPublicado('01-pago-parcial-con-atraso.json');
const MB = 1024 * 1024;
const PDF = Buffer.from('%PDF-1.4\n% pagaré firmado, escaneado\n%%EOF\n', 'latin1');

let t: AppDePrueba;
let datos: string;
let hermosillo: { id: number; numero: string };
let obregonTurnado: { id: number; numero: string };
let deOtroDespacho: { id: number; numero: string };
let vencido: { id: number; numero: string };
const s: Record<string, Sesion> = {};

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const archivosGuardados = () =>
  existsSync(join(datos, 'escaneos'))
    ? readdirSync(join(datos, 'escaneos'))
        .filter((d) => d !== 'tmp')
        .flatMap((d) => readdirSync(join(datos, 'escaneos', d)))
    : [];
const temporales = () =>
  existsSync(join(datos, 'escaneos', 'tmp')) ? readdirSync(join(datos, 'escaneos', 'tmp')) : [];

function subir(
  sesion: Sesion | undefined,
  creditoId: number,
  cuerpo: Buffer | Readable,
  opciones: { nombre?: string; tipo?: string; consulta?: string } = {},
) {
  return t.pedir('POST', `/api/creditos/${creditoId}/escaneos${opciones.consulta ?? ''}`, {
    sesion,
    cuerpo,
    encabezados: {
      'content-type': opciones.tipo ?? 'application/octet-stream',
      ...(opciones.nombre === undefined
        ? {}
        : { 'x-nombre-archivo': encodeURIComponent(opciones.nombre) }),
    },
  });
}

async function ultimaBitacora() {
  return t.base.db
    .selectFrom('bitacora')
    .select(['accion', 'objeto_id', 'actor_usuario', 'detalle'])
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
}

beforeAll(async () => {
  datos = mkdtempSync(join(tmpdir(), 'recupera-escaneos-'));
  t = await crearAppDePrueba({ carpetaDatos: datos });
  const [suyo, otro] = await t.base.db
    .insertInto('despachos')
    .values([{ nombre: 'Quijada y Asociados, S.C.' }, { nombre: 'Otro Despacho, S.C.' }])
    .returning('id')
    .execute();
  if (!suyo || !otro) throw new Error('sin despachos');
  await t.base.db
    .updateTable('usuarios')
    .set({ despacho_id: suyo.id })
    .where('usuario', '=', 'abogado')
    .execute();
  hermosillo = await guardarCaso(t.base.db, caso, { oficina: 'HMO' });
  obregonTurnado = await guardarCaso(t.base.db, caso, { oficina: 'OBR', despachoId: suyo.id });
  deOtroDespacho = await guardarCaso(t.base.db, caso, { oficina: 'OBR', despachoId: otro.id });
  vencido = await guardarCaso(t.base.db, caso, { oficina: 'OBR', despachoId: suyo.id });
  // The firm held it until yesterday (the test clock is on 2026-03-10).
  await t.base.db
    .updateTable('creditos')
    .set({ turnado_hasta: '2026-03-09' })
    .where('id', '=', vencido.id)
    .execute();
  for (const u of ['gestor', 'gestor.nogales', 'coordinador', 'contabilidad', 'abogado', 'admin'])
    s[u] = await t.entrar(u);
});
afterAll(async () => {
  await t.cerrar();
  rmSync(datos, { recursive: true, force: true });
});

describe('subir un escaneo', () => {
  it('guarda el archivo por su SHA-256 bajo DATA_DIR/escaneos, registra la fila y la bitácora', async () => {
    const r = await subir(s.gestor, hermosillo.id, PNG, {
      nombre: 'Pagaré firmado.png',
      tipo: 'image/png',
      consulta: '?descripcion=Anverso%20del%20pagar%C3%A9',
    });
    expect(r.statusCode).toBe(201);
    const hash = sha(PNG);
    expect(r.json()).toEqual({
      id: expect.any(Number),
      ministracionId: null,
      actuacionId: null,
      nombre: 'Pagaré firmado.png',
      tipo: 'image/png',
      bytes: PNG.length,
      sha256: hash,
      descripcion: 'Anverso del pagaré',
      subidoPor: 'Sofía Valenzuela Peña',
      subidoEn: '2026-03-10T16:00:00.000Z',
    });
    expect(existsSync(join(datos, 'escaneos', hash.slice(0, 2), hash))).toBe(true);
    expect(temporales()).toEqual([]);
    expect(await ultimaBitacora()).toMatchObject({
      accion: 'escaneo.subir',
      objeto_id: String(hermosillo.id),
      actor_usuario: 'gestor',
      detalle: { escaneoId: r.json().id, sha256: hash, bytes: PNG.length, tipo: 'image/png' },
    });
  });

  it('el tipo sale de los bytes: un PNG llamado .pdf y enviado como PDF se guarda como PNG', async () => {
    const r = await subir(s.gestor, hermosillo.id, Buffer.concat([PNG, Buffer.from('x')]), {
      nombre: 'contrato.pdf',
      tipo: 'application/pdf',
    });
    expect(r.statusCode).toBe(201);
    expect(r.json().tipo).toBe('image/png');
    const jpeg = await subir(s.gestor, hermosillo.id, JPEG, { nombre: 'ine', tipo: 'text/plain' });
    expect(jpeg.json().tipo).toBe('image/jpeg');
  });

  it('415 para bytes que no son PDF, JPG ni PNG aunque se llamen .pdf; nada queda en disco', async () => {
    const antes = archivosGuardados().length;
    const filas = await t.base.db.selectFrom('escaneos').select('id').execute();
    for (const cuerpo of [GIF, Buffer.from('hola, no soy un PDF'), Buffer.from('%PD')]) {
      const r = await subir(s.gestor, hermosillo.id, cuerpo, {
        nombre: 'pagaré.pdf',
        tipo: 'application/pdf',
      });
      expect(r.statusCode).toBe(415);
      expect(r.json().error).toMatchObject({
        codigo: 'tipo_no_admitido',
        campo: 'archivo',
        mensaje: expect.stringMatching(/no es un PDF, un JPG ni un PNG/),
      });
    }
    expect(archivosGuardados().length).toBe(antes);
    expect(temporales()).toEqual([]);
    expect(await t.base.db.selectFrom('escaneos').select('id').execute()).toHaveLength(
      filas.length,
    );
  });

  it('413 por encima de 20 MB: por el tamaño que declara y por lo que de verdad llega', async () => {
    const grande = Buffer.alloc(20 * MB + 1, 0x20);
    PDF.copy(grande);
    const declarado = await subir(s.gestor, hermosillo.id, grande, { nombre: 'enorme.pdf' });
    expect(declarado.statusCode).toBe(413);
    expect(declarado.json().error).toMatchObject({
      codigo: 'demasiado_grande',
      mensaje: expect.stringMatching(/20 MB/),
    });
    // Without a Content-Length (a chunked upload), the copy stops at the first byte too many.
    const enFlujo = await subir(s.gestor, hermosillo.id, Readable.from(trozos(grande)), {
      nombre: 'enorme.pdf',
    });
    expect(enFlujo.statusCode).toBe(413);
    expect(temporales()).toEqual([]);
  });

  it('acepta un PDF de 19 MB recibido en trozos, con el hash de todos sus bytes', async () => {
    const cuerpo = Buffer.alloc(19 * MB, 0x41);
    PDF.copy(cuerpo);
    const r = await subir(s.coordinador, hermosillo.id, Readable.from(trozos(cuerpo)), {
      nombre: 'expediente completo.pdf',
    });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({
      tipo: 'application/pdf',
      bytes: 19 * MB,
      sha256: sha(cuerpo),
    });
  });

  it('el mismo archivo dos veces es un solo archivo; en la misma pieza, el mismo escaneo', async () => {
    const nuevo = await subir(s.gestor, hermosillo.id, PDF, { nombre: 'a.pdf' });
    expect(nuevo.statusCode).toBe(201);
    const antes = archivosGuardados().length;
    const repetido = await subir(s.gestor, hermosillo.id, PDF, { nombre: 'a.pdf' });
    expect(repetido.statusCode).toBe(200);
    expect(repetido.json().id).toBe(nuevo.json().id);
    const ministracion = await t.base.db
      .selectFrom('ministraciones')
      .select('id')
      .where('credito_id', '=', hermosillo.id)
      .executeTakeFirstOrThrow();
    const enPagare = await subir(s.gestor, hermosillo.id, PDF, {
      nombre: 'a.pdf',
      consulta: `?ministracionId=${ministracion.id}`,
    });
    expect(enPagare.statusCode).toBe(201);
    expect(enPagare.json()).toMatchObject({ ministracionId: ministracion.id, sha256: sha(PDF) });
    expect(enPagare.json().id).not.toBe(nuevo.json().id);
    const enOtroCredito = await subir(s.admin, obregonTurnado.id, PDF, { nombre: 'b.pdf' });
    expect(enOtroCredito.statusCode).toBe(201);
    expect(archivosGuardados().length).toBe(antes);
    expect(
      await t.base.db.selectFrom('escaneos').select('id').where('sha256', '=', sha(PDF)).execute(),
    ).toHaveLength(3);
  });

  it('una ministración de otro crédito, un archivo vacío o sin nombre: 400 que nombra el campo', async () => {
    const ajena = await t.base.db
      .selectFrom('ministraciones')
      .select('id')
      .where('credito_id', '=', obregonTurnado.id)
      .executeTakeFirstOrThrow();
    const r = await subir(s.gestor, hermosillo.id, PNG, {
      nombre: 'x.png',
      consulta: `?ministracionId=${ajena.id}`,
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.campo).toBe('ministracionId');
    const vacio = await subir(s.gestor, hermosillo.id, Buffer.alloc(0), { nombre: 'x.png' });
    expect(vacio.statusCode).toBe(400);
    const sinNombre = await subir(s.gestor, hermosillo.id, PNG);
    expect(sinNombre.statusCode).toBe(400);
    expect(sinNombre.json().error.mensaje).toMatch(/x-nombre-archivo/);
  });
});

describe('alcance', () => {
  let escaneoHmo: number;
  beforeAll(async () => {
    escaneoHmo = (await subir(s.gestor, hermosillo.id, JPEG, { nombre: 'hmo.jpg' })).json().id;
  });

  it('un gestor de Nogales no sube, no lista, no ve ni descarga los de Hermosillo (403), y nada se escribe', async () => {
    const antes = archivosGuardados().length;
    const subida = await subir(s['gestor.nogales'], hermosillo.id, Buffer.concat([PNG, PNG]), {
      nombre: 'intruso.png',
    });
    expect(subida.statusCode).toBe(403);
    expect(archivosGuardados().length).toBe(antes);
    expect(temporales()).toEqual([]);
    for (const url of [
      `/api/creditos/${hermosillo.id}/escaneos`,
      `/api/escaneos/${escaneoHmo}`,
      `/api/creditos/${hermosillo.id}/escaneos.zip`,
    ]) {
      expect((await t.pedir('GET', url, { sesion: s['gestor.nogales'] })).statusCode).toBe(403);
    }
  });

  it('el abogado solo en la cuenta turnada a su despacho y vigente; lo demás no existe para él', async () => {
    const suya = await subir(s.abogado, obregonTurnado.id, JPEG, { nombre: 'demanda.jpg' });
    expect(suya.statusCode).toBe(201);
    const ver = await t.pedir('GET', `/api/escaneos/${suya.json().id}`, { sesion: s.abogado });
    expect(ver.statusCode).toBe(200);
    for (const id of [hermosillo.id, deOtroDespacho.id, vencido.id]) {
      expect((await subir(s.abogado, id, JPEG, { nombre: 'x.jpg' })).statusCode).toBe(404);
      const lista = await t.pedir('GET', `/api/creditos/${id}/escaneos`, { sesion: s.abogado });
      expect(lista.statusCode).toBe(404);
    }
    const ajeno = await t.pedir('GET', `/api/escaneos/${escaneoHmo}`, { sesion: s.abogado });
    expect(ajeno.statusCode).toBe(404);
  });

  it('contabilidad no tiene escaneos (403) y un escaneo inexistente es 404', async () => {
    const r = await t.pedir('GET', `/api/escaneos/${escaneoHmo}`, { sesion: s.contabilidad });
    expect(r.statusCode).toBe(403);
    expect((await t.pedir('GET', '/api/escaneos/999999', { sesion: s.admin })).statusCode).toBe(
      404,
    );
  });
});

describe('ver, listar y descargar', () => {
  let credito: { id: number; numero: string };
  beforeAll(async () => {
    credito = await guardarCaso(t.base.db, caso, { oficina: 'HMO' });
  });

  it('GET /api/escaneos/:id entrega los bytes tal cual, en línea, y la vista queda en la bitácora', async () => {
    const subido = (
      await subir(s.gestor, credito.id, JPEG, { nombre: 'Credencial «INE».jpg' })
    ).json();
    const r = await t.pedir('GET', `/api/escaneos/${subido.id}`, { sesion: s.coordinador });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('image/jpeg');
    expect(r.headers['content-disposition']).toBe(
      `inline; filename="Credencial _INE_.jpg"; filename*=UTF-8''${encodeURIComponent('Credencial «INE».jpg')}`,
    );
    expect(r.rawPayload.equals(JPEG)).toBe(true);
    expect(await ultimaBitacora()).toMatchObject({
      accion: 'escaneo.consultar',
      objeto_id: String(credito.id),
      actor_usuario: 'coordinador',
      detalle: { escaneoId: subido.id },
    });
  });

  it('la lista trae los escaneos del crédito en el orden en que se adjuntaron', async () => {
    await subir(s.gestor, credito.id, PDF, { nombre: 'pagaré 1.pdf' });
    const r = await t.pedir('GET', `/api/creditos/${credito.id}/escaneos`, { sesion: s.gestor });
    expect(r.statusCode).toBe(200);
    expect(r.json().escaneos.map((e: { nombre: string }) => e.nombre)).toEqual([
      'Credencial «INE».jpg',
      'pagaré 1.pdf',
    ]);
    expect((await ultimaBitacora()).accion).toBe('escaneos.listar');
  });

  it('el ZIP trae los originales como <id>-<nombre> y un manifiesto SHA-256 que los verifica', async () => {
    const r = await t.pedir('GET', `/api/creditos/${credito.id}/escaneos.zip`, {
      sesion: s.admin,
    });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/zip');
    const entradas = await leerZip(r.rawPayload);
    const lista = (
      await t.pedir('GET', `/api/creditos/${credito.id}/escaneos`, { sesion: s.admin })
    ).json().escaneos as Array<{ id: number; nombre: string; sha256: string }>;
    const nombres = lista.map((e) => `${e.id}-${e.nombre}`);
    expect([...entradas.keys()]).toEqual([...nombres, 'MANIFIESTO-SHA256.txt']);
    expect(entradas.get(nombres[0] ?? '')?.equals(JPEG)).toBe(true);
    expect(entradas.get(nombres[1] ?? '')?.equals(PDF)).toBe(true);
    const manifiesto = entradas.get('MANIFIESTO-SHA256.txt')?.toString('utf8') ?? '';
    expect(manifiesto).toBe(lista.map((e) => `${e.sha256}  ${e.id}-${e.nombre}\n`).join(''));
    for (const [nombre, contenido] of entradas) {
      if (nombre !== 'MANIFIESTO-SHA256.txt')
        expect(manifiesto).toContain(`${sha(contenido)}  ${nombre}\n`);
    }
  });

  it('si el archivo falta en DATA_DIR (una base restaurada sin su carpeta) lo dice, sin 500', async () => {
    const gif = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), GIF]);
    const subido = (await subir(s.gestor, credito.id, gif, { nombre: 'perdido.png' })).json();
    rmSync(join(datos, 'escaneos', subido.sha256.slice(0, 2), subido.sha256));
    const r = await t.pedir('GET', `/api/escaneos/${subido.id}`, { sesion: s.gestor });
    expect(r.statusCode).toBe(404);
    expect(r.json().error.mensaje).toMatch(/DATA_DIR\/escaneos/);
    const zip = await t.pedir('GET', `/api/creditos/${credito.id}/escaneos.zip`, {
      sesion: s.gestor,
    });
    expect(zip.statusCode).toBe(404);
  });
});

describe('por HTTP de verdad', () => {
  it('el cliente lee el 415 y el 413 mientras aún envía: la conexión no se corta', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const enviar = (cuerpo: Buffer | ReadableStream<Uint8Array>) =>
      fetch(`http://127.0.0.1:${port}/api/creditos/${hermosillo.id}/escaneos`, {
        method: 'POST',
        body: cuerpo,
        duplex: 'half',
        headers: {
          cookie: s.gestor?.cookie ?? '',
          'x-csrf-token': s.gestor?.csrf ?? '',
          'x-nombre-archivo': 'pagare.pdf',
          'content-type': 'application/pdf',
        },
      } as RequestInit);
    const noEsPdf = await enviar(Buffer.alloc(5 * MB, 0x41));
    expect(noEsPdf.status).toBe(415);
    expect(((await noEsPdf.json()) as CuerpoDeError).error.codigo).toBe('tipo_no_admitido');
    const grande = Buffer.alloc(21 * MB, 0x20);
    PDF.copy(grande);
    const enTrozos = await enviar(
      Readable.toWeb(Readable.from(trozos(grande))) as ReadableStream<Uint8Array>,
    );
    expect(enTrozos.status).toBe(413);
    expect(((await enTrozos.json()) as CuerpoDeError).error.codigo).toBe('demasiado_grande');
    expect((await enviar(Buffer.concat([PNG, Buffer.from('http')]))).status).toBe(201);
    expect(temporales()).toEqual([]);
  });
});

type CuerpoDeError = { error: { codigo: string } };

function* trozos(b: Buffer, tamano = 64 * 1024): Generator<Buffer> {
  for (let i = 0; i < b.length; i += tamano) yield b.subarray(i, i + tamano);
}

function leerZip(zip: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((listo, falla) => {
    yauzl.fromBuffer(zip, { lazyEntries: true }, (e, archivo) => {
      if (e || !archivo) return falla(e);
      const entradas = new Map<string, Buffer>();
      archivo.on('entry', (entrada: yauzl.Entry) => {
        archivo.openReadStream(entrada, (err, flujo) => {
          if (err || !flujo) return falla(err);
          const partes: Buffer[] = [];
          flujo.on('data', (p: Buffer) => partes.push(p));
          flujo.on('end', () => {
            entradas.set(entrada.fileName, Buffer.concat(partes));
            archivo.readEntry();
          });
        });
      });
      archivo.on('end', () => listo(entradas));
      archivo.readEntry();
    });
  });
}
