import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATOS_DEL_INSTITUTO_DEMO } from '../../src/modules/demo/datos-del-instituto-demo.ts';
import { type AppDePrueba, crearAppDePrueba, type Sesion } from '../soporte/app-de-prueba.ts';
import { proponerOferta } from '../soporte/convenios.ts';
import { type CasoEntrada, casoPublicado, guardarCaso } from '../soporte/fabricas.ts';
import { PNG } from '../soporte/imagenes.ts';
import { paginasDePdf } from '../soporte/pdf.ts';

/**
 * Issue 14 item 1: every PDF the app prints, fetched through its route, numbers every page
 * «Página i de N» with the right i and N, has no page that is only header and footer, and
 * dates its footer with a four-digit year.
 */

const caso01 = casoPublicado('01-pago-parcial-con-atraso.json');
// CE-007: three ministraciones, so an expediente and three pagarés to label and move.
const caso07 = casoPublicado('07-ministraciones-gracia-base-365.json');

let t: AppDePrueba;
let datos: string;
const s: Record<string, Sesion> = {};
let n = 0;
const llave = () => `paginacion-${Date.now()}-${n++}`;

beforeAll(async () => {
  datos = mkdtempSync(join(tmpdir(), 'recupera-paginacion-'));
  t = await crearAppDePrueba({ carpetaDatos: datos });
  for (const u of ['gestor', 'coordinador', 'admin']) s[u] = await t.entrar(u);
});
afterAll(async () => {
  await t.cerrar();
  rmSync(datos, { recursive: true, force: true });
});

/** `YYYY-MM-01`, `meses` months after January 2020. */
function primeroDeMes(meses: number): string {
  return `${2020 + Math.floor(meses / 12)}-${String((meses % 12) + 1).padStart(2, '0')}-01`;
}

/** A credit of `cuantas` monthly amortizaciones of $100.00 from March 2020, paid once. */
function casoConAmortizaciones(cuantas: number): CasoEntrada {
  return {
    fecha_corte: '2026-03-10',
    producto: caso01.producto,
    credito: {
      id: `LARGO-${cuantas}`,
      fecha_inicio_interes: '2020-02-01',
      ministraciones: [{ fecha: '2020-01-15', monto: `${cuantas * 100}.00` }],
      amortizaciones: Array.from({ length: cuantas }, (_, i) => ({
        numero: i + 1,
        fecha: primeroDeMes(i + 2),
        capital: '100.00',
      })),
    },
    movimientos: [{ id: 'p1', tipo: 'pago', fecha: '2020-03-05', monto: '150.00' }],
  };
}

const PIE = /Página (\d+) de (\d+)/;

/**
 * The checks every document passes; returns each page's text without its header and footer.
 * `titulo` is the document's name in the header band (null for the label sheet, which has none).
 */
function revisarPaginas(pdf: Buffer, titulo: string | null): string[] {
  const paginas = paginasDePdf(pdf);
  expect(paginas.length).toBeGreaterThan(0);
  return paginas.map((pagina, i) => {
    const donde = `página ${i + 1} de ${paginas.length}`;
    const lineas = pagina.split('\n').filter((l) => l.trim() !== '');
    const pies = lineas.filter((l) => PIE.test(l));
    expect(pies, `${donde}: un solo pie`).toHaveLength(1);
    const pie = pies[0] ?? '';
    expect(pie, donde).toContain(`Página ${i + 1} de ${paginas.length}`);
    expect(pie, `${donde}: año de cuatro cifras`).toMatch(/\b\d{2}\/\d{2}\/\d{4} /);
    expect(pie, `${donde}: sin año de dos cifras`).not.toMatch(/\b\d{2}\/\d{2}\/\d{2}\b/);
    let cuerpo = lineas.filter((l) => l !== pie);
    if (titulo !== null) {
      // The institute's band on every page: its name, then «título · subtítulo».
      expect(cuerpo[0]?.trim(), donde).toBe(DATOS_DEL_INSTITUTO_DEMO.razonSocial);
      expect(cuerpo[1]?.trim().startsWith(`${titulo} · `), `${donde}: ${cuerpo[1]}`).toBe(true);
      cuerpo = cuerpo.slice(2);
    }
    // A page with nothing but the band and the footer is the blank page of issue 14.
    expect(cuerpo.join('\n').trim(), `${donde} está en blanco`).not.toBe('');
    return cuerpo.join('\n');
  });
}

