import { sql } from 'kysely';
import type { Db } from '../../../db/conexion.ts';
import type { Fecha } from '../../../domain/fecha.ts';
import { titularAlCierre } from './comunes.ts';

/**
 * Promises (promesas_pago) and convenios of the day: the ones made, kept, broken or signed on
 * `fecha`, and the ones pending or current at its end. Each is attributed to whoever held the
 * account at the close of `fecha` and to the account's office; a convenio covering several
 * credits counts once, for its lowest credit. The discount is that of the convenios signed.
 */
export async function materializarCompromisos(trx: Db, fecha: Fecha): Promise<void> {
  await trx.deleteFrom('hechos_compromisos').where('fecha', '=', fecha).execute();
  await sql`
    WITH eventos AS (
      SELECT p.credito_id,
             (p.hecha_el = ${fecha})::int AS ph,
             (p.estado = 'cumplida' AND p.resuelta_el = ${fecha})::int AS pc,
             (p.estado = 'incumplida' AND p.resuelta_el = ${fecha})::int AS pi,
             (p.hecha_el <= ${fecha} AND (p.resuelta_el IS NULL OR p.resuelta_el > ${fecha}))::int AS pp,
             0 AS cf, 0 AS cc, 0 AS ci, 0 AS cv, 0::bigint AS descuento
        FROM promesas_pago p
       WHERE p.hecha_el <= ${fecha}
         AND (p.resuelta_el IS NULL OR p.resuelta_el >= ${fecha} OR p.hecha_el = ${fecha})
      UNION ALL
      SELECT (SELECT min(cc.credito_id) FROM convenio_creditos cc WHERE cc.convenio_id = v.id),
             0, 0, 0, 0,
             (v.fecha_firma = ${fecha})::int,
             (v.estado = 'cumplido' AND v.cerrado_el = ${fecha})::int,
             (v.estado = 'incumplido' AND v.cerrado_el = ${fecha})::int,
             (v.cerrado_el IS NULL OR v.cerrado_el > ${fecha})::int,
             CASE WHEN v.fecha_firma = ${fecha}
                  THEN v.descuento_moratorio_centavos + v.descuento_interes_centavos ELSE 0 END
        FROM convenios v
       WHERE v.fecha_firma <= ${fecha}
         AND v.estado IN ('firmado', 'cumplido', 'incumplido')
         AND (v.cerrado_el IS NULL OR v.cerrado_el >= ${fecha} OR v.fecha_firma = ${fecha})
    ),
    filas AS (
      SELECT c.oficina_id, ${titularAlCierre(sql`e.credito_id`, fecha)} AS gestor_id, e.*
        FROM eventos e JOIN creditos c ON c.id = e.credito_id
    )
    INSERT INTO hechos_compromisos
      (fecha, oficina_id, gestor_id, promesas_hechas, promesas_cumplidas, promesas_incumplidas,
       promesas_pendientes, convenios_firmados, convenios_cumplidos, convenios_incumplidos,
       convenios_vigentes, descuento_centavos)
    SELECT ${fecha}::date, oficina_id, gestor_id, sum(ph)::int, sum(pc)::int, sum(pi)::int,
           sum(pp)::int, sum(cf)::int, sum(cc)::int, sum(ci)::int, sum(cv)::int, sum(descuento)::int8
      FROM filas
     GROUP BY oficina_id, gestor_id
    HAVING sum(ph + pc + pi + pp + cf + cc + ci + cv) > 0
  `.execute(trx);
}
