import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import { agenda } from '../../src/contrato/agenda.ts';
import {
  listaAlternativas,
  listaCampanas,
  respuestaAlternativa,
  respuestaCampana,
  simulacion,
} from '../../src/contrato/alternativas.ts';
import { resumenAntiguedad } from '../../src/contrato/antiguedad.ts';
import {
  calendarioDelAnio,
  listaSolicitudes,
  parametrosArco,
  solicitudConEventos,
} from '../../src/contrato/arco.ts';
import {
  asignacionHecha,
  distribucionAplicada,
  historialDeAsignaciones,
  listaGestores,
  listaSuplencias,
  paginaCuentas,
  suplencia,
  vistaPreviaDistribucion,
} from '../../src/contrato/asignacion.ts';
import { ficha, paginaBusqueda } from '../../src/contrato/atencion.ts';
import { alertasAcceso, paginaBitacora, paginaDenegaciones } from '../../src/contrato/bitacora.ts';
import { corteCerrado, corteDeCaja } from '../../src/contrato/caja.ts';
import { cola, cuentaTomada, huerfanas } from '../../src/contrato/cola.ts';
import {
  deposito,
  depositoAsignado,
  listaDeDepositos,
  resultadoImportacionBancaria,
} from '../../src/contrato/conciliacion.ts';
import {
  contactos,
  correoAgregado,
  correoCambiado,
  domicilioAgregado,
  domicilioCambiado,
  telefonoAgregado,
  telefonoCambiado,
} from '../../src/contrato/contactos.ts';
import {
  limitesAutorizacion,
  listaConvenios,
  listaPendientes,
  respuestaConvenio,
  revisionDeConvenios,
} from '../../src/contrato/convenios.ts';
import {
  credito as esquemaCredito,
  estadoDeCuenta,
  movimientos,
  paginaCreditos,
  referenciaDeCredito,
} from '../../src/contrato/creditos.ts';
import { revelado } from '../../src/contrato/datos-personales.ts';
import {
  expediente,
  listaEscaneos,
  listaPorPrescribir,
  movimientoHecho,
  parametrosPrescripcion,
  piezaEscaneada,
  prestamosVencidos,
  resultadoInventario,
} from '../../src/contrato/expedientes.ts';
import {
  catalogoResultados,
  gestion,
  historia,
  listaGestiones,
  parametrosGestion,
  resultadoGestion,
} from '../../src/contrato/gestion.ts';
import { resultadoImportacionCartera } from '../../src/contrato/importacion.ts';
import { cobertura, indicadores } from '../../src/contrato/indicadores.ts';
import { datosDelInstituto, datosYVersiones } from '../../src/contrato/instituto.ts';
import {
  candidatos,
  cuentasTurnadas,
  devolucion,
  listaActuaciones,
  listaDespachos,
  reporteDespachos,
  respuestaActuacion,
  respuestaDespacho,
  turnado,
  turnados,
} from '../../src/contrato/juridico.ts';
import {
  historialDeMeta,
  metaDefinida,
  metasDelMes,
  resultadoImportacionMetas,
} from '../../src/contrato/metas.ts';
import {
  movimientoCancelado,
  pagoRegistrado,
  vistaPreviaDePago,
} from '../../src/contrato/pagos.ts';
import { correccionesDePersona, personaCorregida } from '../../src/contrato/personas.ts';
import {
  documentosEmitidos,
  plantillaConVersiones,
  tiposDePlantilla,
  versionDePlantilla,
} from '../../src/contrato/plantillas.ts';
import { recado, recadoAtendido, recadosDelUsuario } from '../../src/contrato/recados.ts';
import { listaOficinas, listaUsuarios, respuestaSesion } from '../../src/contrato/sesion.ts';
import { indicadoresTurnos, listaTurnos, turno } from '../../src/contrato/turnos.ts';
import { generarReferencia } from '../../src/domain/referencia.ts';
import { calcularAntiguedad } from '../../src/modules/cartera/calcular-antiguedad.ts';
import { type AppDePrueba, crearAppDePrueba, type Sesion } from '../soporte/app-de-prueba.ts';
import { acreditadoDe, casoPublicado, guardarCaso, idDeUsuario } from '../soporte/fabricas.ts';

/**
 * The wire contract (src/contrato/) is the truth the screens compile against: every route
 * declares what it answers, `/api/docs` publishes it, and real answers parse against it
 * strictly (a field the server adds or renames without the contract fails here).
 */

let t: AppDePrueba;
let gestor: Sesion;
let coordinador: Sesion;
let creditoId: number;

beforeAll(async () => {
  t = await crearAppDePrueba();
  t.reloj.fijar('2024-06-30T18:00:00Z');
  gestor = await t.entrar('gestor');
  coordinador = await t.entrar('coordinador');
  ({ id: creditoId } = await guardarCaso(
    t.base.db,
    casoPublicado('01-pago-parcial-con-atraso.json'),
    { oficina: 'HMO' },
  ));
});
afterAll(() => t.cerrar());

interface Operacion {
  summary: string;
  parameters?: Array<{ name: string; in: string }>;
  requestBody?: unknown;
  responses: Record<string, { content?: Record<string, unknown> }>;
}
type Documento = {
  openapi: string;
  info: { title: string };
  paths: Record<string, Record<string, Operacion>>;
};

const documento = async (): Promise<Documento> => {
  const r = await t.pedir('GET', '/api/docs', { sesion: gestor });
  expect(r.statusCode).toBe(200);
  return r.json();
};

/** `METHOD /api/x/:id` → the operation at `paths['/api/x/{id}'].method`. */
function operacionDe(doc: Documento, ruta: string): Operacion | undefined {
  const [metodo = '', url = ''] = ruta.split(' ');
  return doc.paths[url.replace(/:([A-Za-z0-9_]+)/g, '{$1}')]?.[metodo.toLowerCase()];
}

/** It says what it answers: a JSON schema, a file, an event stream, or 204 with no body. */
const tieneContrato = (op: Operacion) =>
  op.responses['204'] !== undefined || Object.values(op.responses['200']?.content ?? {}).length > 0;

