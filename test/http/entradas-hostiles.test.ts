import Fastify, { type FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generarReferencia } from '../../src/domain/referencia.ts';
import { manejarError } from '../../src/http/errores-http.ts';
import { type AppDePrueba, crearAppDePrueba, type Sesion } from '../soporte/app-de-prueba.ts';
import { casoPublicado, guardarCaso } from '../soporte/fabricas.ts';

/**
 * The inputs that answered 500 `error_interno` (issue 13, item 1) and the invisible characters
 * names accepted (item 7): each one is now a 400 `entrada_invalida` whose Spanish message names
 * the field, and nothing is written.
 */

let t: AppDePrueba;
const s: Record<string, Sesion> = {};
let credito: { id: number };
let persona: number;
let pago: number;
let turno: number;
let gestorId: number;

const TABLAS = [
  'usuarios',
  'sesiones',
  'intentos_login',
  'bitacora',
  'personas',
  'domicilios',
  'movimientos',
  'turnos',
  'recados',
  'resultados_gestion',
  'solicitudes_idempotentes',
] as const;

/** Rows per table: what "nothing changed" is checked against. */
async function conteos(): Promise<Record<string, number>> {
  const r: Record<string, number> = {};
  for (const tabla of TABLAS) {
    const { n } = await t.base.db
      .selectFrom(tabla)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    r[tabla] = Number(n);
  }
  return r;
}

beforeAll(async () => {
  t = await crearAppDePrueba();
  t.reloj.fijar('2024-06-30T18:00:00Z');
  credito = await guardarCaso(t.base.db, casoPublicado('01-pago-parcial-con-atraso.json'));
  const p = await t.base.db
    .selectFrom('participantes_credito')
    .select('persona_id')
    .where('credito_id', '=', credito.id)
    .executeTakeFirstOrThrow();
  persona = p.persona_id;
  for (const u of ['admin', 'gestor', 'coordinador', 'contabilidad']) s[u] = await t.entrar(u);
  const r = await t.pedir('POST', `/api/creditos/${credito.id}/pagos`, {
    sesion: s.gestor,
    cuerpo: { fecha: '2024-06-30', monto: '100.00', canal: 'caja', referencia: 'F-1' },
    encabezados: { 'idempotency-key': 'pago-de-partida-1' },
  });
  expect(r.statusCode).toBe(201);
  pago = r.json().movimiento.id;
  const nuevo = await t.pedir('POST', '/api/turnos', {
    sesion: s.gestor,
    cuerpo: { nombre: 'María López', motivo: 'abono' },
  });
  expect(nuevo.statusCode).toBe(201);
  turno = nuevo.json().id;
  const g = await t.base.db
    .selectFrom('usuarios')
    .select('id')
    .where('usuario', '=', 'gestor')
    .executeTakeFirstOrThrow();
  gestorId = g.id;
});
afterAll(() => t.cerrar());

interface Caso {
  nombre: string;
  metodo: string;
  url: () => string;
  sesion?: string;
  cuerpo?: () => unknown;
  encabezados?: Record<string, string>;
  campo: string;
  mensaje: RegExp;
}

