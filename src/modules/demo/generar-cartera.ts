import type { CreditoNuevo, PersonaNueva } from '../../db/escritura-cartera.ts';
import type { RolEnCredito } from '../../db/esquema.ts';
import { type Fecha, sumarDias } from '../../domain/fecha.ts';
import { Aleatorio } from './aleatorio.ts';
import { MUNICIPIOS, type Municipio } from './catalogos.ts';
import { fecha, sumarMeses } from './fechas.ts';
import { generarCalendario } from './generar-credito.ts';
import { generarHistorial, TIPOS_HISTORIAL, type TipoHistorial } from './generar-historial.ts';
import { generarPersona } from './generar-persona.ts';
import { TASA_EXCELENCIA, versionDemo } from './productos-demo.ts';

/** Where the generated credits go: stored ids the rows point to. */
export interface DestinoDemo {
  hoy: Fecha;
  /** `${producto}|${vigenteDesde}` → versiones_producto.id */
  versiones: ReadonlyMap<string, number>;
  oficinas: ReadonlyMap<string, number>;
  /** Office clave → the ids of its gestores. */
  gestores: ReadonlyMap<string, readonly number[]>;
  despachoId: number | null;
}

export interface LoteDemo {
  personas: PersonaNueva[];
  creditos: CreditoNuevo[];
  /** Aligned with `creditos`. */
  tipos: TipoHistorial[];
}

const PERIODOS: ReadonlyArray<readonly [number, number]> = [
  [2, 5],
  [3, 5],
  [4, 10],
  [5, 8],
  [6, 12],
  [7, 8],
  [8, 20],
  [9, 12],
  [10, 20],
];

/** When studies began: debts go back to 1996; most are of the last twenty years. */
function anioDeInicio(rnd: Aleatorio, ultimo: number): number {
  const anios: Array<readonly [number, number]> = [];
  for (let a = 1996; a <= ultimo; a++)
    anios.push([a, a < 2000 ? 2 : a < 2005 ? 4 : a < 2020 ? 8 : 6]);
  return rnd.ponderado(anios);
}

/**
 * The demo portfolio, `acreditados` debtors in batches of `tamanoLote`, deterministic: the same
 * seed and business date give the same people, credits and histories. Some debtors are the
 * parents of the student (beneficiario); most credits have an aval; now and then a parent has
 * a second child's credit.
 */
