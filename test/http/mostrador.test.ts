import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Avisos, iniciarAvisos } from '../../src/plataforma/avisos.ts';
import { type AppDePrueba, crearAppDePrueba, type Sesion } from '../soporte/app-de-prueba.ts';
import { crearBaseDePrueba } from '../soporte/base-de-prueba.ts';
import { proponerOferta } from '../soporte/convenios.ts';
import { casoPublicado, guardarCaso } from '../soporte/fabricas.ts';
import {
  ANGEL_DE_HERMOSILLO,
  ANGEL_DE_URES,
  type DatosDePersona,
  guardarPersonaConCredito,
  XOCHITL_DE_NOGALES,
} from '../soporte/homonimos.ts';
import { textoDePdf } from '../soporte/pdf.ts';

// Issue 14 item 6: the counter tells homonyms apart, pages on, finds part of a phone, sends a
// walk-in of another office there, and tells the gestor live when a convenio is decided.
const caso = casoPublicado('01-pago-parcial-con-atraso.json');

let t: AppDePrueba;
let avisos: Avisos;
const s: Record<string, Sesion> = {};

interface Hallazgo {
  personaId: number;
  nombre: string;
  roles: string[];
  creditos: string[];
  anioNacimiento: number | null;
  municipio: string | null;
  curp: string | null;
}
interface Resultado {
  resultados: Hallazgo[];
  hayMas: boolean;
  otrasOficinas: Array<{ clave: string; nombre: string }>;
}

const persona = (oficina: 'HMO' | 'OBR' | 'NOG', datos: DatosDePersona) =>
  guardarPersonaConCredito(t.base.db, caso, oficina, datos);

const buscar = async (q: string, quien = 'gestor', pagina?: number): Promise<Resultado> => {
  const r = await t.pedir(
    'GET',
    `/api/buscar?q=${encodeURIComponent(q)}${pagina === undefined ? '' : `&pagina=${pagina}`}`,
    { sesion: s[quien] },
  );
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
};

let angel1: Awaited<ReturnType<typeof persona>>;
let angel2: Awaited<ReturnType<typeof persona>>;
let forastera: Awaited<ReturnType<typeof persona>>;

beforeAll(async () => {
  const base = await crearBaseDePrueba();
  avisos = await iniciarAvisos(base.url, ['turnos', 'recados', 'convenios']);
  t = await crearAppDePrueba({ avisos }, base);
  t.reloj.fijar('2024-06-30T18:00:00Z');
  angel1 = await persona('HMO', ANGEL_DE_HERMOSILLO);
  angel2 = await persona('HMO', ANGEL_DE_URES);
  forastera = await persona('NOG', XOCHITL_DE_NOGALES);
  for (const u of ['gestor', 'coordinador', 'gestor.nogales', 'admin']) s[u] = await t.entrar(u);
});
afterAll(async () => {
  await avisos?.cerrar();
  await t?.cerrar();
});

