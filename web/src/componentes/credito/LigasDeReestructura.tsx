import { Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { CreditoLigado } from '../../api/creditos.ts';
import { porcentaje } from '../../formato.ts';
import type { VieneDeFicha } from '../../ruta.ts';

/**
 * Where a credit came from or went in a reestructura, and its agreed rate, in small print under
 * its number (the ficha's table); nothing for a credit never restructured.
 */
export function LigasDeReestructura({
  credito,
  origen,
}: {
  credito: {
    reestructuraDe: CreditoLigado | null;
    reestructuradoEn: CreditoLigado | null;
    tasaOrdinariaPactada: string | null;
  };
  origen: VieneDeFicha;
}) {
  const { reestructuraDe: de, reestructuradoEn: en, tasaOrdinariaPactada: tasa } = credito;
  if (de === null && en === null && tasa === null) return null;
  return (
    <Typography.Text type="secondary" className="ligas-reestructura">
      {en !== null && (
        <span>
          Reestructurado en{' '}
          <Link to={`/creditos/${en.id}`} state={origen}>
            {en.numero}
          </Link>
        </span>
      )}
      {de !== null && (
        <span>
          Reestructura de{' '}
          <Link to={`/creditos/${de.id}`} state={origen}>
            {de.numero}
          </Link>
        </span>
      )}
      {tasa !== null && <span>Tasa pactada {porcentaje(tasa)}</span>}
    </Typography.Text>
  );
}
