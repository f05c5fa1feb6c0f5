import type { Db } from '../../db/conexion.ts';
import { type Centavos, formatearCentavos } from '../../domain/dinero.ts';
import { calcularEstado } from '../cartera/calcular-estado.ts';
import { cargarCreditos } from '../cartera/cargar-credito.ts';
import type { fotoDeCorreo, fotoDeDomicilio, fotoDeTelefono } from '../contactos/vistas.ts';
import type { ContextoAutenticado } from '../contexto.ts';
import { montoDelPago } from '../pagos/monto-del-pago-sql.ts';
import { consultasDelTitular } from './consultas-del-titular.ts';
import { contactosCompletos } from './contactos-completos.ts';
import { folioArco } from './solicitud-en-alcance.ts';

/**
 * Everything Recupera holds on a person (the access report of an ARCO request, and what a
 * cancellation keeps blocked): identity, contact data and their history, credits with their
 * disbursements and payments, convenios signed, contact attempts, walk-ins, messages, ARCO
 * requests, and — for access — who read or changed her data, from the bitácora.
 */
export interface DatosDelTitular {
  titular: {
    id: number;
    nombres: string;
    primerApellido: string;
    segundoApellido: string | null;
    curp: string | null;
    rfc: string | null;
    fechaNacimiento: string | null;
    registrada: string;
  };
  /** The whole values (the screens mask them: this is the titular's own copy). */
  contactos: {
    telefonos: Array<ReturnType<typeof fotoDeTelefono> & { agregado: string }>;
    correos: Array<ReturnType<typeof fotoDeCorreo> & { agregado: string }>;
    domicilios: Array<ReturnType<typeof fotoDeDomicilio> & { agregado: string }>;
    historial: Array<{
      tipo: string;
      cambio: string;
      antes: unknown;
      despues: unknown;
      motivo: string | null;
      registradoPor: string | null;
      registrado: string;
    }>;
  };
  creditos: Array<{
    numero: string;
    calidad: string;
    estado: string;
    oficina: string;
    producto: string;
    fechaInicioInteres: string;
    /** Today's figures from the statement engine; null if it refuses the stored data. */
    saldoParaLiquidar: string | null;
    situacion: string | null;
    ministraciones: Array<{
      numero: number;
      fecha: string;
      monto: string;
      periodoEscolar: string;
      pagare: string;
    }>;
    movimientos: Array<{
      fecha: string;
      tipo: string;
      monto: string | null;
      canal: string | null;
      referencia: string | null;
    }>;
  }>;
  convenios: Array<{
    id: number;
    nombre: string;
    estado: string;
    propuesto: string;
    firma: string | null;
  }>;
  gestiones: Array<{
    instante: string;
    credito: string;
    canal: string;
    resultado: string;
    medio: string | null;
    nota: string | null;
    registradoPor: string;
  }>;
  turnos: Array<{ fecha: string; oficina: string; motivo: string; estado: string }>;
  recados: Array<{ creado: string; llamante: string; telefono: string | null; mensaje: string }>;
  solicitudesArco: Array<{ folio: string; derecho: string; estado: string; recibida: string }>;
  oposicion: { desde: string } | null;
  /** Who read or changed her data, oldest first; absent where not asked (a cancellation). */
  consultas?: Array<{
    instante: string;
    usuario: string | null;
    nombre: string | null;
    tipo: 'consulta' | 'cambio';
    descripcion: string;
    accion: string;
  }>;
}

// Null for a movement without an amount of its own (a cancelación).
const pesos = (c: Centavos | null) => (c === null ? null : formatearCentavos(c));