describe('búsqueda en ventanilla', () => {
  it('dos «Ángel Íñiguez Noriega» se distinguen por año de nacimiento, municipio y CURP enmascarada', async () => {
    const r = await buscar('angel iniguez noriega');
    const dos = r.resultados.filter((h) => h.nombre === 'Ángel Íñiguez Noriega');
    expect(dos).toHaveLength(2);
    const por = new Map(dos.map((h) => [h.personaId, h]));
    expect(por.get(angel1.personaId)).toMatchObject({
      anioNacimiento: 1985,
      municipio: 'Hermosillo',
      curp: 'IINA85…N07',
      creditos: [angel1.numero],
    });
    expect(por.get(angel2.personaId)).toMatchObject({
      anioNacimiento: 1999,
      municipio: 'Ures',
      curp: 'IINA99…N02',
      creditos: [angel2.numero],
    });
    // The CURP never goes whole in a list.
    expect(JSON.stringify(r)).not.toContain('IINA850312');
  });

  it('una persona sin domicilio ni fecha de nacimiento sale con esos datos en null', async () => {
    const sin = await persona('HMO', {
      nombres: 'Eréndira',
      primerApellido: 'Sinfecha',
      segundoApellido: 'Lugo',
      curp: 'SILE800101MSRNGR01',
      nacimiento: '1980-01-01',
      municipio: null,
    });
    await t.base.db
      .updateTable('personas')
      .set({ fecha_nacimiento: null })
      .where('id', '=', sin.personaId)
      .execute();
    const [h] = (await buscar('erendira sinfecha')).resultados;
    expect(h).toMatchObject({ personaId: sin.personaId, anioNacimiento: null, municipio: null });
  });

  it('más de 20: la primera página dice que hay más y la segunda trae el resto, sin repetir a nadie', async () => {
    for (let i = 0; i < 23; i++) {
      await persona('OBR', {
        nombres: `Homónimo${String.fromCharCode(65 + i)}`,
        primerApellido: 'Paginado',
        segundoApellido: 'Cajeme',
        curp: `PACH${String(800101 + i)}HSRGJM0${i % 10}`,
        nacimiento: '1980-01-01',
        municipio: 'Cajeme',
      });
    }
    const uno = await buscar('paginado cajeme', 'admin');
    expect(uno.resultados).toHaveLength(20);
    expect(uno.hayMas).toBe(true);
    const dos = await buscar('paginado cajeme', 'admin', 2);
    expect(dos.resultados).toHaveLength(3);
    expect(dos.hayMas).toBe(false);
    const todos = [...uno.resultados, ...dos.resultados].map((h) => h.personaId);
    expect(new Set(todos).size).toBe(23);
    // Exactly 20 say there is no more; a bad page is a 400 naming the field.
    expect((await buscar('angel iniguez', 'gestor')).hayMas).toBe(false);
    const mal = await t.pedir('GET', '/api/buscar?q=paginado&pagina=0', { sesion: s.admin });
    expect(mal.statusCode).toBe(400);
    expect(mal.json().error.campo).toBe('pagina');
  });

  it('un teléfono en parte: los últimos 4 dígitos o un fragmento de 6, con espacios o guiones', async () => {
    await t.base.db
      .insertInto('telefonos')
      .values([
        { persona_id: angel1.personaId, numero: '6621904417', tipo: 'movil' },
        { persona_id: angel2.personaId, numero: '6449904418', tipo: 'casa' },
      ])
      .execute();
    const ids = async (q: string) => (await buscar(q)).resultados.map((h) => h.personaId);
    expect(await ids('4417')).toEqual([angel1.personaId]);
    expect(await ids('90-44')).toEqual([angel1.personaId, angel2.personaId].sort((a, b) => a - b));
    expect(await ids('662 190')).toEqual([angel1.personaId]);
    expect(await ids('449 904')).toEqual([angel2.personaId]);
    expect(await ids('+52 1 662 190 4417')).toEqual([angel1.personaId]);
    // Three digits are too few to tell anyone apart; a retired number finds nobody.
    expect(await ids('417')).not.toContain(angel1.personaId);
    await t.base.db
      .updateTable('telefonos')
      .set({ retirado: new Date() })
      .where('numero', '=', '6621904417')
      .execute();
    expect(await ids('4417')).toEqual([]);
  });

  it('la búsqueda de un fragmento de teléfono usa el índice de trigramas', async () => {
    // With 20,000 numbers (rolled back afterwards) the planner must find an index that serves
    // `LIKE '%…%'` rather than read them all.
    const deshacer = new Error('deshacer');
    let plan = '';
    await t.base.db
      .transaction()
      .execute(async (trx) => {
        await sql`
          INSERT INTO telefonos (persona_id, numero, tipo)
          SELECT ${angel2.personaId}, '55' || lpad(i::text, 8, '0'), 'movil'
          FROM generate_series(1, 20000) i`.execute(trx);
        await sql`ANALYZE telefonos`.execute(trx);
        const r = await sql<{
          'QUERY PLAN': string;
        }>`EXPLAIN SELECT persona_id FROM telefonos WHERE numero LIKE '%904417%'`.execute(trx);
        plan = r.rows.map((f) => f['QUERY PLAN']).join('\n');
        throw deshacer;
      })
      .catch((e: unknown) => {
        if (e !== deshacer) throw e;
      });
    expect(plan).toContain('telefonos_numero_trgm');
  });

  it('de otra oficina solo dice cuál la atiende: ni nombre, ni crédito, ni saldo; y queda en la bitácora', async () => {
    for (const q of ['xochitl zazueta', forastera.numero, 'ZAQX920505MSRZJC09']) {
      const r = await t.pedir('GET', `/api/buscar?q=${encodeURIComponent(q)}`, {
        sesion: s.gestor,
      });
      expect(r.statusCode).toBe(200);
      expect(r.json()).toEqual({
        resultados: [],
        hayMas: false,
        otrasOficinas: [{ clave: 'NOG', nombre: expect.any(String) }],
      });
      for (const dato of ['Xóchitl', 'Quijada', forastera.numero.slice(-8), '1992', 'ZAQX92'])
        expect(r.body).not.toContain(dato);
      if (q !== 'xochitl zazueta') expect(r.body).not.toContain(q);
    }
    const filas = await t.base.db
      .selectFrom('bitacora')
      .select(['actor_usuario', 'detalle'])
      .where('accion', '=', 'atencion.oficina_que_atiende')
      .orderBy('id')
      .execute();
    expect(filas).toHaveLength(3);
    expect(filas[0]).toMatchObject({
      actor_usuario: 'gestor',
      detalle: { q: 'xochitl zazueta', personas: [forastera.personaId], oficinas: ['NOG'] },
    });
    // Her own office sees her in full; whoever sees every office gets no «otra oficina».
    expect((await buscar('xochitl zazueta', 'gestor.nogales')).resultados[0]).toMatchObject({
      personaId: forastera.personaId,
      municipio: 'Nogales',
    });
    expect((await buscar('xochitl zazueta', 'admin')).otrasOficinas).toEqual([]);
    // Someone the gestor does see (an HMO account) is listed, not sent elsewhere.
    expect((await buscar('angel iniguez')).otrasOficinas).toEqual([]);
  });

  it('un fragmento que no la nombra (una palabra, parte del CURP o del teléfono) no revela su oficina', async () => {
    for (const q of ['xochitl', 'zazu quij', 'ZAQX920505', forastera.numero.slice(0, -1)]) {
      const r = await buscar(q);
      expect(r.otrasOficinas, q).toEqual([]);
    }
    expect((await buscar('Quijada Xóchitl')).otrasOficinas).toEqual([
      { clave: 'NOG', nombre: expect.any(String) },
    ]);
  });

  it('una persona bloqueada (ARCO) de otra oficina no se menciona', async () => {
    await t.base.db
      .updateTable('personas')
      .set({ bloqueada: new Date() })
      .where('id', '=', forastera.personaId)
      .execute();
    expect(await buscar('xochitl zazueta')).toEqual({
      resultados: [],
      hayMas: false,
      otrasOficinas: [],
    });
  });
});

