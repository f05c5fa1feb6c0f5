import { Card } from 'antd';
import { useState } from 'react';
import { useCuentasTurnadas } from '../../api/juridico.ts';
import { ErrorConReintento } from '../ErrorConReintento.tsx';
import { TablaCuentasTurnadas } from './TablaCuentasTurnadas.tsx';

/** The external lawyer's start: the accounts turned over to his firm, while they last. */
export function MisCuentasTurnadas() {
  const [pagina, setPagina] = useState(1);
  const lista = useCuentasTurnadas(null, pagina);
  // The count, while everything fits on one page.
  const n =
    lista.data !== undefined &&
    lista.data.pagina === 1 &&
    lista.data.cuentas.length < lista.data.porPagina
      ? lista.data.cuentas.length
      : undefined;
  return (
    <Card
      size="small"
      style={{ marginTop: 16 }}
      className="tarjeta-envolvente"
      title={
        <h2 className="titulo-tarjeta" id="titulo-cuentas-despacho">
          Cuentas turnadas a tu despacho{n === undefined ? '' : ` (${n.toLocaleString('es-MX')})`}
        </h2>
      }
    >
      <section aria-labelledby="titulo-cuentas-despacho">
        {lista.isError ? (
          <ErrorConReintento
            titulo="No se pudieron cargar las cuentas de tu despacho."
            error={lista.error}
            reintentar={lista.refetch}
          />
        ) : (
          <TablaCuentasTurnadas
            datos={lista.data}
            cargando={lista.isFetching}
            conDespacho={false}
            etiquetaPaginas="Páginas de las cuentas de tu despacho"
            alCambiarPagina={setPagina}
            vacio="Tu despacho no tiene cuentas turnadas vigentes."
          />
        )}
      </section>
    </Card>
  );
}
