import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppDePrueba, crearAppDePrueba, type Sesion } from '../soporte/app-de-prueba.ts';
import { casoPublicado, guardarCaso } from '../soporte/fabricas.ts';

// The ficha's timeline (docs/gestion.md, GET /api/creditos/:id/historia): gestiones,
// payments, promises, convenios and walk-ins of the account's people together, newest first.

let t: AppDePrueba;
const s: Record<string, Sesion> = {};
const id: Record<string, number> = {};
let numeroDeTurno = 900;

interface Evento {
  tipo: string;
  id: string;
  instante: string;
  fecha: string;
  titulo: string;
  detalle: string | null;
  quien: string | null;
}

beforeAll(async () => {
  t = await crearAppDePrueba();
  for (const u of await t.base.db.selectFrom('usuarios').select(['id', 'usuario']).execute())
    id[u.usuario] = u.id;
  t.reloj.fijar('2026-03-10T16:00:00Z');
  for (const u of ['gestor', 'gestor.nogales']) s[u] = await t.entrar(u);
});
afterAll(() => t.cerrar());

/** A Hermosillo credit held by `gestor`, with its acreditado and a phone of his. */
async function credito() {
  const c = await guardarCaso(t.base.db, casoPublicado('01-pago-parcial-con-atraso.json'), {
    oficina: 'HMO',
  });
  await t.base.db
    .updateTable('creditos')
    .set({ gestor_id: id.gestor ?? 0 })
    .where('id', '=', c.id)
    .execute();
  const p = await t.base.db
    .selectFrom('participantes_credito')
    .select('persona_id')
    .where('credito_id', '=', c.id)
    .where('rol', '=', 'acreditado')
    .executeTakeFirstOrThrow();
  const tel = await t.base.db
    .insertInto('telefonos')
    .values({ persona_id: p.persona_id, numero: '6622145591', tipo: 'movil', consentimiento: true })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { ...c, acreditado: p.persona_id, telefono: tel.id };
}