const NUL = '\u0000';
const CASOS: Caso[] = [
  // Ids above PostgreSQL's integer, in the path and in a body.
  ...[
    '/api/creditos/2147483648',
    '/api/creditos/2147483648/movimientos',
    '/api/personas/2147483648/ficha',
    '/api/convenios/2147483648',
  ].map(
    (url): Caso => ({
      nombre: `GET ${url}`,
      metodo: 'GET',
      url: () => url,
      sesion: 'gestor',
      campo: 'id',
      mensaje: /^Campo «id»: no es un número de registro válido/,
    }),
  ),
  {
    nombre: 'POST /api/recados/2147483648/lectura',
    metodo: 'POST',
    url: () => '/api/recados/2147483648/lectura',
    sesion: 'gestor',
    campo: 'id',
    mensaje: /^Campo «id»: no es un número de registro válido/,
  },
  {
    nombre: 'un personaId de más de 2,147,483,647 en el cuerpo',
    metodo: 'PUT',
    url: () => `/api/turnos/${turno}/persona`,
    sesion: 'gestor',
    cuerpo: () => ({ personaId: 2_147_483_648 }),
    campo: 'personaId',
    mensaje: /^Campo «personaId»: no es un número de registro válido/,
  },
  {
    nombre: 'un creditoId de más de 2,147,483,647 en una simulación',
    metodo: 'POST',
    url: () => '/api/simulaciones',
    sesion: 'gestor',
    cuerpo: () => ({ creditoId: 9_007_199_254_740_991 }),
    campo: 'creditoId',
    mensaje: /^Campo «creditoId»: no es un número de registro válido/,
  },
  // The year 0000 and years past what PostgreSQL takes.
  {
    nombre: 'GET /api/turnos?fecha=0000-01-01',
    metodo: 'GET',
    url: () => '/api/turnos?fecha=0000-01-01',
    sesion: 'gestor',
    campo: 'fecha',
    mensaje: /^Campo «fecha»: debe ser una fecha entre 1900 y 2200\.$/,
  },
  {
    nombre: 'GET /api/caja/corte?fecha=0000-01-01',
    metodo: 'GET',
    url: () => '/api/caja/corte?fecha=0000-01-01',
    sesion: 'contabilidad',
    campo: 'fecha',
    mensaje: /^Campo «fecha»: debe ser una fecha entre 1900 y 2200\.$/,
  },
  {
    nombre: 'un pago con "fecha":"0000-01-01"',
    metodo: 'POST',
    url: () => `/api/creditos/${credito.id}/pagos`,
    sesion: 'gestor',
    cuerpo: () => ({ fecha: '0000-01-01', monto: '100.00', canal: 'caja', referencia: 'F-2' }),
    encabezados: { 'idempotency-key': 'pago-anio-cero' },
    campo: 'fecha',
    mensaje: /^Campo «fecha»: debe ser una fecha entre 1900 y 2200\.$/,
  },
  {
    nombre: 'un estado de cuenta al 9999-12-31',
    metodo: 'GET',
    url: () => `/api/creditos/${credito.id}/estado-de-cuenta?fecha=9999-12-31`,
    sesion: 'gestor',
    campo: 'fecha',
    mensaje: /^Campo «fecha»: debe ser una fecha entre 1900 y 2200\.$/,
  },
  {
    nombre: 'la cobertura del mes 0000-01',
    metodo: 'GET',
    url: () => '/api/indicadores/cobertura?mes=0000-01',
    sesion: 'coordinador',
    campo: 'mes',
    mensaje: /^Campo «mes»: debe ser una fecha entre 1900 y 2200\.$/,
  },
  {
    nombre: 'un recado para volver a llamar el 0000-01-01',
    metodo: 'POST',
    url: () => '/api/recados',
    sesion: 'gestor',
    cuerpo: () => ({
      paraId: gestorId,
      llamanteNombre: 'María López',
      mensaje: 'Que le llamen.',
      volverALlamar: '0000-01-01T10:00:00Z',
    }),
    campo: 'volverALlamar',
    mensaje: /^Campo «volverALlamar»: debe ser una fecha entre 1900 y 2200\.$/,
  },
  // NUL in names, search, reference and reason.
  {
    nombre: 'NUL en el nombre de un turno',
    metodo: 'POST',
    url: () => '/api/turnos',
    sesion: 'gestor',
    cuerpo: () => ({ nombre: `Ana${NUL}Ruiz`, motivo: 'abono' }),
    campo: 'nombre',
    mensaje: /^Campo «nombre»: contiene un carácter invisible o de control \(U\+0000\)/,
  },
  {
    nombre: 'NUL en el nombre de un usuario',
    metodo: 'POST',
    url: () => '/api/usuarios',
    sesion: 'admin',
    cuerpo: () => ({
      usuario: 'nuevo.gestor',
      nombre: `Nuevo${NUL}`,
      rol: 'gestor',
      oficinaId: 1,
      contrasena: 'Contrasena.Larga1',
    }),
    campo: 'nombre',
    mensaje: /U\+0000/,
  },
  {
    nombre: 'NUL en la calle de un domicilio',
    metodo: 'POST',
    url: () => `/api/personas/${persona}/domicilios`,
    sesion: 'gestor',
    cuerpo: () => ({ calle: `Reforma${NUL}`, municipio: 'Hermosillo' }),
    campo: 'calle',
    mensaje: /U\+0000/,
  },
  {
    nombre: 'NUL en la búsqueda',
    metodo: 'GET',
    url: () => '/api/buscar?q=Jos%00',
    sesion: 'gestor',
    campo: 'q',
    mensaje: /^Campo «q»: contiene un carácter invisible o de control \(U\+0000\)/,
  },
  {
    nombre: 'NUL en el número de crédito que se busca',
    metodo: 'GET',
    url: () => '/api/creditos?numero=CE%00',
    sesion: 'gestor',
    campo: 'numero',
    mensaje: /U\+0000/,
  },
  {
    nombre: 'NUL en la referencia de un pago',
    metodo: 'POST',
    url: () => `/api/creditos/${credito.id}/pagos`,
    sesion: 'gestor',
    cuerpo: () => ({ fecha: '2024-06-30', monto: '100.00', canal: 'caja', referencia: `F${NUL}3` }),
    encabezados: { 'idempotency-key': 'pago-con-nul' },
    campo: 'referencia',
    mensaje: /^Campo «referencia»: contiene un carácter invisible o de control \(U\+0000\)/,
  },
  {
    nombre: 'NUL en el motivo de una cancelación',
    metodo: 'POST',
    url: () => `/api/movimientos/${pago}/cancelacion`,
    sesion: 'coordinador',
    cuerpo: () => ({ motivo: `Error${NUL} de captura` }),
    encabezados: { 'idempotency-key': 'cancelacion-con-nul' },
    campo: 'motivo',
    mensaje: /^Campo «motivo»: contiene un carácter invisible o de control \(U\+0000\)/,
  },
  {
    nombre: 'NUL en el usuario al entrar, sin sesión',
    metodo: 'POST',
    url: () => '/api/sesion',
    cuerpo: () => ({ usuario: `admin${NUL}`, contrasena: 'Recupera.2026' }),
    campo: 'usuario',
    mensaje: /^Campo «usuario»: contiene un carácter invisible o de control \(U\+0000\)/,
  },
  // A malformed percent-encoding in the uploaded file's name.
  {
    nombre: 'x-nombre-archivo: %ZZ al importar la cartera',
    metodo: 'POST',
    url: () => '/api/importaciones',
    sesion: 'admin',
    cuerpo: () => Buffer.from('PK\u0003\u0004 no importa: el nombre se lee antes'),
    encabezados: {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'x-nombre-archivo': '%ZZ',
    },
    campo: 'x-nombre-archivo',
    mensaje: /^Campo «x-nombre-archivo»: debe ser el nombre del archivo codificado/,
  },
  {
    nombre: 'x-nombre-archivo con un NUL codificado al importar un estado bancario',
    metodo: 'POST',
    url: () => '/api/conciliacion/estados-bancarios',
    sesion: 'contabilidad',
    cuerpo: () =>
      `fecha,referencia,importe,folio_banco,concepto\r\n29/06/2024,${generarReferencia(credito.id)},50.00,F-9,DEPOSITO`,
    encabezados: {
      'content-type': 'text/csv; charset=utf-8',
      'x-nombre-archivo': 'estado%00.csv',
      'idempotency-key': 'estado-con-nul',
    },
    campo: 'x-nombre-archivo',
    mensaje: /U\+0000/,
  },
  // Invisible characters in names (item 7): zero-width and right-to-left overrides.
  {
    nombre: 'un espacio de ancho cero en el nombre de un usuario',
    metodo: 'POST',
    url: () => '/api/usuarios',
    sesion: 'admin',
    cuerpo: () => ({
      usuario: 'nuevo.gestor',
      nombre: 'Ana\u200bLucía',
      rol: 'gestor',
      oficinaId: 1,
      contrasena: 'Contrasena.Larga1',
    }),
    campo: 'nombre',
    mensaje: /^Campo «nombre»: contiene un carácter invisible o de control \(U\+200B\)/,
  },
  {
    nombre: 'una marca de derecha a izquierda en el nombre de quien llama',
    metodo: 'POST',
    url: () => '/api/recados',
    sesion: 'gestor',
    cuerpo: () => ({
      paraId: gestorId,
      llamanteNombre: 'José \u202eoiraM',
      mensaje: 'Que le llamen.',
    }),
    campo: 'llamanteNombre',
    mensaje: /U\+202E/,
  },
  {
    nombre: 'un BOM en el nombre de un turno',
    metodo: 'POST',
    url: () => '/api/turnos',
    sesion: 'gestor',
    cuerpo: () => ({ nombre: '\ufeffMaría', motivo: 'abono' }),
    campo: 'nombre',
    mensaje: /U\+FEFF/,
  },
  {
    nombre: 'un salto de línea en un nombre (de una sola línea)',
    metodo: 'POST',
    url: () => '/api/turnos',
    sesion: 'gestor',
    cuerpo: () => ({ nombre: 'María\nLópez', motivo: 'abono' }),
    campo: 'nombre',
    mensaje: /^Campo «nombre»: no admite saltos de línea ni tabuladores\.$/,
  },
  {
    nombre: 'un escape ANSI en el motivo de una cancelación',
    metodo: 'POST',
    url: () => `/api/movimientos/${pago}/cancelacion`,
    sesion: 'coordinador',
    cuerpo: () => ({ motivo: 'Captura \u001b[31mequivocada' }),
    encabezados: { 'idempotency-key': 'cancelacion-con-escape' },
    campo: 'motivo',
    mensaje: /U\+001B/,
  },
  // Found by the fuzz test: a change with nothing to change was an UPDATE without a SET.
  {
    nombre: 'un cambio vacío de un resultado de gestión',
    metodo: 'PATCH',
    url: () => '/api/resultados-gestion/1',
    sesion: 'admin',
    cuerpo: () => ({}),
    campo: '',
    mensaje: /^Solicitud inválida: indica qué cambiar/,
  },
];

