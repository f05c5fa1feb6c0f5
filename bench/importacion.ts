/**
 * Benchmark of the portfolio import: a synthetic workbook of 50,000 credits (as CSV files,
 * one per sheet: a sheet of millions of amortizaciones does not fit in XLSX) imported into a
 * fresh database, then imported again (everything found, nothing written).
 *
 *   npx tsx bench/importacion.ts [--creditos 50000]      (or: npm run bench -- importacion)
 *
 * The engine validates as the command line's import does (validarEnParalelo: threads with four
 * cores or more; on this 2-core machine, the main thread between writes).
 *
 * Data: the demo generator's portfolio (src/modules/demo), so the workbook is realistic and
 * every credit passes the engine. Database: DATABASE_URL's server, else an embedded one.
 */
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import type { Db } from '../src/db/conexion.ts';
import type { CreditoNuevo, PersonaNueva } from '../src/db/escritura-cartera.ts';
import { formatearCentavos } from '../src/domain/dinero.ts';
import type { Fecha } from '../src/domain/fecha.ts';
import { generarCartera } from '../src/modules/demo/generar-cartera.ts';
import { VERSIONES_DEMO } from '../src/modules/demo/productos-demo.ts';
import { DISPOSICION, type NombreHoja } from '../src/modules/importacion/disposicion.ts';
import {
  type FaseImportacion,
  importarCartera,
} from '../src/modules/importacion/importar-cartera.ts';
import { leerLibro, leerRutas } from '../src/modules/importacion/leer-libro.ts';
import { validarEnParalelo } from '../src/modules/importacion/validar-en-paralelo.ts';
import { RelojManual } from '../src/plataforma/reloj-sistema.ts';
import { baseParaBenchmark } from './servidor-de-base.ts';

const { values } = parseArgs({
  options: {
    creditos: { type: 'string', default: '50000' },
  },
});
const CREDITOS = Number(values.creditos);
const reloj = new RelojManual('2026-03-10T18:00:00Z');
const HOY = reloj.hoy() as Fecha;

const segundos = (desde: number) => ((performance.now() - desde) / 1000).toFixed(1);

/** One CSV file per sheet, written row by row as the demo generator hands out credits. */
class Escritor {
  private lineas = new Map<NombreHoja, string[]>();
  constructor(private readonly carpeta: string) {}
  fila(hoja: NombreHoja, valores: Record<string, string | number | boolean | null>): void {
    const columnas = DISPOSICION[hoja].map((c) => c.nombre);
    const texto = columnas
      .map((c) => {
        const v = valores[c];
        const s =
          v === null || v === undefined
            ? ''
            : typeof v === 'boolean'
              ? v
                ? 'si'
                : 'no'
              : String(v);
        return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
      })
      .join(',');
    const lista = this.lineas.get(hoja) ?? [columnas.join(',')];
    lista.push(texto);
    this.lineas.set(hoja, lista);
  }
  guardar(): void {
    for (const [hoja, lineas] of this.lineas)
      writeFileSync(join(this.carpeta, `${hoja}.csv`), `${lineas.join('\n')}\n`);
  }
}

function escribirPersona(e: Escritor, p: PersonaNueva): void {
  const [primero, ...otros] = p.telefonos;
  const d = p.domicilios[0];
  e.fila('personas', {
    curp: p.curp,
    nombres: p.nombres,
    primer_apellido: p.primerApellido,
    segundo_apellido: p.segundoApellido,
    rfc: p.rfc,
    fecha_nacimiento: p.fechaNacimiento,
    telefono: primero?.numero ?? null,
    tipo_telefono: primero?.tipo ?? null,
    consentimiento: primero?.consentimiento ?? p.correos[0]?.consentimiento ?? false,
    correo: p.correos[0]?.correo ?? null,
    calle: d?.calle ?? null,
    numero: d?.numero ?? null,
    colonia: d?.colonia ?? null,
    codigo_postal: d?.codigoPostal ?? null,
    municipio: d?.municipio ?? null,
    estado: d?.estado ?? null,
  });
  for (const t of otros)
    e.fila('telefonos', {
      curp: p.curp,
      telefono: t.numero,
      tipo_telefono: t.tipo,
      consentimiento: t.consentimiento,
    });
}

