import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppDePrueba, crearAppDePrueba, type Sesion } from '../soporte/app-de-prueba.ts';
import { casoPublicado, guardarCaso } from '../soporte/fabricas.ts';

// The contact rule `en_juridico` (docs/gestion.md) read from the credit's state alone: an
// account in `en_juridico` without a despacho (the state the demo and older imports leave).

let t: AppDePrueba;
let gestor: Sesion;
let gestorId = 0;

beforeAll(async () => {
  t = await crearAppDePrueba();
  // 09:00 in Hermosillo: inside the contact window.
  t.reloj.fijar('2026-03-10T16:00:00Z');
  gestor = await t.entrar('gestor');
  gestorId = (
    await t.base.db
      .selectFrom('usuarios')
      .select('id')
      .where('usuario', '=', 'gestor')
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(() => t.cerrar());

/** A Hermosillo credit of the gestor in `en_juridico`, no despacho; its acreditado's phone. */
async function creditoEnJuridico() {
  const c = await guardarCaso(t.base.db, casoPublicado('01-pago-parcial-con-atraso.json'), {
    oficina: 'HMO',
  });
  await t.base.db
    .updateTable('creditos')
    .set({ gestor_id: gestorId, estado: 'en_juridico', despacho_id: null })
    .where('id', '=', c.id)
    .execute();
  const p = await t.base.db
    .selectFrom('participantes_credito')
    .select('persona_id')
    .where('credito_id', '=', c.id)
    .where('rol', '=', 'acreditado')
    .executeTakeFirstOrThrow();
  // With consent: an SMS refused here is refused for the account, not for the channel.
  const tel = await t.base.db
    .insertInto('telefonos')
    .values({ persona_id: p.persona_id, numero: '6623217788', tipo: 'movil', consentimiento: true })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: c.id, acreditado: p.persona_id, telefono: tel.id };
}

const registrar = (creditoId: number, cuerpo: unknown) =>
  t.pedir('POST', `/api/creditos/${creditoId}/gestiones`, { sesion: gestor, cuerpo });

async function gestiones(creditoId: number) {
  return t.base.db
    .selectFrom('gestiones')
    .select('canal')
    .where('credito_id', '=', creditoId)
    .execute();
}

async function rechazos(creditoId: number) {
  return t.base.db
    .selectFrom('bitacora')
    .select('detalle')
    .where('accion', '=', 'gestion.rechazada')
    .where('objeto_id', '=', String(creditoId))
    .execute();
}

describe('en_juridico por el estado del crédito, sin despacho', () => {
  it('una llamada saliente y un SMS se rechazan con 422 en_juridico, quedan en la bitácora y no se registra nada', async () => {
    const c = await creditoEnJuridico();
    const llamada = await registrar(c.id, {
      canal: 'llamada_saliente',
      personaId: c.acreditado,
      telefonoId: c.telefono,
      resultado: 'no_contesta',
      duracionSegundos: 20,
    });
    expect(llamada.statusCode).toBe(422);
    expect(llamada.json().error).toEqual({
      codigo: 'en_juridico',
      mensaje: expect.stringMatching(/despacho/),
    });
    const sms = await registrar(c.id, {
      canal: 'sms',
      personaId: c.acreditado,
      telefonoId: c.telefono,
      resultado: 'enviado',
      nota: 'Recordatorio de pago',
    });
    expect(sms.statusCode).toBe(422);
    expect(sms.json().error.codigo).toBe('en_juridico');
    expect(await gestiones(c.id)).toEqual([]);
    const r = await rechazos(c.id);
    expect(r.map((x) => x.detalle)).toEqual([
      expect.objectContaining({ codigo: 'en_juridico', canal: 'llamada_saliente' }),
      expect.objectContaining({ codigo: 'en_juridico', canal: 'sms' }),
    ]);
  });

  it('una llamada entrante y una visita a ventanilla se registran', async () => {
    const c = await creditoEnJuridico();
    const entrante = await registrar(c.id, {
      canal: 'llamada_entrante',
      personaId: c.acreditado,
      telefonoId: c.telefono,
      resultado: 'contacto_efectivo',
      nota: 'Pregunta quién lleva su cuenta',
      duracionSegundos: 90,
    });
    expect(entrante.statusCode).toBe(201);
    const ventanilla = await registrar(c.id, {
      canal: 'ventanilla',
      personaId: c.acreditado,
      resultado: 'contacto_efectivo',
      nota: 'Vino a la oficina',
    });
    expect(ventanilla.statusCode).toBe(201);
    expect((await gestiones(c.id)).map((g) => g.canal).sort()).toEqual([
      'llamada_entrante',
      'ventanilla',
    ]);
    expect(await rechazos(c.id)).toEqual([]);
  });

  it('la misma llamada pasa cuando el crédito vuelve a activo: el rechazo lo decide el estado', async () => {
    const c = await creditoEnJuridico();
    const cuerpo = {
      canal: 'llamada_saliente',
      personaId: c.acreditado,
      telefonoId: c.telefono,
      resultado: 'no_contesta',
      duracionSegundos: 20,
    };
    expect((await registrar(c.id, cuerpo)).statusCode).toBe(422);
    await t.base.db
      .updateTable('creditos')
      .set({ estado: 'activo' })
      .where('id', '=', c.id)
      .execute();
    expect((await registrar(c.id, cuerpo)).statusCode).toBe(201);
  });
});
