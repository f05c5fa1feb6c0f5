import { Alert, App, Button, Card, Table, type TableColumnsType, Typography } from 'antd';
import { Fragment, useState } from 'react';
import { Link } from 'react-router-dom';
import { NOMBRE_AUTORIZADOR } from '../api/alternativas.ts';
import { mensajeDeError } from '../api/cliente.ts';
import { type Pendiente, useAutorizarConvenio, usePendientes } from '../api/convenios.ts';
import { useUsuarioActual } from '../api/sesion.ts';
import { Cargando } from '../componentes/Cargando.tsx';
import { nombreTipoConvenio } from '../componentes/convenios/DetalleConvenio.tsx';
import { ErrorConReintento } from '../componentes/ErrorConReintento.tsx';
import { fechaHora, pesosDe } from '../formato.ts';
import { useTituloDocumento } from '../titulo.ts';

/** The convenios of the user's office waiting for an authorization, oldest first. */
export function PaginaConveniosPendientes() {
  useTituloDocumento('Convenios por autorizar');
  const pendientes = usePendientes();
  return (
    <>
      <Typography.Title level={1} style={{ marginBottom: 16 }}>
        Convenios por autorizar
      </Typography.Title>
      {pendientes.isPending ? (
        <Cargando texto="Cargando los convenios por autorizar…" />
      ) : pendientes.isError ? (
        <ErrorConReintento
          titulo="No se pudieron cargar los convenios por autorizar."
          error={pendientes.error}
          reintentar={pendientes.refetch}
        />
      ) : (
        <TablaPendientes pendientes={pendientes.data} />
      )}
    </>
  );
}

function TablaPendientes({ pendientes }: { pendientes: Pendiente[] }) {
  const usuario = useUsuarioActual();
  const autorizar = useAutorizarConvenio();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);

  const alAutorizar = (p: Pendiente) => {
    if (autorizar.isPending) return;
    setError(null);
    autorizar.mutate(p.id, {
      onSuccess: () => void message.success(`Convenio ${p.id} autorizado.`),
      onError: (e) => setError(mensajeDeError(e)),
    });
  };

  const columnas: TableColumnsType<Pendiente> = [
    {
      title: 'Convenio',
      key: 'convenio',
      render: (_, p) => (
        <>
          <Link to={`/convenios/${p.id}`}>
            Convenio {p.id}: {p.nombre}
          </Link>
          {nombreTipoConvenio(p.tipo) !== p.nombre && (
            <div>
              <Typography.Text type="secondary">{nombreTipoConvenio(p.tipo)}</Typography.Text>
            </div>
          )}
        </>
      ),
    },
    {
      title: 'Créditos',
      key: 'creditos',
      render: (_, p) =>
        p.creditos.map((c, i) => (
          <Fragment key={c.id}>
            {i > 0 && ', '}
            <Link to={`/creditos/${c.id}`}>{c.numero}</Link>
          </Fragment>
        )),
    },
    {
      title: 'Total',
      dataIndex: 'total',
      align: 'right',
      render: (m: string) => <span className="cifra">{pesosDe(m)}</span>,
    },
    {
      title: 'Descuento',
      dataIndex: 'descuento',
      align: 'right',
      render: (m: string) => <span className="cifra">{pesosDe(m)}</span>,
    },
    {
      title: 'Por qué requiere autorización',
      key: 'motivos',
      render: (_, p) => (
        <>
          <div>Autorización {NOMBRE_AUTORIZADOR[p.requiereRol]}</div>
          <div className="detalle-cifra">{p.motivos.join('; ')}</div>
        </>
      ),
    },
    {
      title: 'Propuesto',
      key: 'propuesto',
      render: (_, p) => (
        <>
          {p.propuestoPor}
          <div className="detalle-cifra">{fechaHora(p.propuestoEl)}</div>
        </>
      ),
    },
    {
      title: 'Acción',
      key: 'accion',
      width: 170,
      render: (_, p) =>
        p.puedesAutorizar ? (
          <Button
            type="primary"
            size="small"
            aria-label={`Autorizar el convenio ${p.id}`}
            loading={autorizar.isPending && autorizar.variables === p.id}
            onClick={() => alAutorizar(p)}
          >
            Autorizar
          </Button>
        ) : (
          <Typography.Text type="secondary">
            {p.propuestoPor === usuario.usuario
              ? 'Es tu propuesta'
              : `Espera la autorización ${NOMBRE_AUTORIZADOR[p.requiereRol]}`}
          </Typography.Text>
        ),
    },
  ];

  return (
    <Card size="small">
      <Typography.Paragraph type="secondary">
        Convenios propuestos que rebasan el límite de quien los propuso. Nadie autoriza su propia
        propuesta; lo que espera al administrador no lo autoriza un coordinador.
      </Typography.Paragraph>
      {error !== null && (
        <Alert
          type="error"
          showIcon
          title={error}
          closable={{ onClose: () => setError(null) }}
          style={{ marginBottom: 16 }}
        />
      )}
      <Table<Pendiente>
        size="small"
        aria-label="Convenios por autorizar"
        rowKey="id"
        pagination={false}
        dataSource={pendientes}
        columns={columnas}
        locale={{ emptyText: 'No hay convenios por autorizar.' }}
      />
    </Card>
  );
}
