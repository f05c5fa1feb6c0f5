import type {
  CorreoNuevo,
  DomicilioNuevo,
  PersonaNueva,
  TelefonoNuevo,
} from '../../db/escritura-cartera.ts';
import {
  correoComparable,
  mismoDomicilio,
  telefonoComparable,
} from '../../domain/comparar-contactos.ts';
import type { BaseExistente, ContactosGuardados } from './base-existente.ts';

/**
 * What the file's phones, e-mails and addresses do to the people already registered (issue 17,
 * item 5). The same one (compared without case, accents, spaces or punctuation; a phone by its
 * 10 digits) is not added twice. A different one is added; if the person has a current one of
 * the same kind that the file no longer brings (a phone of the same type, an e-mail, an
 * address), the new one supersedes it: the old one is retired with its history, never
 * overwritten, and the summary says so. Pure: the writer (aplicar-contactos.ts) carries it out.
 */

/** A contact a registered person gets: `reemplaza` is the id of the current one it supersedes. */
export interface ContactoParaPersona<T> {
  personaId: number;
  curp: string;
  contacto: T;
  reemplaza: number | null;
}

export interface CambiosDeContactos {
  telefonos: ContactoParaPersona<TelefonoNuevo>[];
  correos: ContactoParaPersona<CorreoNuevo>[];
  domicilios: ContactoParaPersona<DomicilioNuevo>[];
}

export interface ConteoDeContactos {
  /** Added: of new people, and new ones of registered people. */
  nuevos: number;
  /** New ones of registered people that took the place of a current one (kept in its history). */
  reemplazados: number;
  /** Brought by the file and already on file: nothing written. */
  yaRegistrados: number;
}

export interface ConteosDeContactos {
  telefonos: ConteoDeContactos;
  correos: ConteoDeContactos;
  domicilios: ConteoDeContactos;
}

export interface ContactosPlaneados {
  /** For the bulk writer: new people with their contacts, registered ones without them. */
  personas: PersonaNueva[];
  cambios: CambiosDeContactos;
  conteos: ConteosDeContactos;
}

const conteoVacio = (): ConteoDeContactos => ({ nuevos: 0, reemplazados: 0, yaRegistrados: 0 });

export function conteosDeContactosVacios(): ConteosDeContactos {
  return { telefonos: conteoVacio(), correos: conteoVacio(), domicilios: conteoVacio() };
}

/** The file's values without repeats (the first one written wins). */
function sinRepetir<T>(valores: readonly T[], mismo: (a: T, b: T) => boolean): T[] {
  const r: T[] = [];
  for (const v of valores) if (!r.some((x) => mismo(x, v))) r.push(v);
  return r;
}

const mismoTelefono = (a: { numero: string }, b: { numero: string }) =>
  telefonoComparable(a.numero) === telefonoComparable(b.numero);
const mismoCorreo = (a: { correo: string }, b: { correo: string }) =>
  correoComparable(a.correo) === correoComparable(b.correo);

/**
 * One kind of contact of a registered person: each value brought that she lacks is added, in
 * place of a current one of its group (`grupo`: a phone's type) that the file does not bring,
 * newest first, while there are such.
 */
function repartir<T, G extends { id: number }>(
  traidos: readonly T[],
  guardados: readonly G[],
  reemplazables: boolean,
  mismo: (t: T, g: G) => boolean,
  grupo: (x: T | G) => string,
  conteo: ConteoDeContactos,
  agregar: (contacto: T, reemplaza: number | null) => void,
): void {
  const sobrantes = reemplazables ? guardados.filter((g) => !traidos.some((t) => mismo(t, g))) : [];
  for (const t of traidos) {
    if (guardados.some((g) => mismo(t, g))) {
      conteo.yaRegistrados++;
      continue;
    }
    const i = sobrantes.findIndex((g) => grupo(g) === grupo(t));
    const reemplazado = i < 0 ? null : (sobrantes.splice(i, 1)[0] ?? null);
    if (reemplazado) conteo.reemplazados++;
    else conteo.nuevos++;
    agregar(t, reemplazado?.id ?? null);
  }
}

/**
 * `conFila`: the CURPs of the personas sheet. Only a person's row there says what her contacts
 * are now; a person named only by the telefonos sheet (additional phones) gets them added and
 * nothing of hers is superseded.
 */
export function planearContactos(
  personas: readonly PersonaNueva[],
  base: BaseExistente,
  conFila: ReadonlySet<string>,
): ContactosPlaneados {
  const r: ContactosPlaneados = {
    personas: [],
    cambios: { telefonos: [], correos: [], domicilios: [] },
    conteos: conteosDeContactosVacios(),
  };
  const { conteos, cambios } = r;
  for (const p of personas) {
    const telefonos = sinRepetir(p.telefonos, mismoTelefono);
    const correos = sinRepetir(p.correos, mismoCorreo);
    const domicilios = sinRepetir(p.domicilios, mismoDomicilio);
    const guardada = base.personas.get(p.curp);
    if (!guardada) {
      r.personas.push({ ...p, telefonos, correos, domicilios });
      conteos.telefonos.nuevos += telefonos.length;
      conteos.correos.nuevos += correos.length;
      conteos.domicilios.nuevos += domicilios.length;
      continue;
    }
    r.personas.push({ ...p, telefonos: [], correos: [], domicilios: [] });
    const guardados = base.contactos.get(p.curp);
    const tiene: ContactosGuardados = {
      telefonos: guardados?.telefonos ?? [],
      correos: guardados?.correos ?? [],
      domicilios: guardados?.domicilios ?? [],
    };
    // Without her row, none of her current ones may be superseded: they only count as there.
    const reemplazables = conFila.has(p.curp);
    const para = { personaId: guardada.id, curp: p.curp };
    repartir(
      telefonos,
      tiene.telefonos,
      reemplazables,
      mismoTelefono,
      (x) => x.tipo,
      conteos.telefonos,
      (contacto, reemplaza) => cambios.telefonos.push({ ...para, contacto, reemplaza }),
    );
    repartir(
      correos,
      tiene.correos,
      reemplazables,
      mismoCorreo,
      () => '',
      conteos.correos,
      (contacto, reemplaza) => cambios.correos.push({ ...para, contacto, reemplaza }),
    );
    repartir(
      domicilios,
      tiene.domicilios,
      reemplazables,
      mismoDomicilio,
      () => '',
      conteos.domicilios,
      (contacto, reemplaza) => cambios.domicilios.push({ ...para, contacto, reemplaza }),
    );
  }
  return r;
}
