import type { FilaIndicadores } from '../../api/indicadores.ts';
import { pesosDe, textoEntero, textoPorcentaje } from './formatos.ts';

function Cifra({
  titulo,
  valor,
  detalle,
  destacada = false,
}: {
  titulo: string;
  valor: string;
  detalle?: string;
  destacada?: boolean;
}) {
  return (
    <div className={destacada ? 'cifra-destacada' : undefined}>
      <dt className="titulo-cifra-tablero">{titulo}</dt>
      <dd className="valor-tablero">
        <span className="cifra">{valor}</span>
        {detalle !== undefined && <span className="detalle-cifra-tablero">{detalle}</span>}
      </dd>
    </div>
  );
}

/** The month's headline figures of one gestor, office or the institute; families it may not see are left out. */
export function CifrasDelMes({ fila }: { fila: FilaIndicadores }) {
  const { metas, recuperacion, cobertura, promesas, convenios, turnos, cartera, prescripcion } =
    fila;
  return (
    <dl className="cifras-tablero" aria-label={`Cifras del mes de ${fila.sujeto.nombre}`}>
      {metas !== null && (
        <Cifra
          destacada
          titulo="Índice de cumplimiento"
          valor={textoPorcentaje(metas.indice)}
          detalle={
            metas.version === null ? 'Sin metas en el mes' : `Metas, versión ${metas.version}`
          }
        />
      )}
      {recuperacion !== null && (
        <Cifra
          destacada={metas === null}
          titulo="Recuperación neta"
          valor={pesosDe(recuperacion.neto)}
          detalle={`${textoEntero(recuperacion.pagos)} pagos; cancelado ${pesosDe(recuperacion.cancelado)}`}
        />
      )}
      {cobertura !== null && (
        <Cifra
          titulo="Cartera gestionada"
          valor={textoPorcentaje(cobertura.porcentajeGestionado)}
          detalle={`${textoEntero(cobertura.gestionadas)} de ${textoEntero(cobertura.asignadas)} cuentas`}
        />
      )}
      {cobertura !== null && (
        <Cifra
          titulo="Con contacto efectivo"
          valor={textoPorcentaje(cobertura.porcentajeContactoEfectivo)}
          detalle={`${textoEntero(cobertura.conContactoEfectivo)} cuentas`}
        />
      )}
      {promesas !== null && (
        <Cifra
          titulo="Promesas de pago"
          valor={`${textoEntero(promesas.cumplidas)} de ${textoEntero(promesas.hechas)} cumplidas`}
          detalle={`${textoEntero(promesas.incumplidas)} incumplidas, ${textoEntero(promesas.pendientes)} pendientes`}
        />
      )}
      {convenios !== null && (
        <Cifra
          titulo="Convenios firmados"
          valor={textoEntero(convenios.firmados)}
          detalle={`${textoEntero(convenios.vigentes)} vigentes; descontado ${pesosDe(convenios.montoDescontado)}`}
        />
      )}
      {turnos !== null && (
        <Cifra
          titulo="Turnos atendidos"
          valor={`${textoEntero(turnos.atendidos)} de ${textoEntero(turnos.registrados)}`}
          detalle={
            turnos.esperaPromedioMin === null
              ? `${textoEntero(turnos.abandonados)} abandonados`
              : `Espera promedio ${turnos.esperaPromedioMin} min; ${textoEntero(turnos.abandonados)} abandonados`
          }
        />
      )}
      {cartera !== null && (
        <Cifra titulo="Cuentas liquidadas en el mes" valor={textoEntero(cartera.liquidadas)} />
      )}
      {prescripcion !== null && (
        <Cifra
          titulo="Prescribe en 90 días"
          valor={pesosDe(prescripcion.en90Dias.saldo)}
          detalle={`${textoEntero(prescripcion.en90Dias.cuentas)} cuentas; en 180 días ${pesosDe(prescripcion.en180Dias.saldo)}`}
        />
      )}
    </dl>
  );
}
