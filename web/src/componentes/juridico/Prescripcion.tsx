import { Tag, Typography } from 'antd';
import type { PrescripcionCercana } from '../../api/juridico.ts';
import { fecha, pesosDe } from '../../formato.ts';

const ROJO = '#b42318';
const NARANJA = '#a35200';

/** Within this many days a prescription is shown as urgent. */
const URGENTE_DIAS = 90;

function restantes(dias: number): string {
  if (dias === 0) return 'prescribe hoy';
  return dias === 1 ? 'falta 1 día' : `faltan ${dias.toLocaleString('es-MX')} días`;
}

/**
 * When the account's nearest pagaré prescribes, with how long is left; a prescribed one is
 * marked, not hidden (the debt may still be collected out of court).
 */
export function FechaPrescripcion({ prescribe }: { prescribe: PrescripcionCercana | null }) {
  if (prescribe === null) {
    return <Typography.Text type="secondary">Sin pagarés por prescribir</Typography.Text>;
  }
  return (
    <span>
      {fecha(prescribe.fecha)}{' '}
      {prescribe.dias < 0 ? (
        <Tag color={ROJO} variant="solid">
          Prescrito
        </Tag>
      ) : prescribe.dias <= URGENTE_DIAS ? (
        <Tag color={NARANJA} variant="solid">
          {restantes(prescribe.dias)}
        </Tag>
      ) : (
        <Typography.Text type="secondary">({restantes(prescribe.dias)})</Typography.Text>
      )}
    </span>
  );
}

/** The balance of the latest aging snapshot, or that there is none yet. */
export function SaldoDeCuenta({ saldo }: { saldo: string | null }) {
  return saldo === null ? (
    <Typography.Text type="secondary">Sin calcular</Typography.Text>
  ) : (
    <span className="cifra">{pesosDe(saldo)}</span>
  );
}