describe('estado de cuenta a una fecha futura', () => {
  it('el PDF se titula «Proyección del estado de cuenta»; al día de hoy, no', async () => {
    const pdf = async (fecha: string) => {
      const r = await t.pedir(
        'GET',
        `/api/creditos/${angel1.creditoId}/estado-de-cuenta.pdf?fecha=${fecha}`,
        { sesion: s.gestor },
      );
      expect(r.statusCode, r.body.slice(0, 300)).toBe(200);
      return textoDePdf(r.rawPayload);
    };
    // The test clock says 30/06/2024.
    expect(await pdf('2024-08-15')).toContain('Proyección del estado de cuenta');
    const hoy = await pdf('2024-06-30');
    expect(hoy).toContain('Estado de cuenta');
    expect(hoy).not.toContain('Proyección');
  });
});

describe('aviso en vivo al gestor cuando deciden su convenio', () => {
  /** The gestor's stream, read until `n` convenio events arrived. */
  async function abrir(quien: string) {
    const direccion = t.app.server.address();
    const puerto = typeof direccion === 'object' && direccion ? direccion.port : 0;
    const flujo = await fetch(`http://127.0.0.1:${puerto}/api/convenios/avisos`, {
      headers: { cookie: s[quien]?.cookie ?? '' },
    });
    expect(flujo.status).toBe(200);
    expect(flujo.headers.get('content-type')).toBe('text/event-stream');
    const lector = flujo.body?.getReader();
    const decodificador = new TextDecoder();
    let texto = '';
    const eventos = () =>
      [...texto.matchAll(/event: convenios\ndata: (.*)\n\n/g)].map((m) => JSON.parse(m[1] ?? ''));
    const hasta = async (n: number) => {
      while (eventos().length < n || !texto.includes('event: listo')) {
        const trozo = await lector?.read();
        if (!trozo || trozo.done) return;
        texto += decodificador.decode(trozo.value);
      }
    };
    /** Whatever arrives within `ms` (to show that nothing did). */
    const durante = async (ms: number) => {
      const fin = new Promise<null>((r) => setTimeout(() => r(null), ms));
      for (;;) {
        const trozo = await Promise.race([lector?.read() ?? fin, fin]);
        if (trozo === null || trozo.done) return;
        texto += decodificador.decode(trozo.value);
      }
    };
    await hasta(0);
    return { eventos, hasta, durante, cerrar: () => lector?.cancel() };
  }

  async function proponerArribaDelLimite() {
    const c = await guardarCaso(t.base.db, caso, { oficina: 'HMO' });
    const { respuesta: r } = await proponerOferta(t, s.gestor, c.id, 'liquidacion-con-descuento');
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().convenio.estado).toBe('propuesto');
    return r.json().convenio.id as number;
  }

  it('autorizado o rechazado por el coordinador, le llega al gestor que lo propuso y a nadie más', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const autorizar = await proponerArribaDelLimite();
    const rechazar = await proponerArribaDelLimite();
    const retirar = await proponerArribaDelLimite();
    const gestor = await abrir('gestor');
    const coordinador = await abrir('coordinador');

    // The gestor withdrawing his own proposal tells nobody.
    expect(
      (
        await t.pedir('POST', `/api/convenios/${retirar}/cancelacion`, {
          sesion: s.gestor,
          cuerpo: { motivo: 'El acreditado ya no quiere.' },
        })
      ).statusCode,
    ).toBe(200);
    // A refused authorization (the gestor's own) announces nothing either.
    expect(
      (
        await t.pedir('POST', `/api/convenios/${autorizar}/autorizacion`, {
          sesion: s.gestor,
          cuerpo: {},
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await t.pedir('POST', `/api/convenios/${autorizar}/autorizacion`, {
          sesion: s.coordinador,
          cuerpo: {},
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await t.pedir('POST', `/api/convenios/${rechazar}/cancelacion`, {
          sesion: s.coordinador,
          cuerpo: { motivo: 'El descuento excede lo que la oficina concede.' },
        })
      ).statusCode,
    ).toBe(200);

    await gestor.hasta(2);
    expect(gestor.eventos()).toEqual([
      { convenioId: autorizar, decision: 'autorizado', por: expect.any(String), motivo: null },
      {
        convenioId: rechazar,
        decision: 'rechazado',
        por: expect.any(String),
        motivo: 'El descuento excede lo que la oficina concede.',
      },
    ]);
    await coordinador.durante(300);
    expect(coordinador.eventos()).toEqual([]);
    await Promise.all([gestor.cerrar(), coordinador.cerrar()]);
  });

  it('el abogado externo y contabilidad no abren el flujo de avisos de convenios', async () => {
    const r = await t.pedir('GET', '/api/convenios/avisos', {
      sesion: await t.entrar('contabilidad'),
    });
    expect(r.statusCode).toBe(403);
  });
});
