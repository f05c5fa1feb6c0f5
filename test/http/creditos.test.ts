import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppDePrueba, crearAppDePrueba, type Sesion } from '../soporte/app-de-prueba.ts';
import { casoPublicado, despachoDelAbogado, guardarCaso } from '../soporte/fabricas.ts';
import { paginasDePdf, textoDePdf } from '../soporte/pdf.ts';

const caso = casoPublicado('01-pago-parcial-con-atraso.json');

let t: AppDePrueba;
let hermosillo: { id: number; numero: string };
let nogales: { id: number; numero: string };
let turnado: { id: number; numero: string };
const s: Record<string, Sesion> = {};

beforeAll(async () => {
  t = await crearAppDePrueba();
  const despacho = await despachoDelAbogado(t.base.db);
  hermosillo = await guardarCaso(t.base.db, caso, { oficina: 'HMO' });
  nogales = await guardarCaso(t.base.db, caso, { oficina: 'NOG', nombres: 'María Fernanda' });
  turnado = await guardarCaso(t.base.db, caso, { oficina: 'OBR', despachoId: despacho.id });
  for (const u of ['gestor', 'gestor.nogales', 'coordinador', 'contabilidad', 'abogado', 'admin'])
    s[u] = await t.entrar(u);
});
afterAll(() => t.cerrar());

const estado = (sesion: Sesion | undefined, id: number, consulta = '') =>
  t.pedir('GET', `/api/creditos/${id}/estado-de-cuenta${consulta}`, { sesion });

describe('estado de cuenta por HTTP', () => {
  it('devuelve la salida del motor con sus mismos nombres de campo, a la fecha pedida', async () => {
    const r = await estado(s.gestor, hermosillo.id, '?fecha=2024-06-30');
    expect(r.statusCode).toBe(200);
    const cuerpo = r.json();
    expect(cuerpo).toMatchObject({
      credito: hermosillo.numero,
      fecha_corte: '2024-06-30',
      situacion: 'vencido',
      saldo_para_liquidar: expect.stringMatching(/^\d+\.\d{2}$/),
    });
    expect(Object.keys(cuerpo)).toEqual([
      'credito',
      'fecha_corte',
      'situacion',
      'dias_atraso',
      'capital_insoluto',
      'capital_exigible',
      'interes_ordinario_exigible',
      'interes_ordinario_devengado',
      'interes_moratorio',
      'saldo_exigible',
      'saldo_para_liquidar',
      'pagos_adelantados',
      'saldo_a_favor',
      'amortizaciones',
      'aplicaciones',
      // The API's one extra field (R9); this product has no punctual rate.
      'puntualidad',
    ]);
    expect(cuerpo.puntualidad).toBeNull();
  });

  it('sin fecha calcula a la fecha de negocio', async () => {
    expect((await estado(s.gestor, hermosillo.id)).json().fecha_corte).toBe(t.reloj.hoy());
  });

  it('una fecha inválida es un 400 que nombra el campo, y un campo desconocido también', async () => {
    const mala = await estado(s.gestor, hermosillo.id, '?fecha=2024-02-30');
    expect(mala.statusCode).toBe(400);
    expect(mala.json().error).toMatchObject({
      campo: 'fecha',
      mensaje: 'Campo «fecha»: debe ser una fecha real AAAA-MM-DD.',
    });
    expect((await estado(s.gestor, hermosillo.id, '?desde=2024-01-01')).json().error.campo).toBe(
      'desde',
    );
  });

  it('un gestor de Nogales no ve un crédito de Hermosillo, ni su cabecera', async () => {
    expect((await estado(s['gestor.nogales'], hermosillo.id)).statusCode).toBe(403);
    expect(
      (await t.pedir('GET', `/api/creditos/${hermosillo.id}`, { sesion: s['gestor.nogales'] }))
        .statusCode,
    ).toBe(403);
    expect((await estado(s['gestor.nogales'], nogales.id)).statusCode).toBe(200);
  });

  it('el abogado externo solo ve lo turnado a su despacho: lo demás, para él, no existe', async () => {
    expect((await estado(s.abogado, hermosillo.id)).statusCode).toBe(404);
    expect((await estado(s.abogado, turnado.id)).statusCode).toBe(200);
  });

  it('contabilidad y administración ven todas las oficinas; un crédito inexistente es 404', async () => {
    expect((await estado(s.contabilidad, nogales.id)).statusCode).toBe(200);
    expect((await estado(s.admin, turnado.id)).statusCode).toBe(200);
    expect((await estado(s.admin, 999_999)).statusCode).toBe(404);
  });
});