export function* generarCartera(
  acreditados: number,
  semilla: number,
  destino: DestinoDemo,
  tamanoLote = 1000,
): Generator<LoteDemo> {
  const rnd = new Aleatorio(semilla);
  const curps = new Set<string>();
  const { hoy } = destino;
  const ultimoAnio = Number(hoy.slice(0, 4)) - 1;
  const tope = sumarDias(hoy, -7);
  const municipios = MUNICIPIOS.map((m) => [m, m.peso] as const);
  let creditos = 0;
  let pagares = 0;
  let lote: LoteDemo = { personas: [], creditos: [], tipos: [] };

  const credito = (
    inicioDeseado: Fecha,
    municipio: Municipio,
    participantes: Array<{ curp: string; rol: RolEnCredito }>,
  ) => {
    let periodos = rnd.ponderado(PERIODOS);
    let inicio = inicioDeseado;
    while (periodos > 2 && sumarMeses(inicio, 6 * (periodos - 1)) > tope) periodos--;
    while (sumarMeses(inicio, 6 * (periodos - 1)) > tope) inicio = sumarMeses(inicio, -12);
    const anio = Number(inicio.slice(0, 4));
    const numero = `CE-${anio}-${String(++creditos).padStart(6, '0')}`;
    const cal = generarCalendario(
      rnd,
      inicio,
      periodos,
      (a) => `PG-${a}-${String(++pagares).padStart(7, '0')}`,
    );
    const primera = cal.ministraciones[0]?.fecha ?? inicio;
    const producto = 'CE-6';
    // One in twenty students has an average of 90 or more: the credit's own 0% (R9).
    const excelencia = rnd.probabilidad(0.05);
    const version = versionDemo(producto, primera);
    const tipo = rnd.ponderado(TIPOS_HISTORIAL);
    // The credit's own rate wins over the version's: for the engine it is the same as a version
    // whose punctual rate is the credit's.
    const tasas = excelencia ? { ...version, tasaPuntual: TASA_EXCELENCIA.tasa } : version;
    const historial = generarHistorial(rnd, numero, cal, tasas, tipo, hoy);
    const aJuridico = rnd.probabilidad(0.04) && historial.muyVencido && destino.despachoId !== null;
    const gestores = destino.gestores.get(municipio.oficina) ?? [];
    lote.creditos.push({
      numero,
      versionProductoId: destino.versiones.get(`${producto}|${version.vigenteDesde}`) ?? 0,
      oficinaId: destino.oficinas.get(municipio.oficina) ?? 0,
      estado: aJuridico ? 'en_juridico' : historial.liquidado ? 'liquidado' : 'activo',
      fechaInicioInteres: cal.fechaInicioInteres,
      gestorId: gestores.length > 0 ? (gestores[creditos % gestores.length] ?? null) : null,
      despachoId: aJuridico ? destino.despachoId : null,
      tasaPuntual: excelencia ? { ...TASA_EXCELENCIA } : null,
      participantes,
      ministraciones: cal.ministraciones,
      amortizaciones: cal.amortizaciones,
      movimientos: historial.movimientos,
      periodosSinMoratorio: [],
    });
    lote.tipos.push(tipo);
  };

  for (let k = 0; k < acreditados; k++) {
    const municipio = rnd.ponderado(municipios);
    const anio = anioDeInicio(rnd, ultimoAnio);
    const inicio = rnd.probabilidad(0.6)
      ? fecha(anio, 8, rnd.entero(8, 25))
      : fecha(anio, 1, rnd.entero(8, 25));
    const nacido = anio - rnd.entero(17, 21);
    const estudiante = generarPersona(
      rnd,
      { nacidoEntre: [nacido, nacido], municipio, rfc: rnd.probabilidad(0.4) },
      curps,
    );
    // A minor's credit is signed by a parent, who is then the debtor.
    const padre = rnd.probabilidad(0.3)
      ? generarPersona(
          rnd,
          (() => {
            const sexo = rnd.probabilidad(0.5) ? 'H' : 'M';
            return {
              sexo,
              primerApellido:
                sexo === 'H'
                  ? estudiante.primerApellido
                  : (estudiante.segundoApellido ?? undefined),
              nacidoEntre: [nacido - 35, nacido - 22] as const,
              municipio,
              rfc: true,
            };
          })(),
          curps,
        )
      : null;
    const aval = rnd.probabilidad(0.85)
      ? generarPersona(
          rnd,
          { nacidoEntre: [nacido - 40, nacido - 20], municipio, rfc: rnd.probabilidad(0.5) },
          curps,
        )
      : null;
    const acreditado = padre ?? estudiante;
    lote.personas.push(estudiante);
    if (padre) lote.personas.push(padre);
    if (aval) lote.personas.push(aval);
    const participantes = (beneficiario: string | null) => [
      { curp: acreditado.curp, rol: 'acreditado' as const },
      ...(aval ? [{ curp: aval.curp, rol: 'aval' as const }] : []),
      ...(beneficiario ? [{ curp: beneficiario, rol: 'beneficiario' as const }] : []),
    ];
    credito(inicio, municipio, participantes(padre ? estudiante.curp : null));
    if (padre && rnd.probabilidad(0.08)) {
      // A younger sibling, years later, with the same parent signing.
      const menor = nacido + rnd.entero(2, 4);
      const hermano = generarPersona(
        rnd,
        {
          primerApellido: estudiante.primerApellido,
          segundoApellido: estudiante.segundoApellido ?? undefined,
          nacidoEntre: [menor, menor],
          municipio,
        },
        curps,
      );
      lote.personas.push(hermano);
      const anioHermano = Math.min(Math.max(menor + 18, anio + 1), ultimoAnio);
      credito(fecha(anioHermano, 8, rnd.entero(8, 25)), municipio, participantes(hermano.curp));
    }
    if (lote.creditos.length >= tamanoLote) {
      yield lote;
      lote = { personas: [], creditos: [], tipos: [] };
    }
  }
  if (lote.creditos.length > 0) yield lote;
}
