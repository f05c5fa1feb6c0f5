import type { PersonaNueva } from '../../db/escritura-cartera.ts';
import type { Fecha } from '../../domain/fecha.ts';
import { tasaDesdeTexto } from '../../domain/tasa.ts';
import type { BaseExistente, PersonaGuardada } from './base-existente.ts';
import type { CarteraArchivo, PersonaArchivo, ProductoArchivo } from './cartera-archivo.ts';
import type { TasasDeCredito } from './caso-de-credito.ts';
import type { Informe } from './informe.ts';

/** A product version a credit can be signed under: stored (`id`) or created by this import. */
export interface VersionDisponible extends TasasDeCredito {
  vigenteDesde: Fecha;
  id: number | null;
  fila: ProductoArchivo | null;
}

export interface ProductosValidados {
  /** clave → its versions, oldest first. */
  versiones: Map<string, VersionDisponible[]>;
  nuevos: Array<{ clave: string; nombre: string }>;
  versionesNuevas: ProductoArchivo[];
  versionesExistentes: number;
}

export function mismaTasa(a: string, b: string): boolean {
  const x = tasaDesdeTexto(a);
  const y = tasaDesdeTexto(b);
  return x !== null && y !== null && x.numerador === y.numerador && x.denominador === y.denominador;
}

function mismasTasas(a: TasasDeCredito, b: TasasDeCredito): boolean {
  return (
    mismaTasa(a.tasaOrdinaria, b.tasaOrdinaria) &&
    mismaTasa(a.tasaMoratoria, b.tasaMoratoria) &&
    (a.tasaPuntual === null
      ? b.tasaPuntual === null
      : b.tasaPuntual !== null && mismaTasa(a.tasaPuntual, b.tasaPuntual)) &&
    a.baseDias === b.baseDias &&
    a.prelacion === b.prelacion
  );
}

/**
 * One row per product version. A version already stored must be identical (an import never
 * changes rates); a repeated version or a product with two names is an error.
 */
export function validarProductos(
  archivo: CarteraArchivo,
  base: BaseExistente,
  informe: Informe,
): ProductosValidados {
  const r: ProductosValidados = {
    versiones: new Map(),
    nuevos: [],
    versionesNuevas: [],
    versionesExistentes: 0,
  };
  for (const [clave, p] of base.productos) {
    r.versiones.set(
      clave,
      p.versiones.map((v) => ({ ...v, fila: null })),
    );
  }
  const nombres = new Map<string, ProductoArchivo>();
  const vistas = new Map<string, ProductoArchivo>();
  for (const p of archivo.productos) {
    const primera = vistas.get(`${p.clave}|${p.vigenteDesde}`);
    if (primera) {
      informe.error(
        p.hoja,
        p.fila,
        'vigente_desde',
        `esta versión del producto ${p.clave} ya está en la fila ${primera.fila}`,
      );
      continue;
    }
    vistas.set(`${p.clave}|${p.vigenteDesde}`, p);
    const guardado = base.productos.get(p.clave);
    const nombre = guardado?.nombre ?? nombres.get(p.clave)?.nombre;
    if (nombre !== undefined && nombre !== p.nombre) {
      informe.error(
        p.hoja,
        p.fila,
        'nombre',
        guardado
          ? `el producto ${p.clave} ya está registrado como «${nombre}»: escribe ese nombre, o usa otra clave si es otro producto`
          : `el producto ${p.clave} se llama «${nombre}» en la fila ${nombres.get(p.clave)?.fila}: escribe el mismo nombre en todas sus versiones`,
      );
      continue;
    }
    if (!guardado && !nombres.has(p.clave)) r.nuevos.push({ clave: p.clave, nombre: p.nombre });
    nombres.set(p.clave, p);
    const existente = guardado?.versiones.find((v) => v.vigenteDesde === p.vigenteDesde);
    if (existente) {
      if (mismasTasas(existente, p)) r.versionesExistentes++;
      else {
        informe.error(
          p.hoja,
          p.fila,
          null,
          `la versión del producto ${p.clave} vigente desde ${p.vigenteDesde} ya está registrada con otras tasas, base o prelación; la importación no cambia tasas`,
        );
      }
      continue;
    }
    r.versionesNuevas.push(p);
    const lista = r.versiones.get(p.clave) ?? [];
    lista.push({ ...p, id: null, fila: p });
    lista.sort((a, b) => (a.vigenteDesde < b.vigenteDesde ? -1 : 1));
    r.versiones.set(p.clave, lista);
  }
  return r;
}

