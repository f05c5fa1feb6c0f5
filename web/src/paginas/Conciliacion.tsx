import { Card, Typography } from 'antd';
import { ImportarEstadoBancario } from '../componentes/conciliacion/ImportarEstadoBancario.tsx';
import { ListaDepositos } from '../componentes/conciliacion/ListaDepositos.tsx';
import { useTituloDocumento } from '../titulo.ts';

/** Contabilidad y Finanzas: the bank's deposits become payments, once each. */
export function PaginaConciliacion() {
  useTituloDocumento('Conciliación bancaria');
  return (
    <>
      <Typography.Title level={1}>Conciliación bancaria</Typography.Title>
      <Card
        size="small"
        style={{ marginBottom: 16 }}
        title={<h2 className="titulo-tarjeta">Importar estado de cuenta</h2>}
      >
        <ImportarEstadoBancario />
      </Card>
      <Card size="small" title={<h2 className="titulo-tarjeta">Depósitos por resolver</h2>}>
        <ListaDepositos />
      </Card>
    </>
  );
}
