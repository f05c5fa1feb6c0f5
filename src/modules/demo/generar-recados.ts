import type { EstadoRecado } from '../../db/esquema.ts';
import { type Fecha, sumarDias } from '../../domain/fecha.ts';
import type { Aleatorio } from './aleatorio.ts';
import { diaDeLaSemana, instanteEnHermosillo } from './fechas.ts';
import type { ContactosDeCredito, GestionDemo } from './generar-gestiones.ts';
import { MENSAJES_RECADO } from './textos-gestion.ts';

export interface GestorDemo {
  id: number;
  oficinaId: number;
  /** Who took his messages: a colleague of the office (or the administrador). */
  tomadoPor: number;
  /** His active accounts with contact data, by credit id. */
  cuentas: readonly number[];
}

export interface RecadoDemo {
  oficinaId: number;
  creditoId: number;
  personaId: number;
  llamanteNombre: string;
  llamanteTelefono: string | null;
  paraId: number;
  mensaje: string;
  volverALlamar: Date | null;
  estado: EstadoRecado;
  creado: Date;
  creadoPor: number;
  leido: Date | null;
  atendido: Date | null;
  /** Index, in the gestiones list, of the gestión that attended it. */
  gestion: number | null;
}

const ESTADOS: readonly EstadoRecado[] = ['nuevo', 'nuevo', 'nuevo', 'leido', 'leido', 'atendido'];
const MINUTO = 60_000;

/**
 * A handful of recados for each gestor: three new ones of the last hours, two read in the last
 * days, and one attended by a call-back gestión (appended to `gestiones`, linked both ways
 * by the loader). Each about a different one of his accounts, from its acreditado.
 */
export function generarRecados(
  gestores: readonly GestorDemo[],
  contactos: ReadonlyMap<number, ContactosDeCredito>,
  gestiones: GestionDemo[],
  hoy: Fecha,
  ahora: Date,
  rnd: Aleatorio,
): RecadoDemo[] {
  const recados: RecadoDemo[] = [];
  for (const g of gestores) {
    const libres = [...g.cuentas];
    for (const estado of ESTADOS) {
      if (libres.length === 0) break;
      const [creditoId] = libres.splice(rnd.entero(0, libres.length - 1), 1);
      const persona = creditoId === undefined ? undefined : contactos.get(creditoId)?.acreditado;
      if (creditoId === undefined || !persona) continue;
      const base = {
        oficinaId: g.oficinaId,
        creditoId,
        personaId: persona.personaId,
        llamanteNombre: persona.nombre,
        llamanteTelefono: persona.telefono?.numero ?? null,
        paraId: g.id,
        mensaje: rnd.elegir(MENSAJES_RECADO),
        creadoPor: g.tomadoPor,
      };
      if (estado === 'nuevo') {
        const creado = new Date(ahora.getTime() - rnd.entero(20, 300) * MINUTO);
        recados.push({
          ...base,
          volverALlamar: rnd.probabilidad(0.5)
            ? new Date(creado.getTime() + rnd.entero(2, 24) * 60 * MINUTO)
            : null,
          estado,
          creado,
          leido: null,
          atendido: null,
          gestion: null,
        });
      } else if (estado === 'leido') {
        const creado = new Date(ahora.getTime() - rnd.entero(26 * 60, 72 * 60) * MINUTO);
        recados.push({
          ...base,
          volverALlamar: null,
          estado,
          creado,
          leido: new Date(creado.getTime() + rnd.entero(5, 90) * MINUTO),
          atendido: null,
          gestion: null,
        });
      } else {
        let dia = sumarDias(hoy, -rnd.entero(1, 4));
        if (diaDeLaSemana(dia) === 0) dia = sumarDias(dia, -1);
        const creado = instanteEnHermosillo(dia, 9 * 60 + rnd.entero(0, 90));
        const inicio = new Date(creado.getTime() + rnd.entero(60, 240) * MINUTO);
        const duracionSegundos = rnd.entero(120, 480);
        const registrado = new Date(inicio.getTime() + (duracionSegundos + 60) * 1000);
        const conTelefono = persona.telefono !== null;
        gestiones.push({
          creditoId,
          canal: conTelefono ? 'llamada_saliente' : 'llamada_entrante',
          personaId: persona.personaId,
          contactoNombre: null,
          telefonoId: persona.telefono?.id ?? null,
          correoId: null,
          domicilioId: null,
          medio: persona.telefono?.numero ?? null,
          resultado: 'contacto_efectivo',
          nota: 'Se le devolvió la llamada del recado; se le explicó su saldo.',
          proximaAccion: null,
          inicio,
          duracionSegundos,
          registradoPor: g.id,
          registrado,
        });
        recados.push({
          ...base,
          volverALlamar: null,
          estado,
          creado,
          leido: new Date(creado.getTime() + rnd.entero(5, 40) * MINUTO),
          atendido: registrado,
          gestion: gestiones.length - 1,
        });
      }
    }
  }
  return recados;
}
