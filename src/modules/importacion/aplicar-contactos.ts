import type { Db } from '../../db/conexion.ts';
import type { ContextoDeCambio } from '../contactos/anotar-cambio.ts';
import { CORREO, DOMICILIO, TELEFONO } from '../contactos/clases-de-contacto.ts';
import { corregirConClave } from '../contactos/contacto-con-clave.ts';
import {
  anotarAlta,
  buscarPorClave,
  type ClaseConClave,
  type FilaDe,
  type Heredado,
  retirarYAgregar,
  revivirOInsertar,
  type TablaConClave,
} from '../contactos/contacto-en-tabla.ts';
import type { FilaDomicilio } from '../contactos/vistas.ts';
import type { CambiosDeContactos, ContactoParaPersona } from './planear-contactos.ts';

/**
 * Carries out what planear-contactos.ts decided for the people already registered, as the
 * contactos module does when a gestor corrects a datum: an old one is retired (kept, with
 * when), the new one added, and each change leaves its `historial_contactos` row and its
 * bitácora row, with the import's file as the reason. Runs after the bulk writer has closed.
 */

async function conClave<T extends TablaConClave>(
  trx: Db,
  clase: ClaseConClave<T>,
  c: ContactoParaPersona<unknown>,
  valor: string,
  heredado: Heredado[T],
  motivo: string,
  ctx: ContextoDeCambio,
): Promise<void> {
  if (c.reemplaza !== null) {
    const tabla: TablaConClave = clase.tabla;
    const vieja = (await trx
      .selectFrom(tabla)
      .selectAll()
      .where('id', '=', c.reemplaza)
      .forUpdate()
      .executeTakeFirstOrThrow()) as FilaDe<T>;
    await corregirConClave(trx, clase, vieja, valor, heredado, motivo, ctx);
    return;
  }
  // She may have had it and had it retired: it comes back (history `alta` with the row before).
  const antes = await buscarPorClave(trx, clase, c.personaId, valor);
  if (antes?.retirado === null) return;
  const fila = await revivirOInsertar(
    trx,
    clase,
    c.personaId,
    valor,
    heredado,
    antes,
    ctx.reloj.ahora(),
  );
  await anotarAlta(trx, clase, antes, fila, ctx);
}

export async function aplicarContactos(
  trx: Db,
  cambios: CambiosDeContactos,
  motivo: string,
  ctx: ContextoDeCambio,
): Promise<void> {
  for (const c of cambios.telefonos) {
    const { numero, tipo, consentimiento } = c.contacto;
    await conClave(
      trx,
      TELEFONO,
      c,
      numero,
      { tipo, consentimiento, zona_horaria: null },
      motivo,
      ctx,
    );
  }
  for (const c of cambios.correos) {
    const { correo, consentimiento } = c.contacto;
    await conClave(trx, CORREO, c, correo, { consentimiento }, motivo, ctx);
  }
  for (const c of cambios.domicilios) {
    const d = c.contacto;
    const agregar = (ahora: Date, zona: string | null) =>
      trx
        .insertInto('domicilios')
        .values({
          persona_id: c.personaId,
          calle: d.calle,
          numero: d.numero,
          colonia: d.colonia,
          codigo_postal: d.codigoPostal,
          municipio: d.municipio,
          estado: d.estado,
          zona_horaria: zona,
          agregado: ahora,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
    if (c.reemplaza === null) {
      await anotarAlta(trx, DOMICILIO, undefined, await agregar(ctx.reloj.ahora(), null), ctx);
      continue;
    }
    const vieja: FilaDomicilio = await trx
      .selectFrom('domicilios')
      .selectAll()
      .where('id', '=', c.reemplaza)
      .forUpdate()
      .executeTakeFirstOrThrow();
    // A zone chosen by hand stays with an address in the same state (as corregirDomicilio).
    const zona = vieja.estado === d.estado ? vieja.zona_horaria : null;
    await retirarYAgregar(trx, DOMICILIO, vieja, (ahora) => agregar(ahora, zona), motivo, ctx);
  }
}