function escribirCredito(e: Escritor, c: CreditoNuevo, producto: string, oficina: string): void {
  const rol = (r: string) => c.participantes.find((p) => p.rol === r)?.curp ?? null;
  e.fila('creditos', {
    numero: c.numero,
    producto,
    oficina,
    curp_acreditado: rol('acreditado'),
    curp_aval: rol('aval'),
    curp_beneficiario: rol('beneficiario'),
    fecha_inicio_interes: c.fechaInicioInteres,
  });
  for (const m of c.ministraciones) {
    e.fila('ministraciones', {
      numero_credito: c.numero,
      numero: m.numero,
      fecha: m.fecha,
      monto: formatearCentavos(m.monto),
      periodo_escolar: m.periodoEscolar,
      pagare: m.pagareNumero,
      vencimiento_pagare: m.pagareVencimiento,
    });
  }
  for (const a of c.amortizaciones)
    e.fila('amortizaciones', {
      numero_credito: c.numero,
      numero: a.numero,
      fecha: a.fecha,
      capital: formatearCentavos(a.capital),
    });
  const clave = (i: number) => `M${String(i + 1).padStart(4, '0')}`;
  c.movimientos.forEach((m, i) => {
    e.fila('movimientos', {
      numero_credito: c.numero,
      clave: clave(i),
      tipo: m.tipo,
      fecha: m.fecha,
      monto: m.monto === null ? null : formatearCentavos(m.monto),
      excedente: m.excedente,
      concepto: m.concepto,
      cancela_clave: m.cancela && 'indice' in m.cancela ? clave(m.cancela.indice) : null,
      canal: m.canal,
      referencia: m.referencia,
      motivo: m.motivo,
    });
  });
}

/** The demo portfolio cut at `total` credits, written as the import's CSV files. */
export function generarCsv(
  carpeta: string,
  total = CREDITOS,
): { creditos: number; personas: number } {
  const e = new Escritor(carpeta);
  for (const v of VERSIONES_DEMO) {
    e.fila('productos', {
      clave: v.producto,
      nombre: `Producto ${v.producto}`,
      vigente_desde: v.vigenteDesde,
      tasa_ordinaria_anual: v.tasaOrdinaria,
      tasa_moratoria_anual: v.tasaMoratoria,
      base_dias: v.baseDias,
      prelacion: v.prelacion,
    });
  }
  const versiones = new Map(
    VERSIONES_DEMO.map((v, i) => [`${v.producto}|${v.vigenteDesde}`, i + 1]),
  );
  const productoDe = new Map(VERSIONES_DEMO.map((v, i) => [i + 1, v.producto]));
  const oficinas = new Map([
    ['HMO', 1],
    ['OBR', 2],
    ['NOG', 3],
  ]);
  const oficinaDe = new Map([...oficinas].map(([clave, id]) => [id, clave]));
  let creditos = 0;
  let personas = 0;
  const destino = { hoy: HOY, versiones, oficinas, gestores: new Map(), despachoId: null };
  for (const lote of generarCartera(total, 2026, destino)) {
    for (const p of lote.personas) escribirPersona(e, p);
    personas += lote.personas.length;
    for (const c of lote.creditos) {
      if (creditos === total) break;
      escribirCredito(
        e,
        c,
        productoDe.get(c.versionProductoId) ?? '',
        oficinaDe.get(c.oficinaId) ?? '',
      );
      creditos++;
    }
    if (creditos === total) break;
  }
  e.guardar();
  return { creditos, personas };
}

/** `/proc/<pid>/stat` fields after the command name (field 3 onward). */
function estadoDe(pid: number | string): string[] {
  return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
}