/** The numbers of the table rows «número  dd/mm/aaaa …» on a page. */
function renglonesNumerados(cuerpo: string): number[] {
  return [...cuerpo.matchAll(/^\s*(\d+)\s+(?:\S+\s+)?\d{2}\/\d{2}\/\d{4}\s+\$/gm)].map((m) =>
    Number(m[1]),
  );
}

const rango = (hasta: number) => Array.from({ length: hasta }, (_, i) => i + 1);

async function pdf(url: string, sesion: Sesion | undefined, metodo = 'GET', cuerpo?: unknown) {
  const r = await t.pedir(metodo, url, { sesion, cuerpo });
  expect(r.statusCode, r.body.slice(0, 300)).toBe(200);
  expect(r.headers['content-type']).toContain('application/pdf');
  return r.rawPayload;
}

describe('estado de cuenta de 1, 120 y 360 amortizaciones', () => {
  const paginasPor = new Map<number, number>();

  it.each([1, 120, 360])(
    'con %i: cada renglón una vez, cada página numerada y con contenido',
    async (cuantas) => {
      const credito = await guardarCaso(t.base.db, casoConAmortizaciones(cuantas));
      const cuerpos = revisarPaginas(
        await pdf(`/api/creditos/${credito.id}/estado-de-cuenta.pdf`, s.gestor),
        'Estado de cuenta',
      );
      paginasPor.set(cuantas, cuerpos.length);
      // Every amortization is printed once, in order, across the pages.
      expect(cuerpos.flatMap(renglonesNumerados)).toEqual(rango(cuantas));
      cuerpos.forEach((cuerpo, i) => {
        const filas = renglonesNumerados(cuerpo);
        // A page carries table rows under the repeated column header, or the closing section.
        if (filas.length > 0) expect(cuerpo, `página ${i + 1}`).toMatch(/Núm\.\s+Vence\s+Capital/);
        else expect(cuerpo, `página ${i + 1}`).toContain('Pagos aplicados');
      });
      expect(cuerpos[0]).toContain('Resumen');
      expect(cuerpos.at(-1)).toMatch(/05\/03\/2020\s+\$150\.00/);
      // Some 45 rows fit on a page: no more pages than the rows need.
      expect(cuerpos.length).toBeLessThanOrEqual(Math.ceil(cuantas / 40) + 1);
    },
  );

  it('un calendario más largo ocupa más páginas', () => {
    expect(paginasPor.get(1)).toBe(1);
    expect(paginasPor.get(120)).toBeGreaterThan(2);
    expect(paginasPor.get(360)).toBeGreaterThan(paginasPor.get(120) ?? 0);
  });
});

describe('convenio de 60 promesas', () => {
  it('una reestructura a 60 meses: el plan y el pagaré completos en páginas numeradas, sin páginas en blanco, y las firmas al final', async () => {
    const c = await guardarCaso(t.base.db, caso01);
    const { respuesta: r } = await proponerOferta(t, s.gestor, c.id, 'reestructura', {
      plazo: 60,
    });
    expect(r.statusCode, r.body).toBe(201);
    const convenio = r.json().convenio;
    expect(convenio.promesas).toHaveLength(60);
    const cuerpos = revisarPaginas(
      await pdf(`/api/convenios/${convenio.id}/convenio.pdf`, s.gestor),
      `Convenio ${convenio.id}`,
    );
    expect(cuerpos.length).toBeGreaterThan(2);
    expect(cuerpos.length).toBeLessThanOrEqual(5);
    // A reestructura prints its 60 promises twice: the plan, then the new pagaré's schedule.
    expect(cuerpos.flatMap(renglonesNumerados)).toEqual([...rango(60), ...rango(60)]);
    expect(cuerpos.join('\n')).toContain('Debo y pagaré incondicionalmente');
    expect(cuerpos[0]).toContain('Datos del convenio');
    const ultima = cuerpos.at(-1) ?? '';
    expect(ultima).toContain('Firmas');
    // Signed for the institute by a person in a position (Datos del instituto), not a username.
    const firmante = DATOS_DEL_INSTITUTO_DEMO.firmantes.convenio;
    expect(ultima).toMatch(/_{20,}\s+Por el Instituto de Becas[^\n]*:/);
    expect(ultima).toContain(`${firmante?.nombre}`);
    expect(ultima).toContain(`${firmante?.cargo}`);
  });
});

