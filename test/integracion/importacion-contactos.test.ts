import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describirResultado } from '../../src/modules/importacion/describir-resultado.ts';
import { HOJAS } from '../../src/modules/importacion/disposicion.ts';
import { csvDeHoja } from '../../src/modules/importacion/generar-plantilla.ts';
import { importarCartera } from '../../src/modules/importacion/importar-cartera.ts';
import { type ArchivoDeEntrada, leerLibro } from '../../src/modules/importacion/leer-libro.ts';
import { corregirPersona } from '../../src/modules/personas/corregir-persona.ts';
import { RelojManual } from '../../src/plataforma/reloj-sistema.ts';
import { type BaseDePrueba, crearBaseDePrueba } from '../soporte/base-de-prueba.ts';

// The template's first person: a mobile phone, an e-mail and an address in the personas sheet,
// and a second phone (recados) in the telefonos sheet.
const NUPA = 'NUPA900417HSRXXN08';
const CALLE = 'Calle Rosales,45,Centro,83000,Hermosillo,Sonora';

/** The first person moved and changed her mobile phone. */
const mudado = (t: string) =>
  t
    .replace(CALLE, 'Av. Reforma,120,Centro,83000,Hermosillo,Sonora')
    .replace('662 123 4567', '6629998877');

let base: BaseDePrueba;
const reloj = new RelojManual('2026-03-10T18:00:00Z');

/** The template as CSV (an empty database: its products are new), with `personas` edited. */
async function importar(editar: (personas: string) => string = (t) => t) {
  const r = await intentar(editar);
  expect(r.errores).toEqual([]);
  expect(r.importado).toBe(true);
  return r;
}

async function intentar(editar: (personas: string) => string) {
  const archivos = HOJAS.map((h): ArchivoDeEntrada => {
    const texto = csvDeHoja(h);
    return {
      nombre: `${h}.csv`,
      contenido: new TextEncoder().encode(h === 'personas' ? editar(texto) : texto),
    };
  });
  const libro = await leerLibro(archivos);
  return base.db
    .transaction()
    .execute((trx) => importarCartera(trx, libro, { reloj, ip: null, actor: null }));
}

async function contactosDe(curp: string) {
  const { rows } = await sql<{
    tipo: string;
    valor: string;
    retirado: Date | null;
    vigente: boolean | null;
  }>`
    SELECT 'telefono' AS tipo, t.numero || ' ' || t.tipo AS valor, t.retirado, NULL::bool AS vigente
      FROM telefonos t JOIN personas p ON p.id = t.persona_id WHERE p.curp = ${curp}
    UNION ALL
    SELECT 'correo', c.correo, c.retirado, NULL FROM correos c JOIN personas p ON p.id = c.persona_id WHERE p.curp = ${curp}
    UNION ALL
    SELECT 'domicilio', concat_ws(',', d.calle, d.numero, d.colonia, d.codigo_postal, d.municipio, d.estado), d.retirado, d.vigente
      FROM domicilios d JOIN personas p ON p.id = d.persona_id WHERE p.curp = ${curp}
    ORDER BY 1, 2`.execute(base.db);
  return rows;
}

const totales = async () =>
  (
    await sql<{ t: number; c: number; d: number; h: number }>`
      SELECT (SELECT count(*)::int4 FROM telefonos) AS t, (SELECT count(*)::int4 FROM correos) AS c,
             (SELECT count(*)::int4 FROM domicilios) AS d, (SELECT count(*)::int4 FROM historial_contactos) AS h`.execute(
      base.db,
    )
  ).rows[0];

beforeAll(async () => {
  base = await crearBaseDePrueba();
  const r = await importar();
  expect(r.conteos.contactos).toEqual({
    telefonos: { nuevos: 4, reemplazados: 0, yaRegistrados: 0 },
    correos: { nuevos: 2, reemplazados: 0, yaRegistrados: 0 },
    domicilios: { nuevos: 3, reemplazados: 0, yaRegistrados: 0 },
  });
});
afterAll(() => base.cerrar());