describe('cartera', () => {
  it('la lista de créditos respeta la oficina de quien consulta', async () => {
    const numeros = async (u: string) =>
      (
        (await t.pedir('GET', '/api/creditos', { sesion: s[u] })).json().creditos as Array<{
          numero: string;
        }>
      ).map((c) => c.numero);
    expect(await numeros('gestor')).toEqual([hermosillo.numero]);
    expect(await numeros('gestor.nogales')).toEqual([nogales.numero]);
    expect(await numeros('abogado')).toEqual([turnado.numero]);
    expect((await numeros('admin')).sort()).toEqual(
      [hermosillo.numero, nogales.numero, turnado.numero].sort(),
    );
  });

  it('la cabecera del crédito trae participantes y pagarés, y su consulta queda en la bitácora', async () => {
    const r = await t.pedir('GET', `/api/creditos/${hermosillo.id}`, { sesion: s.gestor });
    expect(r.json()).toMatchObject({
      numero: hermosillo.numero,
      oficina: 'Hermosillo',
      participantes: [{ rol: 'acreditado', nombre: 'José Ángel Núñez Ibáñez' }],
    });
    expect(r.json().ministraciones[0]).toMatchObject({
      monto: '6000.00',
      pagare: expect.stringMatching(/^PG-/),
    });
    const fila = await t.base.db
      .selectFrom('bitacora')
      .select(['accion', 'objeto_id'])
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(fila).toEqual({ accion: 'credito.consultar', objeto_id: String(hermosillo.id) });
  });
});

describe('movimientos del crédito', () => {
  it('lista el libro tal como se escribió, con quién registró y qué canceló; respeta la oficina', async () => {
    const r = await t.pedir('GET', `/api/creditos/${hermosillo.id}/movimientos`, {
      sesion: s.gestor,
    });
    expect(r.statusCode).toBe(200);
    expect(
      r
        .json()
        .movimientos.map(
          (m: { tipo: string; monto: string; canal: string; canceladoPor: number | null }) => [
            m.tipo,
            m.monto,
            m.canal,
            m.canceladoPor,
          ],
        ),
    ).toEqual([
      ['pago', '1062.00', 'banco', null],
      ['pago', '500.00', 'banco', null],
    ]);
    expect(
      (
        await t.pedir('GET', `/api/creditos/${hermosillo.id}/movimientos`, {
          sesion: s['gestor.nogales'],
        })
      ).statusCode,
    ).toBe(403);
  });

  it('la cabecera dice si ya hay carta finiquito (aún no)', async () => {
    expect(
      (await t.pedir('GET', `/api/creditos/${hermosillo.id}`, { sesion: s.gestor })).json()
        .cartaFiniquito,
    ).toBeNull();
  });
});

describe('estado de cuenta en PDF', () => {
  it('se descarga con el encabezado del instituto, los acentos bien y los montos en formato es-MX', async () => {
    const r = await t.pedir(
      'GET',
      `/api/creditos/${hermosillo.id}/estado-de-cuenta.pdf?fecha=2024-06-30`,
      { sesion: s.gestor },
    );
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.headers['content-disposition']).toContain(
      `estado-de-cuenta-${hermosillo.numero}-2024-06-30.pdf`,
    );
    const texto = textoDePdf(r.rawPayload);
    expect(texto).toContain('Instituto de Becas y Crédito Educativo del Estado de Sonora');
    expect(texto).toContain('José Ángel Núñez Ibáñez');
    expect(texto).toContain('Tabla de amortización');
    expect(texto).toContain('30/06/2024');
    // Every page says which of how many it is, and none is blank (issue 14).
    const paginas = paginasDePdf(r.rawPayload);
    for (const [i, pagina] of paginas.entries()) {
      expect(pagina).toContain(`Página ${i + 1} de ${paginas.length}`);
      expect(pagina.replace(/Emitido el[^\n]*/, '').trim().length).toBeGreaterThan(200);
    }
    expect(paginas.at(-1)).toMatch(/Emitido el \d{2}\/\d{2}\/\d{4} \d{2}:\d{2} por /);
    const json = (await estado(s.gestor, hermosillo.id, '?fecha=2024-06-30')).json();
    expect(texto).toContain(
      `$${Number(json.saldo_para_liquidar).toLocaleString('en-US', { minimumFractionDigits: 2 })}`,
    );
  });

  it('respeta el mismo alcance que el estado de cuenta', async () => {
    expect(
      (
        await t.pedir('GET', `/api/creditos/${hermosillo.id}/estado-de-cuenta.pdf`, {
          sesion: s['gestor.nogales'],
        })
      ).statusCode,
    ).toBe(403);
  });
});