describe('entradas hostiles: 400 que nombra el campo, y nada se escribe', () => {
  it.each(CASOS)('$nombre', async (c) => {
    const antes = await conteos();
    const r = await t.pedir(c.metodo, c.url(), {
      sesion: c.sesion === undefined ? undefined : s[c.sesion],
      cuerpo: c.cuerpo?.(),
      encabezados: c.encabezados,
    });
    expect(r.statusCode, r.body).toBe(400);
    const { error } = r.json();
    expect(error.codigo).toBe('entrada_invalida');
    expect(error.mensaje).toMatch(c.mensaje);
    if (c.campo === '') expect(error.campo).toBeUndefined();
    else expect(error.campo).toBe(c.campo);
    expect(await conteos()).toEqual(antes);
  });

  it('un estado bancario con el año 0000 o un NUL señala la línea y la columna', async () => {
    const antes = await conteos();
    const referencia = generarReferencia(credito.id);
    const r = await t.pedir('POST', '/api/conciliacion/estados-bancarios', {
      sesion: s.contabilidad,
      cuerpo: [
        'fecha,referencia,importe,folio_banco,concepto',
        `01/01/0000,${referencia},50.00,F-10,DEPOSITO`,
        `29/06/2024,${referencia},50.00,F-11,DEPOSITO${NUL}SUC`,
      ].join('\r\n'),
      encabezados: {
        'content-type': 'text/csv; charset=utf-8',
        'x-nombre-archivo': 'estado-junio.csv',
        'idempotency-key': 'estado-hostil',
      },
    });
    expect(r.statusCode, r.body).toBe(400);
    expect(r.json().error).toMatchObject({ codigo: 'entrada_invalida', campo: 'archivo' });
    expect(r.json().error.errores).toEqual([
      { linea: 2, columna: 'fecha', motivo: 'debe ser una fecha entre 1900 y 2200' },
      {
        linea: 3,
        columna: 'concepto',
        motivo: 'contiene un carácter invisible o de control (U+0000) que no se admite',
      },
    ]);
    expect(await conteos()).toEqual(antes);
  });

  it('una operación con Idempotency-Key sin cuerpo no es un 500', async () => {
    const r = await t.pedir('POST', '/api/convenios/revision', {
      sesion: s.coordinador,
      encabezados: { 'idempotency-key': 'revision-sin-cuerpo' },
    });
    expect(r.statusCode).toBeLessThan(500);
  });
});

