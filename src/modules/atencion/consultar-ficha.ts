import type { Db } from '../../db/conexion.ts';
import type {
  CanalPago,
  EstadoCreditoColumna,
  RolEnCredito,
  TipoTelefono,
} from '../../db/esquema.ts';
import { formatearCentavos } from '../../domain/dinero.ts';
import {
  enmascararCorreo,
  enmascararCurp,
  enmascararRfc,
  enmascararTelefono,
} from '../../domain/enmascarar.ts';
import { ErrorDominio } from '../../domain/errores.ts';
import { estadoDeCuentaAJson } from '../../domain/estado-de-cuenta/index.ts';
import { alcanzaObjeto } from '../autorizacion/politicas.ts';
import { registrarEnBitacora } from '../bitacora/registrar-en-bitacora.ts';
import { calcularEstado } from '../cartera/calcular-estado.ts';
import { cargarCreditos } from '../cartera/cargar-credito.ts';
import {
  type LigasDeReestructura,
  ligasDeReestructura,
  SIN_LIGAS,
} from '../cartera/ligas-de-reestructura.ts';
import { puntualidadDelEstado } from '../cartera/puntualidad-del-estado.ts';
import { type ContextoAutenticado, origenDe } from '../contexto.ts';
import { situacionDePuntualidad } from '../documentos/textos-puntualidad.ts';
import { montoDelPago, montoExigido } from '../pagos/monto-del-pago-sql.ts';

export interface CreditoEnFicha extends LigasDeReestructura {
  id: number;
  numero: string;
  /** Only the people a gestor negotiates with: never beneficiaries. */
  rol: Exclude<RolEnCredito, 'beneficiario'>;
  estado: EstadoCreditoColumna;
  oficina: string;
  situacion: 'al_corriente' | 'vencido' | 'liquidado';
  diasAtraso: number;
  saldoExigible: string;
  saldoParaLiquidar: string;
  pagosAdelantados: string;
  /** R9 today: "Paga puntual: 3%" or "Perdió la tasa puntual el … (debía la amortización N)". */
  puntualidad: string | null;
}

/**
 * CURP, RFC, phones and e-mails come masked (`HESJ47…R04`, `•••• 2847`, `s•••@dominio.com`):
 * the whole value is asked for on purpose, one at a time (`revelarDatoPersonal`).
 */
export interface Ficha {
  persona: {
    id: number;
    nombre: string;
    curp: string | null;
    rfc: string | null;
    fechaNacimiento: string | null;
  };
  telefonos: Array<{
    id: number;
    numero: string;
    tipo: TipoTelefono;
    consentimiento: boolean;
    valido: boolean;
  }>;
  correos: Array<{ id: number; correo: string; consentimiento: boolean; valido: boolean }>;
  domicilios: Array<{
    id: number;
    texto: string;
    municipio: string;
    estado: string;
    vigente: boolean;
  }>;
  creditos: CreditoEnFicha[];
  ultimosPagos: Array<{
    id: number;
    creditoNumero: string;
    fecha: string;
    monto: string;
    // The ledger's channel (the column's type is named CanalPago but holds every channel).
    canal: CanalPago | null;
    cancelado: boolean;
  }>;
}

/**
 * The debtor on one screen: who they are, how to reach them, and every credit they are on (as
 * acreditado or aval) within the actor's reach, with today's numbers from the engine. Opening
 * it is a view of personal data: logged.
 */
