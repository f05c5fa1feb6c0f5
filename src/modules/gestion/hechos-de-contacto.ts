import { sql } from 'kysely';
import type { Db } from '../../db/conexion.ts';
import { nombreCompleto } from '../../db/nombre-persona.ts';
import { enmascararCorreo, enmascararTelefono } from '../../domain/enmascarar.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { type CanalGestion, medioDelCanal, sentidoDelCanal } from '../../domain/gestion/canal.ts';
import { esMenorDeEdad, type HechosDeContacto } from '../../domain/gestion/reglas-de-contacto.ts';
import { motivoFueraDeHorario } from '../../domain/gestion/ventana-de-contacto.ts';
import { ZONA_INSTITUTO, zonaDeContacto } from '../../domain/gestion/zona-horaria.ts';
import type { GestionNueva } from './gestion-nueva.ts';

/** The person and the datum an attempt went through, as stored with the gestión. */
export interface Contactado {
  personaId: number | null;
  nombre: string | null;
  telefonoId: number | null;
  correoId: number | null;
  domicilioId: number | null;
  /** The phone, e-mail or address as used: kept even if the datum changes later. */
  medio: string | null;
}

interface Medio {
  personaId: number;
  texto: string;
  consentimiento: boolean | null;
  zonaElegida: string | null;
  estado: string | null;
  telefono: string | null;
}

const invalida = (mensaje: string, campo: string) =>
  new ErrorDominio('gestion_invalida', mensaje, campo);

/** The phone, e-mail or address named for the channel, checked to be usable. */
async function leerMedio(trx: Db, g: GestionNueva): Promise<Medio | null> {
  const tipo = medioDelCanal(g.canal);
  const saliente = sentidoDelCanal(g.canal) !== 'entrante';
  const otros: Array<[keyof GestionNueva, string]> = [
    ['telefonoId', 'telefono'],
    ['correoId', 'correo'],
    ['domicilioId', 'domicilio'],
  ];
  for (const [campo, t] of otros) {
    if (t !== tipo && g[campo] !== null) {
      throw invalida(
        `Con el canal ${g.canal} no se indica ${t === 'correo' ? 'un correo' : `un ${t}`}.`,
        campo,
      );
    }
  }
  switch (tipo) {
    case 'telefono': {
      if (g.telefonoId === null) {
        if (saliente) throw invalida('Indica a qué teléfono se llamó o escribió.', 'telefonoId');
        return null;
      }
      const t = await trx
        .selectFrom('telefonos')
        .select(['persona_id', 'numero', 'consentimiento', 'valido', 'retirado', 'zona_horaria'])
        .where('id', '=', g.telefonoId)
        .executeTakeFirst();
      if (!t) throw invalida('Ese teléfono no existe.', 'telefonoId');
      if (saliente && (t.retirado !== null || !t.valido)) {
        throw invalida(
          `El teléfono ${enmascararTelefono(t.numero)} está ${t.retirado !== null ? 'dado de baja' : 'marcado como equivocado'}: usa otro.`,
          'telefonoId',
        );
      }
      return {
        personaId: t.persona_id,
        texto: t.numero,
        consentimiento: t.consentimiento,
        zonaElegida: t.zona_horaria,
        estado: null,
        telefono: t.numero,
      };
    }
    case 'correo': {
      if (g.correoId === null) {
        if (saliente) throw invalida('Indica a qué correo se escribió.', 'correoId');
        return null;
      }
      const c = await trx
        .selectFrom('correos')
        .select(['persona_id', 'correo', 'consentimiento', 'valido', 'retirado'])
        .where('id', '=', g.correoId)
        .executeTakeFirst();
      if (!c) throw invalida('Ese correo no existe.', 'correoId');
      if (saliente && (c.retirado !== null || !c.valido)) {
        throw invalida(
          `El correo ${enmascararCorreo(c.correo)} ya no es válido: usa otro.`,
          'correoId',
        );
      }
      return {
        personaId: c.persona_id,
        texto: c.correo,
        consentimiento: c.consentimiento,
        zonaElegida: null,
        estado: null,
        telefono: null,
      };
    }
    case 'domicilio': {
      if (g.domicilioId === null) {
        if (saliente)
          throw invalida('Indica el domicilio visitado o al que se envió.', 'domicilioId');
        return null;
      }
      const d = await trx
        .selectFrom('domicilios')
        .select([
          'persona_id',
          'calle',
          'numero',
          'colonia',
          'municipio',
          'estado',
          'zona_horaria',
          'retirado',
        ])
        .where('id', '=', g.domicilioId)
        .executeTakeFirst();
      if (!d) throw invalida('Ese domicilio no existe.', 'domicilioId');
      if (saliente && d.retirado !== null) {
        throw invalida('Ese domicilio está dado de baja: usa el vigente.', 'domicilioId');
      }
      return {
        personaId: d.persona_id,
        texto: [[d.calle, d.numero].filter(Boolean).join(' '), d.colonia, d.municipio, d.estado]
          .filter(Boolean)
          .join(', '),
        consentimiento: null,
        zonaElegida: d.zona_horaria,
        estado: d.estado,
        telefono: null,
      };
    }
    case null:
      return null;
  }
}