/**
 * CPU seconds used so far by the whole PostgreSQL server (postmaster, its live processes and
 * those it reaped), read from /proc: only for a server on this machine, -1 elsewhere. The
 * machine is shared with other work: wall-clock time alone can mislead; CPU time does not.
 */
async function cpuDePostgres(db: Db): Promise<number> {
  const { rows } = await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(db);
  try {
    const postmaster = Number(estadoDe(rows[0]?.pid ?? 0)[1]);
    const propio = estadoDe(postmaster);
    let ticks = [11, 12, 13, 14].reduce((s, i) => s + Number(propio[i]), 0);
    for (const pid of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
      try {
        const e = estadoDe(pid);
        if (Number(e[1]) === postmaster) ticks += Number(e[11]) + Number(e[12]);
      } catch {
        // The process ended meanwhile.
      }
    }
    return ticks / 100;
  } catch {
    return -1;
  }
}

async function principal(): Promise<void> {
  const carpeta = mkdtempSync(join(tmpdir(), 'recupera-bench-importacion-'));
  const csv = join(carpeta, 'csv');
  mkdirSync(csv);
  let t = performance.now();
  const generados = generarCsv(csv);
  const mb =
    ['amortizaciones', 'movimientos', 'ministraciones', 'personas', 'creditos', 'telefonos']
      .map((h) => statSync(join(csv, `${h}.csv`)).size)
      .reduce((s, n) => s + n, 0) / 1e6;
  console.log(
    `Libro sintético: ${generados.creditos.toLocaleString('es-MX')} créditos, ${generados.personas.toLocaleString('es-MX')} personas, ${mb.toFixed(0)} MB de CSV (${segundos(t)} s)`,
  );
  const base = await baseParaBenchmark('importacion');
  try {
    let filas = 0;
    for (const h of (await leerLibro(await leerRutas([csv]))).hojas)
      for (const _ of h.filas) filas++;
    for (const vuelta of ['primera importación', 'reimportación (todo ya registrado)']) {
      const carga = loadavg()[0]?.toFixed(1);
      t = performance.now();
      const cpu = process.cpuUsage();
      const pg = await cpuDePostgres(base.db);
      const libro = await leerLibro(await leerRutas([csv]));
      const lectura = segundos(t);
      const fases: string[] = [];
      let marca = performance.now();
      const alTerminar = (fase: FaseImportacion) => {
        fases.push(`${fase} ${segundos(marca)} s`);
        marca = performance.now();
      };
      const inicio = performance.now();
      const r = await base.db.transaction().execute((trx) =>
        importarCartera(
          trx,
          libro,
          { reloj, ip: null, actor: null },
          {
            validarMotor: validarEnParalelo,
            alTerminar,
          },
        ),
      );
      const total = segundos(t);
      const cpuNode = process.cpuUsage(cpu);
      const cpuPg = (await cpuDePostgres(base.db)) - pg;
      if (!r.importado)
        throw new Error(`la importación falló: ${JSON.stringify(r.errores.slice(0, 5))}`);
      console.log(
        `\n${vuelta}: ${total} s en total (${filas.toLocaleString('es-MX')} filas; carga de la máquina al empezar ${carga})`,
      );
      console.log(
        `  CPU: Node ${((cpuNode.user + cpuNode.system) / 1e6).toFixed(1)} s (todos sus hilos), PostgreSQL ${pg < 0 ? '—' : `${cpuPg.toFixed(1)} s`}`,
      );
      console.log(
        `  lectura de CSV ${lectura} s; importarCartera ${segundos(inicio)} s: ${fases.join(', ')}`,
      );
      console.log(`  ${JSON.stringify(r.conteos)}`);
    }
  } finally {
    await base.cerrar();
    rmSync(carpeta, { recursive: true, force: true });
  }
}

// bench/importacion-web.ts borrows the generator; only run as a command does it import.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await principal();