describe('los demás documentos', () => {
  it('recibo de pago', async () => {
    const c = await guardarCaso(t.base.db, caso01);
    const pago = await t.pedir('POST', `/api/creditos/${c.id}/pagos`, {
      sesion: s.gestor,
      cuerpo: { monto: '1500.00', canal: 'caja', referencia: 'CAJA-000451' },
      encabezados: { 'idempotency-key': llave() },
    });
    expect(pago.statusCode, pago.body).toBe(201);
    const cuerpos = revisarPaginas(
      await pdf(`/api/movimientos/${pago.json().movimiento.id}/recibo.pdf`, s.gestor),
      'Recibo de pago',
    );
    expect(cuerpos).toHaveLength(1);
    expect(cuerpos[0]).toContain('Cómo se aplicó');
  });

  it('carta finiquito', async () => {
    const c = await guardarCaso(
      t.base.db,
      casoPublicado('02-liquidacion-anticipada-con-saldo-a-favor.json'),
    );
    const emitir = await t.pedir('POST', `/api/creditos/${c.id}/carta-finiquito`, {
      sesion: s.coordinador,
      cuerpo: {},
    });
    expect(emitir.statusCode, emitir.body).toBe(201);
    const cuerpos = revisarPaginas(
      await pdf(`/api/creditos/${c.id}/carta-finiquito.pdf`, s.gestor),
      'Carta finiquito',
    );
    expect(cuerpos).toHaveLength(1);
    expect(cuerpos[0]).toContain('Constancia de no adeudo');
    expect(cuerpos[0]).toContain(`${DATOS_DEL_INSTITUTO_DEMO.firmantes.carta_finiquito?.cargo}`);
  });

  it('ficha de pago', async () => {
    const c = await guardarCaso(t.base.db, caso01);
    const cuerpos = revisarPaginas(
      await pdf(`/api/creditos/${c.id}/ficha-de-pago.pdf`, s.gestor),
      'Ficha de pago',
    );
    expect(cuerpos).toHaveLength(1);
    expect(cuerpos[0]).toContain('El personal de Recupera no recibe efectivo.');
  });

  it('reporte de acceso ARCO', async () => {
    const c = await guardarCaso(t.base.db, caso01);
    const persona = await t.base.db
      .selectFrom('participantes_credito')
      .select('persona_id')
      .where('credito_id', '=', c.id)
      .executeTakeFirstOrThrow();
    const r = await t.pedir('POST', '/api/arco', {
      sesion: s.coordinador,
      cuerpo: {
        derecho: 'acceso',
        personaId: persona.persona_id,
        titularNombre: 'José Ángel Núñez Ibáñez',
        medioRecepcion: 'ventanilla',
        medioNotificacion: 'Recoge la respuesta en ventanilla',
        descripcion: 'Lo pide por escrito en la oficina.',
      },
    });
    expect(r.statusCode, r.body).toBe(201);
    const verificar = await t.pedir('POST', `/api/arco/${r.json().id}/eventos`, {
      sesion: s.coordinador,
      cuerpo: { evento: 'verificar', documento: 'ine', numero: 'IDMEX2938475610' },
    });
    expect(verificar.statusCode, verificar.body).toBe(200);
    const cuerpos = revisarPaginas(
      await pdf(`/api/arco/${r.json().id}/acceso.pdf`, s.coordinador),
      'Reporte de acceso a datos personales',
    );
    expect(cuerpos.join('\n')).toContain('Quién consultó o cambió sus datos');
  });

  it('acuse de custodia de una pieza y de veinticuatro', async () => {
    const creditos = [];
    for (let i = 0; i < 6; i++) creditos.push(await guardarCaso(t.base.db, caso07));
    const etiquetas: string[] = [];
    for (const c of creditos) {
      etiquetas.push(`EXP-${c.numero}`);
      const ministraciones = await t.base.db
        .selectFrom('ministraciones')
        .select('pagare_numero')
        .where('credito_id', '=', c.id)
        .orderBy('numero')
        .execute();
      for (const m of ministraciones) etiquetas.push(`PAG-${m.pagare_numero}`);
    }
    expect(etiquetas).toHaveLength(24);
    const paginasDe = async (lista: string[], estante: string) => {
      const r = await t.pedir('POST', '/api/custodia/movimientos', {
        sesion: s.gestor,
        cuerpo: { tipo: 'ubicar', etiquetas: lista, destino: { estante, caja: '1' } },
        encabezados: { 'idempotency-key': llave() },
      });
      expect(r.statusCode, r.body).toBe(201);
      const cuerpos = revisarPaginas(
        await pdf(`/api/custodia/acuses/${r.json().acuseId}.pdf`, s.gestor),
        'Acuse de custodia',
      );
      const todo = cuerpos.join('\n');
      for (const e of lista) expect(todo).toContain(e);
      // Both signatures, under the legend, on the last page.
      expect(cuerpos.at(-1)).toMatch(/Quien recibe declara[\s\S]*Entrega\s+Recibe/);
      return cuerpos.length;
    };
    expect(await paginasDe(etiquetas.slice(0, 1), 'B-1')).toBe(1);
    expect(await paginasDe(etiquetas, 'B-2')).toBeGreaterThan(1);
  });

  it('hoja de etiquetas: una hoja justa de 24 y dos hojas para 28', async () => {
    const creditos = [];
    for (let i = 0; i < 7; i++) creditos.push((await guardarCaso(t.base.db, caso07)).id);
    const hojas = async (creditoIds: number[]) => {
      const cuerpos = revisarPaginas(
        await pdf('/api/etiquetas.pdf', s.gestor, 'POST', { creditoIds }),
        null,
      );
      for (const cuerpo of cuerpos) expect(cuerpo).toMatch(/EXP-|PAG-/);
      return cuerpos;
    };
    const justa = await hojas(creditos.slice(0, 6));
    expect(justa).toHaveLength(1);
    const dos = await hojas(creditos);
    expect(dos).toHaveLength(2);
    // The second sheet holds the four labels left over: the seventh credit's.
    expect(dos[1]?.match(/(?:EXP|PAG)-\S+/g)).toHaveLength(4);
  });

  it('paquete de evidencia de un crédito de 120 amortizaciones, con un escaneo en su propia página', async () => {
    const c = await guardarCaso(t.base.db, casoConAmortizaciones(120));
    const subir = await t.pedir('POST', `/api/creditos/${c.id}/escaneos`, {
      sesion: s.admin,
      cuerpo: PNG,
      encabezados: {
        'content-type': 'application/octet-stream',
        'x-nombre-archivo': encodeURIComponent('pagaré anverso.png'),
      },
    });
    expect(subir.statusCode, subir.body).toBe(201);
    const cuerpos = revisarPaginas(
      await pdf(`/api/creditos/${c.id}/paquete-de-evidencia.pdf`, s.admin),
      'Paquete de evidencia',
    );
    expect(cuerpos.length).toBeGreaterThan(3);
    expect(cuerpos.flatMap(renglonesNumerados)).toEqual(rango(120));
    expect(cuerpos.join('\n')).toContain('Certificación del estado de cuenta');
    expect(cuerpos.at(-1)).toMatch(/Escaneo \d+: pagaré anverso\.png/);
  });
});