/** A signed convenio on the credit, proposed by the gestor at `propuesto`. */
async function convenio(creditoId: number, propuesto: string): Promise<number> {
  const version = await t.base.db
    .selectFrom('versiones_alternativa')
    .select('id')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const cv = await t.base.db
    .insertInto('convenios')
    .values({
      estado: 'firmado',
      version_alternativa_id: version.id,
      version_campana_id: null,
      tipo: 'convenio_de_pagos',
      nombre: 'Pagos mensuales',
      fecha_simulacion: '2026-03-10',
      primer_pago: '2026-04-10',
      plazo: 2,
      liquida: false,
      descuento_moratorio_centavos: 0,
      descuento_interes_centavos: 0,
      total_centavos: 160_000,
      liquidar_hoy_centavos: 160_000,
      condiciones: 'Dos pagos mensuales',
      oferta: JSON.stringify({}),
      tolerancia_dias: 3,
      propuesto_por: id.gestor ?? 0,
      propuesto_el: propuesto,
      requiere_rol: null,
      motivos_autorizacion: [],
      autorizado_por: null,
      autorizado_el: null,
      fecha_firma: '2026-03-10',
      cerrado_el: null,
      motivo_cancelacion: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.base.db
    .insertInto('convenio_creditos')
    .values({ convenio_id: cv.id, credito_id: creditoId })
    .execute();
  return cv.id;
}

/** A walk-in of the person, attended by the gestor. */
async function turno(
  personaId: number,
  llegada: string,
  estado: 'atendido' | 'en_atencion' | 'en_espera' = 'atendido',
): Promise<number> {
  const r = await t.base.db
    .insertInto('turnos')
    .values({
      oficina_id: (
        await t.base.db
          .selectFrom('oficinas')
          .select('id')
          .where('clave', '=', 'HMO')
          .executeTakeFirstOrThrow()
      ).id,
      fecha: llegada.slice(0, 10),
      numero: numeroDeTurno++,
      nombre: 'José Ángel Núñez',
      motivo: 'abono',
      estado,
      llegada,
      inicio_atencion: estado === 'en_espera' ? null : llegada,
      fin_atencion: estado === 'atendido' ? llegada : null,
      gestor_id: id.gestor ?? 0,
      persona_id: personaId,
      resultado: estado === 'atendido' ? 'Pidió su estado de cuenta' : null,
      registrado_por: id.gestor ?? 0,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

describe('GET /api/creditos/:id/historia', () => {
  it('gestión, promesa, pago, convenio y turno juntos, del más reciente al más antiguo, cada uno con sus datos', async () => {
    const c = await credito();
    // Yesterday the acreditado came to the counter.
    const turnoId = await turno(c.acreditado, '2026-03-09T18:30:00Z');
    // 09:00 today: a call with a promise.
    t.reloj.fijar('2026-03-10T16:00:00Z');
    const g = await t.pedir('POST', `/api/creditos/${c.id}/gestiones`, {
      sesion: s.gestor,
      cuerpo: {
        canal: 'llamada_saliente',
        personaId: c.acreditado,
        telefonoId: c.telefono,
        resultado: 'promesa_de_pago',
        nota: 'Paga hoy en caja',
        duracionSegundos: 120,
        promesa: { monto: '1200.00', fecha: '2026-03-12', toleranciaDias: 1 },
      },
    });
    expect(g.statusCode).toBe(201);
    // 09:05: a convenio is proposed and signed (between the call and the payment).
    const convenioId = await convenio(c.id, '2026-03-10T16:05:00Z');
    // 09:10: he pays at the counter.
    t.reloj.fijar('2026-03-10T16:10:00Z');
    const pago = await t.pedir('POST', `/api/creditos/${c.id}/pagos`, {
      sesion: s.gestor,
      cuerpo: { monto: '1200.00', canal: 'caja', referencia: `CAJA-HIST-${c.id}` },
      encabezados: { 'idempotency-key': `historia-${c.id}` },
    });
    expect(pago.statusCode).toBe(201);

    const r = await t.pedir('GET', `/api/creditos/${c.id}/historia`, { sesion: s.gestor });
    expect(r.statusCode).toBe(200);
    const eventos: Evento[] = r.json().eventos;

    // Newest first, across every kind: the convenio sits between the payment and the call.
    const recientes = eventos.filter((e) => e.instante >= '2026-03-01');
    expect(recientes.map((e) => e.tipo)).toEqual([
      'pago',
      'convenio',
      'promesa',
      'gestion',
      'turno',
    ]);
    const instantes = eventos.map((e) => e.instante);
    expect(instantes).toEqual([...instantes].sort().reverse());
    // The case's own 2024 payments come after all of this.
    expect(eventos.slice(recientes.length).every((e) => e.instante < '2025-01-01')).toBe(true);

    const [pagoEv, convenioEv, promesaEv, gestionEv, turnoEv] = recientes;
    expect(pagoEv).toMatchObject({
      tipo: 'pago',
      instante: '2026-03-10T16:10:00.000Z',
      fecha: '2026-03-10',
      titulo: 'Pago de $1,200.00',
      detalle: expect.stringContaining(`CAJA-HIST-${c.id}`),
      quien: 'Sofía Valenzuela Peña',
    });
    expect(convenioEv).toEqual({
      tipo: 'convenio',
      id: String(convenioId),
      instante: '2026-03-10T16:05:00.000Z',
      fecha: '2026-03-10',
      titulo: 'Convenio Pagos mensuales (firmado)',
      detalle: null,
      quien: 'Sofía Valenzuela Peña',
    });
    // The promise was kept by the payment, in the payment's transaction.
    expect(promesaEv).toMatchObject({
      tipo: 'promesa',
      fecha: '2026-03-10',
      titulo: 'Promesa de pago de $1,200.00 para el 12/03/2026',
      detalle: 'Cumplida',
      quien: 'Sofía Valenzuela Peña',
    });
    expect(gestionEv).toEqual({
      tipo: 'gestion',
      id: String(g.json().id),
      instante: '2026-03-10T16:00:00.000Z',
      fecha: '2026-03-10',
      titulo: 'Llamada saliente: Promesa de pago',
      detalle: expect.stringContaining('Paga hoy en caja'),
      quien: 'Sofía Valenzuela Peña',
    });
    // The phone shows masked on the timeline.
    expect(gestionEv?.detalle).toContain('•••• 5591');
    expect(gestionEv?.detalle).not.toContain('6622145591');
    expect(turnoEv).toEqual({
      tipo: 'turno',
      id: String(turnoId),
      instante: '2026-03-09T18:30:00.000Z',
      fecha: '2026-03-09',
      titulo: 'Visita a ventanilla (atendido)',
      detalle: 'Pidió su estado de cuenta',
      quien: 'Sofía Valenzuela Peña',
    });
  });

  it('un turno de otra persona y un convenio de otro crédito no aparecen; un gestor de otra oficina no la ve', async () => {
    const c = await credito();
    const otro = await credito();
    await turno(otro.acreditado, '2026-03-09T19:00:00Z');
    await convenio(otro.id, '2026-03-09T19:30:00Z');
    const r = await t.pedir('GET', `/api/creditos/${c.id}/historia`, { sesion: s.gestor });
    const tipos = (r.json().eventos as Evento[]).map((e) => e.tipo);
    expect(tipos).not.toContain('turno');
    expect(tipos).not.toContain('convenio');
    const ajena = await t.pedir('GET', `/api/creditos/${c.id}/historia`, {
      sesion: s['gestor.nogales'],
    });
    expect(ajena.statusCode).toBe(403);
  });

  it('un turno que sigue en espera o en atención se lee en español, no con la clave del estado', async () => {
    const c = await credito();
    await turno(c.acreditado, '2026-03-10T15:00:00Z', 'en_espera');
    await turno(c.acreditado, '2026-03-10T15:30:00Z', 'en_atencion');
    const r = await t.pedir('GET', `/api/creditos/${c.id}/historia`, { sesion: s.gestor });
    const turnos = (r.json().eventos as Evento[]).filter((e) => e.tipo === 'turno');
    expect(turnos.map((e) => e.titulo)).toEqual([
      'Visita a ventanilla (en atención)',
      'Visita a ventanilla (en espera)',
    ]);
  });
});