describe('importación: los contactos de personas ya registradas', () => {
  it('el mismo domicilio, teléfono o correo escrito de otra forma no se agrega otra vez', async () => {
    const antes = await totales();
    const r = await importar((t) =>
      t
        .replace(CALLE, 'CALLE  ROSALES.,45,centro,83000,HERMOSILLO,sonora')
        .replace('Calle Jesús García,1020 int. 3', 'calle jesus garcia,1020 Int 3')
        .replace('662 123 4567', '(662) 123-4567')
        .replace('jose.nunez@ejemplo.mx', 'Jose.Nunez@Ejemplo.MX'),
    );
    expect(r.conteos.personas).toEqual({ nuevas: 0, existentes: 4 });
    expect(r.conteos.contactos).toEqual({
      telefonos: { nuevos: 0, reemplazados: 0, yaRegistrados: 4 },
      correos: { nuevos: 0, reemplazados: 0, yaRegistrados: 2 },
      domicilios: { nuevos: 0, reemplazados: 0, yaRegistrados: 3 },
    });
    expect(await totales()).toEqual(antes);
    expect(describirResultado(r)).toContain('  Domicilios: 0 nuevos, 3 ya registrados.\n');
  });

  it('un domicilio y un móvil distintos reemplazan a los vigentes, con su historial, y el resumen lo dice', async () => {
    reloj.avanzarMinutos(60);
    const r = await importar((t) => mudado(t));
    expect(r.conteos.personas).toEqual({ nuevas: 0, existentes: 4 });
    expect(r.conteos.contactos).toEqual({
      telefonos: { nuevos: 0, reemplazados: 1, yaRegistrados: 3 },
      correos: { nuevos: 0, reemplazados: 0, yaRegistrados: 2 },
      domicilios: { nuevos: 0, reemplazados: 1, yaRegistrados: 2 },
    });
    const texto = describirResultado(r);
    expect(texto).toContain(
      '  Teléfonos: 0 nuevos, 1 reemplaza al vigente (el anterior queda en su historial), 3 ya registrados.\n',
    );
    expect(texto).toContain(
      '  Domicilios: 0 nuevos, 1 reemplaza al vigente (el anterior queda en su historial), 2 ya registrados.\n',
    );

    // Nothing overwritten: the old ones are retired, with when; one current of each kind.
    expect(await contactosDe(NUPA)).toEqual([
      { tipo: 'correo', valor: 'jose.nunez@ejemplo.mx', retirado: null, vigente: null },
      {
        tipo: 'domicilio',
        valor: 'Av. Reforma,120,Centro,83000,Hermosillo,Sonora',
        retirado: null,
        vigente: true,
      },
      { tipo: 'domicilio', valor: CALLE, retirado: reloj.ahora(), vigente: false },
      { tipo: 'telefono', valor: '6621234567 movil', retirado: reloj.ahora(), vigente: null },
      { tipo: 'telefono', valor: '6622105533 recados', retirado: null, vigente: null },
      { tipo: 'telefono', valor: '6629998877 movil', retirado: null, vigente: null },
    ]);

    const historial = await base.db
      .selectFrom('historial_contactos as h')
      .innerJoin('personas as p', 'p.id', 'h.persona_id')
      .select(['h.tipo', 'h.cambio', 'h.antes', 'h.despues', 'h.motivo', 'h.registrado'])
      .where('p.curp', '=', NUPA)
      .orderBy('h.id')
      .execute();
    expect(historial).toHaveLength(2);
    const motivo = `Importación de ${r.archivo}`;
    expect(historial[0]).toMatchObject({
      tipo: 'telefono',
      cambio: 'correccion',
      antes: { numero: '6621234567', tipo: 'movil' },
      despues: { numero: '6629998877', tipo: 'movil', retirado: null },
      motivo,
      registrado: reloj.ahora(),
    });
    expect(historial[1]).toMatchObject({
      tipo: 'domicilio',
      cambio: 'correccion',
      antes: { calle: 'Calle Rosales', numero: '45', vigente: true },
      despues: { calle: 'Av. Reforma', numero: '120', vigente: true, retirado: null },
      motivo,
    });
    const bitacora = await base.db
      .selectFrom('bitacora')
      .select('accion')
      .where('accion', 'like', 'contacto.%')
      .orderBy('id')
      .execute();
    expect(bitacora.map((b) => b.accion)).toEqual([
      'contacto.telefono_corregido',
      'contacto.domicilio_corregido',
    ]);

    // The same file again: nothing more.
    const antes = await totales();
    const otra = await importar((t) => mudado(t));
    expect(otra.conteos.contactos.domicilios).toEqual({
      nuevos: 0,
      reemplazados: 0,
      yaRegistrados: 3,
    });
    expect(await totales()).toEqual(antes);
  });

  it('un correo a quien no tenía se agrega, y consta en el resumen y el historial', async () => {
    const r = await importar((t) =>
      mudado(t).replace(
        /^(IABG681102MSRBRD08,(?:[^,]*,){8})([^,]*),/m,
        '$1maria.ibanez@ejemplo.mx,',
      ),
    );
    expect(r.conteos.contactos.correos).toEqual({ nuevos: 1, reemplazados: 0, yaRegistrados: 2 });
    const h = await base.db
      .selectFrom('historial_contactos')
      .select(['tipo', 'cambio', 'despues'])
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(h).toMatchObject({
      tipo: 'correo',
      cambio: 'alta',
      despues: { correo: 'maria.ibanez@ejemplo.mx' },
    });
  });

  it('una persona registrada con «#N/A»: la importación la rechaza y dice dónde corregirla; corregida, el archivo entra', async () => {
    // As the issue found it: an Excel error imported as a second surname.
    await base.db
      .updateTable('personas')
      .set({ segundo_apellido: '#N/A' })
      .where('curp', '=', NUPA)
      .execute();
    const rechazo = await intentar(mudado);
    expect(rechazo.importado).toBe(false);
    expect(rechazo.errores.map((e) => [e.hoja, e.fila, e.columna, e.mensaje])).toEqual([
      [
        'personas.csv',
        2,
        'segundo_apellido',
        `la persona ${NUPA} ya está registrada con «#N/A»; la importación no cambia personas: si lo registrado es lo que está mal, corrígelo en la ficha de uno de sus créditos con «Corregir datos de la persona» (coordinador o administrador) y vuelve a importar`,
      ],
    ]);

    const u = await base.db
      .insertInto('usuarios')
      .values({
        usuario: 'admin.prueba',
        nombre: 'Admin de prueba',
        rol: 'administrador',
        hash_contrasena: 'x',
      })
      .returning(['id', 'usuario', 'nombre', 'rol', 'oficina_id'])
      .executeTakeFirstOrThrow();
    const { id } = await base.db
      .selectFrom('personas')
      .select('id')
      .where('curp', '=', NUPA)
      .executeTakeFirstOrThrow();
    await base.db
      .transaction()
      .execute((trx) =>
        corregirPersona(
          trx,
          id,
          { segundoApellido: 'Peñúñuri', motivo: 'El libro traía #N/A' },
          { reloj, ip: null, actor: { ...u, oficinaId: u.oficina_id, despachoId: null } },
        ),
      );
    const r = await importar(mudado);
    expect(r.conteos.personas).toEqual({ nuevas: 0, existentes: 4 });
  });

  it('la hoja telefonos sola agrega teléfonos adicionales y no reemplaza ninguno', async () => {
    const texto = `curp,telefono,tipo_telefono,consentimiento\r\n${NUPA},662 555 0000,movil,no\r\n${NUPA},6622105533,recados,si\r\n`;
    const libro = await leerLibro([
      { nombre: 'telefonos.csv', contenido: new TextEncoder().encode(texto) },
    ]);
    const r = await base.db
      .transaction()
      .execute((trx) => importarCartera(trx, libro, { reloj, ip: null, actor: null }));
    expect(r.errores).toEqual([]);
    expect(r.conteos.contactos.telefonos).toEqual({ nuevos: 1, reemplazados: 0, yaRegistrados: 1 });
    const actuales = (await contactosDe(NUPA))
      .filter((c) => c.tipo === 'telefono' && c.retirado === null)
      .map((c) => c.valor);
    expect(actuales).toEqual(['6622105533 recados', '6625550000 movil', '6629998877 movil']);
  });
});