export async function consultarFicha(
  trx: Db,
  personaId: number,
  ctx: ContextoAutenticado,
): Promise<Ficha> {
  const persona = await trx
    .selectFrom('personas')
    .selectAll()
    .where('id', '=', personaId)
    .executeTakeFirst();
  if (!persona) throw new ErrorDominio('no_encontrado', 'La persona no existe.');
  // A cancellation (ARCO) blocked her data: hidden from every screen (docs/arco.md).
  if (persona.bloqueada !== null) {
    throw new ErrorDominio(
      'no_encontrado',
      'Los datos de esta persona están bloqueados por una cancelación (derechos ARCO).',
    );
  }
  const participaciones = await trx
    .selectFrom('participantes_credito')
    .select(['credito_id', 'rol'])
    .where('persona_id', '=', personaId)
    .where('rol', 'in', ['acreditado', 'aval'])
    .$narrowType<{ rol: 'acreditado' | 'aval' }>()
    .execute();
  const cargados = await cargarCreditos(
    trx,
    participaciones.map((p) => p.credito_id),
  );
  const visibles = participaciones.filter((p) => {
    const c = cargados.get(p.credito_id);
    return c !== undefined && alcanzaObjeto(ctx.actor, c.alcance);
  });
  if (visibles.length === 0)
    throw new ErrorDominio('prohibido', 'Esta persona no tiene créditos en tu cartera.');

  const hoy = ctx.reloj.hoy();
  const ligas = await ligasDeReestructura(
    trx,
    visibles.map((p) => p.credito_id),
  );
  const creditos: CreditoEnFicha[] = visibles.flatMap((p) => {
    const c = cargados.get(p.credito_id);
    if (!c) return [];
    const e = calcularEstado(c, hoy);
    return [
      {
        id: c.id,
        numero: c.credito.numero,
        rol: p.rol,
        estado: c.estado,
        oficina: c.oficina,
        situacion: e.situacion,
        diasAtraso: e.diasAtraso,
        saldoExigible: formatearCentavos(e.saldoExigible),
        saldoParaLiquidar: formatearCentavos(e.saldoParaLiquidar),
        pagosAdelantados: formatearCentavos(e.pagosAdelantados),
        puntualidad: situacionDePuntualidad({
          ...estadoDeCuentaAJson(e),
          puntualidad: puntualidadDelEstado(c, e),
        }),
        ...(ligas.get(c.id) ?? SIN_LIGAS),
      },
    ];
  });
  const ids = creditos.map((c) => c.id);
  const [telefonos, correos, domicilios, pagos] = await Promise.all([
    trx
      .selectFrom('telefonos')
      .select(['id', 'numero', 'tipo', 'consentimiento', 'valido'])
      .where('persona_id', '=', personaId)
      .where('retirado', 'is', null)
      .orderBy('id')
      .execute(),
    trx
      .selectFrom('correos')
      .select(['id', 'correo', 'consentimiento', 'valido'])
      .where('persona_id', '=', personaId)
      .where('retirado', 'is', null)
      .orderBy('id')
      .execute(),
    trx
      .selectFrom('domicilios')
      .selectAll()
      .where('persona_id', '=', personaId)
      .where('retirado', 'is', null)
      .orderBy('id')
      .execute(),
    trx
      .selectFrom('movimientos as m')
      .innerJoin('creditos as c', 'c.id', 'm.credito_id')
      .select(['m.id', 'c.numero', 'm.fecha', montoDelPago('m').as('monto_centavos'), 'm.canal'])
      .select((eb) =>
        eb
          .exists(
            eb.selectFrom('movimientos as x').select('x.id').whereRef('x.cancela_id', '=', 'm.id'),
          )
          .as('cancelado'),
      )
      .where('m.credito_id', 'in', ids)
      .where('m.tipo', '=', 'pago')
      .where('m.parte_de', 'is', null)
      .orderBy('m.fecha', 'desc')
      .orderBy('m.id', 'desc')
      .limit(10)
      .execute(),
  ]);
  await registrarEnBitacora(trx, origenDe(ctx), {
    accion: 'ficha.consultar',
    objetoTipo: 'persona',
    objetoId: personaId,
    detalle: { creditos: ids },
  });
  return {
    persona: {
      id: persona.id,
      nombre: [persona.nombres, persona.primer_apellido, persona.segundo_apellido]
        .filter(Boolean)
        .join(' '),
      curp: persona.curp === null ? null : enmascararCurp(persona.curp),
      rfc: persona.rfc === null ? null : enmascararRfc(persona.rfc),
      fechaNacimiento: persona.fecha_nacimiento,
    },
    telefonos: telefonos.map((t) => ({ ...t, numero: enmascararTelefono(t.numero) })),
    correos: correos.map((c) => ({ ...c, correo: enmascararCorreo(c.correo) })),
    domicilios: domicilios.map((d) => ({
      id: d.id,
      texto: [d.calle, d.numero, d.colonia, d.codigo_postal ? `C.P. ${d.codigo_postal}` : null]
        .filter(Boolean)
        .join(', '),
      municipio: d.municipio,
      estado: d.estado,
      vigente: d.vigente,
    })),
    creditos,
    ultimosPagos: pagos.map((p) => ({
      id: p.id,
      creditoNumero: p.numero,
      fecha: p.fecha,
      monto: formatearCentavos(montoExigido(p.monto_centavos, p.id)),
      canal: p.canal,
      cancelado: Boolean(p.cancelado),
    })),
  };
}
