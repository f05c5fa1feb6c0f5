import { Button, Flex, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Usuario } from '../api/tipos.ts';
import { useUsuarios } from '../api/usuarios.ts';
import { DialogoRestablecer } from '../componentes/DialogoRestablecer.tsx';
import { DialogoUsuario } from '../componentes/DialogoUsuario.tsx';
import { ErrorConReintento } from '../componentes/ErrorConReintento.tsx';
import { NOMBRE_ROL } from '../roles.ts';
import { useTituloDocumento } from '../titulo.ts';

type Dialogo =
  | { tipo: 'nuevo' }
  | { tipo: 'editar'; usuario: Usuario }
  | { tipo: 'contrasena'; usuario: Usuario };

const comparar = (a: string, b: string) => a.localeCompare(b, 'es-MX', { sensitivity: 'base' });

export function PaginaUsuarios() {
  useTituloDocumento('Usuarios');
  const usuarios = useUsuarios();
  // The dialog's subject stays set while it animates closed; `abierto` drives visibility.
  const [dialogo, setDialogo] = useState<Dialogo | null>(null);
  const [abierto, setAbierto] = useState(false);

  const abrir = (d: Dialogo) => {
    setDialogo(d);
    setAbierto(true);
  };
  const cerrar = () => setAbierto(false);
  const alTerminarCierre = () => setDialogo(null);

  const columnas: TableColumnsType<Usuario> = [
    {
      title: 'Usuario',
      dataIndex: 'usuario',
      sorter: (a, b) => comparar(a.usuario, b.usuario),
    },
    {
      title: 'Nombre',
      dataIndex: 'nombre',
      sorter: (a, b) => comparar(a.nombre, b.nombre),
      defaultSortOrder: 'ascend',
    },
    { title: 'Rol', key: 'rol', render: (_, u) => NOMBRE_ROL[u.rol] },
    { title: 'Oficina', key: 'oficina', render: (_, u) => u.oficina?.nombre ?? 'Sin oficina' },
    {
      title: 'Estado',
      key: 'estado',
      render: (_, u) =>
        u.activo ? (
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
      render: (_, u) => (
        <Space size="small" wrap>
          <Button
            size="small"
            onClick={() => abrir({ tipo: 'editar', usuario: u })}
            aria-label={`Editar a ${u.usuario}`}
          >
            Editar
          </Button>
          <Button
            size="small"
            onClick={() => abrir({ tipo: 'contrasena', usuario: u })}
            aria-label={`Restablecer contraseña de ${u.usuario}`}
          >
            Restablecer contraseña
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <Typography.Title level={1} style={{ margin: 0 }}>
          Usuarios
        </Typography.Title>
        <Button type="primary" onClick={() => abrir({ tipo: 'nuevo' })}>
          Nuevo usuario
        </Button>
      </Flex>
      {usuarios.isError ? (
        <ErrorConReintento
          titulo="No se pudo cargar la lista de usuarios."
          error={usuarios.error}
          reintentar={usuarios.refetch}
        />
      ) : (
        <Table<Usuario>
          rowKey="id"
          columns={columnas}
          dataSource={usuarios.data}
          loading={usuarios.isPending}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          size="middle"
          locale={{ emptyText: 'Aún no hay usuarios.' }}
        />
      )}
      {dialogo !== null && dialogo.tipo !== 'contrasena' && (
        <DialogoUsuario
          key={dialogo.tipo === 'editar' ? dialogo.usuario.id : 'nuevo'}
          usuario={dialogo.tipo === 'editar' ? dialogo.usuario : null}
          abierto={abierto}
          alCerrar={cerrar}
          alTerminarCierre={alTerminarCierre}
        />
      )}
      {dialogo?.tipo === 'contrasena' && (
        <DialogoRestablecer
          key={dialogo.usuario.id}
          usuario={dialogo.usuario}
          abierto={abierto}
          alCerrar={cerrar}
          alTerminarCierre={alTerminarCierre}
        />
      )}
    </>
  );
}
