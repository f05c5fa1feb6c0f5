import { Alert, Button, Card, Flex, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import {
  type ResumenAntiguedad as Resumen,
  resultadoDeTrabajo,
  type Trabajo,
  useRecalcularAntiguedad,
  useResumenAntiguedad,
  useTrabajoAntiguedad,
} from '../api/antiguedad.ts';
import { mensajeDeError } from '../api/cliente.ts';
import { centavosDe, fecha, pesos, pesosDe } from '../formato.ts';
import { Desplazable } from './Desplazable.tsx';
import { ErrorConReintento } from './ErrorConReintento.tsx';
import { NOMBRE_BUCKET } from './Etiquetas.tsx';

type Fila = Resumen['buckets'][number];

/** Bars as wide as each bucket's share of the saldo exigible; the numbers say the same. */
function barra(fila: Fila, total: number) {
  const parte = total > 0 ? centavosDe(fila.saldoExigible) / total : 0;
  return (
    <div className="barra-fondo" aria-hidden="true">
      <div className="barra" style={{ width: `${Math.round(parte * 100)}%` }} />
    </div>
  );
}

function mensajeDelTrabajo(
  trabajo: Trabajo | undefined,
  error: unknown,
): {
  tipo: 'info' | 'success' | 'error' | 'warning';
  texto: string;
} {
  if (error)
    return { tipo: 'error', texto: `No se pudo seguir el cálculo: ${mensajeDeError(error)}` };
  switch (trabajo?.estado) {
    case undefined:
    case 'pendiente':
      return { tipo: 'info', texto: 'Recálculo en cola; empezará en unos momentos…' };
    case 'en_curso':
      return { tipo: 'info', texto: 'Calculando la antigüedad de toda la cartera…' };
    case 'terminado': {
      const r = resultadoDeTrabajo(trabajo.resultado);
      if (r === null) return { tipo: 'success', texto: 'Antigüedad recalculada.' };
      const creditos =
        r.creditos === 1 ? '1 crédito' : `${r.creditos.toLocaleString('es-MX')} créditos`;
      const errores =
        r.conError > 0 ? ` ${r.conError} no se pudieron calcular; avisa a Sistemas.` : '';
      return {
        tipo: r.conError > 0 ? 'warning' : 'success',
        texto: `Antigüedad recalculada al ${fecha(r.fecha)}: ${creditos}.${errores}`,
      };
    }
    case 'fallido':
      return {
        tipo: 'error',
        texto: 'El recálculo de la antigüedad falló. Intenta de nuevo más tarde.',
      };
    case 'cancelado':
      return { tipo: 'warning', texto: 'El recálculo de la antigüedad se canceló.' };
  }
}

function Recalcular() {
  const recalcular = useRecalcularAntiguedad();
  const [trabajoId, setTrabajoId] = useState<string | null>(null);
  const trabajo = useTrabajoAntiguedad(trabajoId);
  const estado = trabajo.data?.estado;
  const enCurso =
    recalcular.isPending ||
    (trabajoId !== null &&
      !trabajo.isError &&
      estado !== 'terminado' &&
      estado !== 'fallido' &&
      estado !== 'cancelado');

  const iniciar = () => {
    if (enCurso) return;
    recalcular.mutate(undefined, { onSuccess: ({ trabajo: id }) => setTrabajoId(id) });
  };

  const mensaje = recalcular.isError
    ? {
        tipo: 'error' as const,
        texto: `No se pudo iniciar el recálculo: ${mensajeDeError(recalcular.error)}`,
      }
    : trabajoId !== null
      ? mensajeDelTrabajo(trabajo.data, trabajo.error)
      : null;

  return (
    <Flex vertical gap={8} align="end" style={{ maxWidth: 300 }}>
      <Button onClick={iniciar} loading={enCurso}>
        Recalcular antigüedad
      </Button>
      <div role="status" aria-live="polite">
        {mensaje !== null && (
          <Alert type={mensaje.tipo} showIcon title={mensaje.texto} className="aviso-compacto" />
        )}
      </div>
    </Flex>
  );
}

/** Credits and balances per aging bucket, from the latest nightly snapshot in the user's scope. */
export function ResumenAntiguedad({ puedeRecalcular }: { puedeRecalcular: boolean }) {
  const resumen = useResumenAntiguedad(true);
  const datos = resumen.data;
  const totalExigible = (datos?.buckets ?? []).reduce((s, b) => s + centavosDe(b.saldoExigible), 0);
  const totalCreditos = (datos?.buckets ?? []).reduce((s, b) => s + b.creditos, 0);

  const columnas: TableColumnsType<Fila> = [
    {
      title: 'Antigüedad',
      key: 'bucket',
      render: (_, f) => (
        <Link to={`/cartera?bucket=${encodeURIComponent(f.bucket)}`}>
          {NOMBRE_BUCKET[f.bucket]}
        </Link>
      ),
    },
    {
      title: 'Créditos',
      key: 'creditos',
      align: 'right',
      width: 100,
      render: (_, f) => <span className="cifra">{f.creditos.toLocaleString('es-MX')}</span>,
    },
    {
      title: 'Saldo exigible',
      key: 'exigible',
      align: 'right',
      width: 150,
      render: (_, f) => <span className="cifra">{pesosDe(f.saldoExigible)}</span>,
    },
    {
      title: 'Proporción del saldo exigible',
      key: 'barra',
      width: 220,
      render: (_, f) => barra(f, totalExigible),
    },
    {
      title: 'Saldo para liquidar',
      key: 'liquidar',
      align: 'right',
      width: 160,
      render: (_, f) => <span className="cifra">{pesosDe(f.saldoParaLiquidar)}</span>,
    },
  ];

  const titulo = (
    <h2 className="titulo-tarjeta">
      {datos?.fecha ? `Antigüedad de saldos al ${fecha(datos.fecha)}` : 'Antigüedad de saldos'}
    </h2>
  );

  return (
    <Card size="small" title={titulo} style={{ marginTop: 16 }}>
      <Flex gap={24} align="start" justify="space-between" wrap>
        <div style={{ flex: '1 1 640px', minWidth: 0 }}>
          {resumen.isError ? (
            <ErrorConReintento
              titulo="No se pudo cargar la antigüedad de saldos."
              error={resumen.error}
              reintentar={resumen.refetch}
            />
          ) : datos !== undefined && datos.fecha === null ? (
            <Typography.Paragraph>Aún no se calcula la antigüedad.</Typography.Paragraph>
          ) : (
            // On a phone the five columns scroll by themselves; the start page does not.
            <Desplazable etiqueta="Antigüedad de saldos por rango" anchoMinimo={520}>
              <Table<Fila>
                rowKey="bucket"
                columns={columnas}
                dataSource={datos?.buckets}
                loading={resumen.isPending}
                pagination={false}
                size="small"
                summary={() =>
                  datos === undefined ? null : (
                    <Table.Summary.Row className="fila-total">
                      <Table.Summary.Cell index={0}>Total</Table.Summary.Cell>
                      <Table.Summary.Cell index={1} align="right">
                        <span className="cifra">{totalCreditos.toLocaleString('es-MX')}</span>
                      </Table.Summary.Cell>
                      <Table.Summary.Cell index={2} align="right">
                        <span className="cifra">{pesos(totalExigible)}</span>
                      </Table.Summary.Cell>
                      <Table.Summary.Cell index={3} />
                      <Table.Summary.Cell index={4} align="right">
                        <span className="cifra">
                          {pesos(
                            datos.buckets.reduce((s, b) => s + centavosDe(b.saldoParaLiquidar), 0),
                          )}
                        </span>
                      </Table.Summary.Cell>
                    </Table.Summary.Row>
                  )
                }
              />
            </Desplazable>
          )}
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
            {datos?.fecha
              ? 'Se calcula cada noche. Abre un rango para ver sus créditos en Cartera.'
              : 'Se calcula cada noche, con los saldos de toda la cartera.'}
          </Typography.Paragraph>
        </div>
        {puedeRecalcular && <Recalcular />}
      </Flex>
    </Card>
  );
}