/** The state of the person's current address, from which a phone's zone is derived. */
async function estadoDelDomicilio(trx: Db, personaId: number): Promise<string | null> {
  const d = await trx
    .selectFrom('domicilios')
    .select('estado')
    .where('persona_id', '=', personaId)
    .where('retirado', 'is', null)
    .where('vigente', '=', true)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return d?.estado ?? null;
}

export interface CreditoContactado {
  id: number;
  enJuridico: boolean;
}

/**
 * Reads what the contact rules need and the person and datum to store. Takes the person's
 * row lock first: two attempts logged at once for the same person are counted one after the
 * other against the daily limit.
 */
export async function reunirHechos(
  trx: Db,
  credito: CreditoContactado,
  g: GestionNueva,
  inicio: Date,
  hoy: string,
  limiteDiario: number,
): Promise<{ hechos: HechosDeContacto; contactado: Contactado }> {
  const medio = await leerMedio(trx, g);
  if (medio && g.personaId !== null && medio.personaId !== g.personaId) {
    throw invalida('El dato de contacto no es de la persona indicada.', 'personaId');
  }
  const personaId = g.personaId ?? medio?.personaId ?? null;
  const saliente = sentidoDelCanal(g.canal) !== 'entrante';
  if (personaId === null) {
    if (saliente) throw invalida('Indica a quién se contactó.', 'personaId');
    if (g.contactoNombre === null) {
      throw invalida('Indica quién llamó o vino (nombre), o elige a la persona.', 'contactoNombre');
    }
    return {
      hechos: hechosSinPersona(g.canal, credito.enJuridico),
      contactado: {
        personaId: null,
        nombre: g.contactoNombre,
        telefonoId: null,
        correoId: null,
        domicilioId: null,
        medio: null,
      },
    };
  }
  const persona = await trx
    .selectFrom('personas')
    .select(['nombres', 'primer_apellido', 'segundo_apellido', 'fecha_nacimiento'])
    .where('id', '=', personaId)
    .forUpdate()
    .executeTakeFirst();
  if (!persona) throw invalida('Esa persona no existe.', 'personaId');
  const calidad = await trx
    .selectFrom('participantes_credito')
    .select('rol')
    .where('credito_id', '=', credito.id)
    .where('persona_id', '=', personaId)
    .where('rol', 'in', ['acreditado', 'aval'])
    .orderBy('rol')
    .executeTakeFirst();
  const oposicion = await trx
    .selectFrom('oposiciones_contacto')
    .select('persona_id')
    .where('persona_id', '=', personaId)
    .executeTakeFirst();
  const zona = zonaDeContacto({
    zonaElegida: medio?.zonaElegida ?? null,
    estadoDelDomicilio: medio?.estado ?? (await estadoDelDomicilio(trx, personaId)),
    telefono: medio?.telefono ?? null,
  });
  const intentos = await trx
    .selectFrom('gestiones')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('persona_id', '=', personaId)
    .where('canal', 'in', ['llamada_saliente', 'visita_domiciliaria', 'correo', 'sms', 'whatsapp'])
    // The institute's calendar day of this attempt, as a range the index can use.
    .where(
      'inicio',
      '>=',
      sql<Date>`date_trunc('day', ${inicio}::timestamptz AT TIME ZONE ${ZONA_INSTITUTO}) AT TIME ZONE ${ZONA_INSTITUTO}`,
    )
    .where(
      'inicio',
      '<',
      sql<Date>`(date_trunc('day', ${inicio}::timestamptz AT TIME ZONE ${ZONA_INSTITUTO}) + interval '1 day') AT TIME ZONE ${ZONA_INSTITUTO}`,
    )
    .executeTakeFirstOrThrow();
  return {
    hechos: {
      canal: g.canal,
      enJuridico: credito.enJuridico,
      calidad: calidad?.rol === 'acreditado' || calidad?.rol === 'aval' ? calidad.rol : 'otro',
      esMenor: esMenorDeEdad(persona.fecha_nacimiento, hoy),
      oposicion: oposicion !== undefined,
      consentimiento: medio?.consentimiento ?? null,
      fueraDeHorario: motivoFueraDeHorario(inicio, zona),
      intentosHoy: intentos.n,
      limiteDiario,
    },
    contactado: {
      personaId,
      nombre: g.contactoNombre ?? nombreCompleto(persona),
      telefonoId: g.telefonoId,
      correoId: g.correoId,
      domicilioId: g.domicilioId,
      medio: medio?.texto ?? null,
    },
  };
}

function hechosSinPersona(canal: CanalGestion, enJuridico: boolean): HechosDeContacto {
  return {
    canal,
    enJuridico,
    calidad: 'otro',
    esMenor: false,
    oposicion: false,
    consentimiento: null,
    fueraDeHorario: null,
    intentosHoy: 0,
    limiteDiario: 1,
  };
}