describe('GET /api/docs', () => {
  it('pide sesión: un anónimo no recibe el mapa de la API', async () => {
    const r = await t.pedir('GET', '/api/docs');
    expect(r.statusCode).toBe(401);
  });

  it('es un documento OpenAPI 3.1 con cada ruta registrada, su resumen en español y sus esquemas', async () => {
    const doc = await documento();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.title).toContain('Recupera');
    const faltan = t.rutasApi.filter((ruta) => operacionDe(doc, ruta) === undefined);
    expect(faltan).toEqual([]);
    const publicadas = Object.entries(doc.paths).flatMap(([url, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${url.replace(/\{([^}]+)\}/g, ':$1')}`),
    );
    expect(publicadas.sort()).toEqual([...t.rutasApi].sort());
    for (const ruta of t.rutasApi) {
      const op = operacionDe(doc, ruta);
      expect(op?.responses.default, ruta).toBeDefined();
      // A summary in Spanish, not the route's own address repeated.
      expect(op?.summary, ruta).not.toBe(ruta);
      expect(op?.summary, ruta).toMatch(/^[A-ZÁÉÍÓÚÑ¿]/);
    }
  });

  it('toda ruta declara lo que responde (una ruta nueva sin contrato hace fallar esta prueba)', async () => {
    const doc = await documento();
    const sinContrato = t.rutasApi.filter((ruta) => {
      const op = operacionDe(doc, ruta);
      return op !== undefined && !tieneContrato(op);
    });
    expect(sinContrato).toEqual([]);
  });

  it('describe parámetros de ruta, consulta y cuerpo con sus esquemas', async () => {
    const doc = await documento();
    const pago = operacionDe(doc, 'POST /api/creditos/:id/pagos');
    expect(pago?.parameters).toContainEqual(
      expect.objectContaining({ name: 'id', in: 'path', required: true }),
    );
    expect(pago?.requestBody).toMatchObject({
      content: {
        'application/json': {
          schema: { type: 'object', required: expect.arrayContaining(['monto', 'canal']) },
        },
      },
    });
    const esquema = pago?.responses['200']?.content?.['application/json'] as {
      schema: { properties: Record<string, unknown> };
    };
    expect(Object.keys(esquema.schema.properties)).toEqual(
      expect.arrayContaining(['movimiento', 'partes', 'estado']),
    );
    const lista = operacionDe(doc, 'GET /api/creditos');
    expect(lista?.parameters?.map((p) => `${p.in}:${p.name}`)).toEqual([
      'query:numero',
      'query:bucket',
      'query:pagina',
    ]);
    const pdf = operacionDe(doc, 'GET /api/creditos/:id/estado-de-cuenta.pdf');
    expect(Object.keys(pdf?.responses['200']?.content ?? {})).toEqual(['application/pdf']);
  });
});

/** The answer, parsed strictly against its contract: an extra, missing or mistyped field throws. */
async function respuestaSegun<T>(
  esquema: ZodType<T>,
  metodo: string,
  url: string,
  opciones: { sesion?: Sesion; cuerpo?: unknown; encabezados?: Record<string, string> } = {},
): Promise<T> {
  const r = await t.pedir(metodo, url, { sesion: gestor, ...opciones });
  expect(r.statusCode, r.body).toBeLessThan(300);
  return esquema.parse(r.json());
}

describe('las respuestas reales cumplen el contrato', () => {
  it('créditos: lista, ficha, movimientos, estado de cuenta y referencia', async () => {
    const pagina = await respuestaSegun(paginaCreditos, 'GET', '/api/creditos');
    expect(pagina.creditos.map((c) => c.id)).toContain(creditoId);
    await respuestaSegun(esquemaCredito, 'GET', `/api/creditos/${creditoId}`);
    await respuestaSegun(movimientos, 'GET', `/api/creditos/${creditoId}/movimientos`);
    const estado = await respuestaSegun(
      estadoDeCuenta,
      'GET',
      `/api/creditos/${creditoId}/estado-de-cuenta`,
    );
    expect(estado.amortizaciones.length).toBeGreaterThan(0);
    await respuestaSegun(referenciaDeCredito, 'GET', `/api/creditos/${creditoId}/referencia`);
  });

  it('pagos: vista previa, registro y cancelación', async () => {
    const base = `/api/creditos/${creditoId}/pagos`;
    await respuestaSegun(vistaPreviaDePago, 'POST', `${base}/vista-previa`, {
      cuerpo: { monto: '1500.00' },
    });
    const pago = await respuestaSegun(pagoRegistrado, 'POST', base, {
      cuerpo: { monto: '1500.00', canal: 'caja', referencia: 'CAJA-1' },
      encabezados: { 'idempotency-key': 'contrato-pago-1' },
    });
    expect(pago.movimiento.canal).toBe('caja');
    await respuestaSegun(
      movimientoCancelado,
      'POST',
      `/api/movimientos/${pago.movimiento.id}/cancelacion`,
      {
        sesion: coordinador,
        cuerpo: { motivo: 'Capturado dos veces' },
        encabezados: { 'idempotency-key': 'contrato-cancelacion-1' },
      },
    );
  });

  it('convenios: propuesta, consulta, lista, pendientes, cancelación y firma', async () => {
    const nuevoCredito = async () => {
      const { id } = await guardarCaso(
        t.base.db,
        casoPublicado('01-pago-parcial-con-atraso.json'),
        { oficina: 'HMO' },
      );
      const persona_id = await acreditadoDe(t.base.db, id);
      return { id, acreditado: persona_id };
    };
    const primero = await nuevoCredito();
    const simulacion = await t.pedir('POST', '/api/simulaciones', {
      sesion: gestor,
      cuerpo: { creditoId: primero.id },
    });
    const ofertas = simulacion.json().ofertas as Array<{ clave: string; versionId: number }>;
    const versionDe = (clave: string) => ofertas.find((o) => o.clave === clave)?.versionId;
    const propuesta = (c: { id: number; acreditado: number }, plazo: number) => ({
      creditoId: c.id,
      origen: 'alternativa',
      versionId: versionDe('regularizacion'),
      condiciones: 'El acreditado se obliga a pagar en las fechas pactadas.',
      firmantes: [c.acreditado],
      plazo,
    });
    const { convenio } = await respuestaSegun(respuestaConvenio, 'POST', '/api/convenios', {
      cuerpo: propuesta(primero, 3),
    });
    await respuestaSegun(respuestaConvenio, 'GET', `/api/convenios/${convenio.id}`);
    const lista = await respuestaSegun(
      listaConvenios,
      'GET',
      `/api/convenios?creditoId=${primero.id}`,
    );
    expect(lista.convenios.map((c) => c.id)).toContain(convenio.id);
    await respuestaSegun(listaPendientes, 'GET', '/api/convenios/pendientes', {
      sesion: coordinador,
    });
    const firmado = await respuestaSegun(
      respuestaConvenio,
      'POST',
      `/api/convenios/${convenio.id}/firma`,
      { cuerpo: {}, encabezados: { 'idempotency-key': 'contrato-firma-1' } },
    );
    expect(firmado.convenio.estado).toBe('firmado');
    const otro = await respuestaSegun(respuestaConvenio, 'POST', '/api/convenios', {
      cuerpo: propuesta(await nuevoCredito(), 2),
    });
    await respuestaSegun(
      respuestaConvenio,
      'POST',
      `/api/convenios/${otro.convenio.id}/cancelacion`,
      { cuerpo: { motivo: 'El acreditado ya no quiere convenio.' } },
    );
  });

  it('cola y agenda: la del gestor, sus huérfanas, su agenda y tomar la siguiente', async () => {
    await t.base.db
      .updateTable('creditos')
      .set({
        gestor_id: (eb) => eb.selectFrom('usuarios').select('id').where('usuario', '=', 'gestor'),
      })
      .where('id', '=', creditoId)
      .execute();
    const suya = await respuestaSegun(cola, 'GET', '/api/cola');
    expect(suya.cuentas.length).toBeGreaterThan(0);
    await respuestaSegun(huerfanas, 'GET', '/api/cola/huerfanas');
    await respuestaSegun(agenda, 'GET', '/api/agenda?desde=2024-06-01&hasta=2024-06-30');
    const tomada = await respuestaSegun(cuentaTomada, 'POST', '/api/cola/siguiente', {
      cuerpo: {},
    });
    expect(tomada.cuenta).not.toBeNull();
  });

  it('búsqueda en mostrador', async () => {
    const { numero } = await t.base.db
      .selectFrom('creditos')
      .select('numero')
      .where('id', '=', creditoId)
      .executeTakeFirstOrThrow();
    const pagina = await respuestaSegun(
      paginaBusqueda,
      'GET',
      `/api/buscar?q=${encodeURIComponent(numero)}`,
    );
    expect(pagina.resultados.length).toBeGreaterThan(0);
  });

  it('sesión, oficinas y usuarios', async () => {
    const sesion = await respuestaSegun(respuestaSesion, 'GET', '/api/sesion');
    expect(sesion.usuario.rol).toBe('gestor');
    await respuestaSegun(listaOficinas, 'GET', '/api/oficinas');
    const admin = await t.entrar('admin');
    await respuestaSegun(listaUsuarios, 'GET', '/api/usuarios', { sesion: admin });
  });

  it('un campo de más en la respuesta no pasa el contrato (los esquemas son estrictos)', async () => {
    const r = await t.pedir('GET', `/api/creditos/${creditoId}/referencia`, { sesion: gestor });
    expect(() => referenciaDeCredito.parse({ ...(r.json() as object), sobrante: 1 })).toThrow();
  });
});

describe('las respuestas reales cumplen el contrato (indicadores, metas, asignación, turnos, recados, gestión)', () => {
  it('indicadores: por gestor, oficina e instituto, y la cobertura', async () => {
    const admin = await t.entrar('admin');
    for (const [sesion, nivel] of [
      [gestor, 'gestor'],
      [coordinador, 'oficina'],
      [admin, 'instituto'],
    ] as const) {
      const cifras = await respuestaSegun(
        indicadores,
        'GET',
        `/api/indicadores?mes=2024-06&nivel=${nivel}`,
        { sesion },
      );
      expect(cifras.filas.length).toBeGreaterThan(0);
    }
    const suya = await respuestaSegun(cobertura, 'GET', '/api/indicadores/cobertura?mes=2024-06', {
      sesion: coordinador,
    });
    expect(suya.oficinas.length).toBeGreaterThan(0);
  });

  it('metas: definir, listar, historial, y reimportar el libro exportado', async () => {
    const gestorId = await idDeUsuario(t.base.db, 'gestor');
    const definida = await respuestaSegun(metaDefinida, 'PUT', '/api/metas/2024-06', {
      sesion: coordinador,
      cuerpo: {
        gestorId,
        items: {
          recuperacion: { meta: '150000.00', peso: '60' },
          contactosEfectivos: { meta: 120, peso: '40' },
        },
        motivo: 'Meta del trimestre',
      },
    });
    expect(definida.cambio).toBe(true);
    const lista = await respuestaSegun(metasDelMes, 'GET', '/api/metas?mes=2024-06', {
      sesion: coordinador,
    });
    expect(lista.metas.some((m) => m.version !== null)).toBe(true);
    const historial = await respuestaSegun(
      historialDeMeta,
      'GET',
      `/api/metas/historial?mes=2024-06&gestorId=${gestorId}`,
      { sesion: coordinador },
    );
    expect(historial.versiones).toHaveLength(1);
    const libro = await t.pedir('GET', '/api/metas/exportar.xlsx?mes=2024-06', {
      sesion: coordinador,
    });
    expect(libro.statusCode).toBe(200);
    const importadas = await respuestaSegun(
      resultadoImportacionMetas,
      'POST',
      '/api/metas/importar?mes=2024-06',
      {
        sesion: coordinador,
        cuerpo: libro.rawPayload,
        encabezados: {
          'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        },
      },
    );
    expect(importadas).toMatchObject({ importadas: 0 });
  });

  it('asignación: gestores, cuentas, distribución, a mano, historial y suplencias', async () => {
    const { gestores } = await respuestaSegun(listaGestores, 'GET', '/api/gestores', {
      sesion: coordinador,
    });
    const gestorIds = gestores.map((g) => g.id);
    const cuentas = await respuestaSegun(paginaCuentas, 'GET', '/api/asignacion/cuentas', {
      sesion: coordinador,
    });
    expect(cuentas.cuentas.length).toBeGreaterThan(0);
    const pedido = { creditoIds: [creditoId], gestorIds, regla: 'cuentas' };
    const vista = await respuestaSegun(
      vistaPreviaDistribucion,
      'POST',
      '/api/asignacion/vista-previa',
      { sesion: coordinador, cuerpo: pedido },
    );
    await respuestaSegun(distribucionAplicada, 'POST', '/api/asignacion/distribucion', {
      sesion: coordinador,
      cuerpo: { ...pedido, firma: vista.firma },
    });
    const [primero] = gestores.filter((g) => g.rol === 'gestor');
    await respuestaSegun(asignacionHecha, 'PUT', `/api/creditos/${creditoId}/gestor`, {
      sesion: coordinador,
      cuerpo: { gestorId: primero?.id, motivo: 'Vuelve con su gestor' },
    });
    const { asignaciones } = await respuestaSegun(
      historialDeAsignaciones,
      'GET',
      `/api/creditos/${creditoId}/asignaciones`,
      { sesion: coordinador },
    );
    expect(asignaciones.length).toBeGreaterThan(0);
    const [titular, suplente] = gestorIds;
    const nueva = await respuestaSegun(suplencia, 'POST', '/api/suplencias', {
      sesion: coordinador,
      cuerpo: {
        titularId: titular,
        suplenteId: suplente,
        desde: '2024-07-01',
        hasta: '2024-07-05',
        motivo: 'Vacaciones',
      },
    });
    await respuestaSegun(listaSuplencias, 'GET', '/api/suplencias', { sesion: coordinador });
    const cancelada = await respuestaSegun(
      suplencia,
      'POST',
      `/api/suplencias/${nueva.id}/cancelacion`,
      { sesion: coordinador, cuerpo: {} },
    );
    expect(cancelada.cancelada).not.toBeNull();
  });

  it('antigüedad: el resumen por tramo', async () => {
    await t.base.db
      .transaction()
      .execute((trx) => calcularAntiguedad(trx, t.reloj.hoy(), { reloj: t.reloj, ip: null }));
    const resumen = await respuestaSegun(resumenAntiguedad, 'GET', '/api/antiguedad/resumen');
    expect(resumen.buckets.length).toBeGreaterThan(0);
  });

  it('turnos: llegada, toma, persona, cierre, lista e indicadores', async () => {
    const personaId = await acreditadoDe(t.base.db, creditoId);
    const llegada = await respuestaSegun(turno, 'POST', '/api/turnos', {
      cuerpo: { nombre: 'Rosa Elvia Moreno', motivo: 'abono' },
    });
    const eventos = `/api/turnos/${llegada.id}/eventos`;
    await respuestaSegun(turno, 'POST', eventos, { cuerpo: { evento: 'tomar' } });
    await respuestaSegun(turno, 'PUT', `/api/turnos/${llegada.id}/persona`, {
      cuerpo: { personaId },
    });
    const cerrado = await respuestaSegun(turno, 'POST', eventos, {
      cuerpo: { evento: 'cerrar', resultado: 'Pagó en caja.' },
    });
    expect(cerrado.persona?.id).toBe(personaId);
    const lista = await respuestaSegun(listaTurnos, 'GET', '/api/turnos?fecha=2024-06-30');
    expect(lista.turnos.map((u) => u.id)).toContain(llegada.id);
    const cifras = await respuestaSegun(indicadoresTurnos, 'GET', '/api/turnos/indicadores', {
      sesion: coordinador,
    });
    expect(cifras.porGestor.length).toBeGreaterThan(0);
  });

  it('gestión: registrar con promesa, listar, historia, catálogo y parámetros', async () => {
    const personaId = await acreditadoDe(t.base.db, creditoId);
    const base = `/api/creditos/${creditoId}`;
    const registrada = await respuestaSegun(gestion, 'POST', `${base}/gestiones`, {
      sesion: coordinador,
      cuerpo: {
        canal: 'ventanilla',
        personaId,
        resultado: 'promesa_de_pago',
        nota: 'Vino a la oficina.',
        promesa: { monto: '500.00', fecha: '2024-07-05', toleranciaDias: 2 },
      },
    });
    expect(registrada.promesa?.estado).toBe('pendiente');
    const { gestiones } = await respuestaSegun(listaGestiones, 'GET', `${base}/gestiones`);
    expect(gestiones.map((g) => g.id)).toContain(registrada.id);
    const { eventos } = await respuestaSegun(historia, 'GET', `${base}/historia`);
    expect(eventos.map((e) => e.tipo)).toContain('gestion');
    const admin = await t.entrar('admin');
    const { resultados } = await respuestaSegun(
      catalogoResultados,
      'GET',
      '/api/resultados-gestion?inactivos=true',
      { sesion: admin },
    );
    expect(resultados.length).toBeGreaterThan(0);
    const nuevo = await respuestaSegun(resultadoGestion, 'POST', '/api/resultados-gestion', {
      sesion: admin,
      cuerpo: {
        clave: 'cita_en_oficina',
        nombre: 'Agenda cita en oficina',
        contactoEfectivo: true,
      },
    });
    await respuestaSegun(resultadoGestion, 'PATCH', `/api/resultados-gestion/${nuevo.id}`, {
      sesion: admin,
      cuerpo: { activo: false },
    });
    const parametros = await respuestaSegun(parametrosGestion, 'GET', '/api/gestion/parametros');
    await respuestaSegun(parametrosGestion, 'PUT', '/api/gestion/parametros', {
      sesion: admin,
      cuerpo: parametros,
    });
  });

  it('recados: tomar, listar, leer, revelar el teléfono y atender con una gestión', async () => {
    const paraId = await idDeUsuario(t.base.db, 'gestor');
    const tomado = await respuestaSegun(recado, 'POST', '/api/recados', {
      sesion: coordinador,
      cuerpo: {
        creditoId,
        paraId,
        llamanteNombre: 'Rosa Elvia Moreno',
        llamanteTelefono: '6621234567',
        mensaje: 'Quiere saber cuánto debe.',
        volverALlamar: '2024-06-30T20:00:00Z',
      },
    });
    const { recados } = await respuestaSegun(recadosDelUsuario, 'GET', '/api/recados');
    expect(recados.map((r) => r.id)).toContain(tomado.id);
    await respuestaSegun(recado, 'POST', `/api/recados/${tomado.id}/lectura`, { cuerpo: {} });
    const telefono = await respuestaSegun(revelado, 'POST', `/api/recados/${tomado.id}/revelar`, {
      cuerpo: {},
    });
    expect(telefono.valor).toBe('6621234567');
    const atendido = await respuestaSegun(
      recadoAtendido,
      'POST',
      `/api/recados/${tomado.id}/atencion`,
      {
        cuerpo: {
          canal: 'llamada_entrante',
          contactoNombre: 'Rosa Elvia Moreno',
          resultado: 'pide_informacion',
          nota: 'Se le dio su saldo.',
          duracionSegundos: 120,
        },
      },
    );
    expect(atendido.recado.estado).toBe('atendido');
  });
});

describe('las respuestas reales cumplen el contrato: expedientes, custodia y prescripción', () => {
  it('expediente, escaneos, movimientos, inventario, préstamos vencidos y prescripción', async () => {
    const { numero } = await t.base.db
      .selectFrom('creditos')
      .select('numero')
      .where('id', '=', creditoId)
      .executeTakeFirstOrThrow();
    // A scan's row (its file is not read to list it): no upload writes to a shared folder.
    const gestorId = await idDeUsuario(t.base.db, 'gestor');
    await t.base.db
      .insertInto('escaneos')
      .values({
        credito_id: creditoId,
        sha256: 'a'.repeat(64),
        tipo_mime: 'application/pdf',
        bytes: 1234,
        nombre_original: 'Pagaré firmado.pdf',
        subido_por: gestorId,
        subido_en: new Date('2024-06-30T17:00:00Z'),
      })
      .execute();
    const { escaneos } = await respuestaSegun(
      listaEscaneos,
      'GET',
      `/api/creditos/${creditoId}/escaneos`,
    );
    expect(escaneos).toHaveLength(1);
    const exp = await respuestaSegun(expediente, 'GET', `/api/creditos/${creditoId}/expediente`);
    expect(exp.piezas.some((p) => p.tipo === 'pagare' && p.prescripcion !== null)).toBe(true);
    const etiqueta = `EXP-${numero}`;
    await respuestaSegun(movimientoHecho, 'POST', '/api/custodia/movimientos', {
      cuerpo: { tipo: 'ubicar', etiquetas: [etiqueta], destino: { estante: 'C-1' } },
      encabezados: { 'idempotency-key': 'contrato-custodia-1' },
    });
    const { oficina_id } = await t.base.db
      .selectFrom('creditos')
      .select('oficina_id')
      .where('id', '=', creditoId)
      .executeTakeFirstOrThrow();
    const inventario = await respuestaSegun(
      resultadoInventario,
      'POST',
      '/api/custodia/inventarios',
      { cuerpo: { oficinaId: oficina_id, estante: 'C-1', etiquetas: [etiqueta, 'EXP-NADA'] } },
    );
    expect(inventario.coinciden.map((p) => p.etiqueta)).toEqual([etiqueta]);
    const prestamo = await respuestaSegun(movimientoHecho, 'POST', '/api/custodia/movimientos', {
      cuerpo: {
        tipo: 'prestamo',
        etiquetas: [etiqueta],
        destino: { usuarioId: gestorId },
        devolverAMasTardar: '2024-07-05',
      },
      encabezados: { 'idempotency-key': 'contrato-custodia-2' },
    });
    expect(prestamo.piezas[0]?.ubicacion.tipo).toBe('persona');
    // Overdue without moving the clock (the other tests share it).
    await t.base.db
      .updateTable('custodia_piezas')
      .set({ devolver_a_mas_tardar: '2024-06-20' })
      .where('credito_id', '=', creditoId)
      .where('ministracion_id', 'is', null)
      .execute();
    const vencidos = await respuestaSegun(
      prestamosVencidos,
      'GET',
      '/api/custodia/prestamos-vencidos',
    );
    expect(vencidos.piezas.map((p) => p.etiqueta)).toContain(etiqueta);
    const leida = await respuestaSegun(piezaEscaneada, 'GET', `/api/piezas/${etiqueta}`);
    expect(leida.pieza.ubicacion.vencida).toBe(true);
    const lista = await respuestaSegun(
      listaPorPrescribir,
      'GET',
      '/api/prescripcion?dias=1095&incluirPrescritos=si',
    );
    expect(lista.pagares.length).toBeGreaterThan(0);
    await respuestaSegun(parametrosPrescripcion, 'GET', '/api/parametros/prescripcion', {
      sesion: coordinador,
    });
    const admin = await t.entrar('admin');
    const nuevos = await respuestaSegun(
      parametrosPrescripcion,
      'PUT',
      '/api/parametros/prescripcion',
      {
        sesion: admin,
        cuerpo: {
          pagoInterrumpe: false,
          alertasDias: [90, 180],
          fundamento: 'Ley General de Títulos y Operaciones de Crédito, art. 165.',
        },
      },
    );
    expect(nuevos.alertasDias).toEqual([180, 90]);
  });
});

describe('contrato: alternativas, campañas, simulador y límites de convenio', () => {
  it('el catálogo, sus versiones, la simulación, la matriz de límites y la revisión', async () => {
    const admin = await t.entrar('admin');
    const lista = await respuestaSegun(listaAlternativas, 'GET', '/api/alternativas');
    expect(lista.alternativas.length).toBeGreaterThan(0);
    const { alternativa } = await respuestaSegun(
      respuestaAlternativa,
      'POST',
      '/api/alternativas',
      {
        sesion: admin,
        cuerpo: {
          clave: 'contrato-regularizacion',
          tipo: 'regularizacion',
          nombre: 'Regularización a 12 meses',
          parametros: { pagosMaximos: 12, congelaMoratorio: true },
          elegibilidad: { diasAtrasoMinimo: 30 },
        },
      },
    );
    await respuestaSegun(respuestaAlternativa, 'PUT', `/api/alternativas/${alternativa.id}`, {
      sesion: admin,
      cuerpo: {
        tipo: 'regularizacion',
        nombre: 'Regularización a 10 meses',
        vigenteDesde: '2024-07-01',
        parametros: { pagosMaximos: 10, congelaMoratorio: true },
      },
    });
    const una = await respuestaSegun(
      respuestaAlternativa,
      'GET',
      `/api/alternativas/${alternativa.id}`,
    );
    expect(una.alternativa.versiones).toHaveLength(2);
    const { campana } = await respuestaSegun(respuestaCampana, 'POST', '/api/campanas', {
      sesion: admin,
      cuerpo: {
        clave: 'contrato-campana',
        nombre: 'Oportunidad… es arrancar de cero',
        acuerdo: 'Acuerdo JD-2024-05-03 de la Junta Directiva',
        inicio: '2024-06-01',
        fin: '2024-12-31',
        descuentoMoratorio: '1',
        descuentoInteres: '0.50',
        pagosMaximos: 6,
        elegibilidad: { diasAtrasoMinimo: 60 },
      },
    });
    await respuestaSegun(respuestaCampana, 'PUT', `/api/campanas/${campana.id}`, {
      sesion: admin,
      cuerpo: {
        nombre: 'Oportunidad… es arrancar de cero',
        acuerdo: 'Acuerdo JD-2024-05-03 de la Junta Directiva',
        inicio: '2024-06-01',
        fin: '2024-12-31',
        descuentoMoratorio: '1',
        descuentoInteres: '0.40',
        pagosMaximos: 6,
      },
    });
    await respuestaSegun(respuestaCampana, 'GET', `/api/campanas/${campana.id}`);
    await respuestaSegun(listaCampanas, 'GET', '/api/campanas');
    const simulada = await respuestaSegun(simulacion, 'POST', '/api/simulaciones', {
      cuerpo: { creditoId },
    });
    expect(simulada.ofertas.length).toBeGreaterThan(0);

    const limites = await respuestaSegun(limitesAutorizacion, 'GET', '/api/convenios/limites');
    const nueva = await respuestaSegun(limitesAutorizacion, 'POST', '/api/convenios/limites', {
      sesion: admin,
      cuerpo: {
        vigenteDesde: '2030-01-01',
        limites: [
          {
            rol: 'gestor',
            tipo: '*',
            descuentoPorcentajeMaximo: '0.10',
            descuentoMontoMaximo: '5000.00',
            pagosMaximos: 12,
            permitido: true,
          },
        ],
      },
    });
    expect(nueva.versiones).toHaveLength(limites.versiones.length + 1);
    await respuestaSegun(revisionDeConvenios, 'POST', '/api/convenios/revision', {
      sesion: coordinador,
      cuerpo: {},
      encabezados: { 'idempotency-key': 'contrato-revision-1' },
    });
  });
});

describe('las respuestas reales cumplen el contrato: jurídico', () => {
  it('despachos, candidatos, turnado, cuentas, actuaciones, reporte y devolución', async () => {
    const admin = await t.entrar('admin');
    const abogadoId = await idDeUsuario(t.base.db, 'abogado');
    const { despacho } = await respuestaSegun(respuestaDespacho, 'POST', '/api/despachos', {
      sesion: admin,
      cuerpo: { nombre: 'Contrato y Asociados, S.C.', abogadoIds: [abogadoId] },
    });
    await respuestaSegun(respuestaDespacho, 'PUT', `/api/despachos/${despacho.id}`, {
      sesion: admin,
      cuerpo: { telefono: '662 000 0000' },
    });
    const lista = await respuestaSegun(listaDespachos, 'GET', '/api/despachos', {
      sesion: coordinador,
    });
    expect(lista.despachos.map((d) => d.id)).toContain(despacho.id);
    const caso = casoPublicado('01-pago-parcial-con-atraso.json');
    const a = await guardarCaso(t.base.db, caso, { oficina: 'HMO' });
    const b = await guardarCaso(t.base.db, caso, { oficina: 'HMO' });
    const hallados = await respuestaSegun(candidatos, 'POST', '/api/turnados/candidatos', {
      sesion: coordinador,
      cuerpo: { creditoIds: [a.id, b.id] },
    });
    expect(hallados.candidatos).toHaveLength(2);
    const datos = { despachoId: despacho.id, motivo: 'Cartera vencida', hasta: '2024-12-31' };
    await respuestaSegun(turnado, 'POST', `/api/creditos/${a.id}/turnado`, {
      sesion: coordinador,
      cuerpo: datos,
      encabezados: { 'idempotency-key': 'contrato-turnado-1' },
    });
    await respuestaSegun(turnados, 'POST', '/api/turnados', {
      sesion: coordinador,
      cuerpo: { ...datos, creditoIds: [b.id] },
      encabezados: { 'idempotency-key': 'contrato-turnado-2' },
    });
    const abogado = await t.entrar('abogado');
    const cuentas = await respuestaSegun(cuentasTurnadas, 'GET', '/api/juridico/cuentas', {
      sesion: abogado,
    });
    expect(cuentas.cuentas.map((c) => c.creditoId).sort()).toEqual([a.id, b.id].sort());
    await respuestaSegun(respuestaActuacion, 'POST', `/api/creditos/${a.id}/actuaciones`, {
      sesion: abogado,
      cuerpo: { estado: 'requerimiento_extrajudicial', fecha: '2024-06-30' },
    });
    const { actuaciones } = await respuestaSegun(
      listaActuaciones,
      'GET',
      `/api/creditos/${a.id}/actuaciones`,
      { sesion: abogado },
    );
    expect(actuaciones.length).toBeGreaterThan(0);
    await respuestaSegun(
      reporteDespachos,
      'GET',
      '/api/despachos/reporte?desde=2024-06-01&hasta=2024-06-30',
      { sesion: coordinador },
    );
    const devuelta = await respuestaSegun(
      devolucion,
      'POST',
      `/api/creditos/${b.id}/turnado/devolucion`,
      { sesion: coordinador, cuerpo: { motivo: 'El acreditado vino a pagar.' } },
    );
    expect(devuelta.estado).toBe('activo');
  });
});

describe('las respuestas reales cumplen el contrato: ARCO', () => {
  it('solicitud de acceso de principio a fin, la lista, los parámetros y los días inhábiles', async () => {
    const admin = await t.entrar('admin');
    const { id: nuevo } = await guardarCaso(
      t.base.db,
      casoPublicado('01-pago-parcial-con-atraso.json'),
      { oficina: 'HMO' },
    );
    const persona_id = await acreditadoDe(t.base.db, nuevo);
    const registrada = await respuestaSegun(solicitudConEventos, 'POST', '/api/arco', {
      sesion: coordinador,
      cuerpo: {
        derecho: 'acceso',
        personaId: persona_id,
        titularNombre: 'Titular de contrato',
        medioRecepcion: 'ventanilla',
        medioNotificacion: 'Recoge la respuesta en ventanilla',
        descripcion: 'Pide saber qué datos suyos se guardan.',
      },
    });
    const url = `/api/arco/${registrada.id}/eventos`;
    for (const cuerpo of [
      { evento: 'verificar', documento: 'ine', numero: 'IDMEX2938475610' },
      { evento: 'responder', sentido: 'procedente', fundamento: 'Se acreditó la identidad.' },
    ]) {
      await respuestaSegun(solicitudConEventos, 'POST', url, { sesion: coordinador, cuerpo });
    }
    const ejecutada = await respuestaSegun(solicitudConEventos, 'POST', url, {
      sesion: coordinador,
      cuerpo: { evento: 'ejecutar', entrega: 'ventanilla' },
    });
    expect(ejecutada.estado).toBe('ejecutada');
    expect(ejecutada.identidad).not.toBeNull();
    await respuestaSegun(solicitudConEventos, 'GET', `/api/arco/${registrada.id}`, {
      sesion: coordinador,
    });
    const lista = await respuestaSegun(listaSolicitudes, 'GET', '/api/arco?estado=todas', {
      sesion: coordinador,
    });
    expect(lista.solicitudes.map((x) => x.id)).toContain(registrada.id);
    const parametros = await respuestaSegun(parametrosArco, 'GET', '/api/arco/parametros', {
      sesion: coordinador,
    });
    await respuestaSegun(parametrosArco, 'PUT', '/api/arco/parametros', {
      sesion: admin,
      cuerpo: parametros,
    });
    const calendario = await respuestaSegun(calendarioDelAnio, 'PUT', '/api/dias-inhabiles', {
      sesion: admin,
      cuerpo: { anio: 2024, dias: [{ fecha: '2024-12-25', descripcion: 'Navidad' }] },
    });
    expect(calendario.dias).toHaveLength(1);
    await respuestaSegun(calendarioDelAnio, 'GET', '/api/dias-inhabiles?anio=2024', {
      sesion: coordinador,
    });
  });
});

describe('las respuestas reales cumplen el contrato: bitácora y seguridad', () => {
  it('la bitácora, los accesos denegados y las alertas de entradas fallidas', async () => {
    const admin = await t.entrar('admin');
    // A refusal to list (the gestor may not read the bitácora) and a burst to alert about.
    expect((await t.pedir('GET', '/api/bitacora', { sesion: gestor })).statusCode).toBe(403);
    await t.base.db
      .insertInto('alertas_acceso')
      .values({
        instante: new Date('2024-06-30T17:00:00Z'),
        tipo: 'usuario',
        clave: 'gestor',
        fallos: 10,
        distintos: 3,
      })
      .execute();
    const pagina = await respuestaSegun(paginaBitacora, 'GET', '/api/bitacora', {
      sesion: admin,
    });
    expect(pagina.filas.length).toBeGreaterThan(0);
    const denegadas = await respuestaSegun(paginaDenegaciones, 'GET', '/api/denegaciones', {
      sesion: admin,
    });
    expect(denegadas.denegaciones.length).toBeGreaterThan(0);
    const { alertas } = await respuestaSegun(alertasAcceso, 'GET', '/api/seguridad/alertas', {
      sesion: admin,
    });
    expect(alertas.map((a) => a.clave)).toContain('gestor');
  });
});

describe('contrato: contactos y correcciones de una persona', () => {
  it('lista, altas y cambios de teléfono, correo y domicilio; correcciones de la persona', async () => {
    const personaId = await acreditadoDe(t.base.db, creditoId);
    const base = `/api/personas/${personaId}`;
    const motivo = 'Lo confirmó la acreditada por teléfono';
    const { telefono } = await respuestaSegun(telefonoAgregado, 'POST', `${base}/telefonos`, {
      cuerpo: { numero: '662 214 5591', tipo: 'movil', consentimiento: true },
    });
    await respuestaSegun(telefonoCambiado, 'PATCH', `/api/telefonos/${telefono.id}`, {
      cuerpo: { numero: '662 214 5519', motivo },
    });
    const { correo } = await respuestaSegun(correoAgregado, 'POST', `${base}/correos`, {
      cuerpo: { correo: 'contrato@ejemplo.mx', consentimiento: true },
    });
    await respuestaSegun(correoCambiado, 'PATCH', `/api/correos/${correo.id}`, {
      cuerpo: { valido: false, motivo },
    });
    const { domicilio } = await respuestaSegun(domicilioAgregado, 'POST', `${base}/domicilios`, {
      cuerpo: { calle: 'Reforma', numero: '12', municipio: 'Hermosillo', codigoPostal: '83000' },
    });
    await respuestaSegun(domicilioCambiado, 'PATCH', `/api/domicilios/${domicilio.id}`, {
      cuerpo: { colonia: 'Centro', motivo },
    });
    const lista = await respuestaSegun(contactos, 'GET', `${base}/contactos`);
    expect(lista.historial.length).toBeGreaterThan(0);

    await respuestaSegun(personaCorregida, 'POST', `${base}/correcciones`, {
      sesion: coordinador,
      cuerpo: {
        segundoApellido: 'Peña',
        fechaNacimiento: '1990-05-04',
        motivo: 'Acta de nacimiento',
      },
    });
    const correcciones = await respuestaSegun(correccionesDePersona, 'GET', `${base}/correcciones`);
    expect(correcciones.correcciones).toHaveLength(1);
  });
});

describe('contrato: conciliación bancaria', () => {
  it('importar un estado de cuenta, listar, asignar y descartar pendientes', async () => {
    const contabilidad = await t.entrar('contabilidad');
    const csv = [
      'fecha,referencia,importe,folio_banco,concepto',
      `28/06/2024,${generarReferencia(creditoId)},"1,000.00",C-100,DEPOSITO SUC 0712`,
      '29/06/2024,,300.00,C-101,sin referencia',
      '29/06/2024,,200.00,C-102,sin referencia',
    ].join('\r\n');
    const importado = await respuestaSegun(
      resultadoImportacionBancaria,
      'POST',
      '/api/conciliacion/estados-bancarios',
      {
        sesion: contabilidad,
        cuerpo: csv,
        encabezados: {
          'content-type': 'text/csv; charset=utf-8',
          'x-nombre-archivo': 'contrato.csv',
          'idempotency-key': 'contrato-conciliacion-1',
        },
      },
    );
    expect(importado.importacion).toMatchObject({ registrados: 1, pendientes: 2 });
    const lista = await respuestaSegun(listaDeDepositos, 'GET', '/api/conciliacion/pendientes', {
      sesion: contabilidad,
    });
    const [primero, segundo] = lista.depositos;
    if (primero === undefined || segundo === undefined) throw new Error('faltan pendientes');
    await respuestaSegun(
      depositoAsignado,
      'POST',
      `/api/conciliacion/pendientes/${primero.id}/asignacion`,
      {
        sesion: contabilidad,
        cuerpo: { creditoId, motivo: 'El acreditado mandó su comprobante' },
        encabezados: { 'idempotency-key': 'contrato-asignacion-1' },
      },
    );
    const descartado = await respuestaSegun(
      deposito,
      'POST',
      `/api/conciliacion/pendientes/${segundo.id}/descarte`,
      { sesion: contabilidad, cuerpo: { motivo: 'Depósito de otra cuenta del instituto' } },
    );
    expect(descartado.estado).toBe('descartado');
  });
});

describe('contrato: importación de la cartera', () => {
  it('un libro con errores responde 422 con el informe del contrato (sin escribir nada)', async () => {
    const admin = await t.entrar('admin');
    const plantilla = await t.pedir('GET', '/api/importaciones/plantilla.xlsx', { sesion: admin });
    expect(plantilla.headers['content-type']).toContain('spreadsheetml');
    const libro = new ExcelJS.Workbook();
    await libro.xlsx.load(plantilla.rawPayload as unknown as ArrayBuffer);
    const personas = libro.getWorksheet('personas');
    const columnaCurp = ((personas?.getRow(1).values ?? []) as unknown[]).indexOf('curp');
    const celda = personas?.getRow(2).getCell(columnaCurp);
    if (!celda) throw new Error('la plantilla no tiene hoja personas');
    celda.value = 'BOXW310820HNERXN08';
    const r = await t.pedir('POST', '/api/importaciones', {
      sesion: admin,
      cuerpo: Buffer.from(await libro.xlsx.writeBuffer()),
      encabezados: {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'x-nombre-archivo': 'cartera.xlsx',
      },
    });
    expect(r.statusCode).toBe(422);
    const informe = resultadoImportacionCartera.parse(r.json());
    expect(informe.importado).toBe(false);
  });
});

describe('contrato: corte de caja y datos del instituto', () => {
  it('el corte de un día y su cierre', async () => {
    const contabilidad = await t.entrar('contabilidad');
    const corte = await respuestaSegun(corteDeCaja, 'GET', '/api/caja/corte?fecha=2024-06-30', {
      sesion: contabilidad,
    });
    expect(corte.fecha).toBe('2024-06-30');
    await respuestaSegun(corteCerrado, 'POST', '/api/caja/corte/cierre', {
      sesion: contabilidad,
      cuerpo: { fecha: '2024-06-29' },
      encabezados: { 'idempotency-key': 'contrato-cierre-caja-1' },
    });
  });

  it('los datos del instituto: consultar y guardar una versión', async () => {
    const admin = await t.entrar('admin');
    const { datos, versiones } = await respuestaSegun(datosYVersiones, 'GET', '/api/instituto', {
      sesion: admin,
    });
    if (datos === null) throw new Error('la prueba arranca con los datos de la demostración');
    const { version: _v, guardadoPor: _p, guardadoEn: _e, ...nuevos } = datos;
    const guardados = await respuestaSegun(datosDelInstituto, 'PUT', '/api/instituto', {
      sesion: admin,
      cuerpo: { ...nuevos, telefono: '662 213 0000' },
    });
    expect(guardados.version).toBe((versiones[0]?.version ?? 0) + 1);
  });
});

describe('contrato: ficha de una persona', () => {
  it('la ficha y revelar su CURP', async () => {
    const personaId = await acreditadoDe(t.base.db, creditoId);
    const deudor = await respuestaSegun(ficha, 'GET', `/api/personas/${personaId}/ficha`);
    expect(deudor.creditos.map((c) => c.id)).toContain(creditoId);
    await respuestaSegun(revelado, 'POST', `/api/personas/${personaId}/revelar`, {
      cuerpo: { campo: 'curp' },
    });
  });
});

describe('contrato: plantillas y documentos emitidos', () => {
  it('los tipos, una plantilla con sus versiones, guardar otra y los documentos de un crédito', async () => {
    const admin = await t.entrar('admin');
    const { tipos } = await respuestaSegun(tiposDePlantilla, 'GET', '/api/plantillas', {
      sesion: admin,
    });
    expect(tipos.map((p) => p.tipo)).toContain('recibo');
    const { plantilla } = await respuestaSegun(
      plantillaConVersiones,
      'GET',
      '/api/plantillas/recibo',
      { sesion: admin },
    );
    const guardada = await respuestaSegun(versionDePlantilla, 'POST', '/api/plantillas/recibo', {
      sesion: admin,
      cuerpo: { textos: plantilla.textos, basadaEn: plantilla.version },
    });
    expect(guardada.version).toBe(plantilla.version + 1);

    const pdf = await t.pedir('GET', `/api/creditos/${creditoId}/estado-de-cuenta.pdf`, {
      sesion: gestor,
    });
    expect(pdf.statusCode).toBe(200);
    const { documentos } = await respuestaSegun(
      documentosEmitidos,
      'GET',
      `/api/creditos/${creditoId}/documentos-emitidos`,
    );
    expect(documentos.map((d) => d.tipo)).toContain('estado_de_cuenta');
  });
});