export async function reunirDatosDelTitular(
  trx: Db,
  personaId: number,
  ctx: ContextoAutenticado,
  opciones: { consultas: boolean },
): Promise<DatosDelTitular> {
  const p = await trx
    .selectFrom('personas')
    .selectAll()
    .where('id', '=', personaId)
    .executeTakeFirstOrThrow();
  const contactos = await contactosCompletos(trx, personaId);
  const participaciones = await trx
    .selectFrom('participantes_credito')
    .select(['credito_id', 'rol'])
    .where('persona_id', '=', personaId)
    .orderBy('credito_id')
    .execute();
  const ids = [...new Set(participaciones.map((x) => x.credito_id))];
  const cargados = await cargarCreditos(trx, ids);
  const hoy = ctx.reloj.hoy();
  const [ministraciones, movimientos] =
    ids.length === 0
      ? [[], []]
      : await Promise.all([
          trx
            .selectFrom('ministraciones')
            .select([
              'credito_id',
              'numero',
              'fecha',
              'monto_centavos',
              'periodo_escolar',
              'pagare_numero',
            ])
            .where('credito_id', 'in', ids)
            .orderBy('credito_id')
            .orderBy('numero')
            .execute(),
          trx
            .selectFrom('movimientos as m')
            .select(['m.credito_id', 'm.fecha', 'm.tipo', 'm.canal', 'm.referencia'])
            .select(montoDelPago('m').as('monto_centavos'))
            .where('m.credito_id', 'in', ids)
            .where('m.parte_de', 'is', null)
            .orderBy('m.credito_id')
            .orderBy('m.id')
            .execute(),
        ]);
  const creditos = participaciones.flatMap((x) => {
    const c = cargados.get(x.credito_id);
    if (!c) return [];
    let estado: { saldo: string; situacion: string } | null = null;
    try {
      const e = calcularEstado(c, hoy);
      estado = { saldo: formatearCentavos(e.saldoParaLiquidar), situacion: e.situacion };
    } catch {
      estado = null;
    }
    return [
      {
        numero: c.credito.numero,
        calidad: x.rol,
        estado: c.estado,
        oficina: c.oficina,
        producto: c.producto.nombre,
        fechaInicioInteres: c.credito.fecha_inicio_interes,
        saldoParaLiquidar: estado?.saldo ?? null,
        situacion: estado?.situacion ?? null,
        ministraciones: ministraciones
          .filter((m) => m.credito_id === x.credito_id)
          .map((m) => ({
            numero: m.numero,
            fecha: m.fecha,
            monto: formatearCentavos(m.monto_centavos),
            periodoEscolar: m.periodo_escolar,
            pagare: m.pagare_numero,
          })),
        movimientos: movimientos
          .filter((m) => m.credito_id === x.credito_id)
          .map((m) => ({
            fecha: m.fecha,
            tipo: m.tipo,
            monto: pesos(m.monto_centavos),
            canal: m.canal,
            referencia: m.referencia,
          })),
      },
    ];
  });
  const [convenios, gestiones, turnos, recados, solicitudes, oposicion] = await Promise.all([
    trx
      .selectFrom('convenio_firmantes as f')
      .innerJoin('convenios as c', 'c.id', 'f.convenio_id')
      .select(['c.id', 'c.nombre', 'c.estado', 'c.propuesto_el', 'c.fecha_firma'])
      .where('f.persona_id', '=', personaId)
      .orderBy('c.id')
      .execute(),
    trx
      .selectFrom('gestiones as g')
      .innerJoin('creditos as c', 'c.id', 'g.credito_id')
      .innerJoin('resultados_gestion as r', 'r.id', 'g.resultado_id')
      .innerJoin('usuarios as u', 'u.id', 'g.registrado_por')
      .select(['g.inicio', 'c.numero', 'g.canal', 'r.nombre as resultado', 'g.medio', 'g.nota'])
      .select('u.nombre as registrado_por')
      .where('g.persona_id', '=', personaId)
      .orderBy('g.inicio')
      .execute(),
    trx
      .selectFrom('turnos as t')
      .innerJoin('oficinas as o', 'o.id', 't.oficina_id')
      .select(['t.fecha', 'o.nombre as oficina', 't.motivo', 't.estado'])
      .where('t.persona_id', '=', personaId)
      .orderBy('t.llegada')
      .execute(),
    trx
      .selectFrom('recados')
      .select(['creado', 'llamante_nombre', 'llamante_telefono', 'mensaje'])
      .where('persona_id', '=', personaId)
      .orderBy('creado')
      .execute(),
    trx
      .selectFrom('solicitudes_arco')
      .select(['id', 'recibida', 'derecho', 'estado'])
      .where('persona_id', '=', personaId)
      .orderBy('id')
      .execute(),
    trx
      .selectFrom('oposiciones_contacto')
      .select('desde')
      .where('persona_id', '=', personaId)
      .executeTakeFirst(),
  ]);
  const datos: DatosDelTitular = {
    titular: {
      id: p.id,
      nombres: p.nombres,
      primerApellido: p.primer_apellido,
      segundoApellido: p.segundo_apellido,
      curp: p.curp,
      rfc: p.rfc,
      fechaNacimiento: p.fecha_nacimiento,
      registrada: p.creada.toISOString(),
    },
    contactos,
    creditos,
    convenios: convenios.map((c) => ({
      id: c.id,
      nombre: c.nombre,
      estado: c.estado,
      propuesto: c.propuesto_el.toISOString(),
      firma: c.fecha_firma,
    })),
    gestiones: gestiones.map((g) => ({
      instante: g.inicio.toISOString(),
      credito: g.numero,
      canal: g.canal,
      resultado: g.resultado,
      medio: g.medio,
      nota: g.nota,
      registradoPor: g.registrado_por,
    })),
    turnos,
    recados: recados.map((r) => ({
      creado: r.creado.toISOString(),
      llamante: r.llamante_nombre,
      telefono: r.llamante_telefono,
      mensaje: r.mensaje,
    })),
    solicitudesArco: solicitudes.map((s) => ({
      folio: folioArco(s),
      derecho: s.derecho,
      estado: s.estado,
      recibida: s.recibida,
    })),
    oposicion: oposicion === undefined ? null : { desde: oposicion.desde.toISOString() },
  };
  if (opciones.consultas) datos.consultas = await consultasDelTitular(trx, personaId, ids);
  return datos;
}