/** The version in force on `fecha`: the latest that starts on or before it. */
export function versionVigente(
  versiones: readonly VersionDisponible[],
  fecha: Fecha,
): VersionDisponible | null {
  let vigente: VersionDisponible | null = null;
  for (const v of versiones) if (v.vigenteDesde <= fecha) vigente = v;
  return vigente;
}

export interface PersonasValidadas {
  /** For the writer: the workbook's people, and stored people who get new phones. */
  personas: PersonaNueva[];
  /** Every CURP a credit may name: in the workbook or stored. */
  conocidas: Set<string>;
  nuevas: number;
  existentes: number;
}

const igual = (a: string | null, b: string | null) =>
  (a ?? '').toLocaleUpperCase('es-MX') === (b ?? '').toLocaleUpperCase('es-MX');

/** The first field in which a stored person differs from the row (empty cells say nothing). */
function diferencia(p: PersonaArchivo, g: PersonaGuardada): [string, string | null] | null {
  if (!igual(p.nombres, g.nombres)) return ['nombres', g.nombres];
  if (!igual(p.primerApellido, g.primerApellido)) return ['primer_apellido', g.primerApellido];
  if (p.segundoApellido !== null && !igual(p.segundoApellido, g.segundoApellido))
    return ['segundo_apellido', g.segundoApellido];
  if (p.rfc !== null && g.rfc !== null && p.rfc !== g.rfc) return ['rfc', g.rfc];
  if (
    p.fechaNacimiento !== null &&
    g.fechaNacimiento !== null &&
    p.fechaNacimiento !== g.fechaNacimiento
  )
    return ['fecha_nacimiento', g.fechaNacimiento];
  return null;
}

/**
 * People, by CURP. One already stored must have the same name (and RFC and birth date when
 * both are known); its new phones, e-mails and addresses are added, nothing else changes.
 */
export function validarPersonas(
  archivo: CarteraArchivo,
  base: BaseExistente,
  informe: Informe,
): PersonasValidadas {
  const r: PersonasValidadas = {
    personas: [],
    conocidas: new Set(base.personas.keys()),
    nuevas: 0,
    existentes: 0,
  };
  const porCurp = new Map<string, PersonaNueva & { fila?: number }>();
  for (const p of archivo.personas) {
    const previa = porCurp.get(p.curp);
    if (previa) {
      informe.error(p.hoja, p.fila, 'curp', `la CURP ${p.curp} ya está en la fila ${previa.fila}`);
      informe.causas.dudosa('persona', p.curp, p.hoja, p.fila);
      continue;
    }
    const guardada = base.personas.get(p.curp);
    const d = guardada ? diferencia(p, guardada) : null;
    if (d) {
      informe.error(
        p.hoja,
        p.fila,
        d[0],
        `la persona ${p.curp} ya está registrada con «${d[1] ?? ''}»; la importación no cambia personas: si lo registrado es lo que está mal, corrígelo en la ficha de uno de sus créditos con «Corregir datos de la persona» (coordinador o administrador) y vuelve a importar`,
      );
      continue;
    }
    if (guardada) r.existentes++;
    else r.nuevas++;
    const copia = { ...p, telefonos: [...p.telefonos] };
    porCurp.set(p.curp, copia);
    r.personas.push(copia);
    r.conocidas.add(p.curp);
  }
  for (const t of archivo.telefonos) {
    let p = porCurp.get(t.curp);
    const guardada = base.personas.get(t.curp);
    if (!p && guardada) {
      p = { ...guardada, telefonos: [], correos: [], domicilios: [] };
      porCurp.set(t.curp, p);
      r.personas.push(p);
    }
    if (!p) {
      if (!informe.causas.ocultar('persona', t.curp, t.hoja, t.fila))
        informe.error(
          t.hoja,
          t.fila,
          'curp',
          `la CURP ${t.curp} no está en la hoja personas ni registrada`,
        );
      continue;
    }
    p.telefonos = [
      ...p.telefonos,
      { numero: t.numero, tipo: t.tipo, consentimiento: t.consentimiento },
    ];
  }
  return r;
}
