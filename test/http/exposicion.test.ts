import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppDePrueba, crearAppDePrueba, type Sesion } from '../soporte/app-de-prueba.ts';
import { casoPublicado, guardarCaso } from '../soporte/fabricas.ts';

/**
 * Minimal exposure (issue 13 item 9): lists and search results show CURP, phones and e-mails
 * masked; the whole value comes on a deliberate request, logged, within the object's scope.
 */
const caso = casoPublicado('01-pago-parcial-con-atraso.json');
const TELEFONO = '6622142847';
const CORREO = 'sofia.valenzuela@dominio.com';
const LLAMANTE = '644 555 0199';

let t: AppDePrueba;
const s: Record<string, Sesion> = {};
let creditoId: number;
let personaId: number;
let curp: string;
let rfc: string;
let telefonoId: number;
let correoId: number;
let recadoId: number;

beforeAll(async () => {
  t = await crearAppDePrueba();
  const db = t.base.db;
  const c = await guardarCaso(db, caso, { oficina: 'HMO' });
  creditoId = c.id;
  const p = await db
    .selectFrom('participantes_credito as pc')
    .innerJoin('personas as p', 'p.id', 'pc.persona_id')
    .select(['p.id', 'p.curp'])
    .where('pc.credito_id', '=', creditoId)
    .where('pc.rol', '=', 'acreditado')
    .executeTakeFirstOrThrow();
  personaId = p.id;
  curp = p.curp ?? '';
  rfc = `${curp.slice(0, 10)}AB7`;
  await db.updateTable('personas').set({ rfc }).where('id', '=', personaId).execute();
  telefonoId = (
    await db
      .insertInto('telefonos')
      .values({ persona_id: personaId, numero: TELEFONO, tipo: 'movil', consentimiento: true })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  correoId = (
    await db
      .insertInto('correos')
      .values({ persona_id: personaId, correo: CORREO, consentimiento: true })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const gestor = await db
    .selectFrom('usuarios')
    .select('id')
    .where('usuario', '=', 'gestor')
    .executeTakeFirstOrThrow();
  await db
    .updateTable('creditos')
    .set({ gestor_id: gestor.id })
    .where('id', '=', creditoId)
    .execute();
  for (const u of ['gestor', 'gestor.nogales', 'coordinador', 'contabilidad', 'abogado', 'admin'])
    s[u] = await t.entrar(u);

  // A call (09:00 in Hermosillo) and a recado with the number to call back.
  const g = await t.pedir('POST', `/api/creditos/${creditoId}/gestiones`, {
    sesion: s.gestor,
    cuerpo: { canal: 'llamada_saliente', personaId, telefonoId, resultado: 'no_contesta' },
  });
  expect(g.statusCode, g.body).toBe(201);
  const r = await t.pedir('POST', '/api/recados', {
    sesion: s.coordinador,
    cuerpo: {
      creditoId,
      personaId,
      llamanteNombre: 'Rosa Elvia Moreno',
      llamanteTelefono: LLAMANTE,
      mensaje: 'Que le llamen.',
    },
  });
  expect(r.statusCode, r.body).toBe(201);
  recadoId = r.json().id;
});
afterAll(() => t.cerrar());

const pedir = (quien: string, metodo: string, url: string, cuerpo?: unknown) =>
  t.pedir(metodo, url, { sesion: s[quien], cuerpo });

/** The whole values, in any of the ways a response could spell them. */
function completos(): string[] {
  return [curp, rfc, TELEFONO, '662 214 2847', CORREO, LLAMANTE, LLAMANTE.replace(/\D/g, '')];
}

async function revelaciones() {
  return t.base.db
    .selectFrom('bitacora')
    .select(['actor_usuario', 'objeto_tipo', 'objeto_id', 'detalle'])
    .where('accion', '=', 'dato_personal.revelado')
    .orderBy('id')
    .execute();
}

describe('listas y búsquedas muestran los datos enmascarados', () => {
  it('la búsqueda por CURP completa o por teléfono completo encuentra a la persona, y su respuesta no los contiene', async () => {
    for (const q of [curp, TELEFONO]) {
      const r = await pedir('gestor', 'GET', `/api/buscar?q=${encodeURIComponent(q)}`);
      expect(r.statusCode).toBe(200);
      expect(r.json().resultados.map((h: { personaId: number }) => h.personaId)).toContain(
        personaId,
      );
      for (const v of completos()) expect(r.body).not.toContain(v);
    }
  });

  it('la ficha: CURP y RFC con sus 6 primeros y 3 últimos, teléfonos con sus 4 últimos, correos con la primera letra', async () => {
    const r = await pedir('gestor', 'GET', `/api/personas/${personaId}/ficha`);
    expect(r.statusCode).toBe(200);
    const f = r.json();
    expect(f.persona.curp).toBe(`${curp.slice(0, 6)}…${curp.slice(-3)}`);
    expect(f.persona.rfc).toBe(`${rfc.slice(0, 6)}…AB7`);
    expect(f.telefonos).toEqual([expect.objectContaining({ id: telefonoId, numero: '•••• 2847' })]);
    expect(f.correos).toEqual([
      expect.objectContaining({ id: correoId, correo: 's•••@dominio.com' }),
    ]);
    for (const v of completos()) expect(r.body).not.toContain(v);
  });

  it('los datos de contacto y su historial, las gestiones, la historia de la cuenta y los recados', async () => {
    const contactos = await pedir('gestor', 'GET', `/api/personas/${personaId}/contactos`);
    expect(contactos.json().telefonos[0]).toMatchObject({
      numero: '•••• 2847',
      // The zone still comes from the whole number's area code.
      zonaHoraria: 'America/Hermosillo',
    });
    expect(contactos.json().correos[0]).toMatchObject({ correo: 's•••@dominio.com' });
    const gestiones = await pedir('gestor', 'GET', `/api/creditos/${creditoId}/gestiones`);
    expect(gestiones.json().gestiones[0]).toMatchObject({ medio: '•••• 2847' });
    const historia = await pedir('gestor', 'GET', `/api/creditos/${creditoId}/historia`);
    const llamada = historia.json().eventos.find((e: { tipo: string }) => e.tipo === 'gestion');
    expect(llamada?.detalle).toContain('•••• 2847');
    const recados = await pedir('gestor', 'GET', '/api/recados');
    expect(recados.json().recados[0]).toMatchObject({
      id: recadoId,
      llamanteTelefono: '•••• 0199',
    });
    for (const r of [contactos, gestiones, historia, recados]) {
      expect(r.statusCode).toBe(200);
      for (const v of completos()) expect(r.body).not.toContain(v);
    }
  });
});

describe('revelar el valor completo', () => {
  it('devuelve la CURP, el RFC, el teléfono y el correo completos, y cada revelación queda en la bitácora', async () => {
    const antes = (await revelaciones()).length;
    const pedidos: Array<[Record<string, unknown>, string]> = [
      [{ campo: 'curp' }, curp],
      [{ campo: 'rfc' }, rfc],
      [{ campo: 'telefono', telefonoId }, TELEFONO],
      [{ campo: 'correo', correoId }, CORREO],
    ];
    for (const [cuerpo, valor] of pedidos) {
      const r = await pedir('gestor', 'POST', `/api/personas/${personaId}/revelar`, cuerpo);
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json()).toEqual({ valor });
    }
    const filas = (await revelaciones()).slice(antes);
    expect(filas).toEqual([
      {
        actor_usuario: 'gestor',
        objeto_tipo: 'persona',
        objeto_id: String(personaId),
        detalle: { campo: 'curp' },
      },
      {
        actor_usuario: 'gestor',
        objeto_tipo: 'persona',
        objeto_id: String(personaId),
        detalle: { campo: 'rfc' },
      },
      {
        actor_usuario: 'gestor',
        objeto_tipo: 'persona',
        objeto_id: String(personaId),
        detalle: { campo: 'telefono', telefonoId },
      },
      {
        actor_usuario: 'gestor',
        objeto_tipo: 'persona',
        objeto_id: String(personaId),
        detalle: { campo: 'correo', correoId },
      },
    ]);
  });

  it('contabilidad y el administrador también; el teléfono que deja quien llama, a quien atiende el recado', async () => {
    for (const quien of ['contabilidad', 'admin']) {
      const r = await pedir(quien, 'POST', `/api/personas/${personaId}/revelar`, { campo: 'curp' });
      expect(r.json()).toEqual({ valor: curp });
    }
    const antes = (await revelaciones()).length;
    const r = await pedir('gestor', 'POST', `/api/recados/${recadoId}/revelar`, {});
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toEqual({ valor: LLAMANTE });
    expect((await revelaciones()).slice(antes)).toEqual([
      {
        actor_usuario: 'gestor',
        objeto_tipo: 'recado',
        objeto_id: String(recadoId),
        detalle: { campo: 'telefono_llamante', personaId },
      },
    ]);
  });

  it('el gestor de otra oficina y el abogado externo son rechazados, sin el valor y sin revelación registrada', async () => {
    const antes = await revelaciones();
    for (const quien of ['gestor.nogales', 'abogado']) {
      for (const cuerpo of [{ campo: 'curp' }, { campo: 'telefono', telefonoId }]) {
        const r = await pedir(quien, 'POST', `/api/personas/${personaId}/revelar`, cuerpo);
        expect(r.statusCode, `${quien} ${JSON.stringify(cuerpo)}`).toBe(403);
        for (const v of completos()) expect(r.body).not.toContain(v);
      }
      const recado = await pedir(quien, 'POST', `/api/recados/${recadoId}/revelar`, {});
      expect(recado.statusCode).toBe(403);
      expect(recado.body).not.toContain(LLAMANTE);
    }
    expect(await revelaciones()).toEqual(antes);
  });

  it('el teléfono de otra persona no se revela por la ficha de esta (404); la entrada inválida es un 400 que nombra el campo', async () => {
    const otra = await guardarCaso(t.base.db, caso, { oficina: 'HMO' });
    const otraPersona = await t.base.db
      .selectFrom('participantes_credito')
      .select('persona_id')
      .where('credito_id', '=', otra.id)
      .executeTakeFirstOrThrow();
    const ajeno = await t.pedir('POST', `/api/personas/${otraPersona.persona_id}/revelar`, {
      sesion: s.gestor,
      cuerpo: { campo: 'telefono', telefonoId },
    });
    expect(ajeno.statusCode).toBe(404);
    expect(ajeno.body).not.toContain(TELEFONO);
    const casos: Array<[unknown, string]> = [
      [{ campo: 'telefono' }, 'telefonoId'],
      [{ campo: 'nombre' }, 'campo'],
      [{ campo: 'curp', telefonoId }, 'telefonoId'],
      [{ campo: 'correo', correoId: 'uno' }, 'correoId'],
    ];
    for (const [cuerpo, campo] of casos) {
      const r = await pedir('gestor', 'POST', `/api/personas/${personaId}/revelar`, cuerpo);
      expect(r.statusCode, JSON.stringify(cuerpo)).toBe(400);
      expect(r.json().error.campo).toBe(campo);
    }
    expect(
      (await pedir('admin', 'POST', '/api/personas/999999/revelar', { campo: 'curp' })).statusCode,
    ).toBe(404);
  });
});

// Last: it retires the phone the other tests use.
describe('correcciones', () => {
  it('el historial de contactos enmascara también los valores anteriores', async () => {
    const r = await pedir('gestor', 'PATCH', `/api/telefonos/${telefonoId}`, {
      numero: '662 214 2848',
      motivo: 'Último dígito mal capturado',
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().telefono.numero).toBe('•••• 2848');
    const c = await pedir('gestor', 'GET', `/api/personas/${personaId}/contactos`);
    expect(c.json().historial[0]).toMatchObject({
      cambio: 'correccion',
      antes: { numero: '•••• 2847' },
      despues: { numero: '•••• 2848' },
    });
    expect(c.body).not.toContain('6622142848');
    for (const v of completos()) expect(c.body).not.toContain(v);
  });
});
