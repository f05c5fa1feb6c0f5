import { sql } from 'kysely';
import type { Db } from '../../db/conexion.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { clabeValida } from './clabe.ts';
import {
  type DatosDelInstituto,
  leerDatosDelInstituto,
  TIPOS_DE_DOCUMENTO,
} from './datos-del-instituto.ts';

/** What the administrador writes; the version, who and when are the save's own. */
export type NuevosDatosDelInstituto = Omit<
  DatosDelInstituto,
  'version' | 'guardadoPor' | 'guardadoEn'
>;

// Namespace of the advisory lock that gives two simultaneous saves consecutive versions.
const CANDADO_DATOS_DEL_INSTITUTO = 14_0002;

const CAMPOS_GENERALES = [
  ['razonSocial', 'la razón social'],
  ['domicilio', 'el domicilio'],
  ['telefono', 'el teléfono'],
  ['correo', 'el correo'],
] as const;

const CAMPOS_DE_CUENTA = [
  ['banco', 'el banco'],
  ['titular', 'el titular'],
  ['cuenta', 'el número de cuenta'],
  ['clabe', 'la CLABE'],
  ['convencionReferencia', 'cómo se anota la referencia en este banco'],
] as const;

function rechazar(campo: string, motivo: string): never {
  throw new ErrorDominio('entrada_invalida', `Campo «${campo}»: ${motivo}.`, campo);
}

const vacio = (t: string | undefined) => t === undefined || t.trim() === '';

/**
 * What a document would print wrong, refused before it is saved, naming the field as the form
 * has it (`cuentas[0].clabe`): the HTTP schema checks shapes; this is the rule for any caller.
 */
export function validarDatosDelInstituto(d: NuevosDatosDelInstituto): void {
  for (const [campo, nombre] of CAMPOS_GENERALES) {
    if (vacio(d[campo])) rechazar(campo, `escribe ${nombre}`);
  }
  d.cuentas.forEach((c, i) => {
    for (const [campo, nombre] of CAMPOS_DE_CUENTA) {
      if (vacio(c[campo])) rechazar(`cuentas[${i}].${campo}`, `escribe ${nombre}`);
    }
    if (!clabeValida(c.clabe))
      rechazar(
        `cuentas[${i}].clabe`,
        'la CLABE no es válida: son 18 dígitos y el último es el dígito de control; revísala con tu banco',
      );
    if (d.cuentas.findIndex((otra) => otra.clabe === c.clabe) < i)
      rechazar(`cuentas[${i}].clabe`, 'esta CLABE ya está en otra cuenta');
  });
  for (const tipo of TIPOS_DE_DOCUMENTO) {
    const f = d.firmantes[tipo];
    if (f === undefined) continue;
    // A signatory is a person in a position: a name alone (or a post alone) cannot sign.
    if (vacio(f.nombre)) rechazar(`firmantes.${tipo}.nombre`, 'escribe el nombre completo');
    if (vacio(f.cargo)) rechazar(`firmantes.${tipo}.cargo`, 'escribe el cargo');
  }
}

/** JSON with object keys sorted: JSONB gives keys back in its own order, not the one written. */
function canonico(valor: unknown): string {
  return JSON.stringify(valor, (_, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

/** The top-level fields that differ from the previous version, for the bitácora. */
function cambiosRespectoDe(antes: DatosDelInstituto | null, d: NuevosDatosDelInstituto): string[] {
  const campos = Object.keys(d) as Array<keyof NuevosDatosDelInstituto>;
  if (antes === null) return campos;
  return campos.filter((c) => canonico(antes[c]) !== canonico(d[c]));
}

/**
 * The administrador saves the institute's data: a new version (the table takes no updates),
 * so a reprint can name the version it printed. Who and when are stored; what changed goes to
 * the bitácora in the same transaction.
 */
export async function guardarDatosDelInstituto(
  trx: Db,
  nuevos: NuevosDatosDelInstituto,
  ctx: ContextoAutenticado,
): Promise<DatosDelInstituto> {
  validarDatosDelInstituto(nuevos);
  await sql`SELECT pg_advisory_xact_lock(${CANDADO_DATOS_DEL_INSTITUTO})`.execute(trx);
  const antes = await leerDatosDelInstituto(trx);
  const version = (antes?.version ?? 0) + 1;
  // Only documents' keys are kept, and a firmante or legend left blank is not stored.
  const firmantes = Object.fromEntries(
    TIPOS_DE_DOCUMENTO.flatMap((t) => {
      const f = nuevos.firmantes[t];
      return f === undefined ? [] : [[t, { nombre: f.nombre.trim(), cargo: f.cargo.trim() }]];
    }),
  );
  const leyendas = Object.fromEntries(
    TIPOS_DE_DOCUMENTO.flatMap((t) => {
      const l = nuevos.leyendas[t]?.trim();
      return l === undefined || l === '' ? [] : [[t, l]];
    }),
  );
  const limpios: NuevosDatosDelInstituto = {
    razonSocial: nuevos.razonSocial.trim(),
    domicilio: nuevos.domicilio.trim(),
    telefono: nuevos.telefono.trim(),
    correo: nuevos.correo.trim(),
    cuentas: nuevos.cuentas.map((c) => ({
      banco: c.banco.trim(),
      titular: c.titular.trim(),
      cuenta: c.cuenta.trim(),
      clabe: c.clabe.trim(),
      convencionReferencia: c.convencionReferencia.trim(),
    })),
    firmantes,
    leyendas,
  };
  await trx
    .insertInto('datos_del_instituto')
    .values({
      version,
      razon_social: limpios.razonSocial,
      domicilio: limpios.domicilio,
      telefono: limpios.telefono,
      correo: limpios.correo,
      cuentas: JSON.stringify(limpios.cuentas),
      firmantes: JSON.stringify(limpios.firmantes),
      leyendas: JSON.stringify(limpios.leyendas),
      guardado_por: ctx.actor.id,
      guardado_en: ctx.reloj.ahora(),
    })
    .execute();
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'instituto.datos_guardar',
    objetoTipo: 'datos_del_instituto',
    objetoId: version,
    detalle: { version, cambios: cambiosRespectoDe(antes, limpios) },
  });
  const guardados = await leerDatosDelInstituto(trx, version);
  if (guardados === null) throw new Error('la versión recién guardada no se pudo leer');
  return guardados;
}