describe('texto normalizado', () => {
  it('un nombre escrito con acentos combinantes se guarda en NFC', async () => {
    const r = await t.pedir('POST', '/api/usuarios', {
      sesion: s.admin,
      cuerpo: {
        usuario: 'jose.nfc',
        // "José Núñez" with the accents as separate combining marks (NFD).
        nombre: 'Jose\u0301 Nu\u0301n\u0303ez',
        rol: 'gestor',
        oficinaId: 1,
        contrasena: 'Contrasena.Larga1',
      },
    });
    expect(r.statusCode).toBe(201);
    const fila = await t.base.db
      .selectFrom('usuarios')
      .select('nombre')
      .where('usuario', '=', 'jose.nfc')
      .executeTakeFirstOrThrow();
    expect(fila.nombre).toBe('José Núñez');
    expect(fila.nombre).toBe(fila.nombre.normalize('NFC'));
    expect(fila.nombre).toHaveLength(10);
  });

  it('un texto de varias líneas admite saltos de línea y emoji compuestos', async () => {
    const r = await t.pedir('POST', '/api/recados', {
      sesion: s.gestor,
      cuerpo: {
        paraId: gestorId,
        llamanteNombre: 'María López',
        mensaje: 'Llamó dos veces.\r\n\tQuiere saber cuánto debe 👨‍👩‍👧',
      },
    });
    expect(r.statusCode, r.body).toBe(201);
    const guardado = await t.base.db
      .selectFrom('recados')
      .select('mensaje')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(guardado.mensaje).toBe('Llamó dos veces.\r\n\tQuiere saber cuánto debe 👨‍👩‍👧');
  });
});

