import { Alert, Descriptions, type DescriptionsProps } from 'antd';
import type { EstadoDeCuenta } from '../../api/creditos.ts';
import { centavosDe, pesos, pesosDe } from '../../formato.ts';
import { EtiquetaSituacion } from '../Etiquetas.tsx';

/** The statement's totals (spec/calculo.md «Salida»): the four a borrower asks about first. */
export function ResumenEstado({ estado }: { estado: EstadoDeCuenta }) {
  const adelantados = centavosDe(estado.pagos_adelantados);
  const aFavor = centavosDe(estado.saldo_a_favor);
  // calculo.md: a payment of saldo_para_liquidar − pagos_adelantados settles the credit that day.
  const pagoQueLiquida = centavosDe(estado.saldo_para_liquidar) - adelantados;

  const detalle: DescriptionsProps['items'] = [
    { key: 'ci', label: 'Capital insoluto', children: pesosDe(estado.capital_insoluto) },
    { key: 'ce', label: 'Capital exigible', children: pesosDe(estado.capital_exigible) },
    {
      key: 'ioe',
      label: 'Interés ordinario exigible',
      children: pesosDe(estado.interes_ordinario_exigible),
    },
    {
      key: 'iod',
      label: 'Interés ordinario devengado',
      children: pesosDe(estado.interes_ordinario_devengado),
    },
    { key: 'im', label: 'Interés moratorio', children: pesosDe(estado.interes_moratorio) },
    { key: 'pa', label: 'Pagos adelantados', children: pesos(adelantados) },
    { key: 'sf', label: 'Saldo a favor', children: pesos(aFavor) },
  ];

  return (
    <>
      <dl className="cifras-principales">
        <div>
          <dt>Situación</dt>
          <dd>
            <EtiquetaSituacion situacion={estado.situacion} />
          </dd>
        </div>
        <div>
          <dt>Días de atraso</dt>
          <dd className="cifra">{estado.dias_atraso.toLocaleString('es-MX')}</dd>
        </div>
        <div className="cifra-destacada">
          <dt>Saldo exigible</dt>
          <dd className="cifra">{pesosDe(estado.saldo_exigible)}</dd>
        </div>
        <div className="cifra-destacada">
          <dt>Saldo para liquidar</dt>
          <dd className="cifra">{pesosDe(estado.saldo_para_liquidar)}</dd>
        </div>
      </dl>
      <Descriptions
        size="small"
        column={4}
        items={detalle}
        className="detalle-estado"
        styles={{ content: { fontVariantNumeric: 'tabular-nums' } }}
      />
      {adelantados > 0 && pagoQueLiquida > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 12 }}
          title={`Con los pagos adelantados, un pago de ${pesos(pagoQueLiquida)} liquida el crédito a esta fecha.`}
        />
      )}
      {aFavor > 0 && (
        <Alert
          type="success"
          showIcon
          style={{ marginTop: 12 }}
          title={`El acreditado tiene un saldo a favor de ${pesos(aFavor)}.`}
        />
      )}
    </>
  );
}
