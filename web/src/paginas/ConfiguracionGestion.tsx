import { Button, Card, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import {
  type ResultadoGestion,
  useParametrosGestion,
  useResultadosGestion,
} from '../api/configuracion-gestion.ts';
import { Cargando } from '../componentes/Cargando.tsx';
import { DialogoResultado } from '../componentes/configuracion/DialogoResultado.tsx';
import { FormularioParametros } from '../componentes/configuracion/FormularioParametros.tsx';
import { ErrorConReintento } from '../componentes/ErrorConReintento.tsx';
import { useTituloDocumento } from '../titulo.ts';

const siNo = (valor: boolean) =>
  valor ? (
    <Tag color="#1e6b3a" variant="solid">
      Sí
    </Tag>
  ) : (
    <Tag>No</Tag>
  );

/** The administrador's settings of the daily work: the results catalogue and the rules' parameters. */
export function PaginaConfiguracionGestion() {
  useTituloDocumento('Configuración de gestión');
  const resultados = useResultadosGestion(true);
  const parametros = useParametrosGestion();
  const [dialogo, setDialogo] = useState<{
    resultado: ResultadoGestion | null;
    abierto: boolean;
  } | null>(null);

  const columnas: TableColumnsType<ResultadoGestion> = [
    {
      title: 'Resultado',
      key: 'nombre',
      render: (_, r) => (
        <>
          <strong>{r.nombre}</strong>
          <div className="detalle-cifra">{r.clave}</div>
        </>
      ),
    },
    {
      title: 'Contacto efectivo',
      key: 'contacto',
      width: 100,
      render: (_, r) => siNo(r.contactoEfectivo),
    },
    { title: 'Promesa de pago', key: 'promesa', width: 100, render: (_, r) => siNo(r.promesa) },
    { title: 'Activo', key: 'activo', width: 80, render: (_, r) => siNo(r.activo) },
    {
      title: 'Acciones',
      key: 'acciones',
      width: 100,
      render: (_, r) => (
        <Button
          size="small"
          onClick={() => setDialogo({ resultado: r, abierto: true })}
          aria-label={`Editar ${r.nombre}`}
        >
          Editar
        </Button>
      ),
    },
  ];

  return (
    <>
      <Typography.Title level={1} style={{ marginBottom: 4 }}>
        Configuración de gestión
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        Los resultados que se eligen al registrar una gestión y los parámetros de las reglas de
        contacto, la cola de trabajo y los recados.
      </Typography.Paragraph>

      <Card
        size="small"
        title={<h2 className="titulo-tarjeta">Resultados de gestión</h2>}
        extra={
          <Button type="primary" onClick={() => setDialogo({ resultado: null, abierto: true })}>
            Nuevo resultado
          </Button>
        }
        className="tarjeta-envolvente"
      >
        {resultados.isError ? (
          <ErrorConReintento
            titulo="No se pudo cargar el catálogo de resultados."
            error={resultados.error}
            reintentar={resultados.refetch}
          />
        ) : (
          <Table<ResultadoGestion>
            rowKey="id"
            columns={columnas}
            dataSource={resultados.data}
            loading={resultados.isPending}
            pagination={false}
            size="small"
            scroll={{ x: 620 }}
            locale={{ emptyText: 'Aún no hay resultados.' }}
          />
        )}
      </Card>

      <Card
        size="small"
        style={{ marginTop: 16 }}
        title={<h2 className="titulo-tarjeta">Parámetros</h2>}
      >
        {parametros.isError ? (
          <ErrorConReintento
            titulo="No se pudieron cargar los parámetros."
            error={parametros.error}
            reintentar={parametros.refetch}
          />
        ) : parametros.data === undefined ? (
          <Cargando texto="Cargando los parámetros…" />
        ) : (
          <FormularioParametros parametros={parametros.data} />
        )}
      </Card>

      {dialogo !== null && (
        <DialogoResultado
          key={dialogo.resultado?.id ?? 'nuevo'}
          resultado={dialogo.resultado}
          abierto={dialogo.abierto}
          alCerrar={() => setDialogo({ ...dialogo, abierto: false })}
          alTerminarCierre={() => setDialogo(null)}
        />
      )}
    </>
  );
}