describe('red de seguridad: un dato que PostgreSQL rechaza (SQLSTATE clase 22) es un 400', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    // A route with no schema at all, straight to the database: what a gap in a schema would do.
    app = Fastify();
    app.setErrorHandler(manejarError);
    app.post('/eco', async (request) => {
      const { valor, tipo } = request.body as { valor: string; tipo: string };
      const r = await sql<{ v: unknown }>`SELECT ${valor}::${sql.raw(tipo)} AS v`.execute(
        t.base.db,
      );
      return { v: r.rows[0]?.v };
    });
    await app.ready();
  });
  afterAll(() => app.close());

  const eco = (valor: string, tipo: string) =>
    app.inject({ method: 'POST', url: '/eco', payload: { valor, tipo } });

  it.each([
    ['un NUL en texto (22021)', 'a\u0000b', 'text'],
    ['el año 0000 (22008)', '0000-01-01', 'date'],
    ['un entero fuera de rango (22003)', '2147483648', 'integer'],
    ['un número que no es número (22P02)', 'doce', 'integer'],
  ])('%s', async (_nombre, valor, tipo) => {
    const r = await eco(valor, tipo);
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toEqual({
      codigo: 'entrada_invalida',
      mensaje: expect.stringMatching(/^Algún dato de la solicitud tiene un valor que no se puede/),
    });
  });

  it('solo la clase 22: cualquier otro error de la base sigue siendo un 500', async () => {
    const r = await eco('1', 'tipo_que_no_existe');
    expect(r.statusCode).toBe(500);
    expect(r.json().error.codigo).toBe('error_interno');
  });
});
