import { Button, Flex, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Despacho } from '../../api/juridico.ts';
import { DialogoDespacho } from './DialogoDespacho.tsx';

const SIN_DATO = (
  <>
    <span aria-hidden="true">—</span>
    <span className="solo-lectores">Sin dato</span>
  </>
);

/** The administrador's catalogue of law firms: register one, edit or deactivate it. */
export function Despachos({
  despachos,
  cargando,
}: {
  despachos: Despacho[] | undefined;
  cargando: boolean;
}) {
  const [dialogo, setDialogo] = useState<{ despacho: Despacho | null; abierto: boolean } | null>(
    null,
  );

  const columnas: TableColumnsType<Despacho> = [
    { title: 'Nombre', dataIndex: 'nombre', width: 220 },
    { title: 'Contacto', key: 'contacto', width: 180, render: (_, d) => d.contacto ?? SIN_DATO },
    { title: 'Teléfono', key: 'telefono', width: 130, render: (_, d) => d.telefono ?? SIN_DATO },
    { title: 'Correo', key: 'correo', width: 200, render: (_, d) => d.correo ?? SIN_DATO },
    {
      title: 'Abogados',
      key: 'abogados',
      width: 220,
      render: (_, d) =>
        d.abogados.length === 0 ? (
          <Typography.Text type="secondary">Ninguno</Typography.Text>
        ) : (
          d.abogados.map((a) => a.nombre).join(', ')
        ),
    },
    {
      title: 'Cuentas turnadas',
      key: 'cuentas',
      width: 110,
      align: 'right',
      render: (_, d) => <span className="cifra">{d.cuentasTurnadas.toLocaleString('es-MX')}</span>,
    },
    {
      title: 'Estado',
      key: 'activo',
      width: 100,
      render: (_, d) =>
        d.activo ? (
          <Tag color="#1e6b3a" variant="solid">
            Activo
          </Tag>
        ) : (
          <Tag color="#595959" variant="solid">
            Inactivo
          </Tag>
        ),
    },
    {
      title: 'Acciones',
      key: 'acciones',
      width: 100,
      render: (_, d) => (
        <Button
          size="small"
          aria-label={`Editar el despacho ${d.nombre}`}
          onClick={() => setDialogo({ despacho: d, abierto: true })}
        >
          Editar
        </Button>
      ),
    },
  ];

  return (
    <>
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">
          Solo los despachos activos pueden recibir cuentas turnadas.
        </Typography.Text>
        <Button type="primary" onClick={() => setDialogo({ despacho: null, abierto: true })}>
          Nuevo despacho
        </Button>
      </Flex>
      <Table<Despacho>
        rowKey="id"
        columns={columnas}
        dataSource={despachos}
        loading={cargando}
        pagination={false}
        size="middle"
        tableLayout="fixed"
        scroll={{ x: 1260 }}
        locale={{ emptyText: 'Aún no hay despachos registrados.' }}
      />
      {dialogo !== null && (
        <DialogoDespacho
          key={dialogo.despacho?.id ?? 'nuevo'}
          despacho={dialogo.despacho}
          abierto={dialogo.abierto}
          alCerrar={() => setDialogo({ ...dialogo, abierto: false })}
          alTerminarCierre={() => setDialogo(null)}
        />
      )}
    </>
  );
}
