import {
  Alert,
  Button,
  Card,
  DatePicker,
  Flex,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { type MetaEnLista, ROLES_DEFINIR_METAS, urlExportarMetas, useMetas } from '../api/metas.ts';
import { useHoy, useUsuarioActual } from '../api/sesion.ts';
import type { Usuario } from '../api/tipos.ts';
import { Cargando } from '../componentes/Cargando.tsx';
import { Desplazable } from '../componentes/Desplazable.tsx';
import { ErrorConReintento } from '../componentes/ErrorConReintento.tsx';
import { DialogoHistorial } from '../componentes/metas/DialogoHistorial.tsx';
import { DialogoMeta, nombreDeSujeto } from '../componentes/metas/DialogoMeta.tsx';
import { ImportarMetas } from '../componentes/metas/ImportarMetas.tsx';
import { CeldaItem, COLUMNAS_ITEMS } from '../componentes/metas/TextoItems.tsx';
import { fechaHora, nombreMes } from '../formato.ts';
import { useTituloDocumento } from '../titulo.ts';

const MES = /^\d{4}-(0[1-9]|1[0-2])$/;

type Fila = MetaEnLista & { clave: string };
type Dialogo = { tipo: 'editar' | 'historial'; meta: MetaEnLista; abierto: boolean };

/** Who may change a row: the coordinador his gestores', the administrador every one. */
function puedeEditar(usuario: Usuario, m: MetaEnLista): boolean {
  if (usuario.rol === 'administrador') return true;
  return usuario.rol === 'coordinador' && m.gestor !== null && m.oficina.id === usuario.oficina?.id;
}

/**
 * A month's goals: the coordinador sets his gestores' and the administrador every office's
 * (and gestor's), each item with its weight; every change is a new version, with who and when.
 * The gestor sees his own, read-only. The next month opens by default: goals are set ahead.
 */
export function PaginaMetas() {
  useTituloDocumento('Metas');
  const usuario = useUsuarioActual();
  const hoy = useHoy();
  const actual = hoy.slice(0, 7);
  const siguiente = dayjs(`${actual}-01`).add(1, 'month').format('YYYY-MM');
  const [parametros, setParametros] = useSearchParams();
  const pedido = parametros.get('mes');
  const mes = pedido !== null && MES.test(pedido) ? pedido : siguiente;
  const metas = useMetas(mes);
  const [dialogo, setDialogo] = useState<Dialogo | null>(null);
  const define = ROLES_DEFINIR_METAS.includes(usuario.rol);
  const cerrado = mes < actual;
  const nombre = nombreMes(mes);

  const cambiarMes = (valor: Dayjs | null) => {
    if (valor === null || !valor.isValid()) return;
    const nuevo = valor.format('YYYY-MM');
    setParametros(nuevo === siguiente ? {} : { mes: nuevo }, { replace: true });
  };

  const columnas: TableColumnsType<Fila> = [
    {
      title: 'Gestor u oficina',
      key: 'nombre',
      render: (_, m) =>
        m.gestor === null ? <strong>{nombreDeSujeto(m)}</strong> : m.gestor.nombre,
    },
    ...COLUMNAS_ITEMS.map(({ item, titulo }) => ({
      title: titulo,
      key: item,
      align: 'right' as const,
      render: (_: unknown, m: Fila) => <CeldaItem items={m.items} item={item} />,
    })),
    {
      title: 'Versión',
      key: 'version',
      align: 'right',
      render: (_, m) => (m.version === null ? 'Sin metas' : m.version),
    },
    {
      title: 'Registrada',
      key: 'registrada',
      render: (_, m) =>
        m.registrada === null ? (
          '—'
        ) : (
          <>
            {fechaHora(m.registrada)}
            <br />
            <span className="texto-secundario">{m.registradaPor?.nombre}</span>
          </>
        ),
    },
    {
      title: 'Acciones',
      key: 'acciones',
      render: (_, m) => (
        <Flex gap={4} wrap>
          {define && !cerrado && puedeEditar(usuario, m) && (
            <Button
              size="small"
              type="primary"
              aria-label={`Editar las metas de ${nombreDeSujeto(m)}`}
              onClick={() => setDialogo({ tipo: 'editar', meta: m, abierto: true })}
            >
              Editar
            </Button>
          )}
          <Button
            size="small"
            disabled={m.version === null}
            aria-label={`Historial de las metas de ${nombreDeSujeto(m)}`}
            onClick={() => setDialogo({ tipo: 'historial', meta: m, abierto: true })}
          >
            Historial
          </Button>
        </Flex>
      ),
    },
  ];

  const porOficina = new Map<number, { nombre: string; filas: Fila[] }>();
  for (const m of metas.data?.metas ?? []) {
    const grupo = porOficina.get(m.oficina.id) ?? { nombre: m.oficina.nombre, filas: [] };
    grupo.filas.push({ ...m, clave: m.gestor === null ? `o${m.oficina.id}` : `g${m.gestor.id}` });
    porOficina.set(m.oficina.id, grupo);
  }

  const cerrar = () => dialogo !== null && setDialogo({ ...dialogo, abierto: false });

  return (
    <>
      <Typography.Title level={1} style={{ marginBottom: 4 }}>
        Metas de {nombre}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {usuario.rol === 'gestor'
          ? 'Tus metas del mes: las fija tu coordinador.'
          : 'Cada meta es opcional y lleva un peso. El índice de cumplimiento pondera lo logrado en cada una, hasta 100 % por meta. Cambiar una meta agrega una versión; el historial guarda quién la cambió y cuándo.'}
      </Typography.Paragraph>
      <Flex align="center" gap={12} wrap className="filtros">
        <Flex align="center" gap={8}>
          <label htmlFor="mes-metas">Mes</label>
          <DatePicker
            id="mes-metas"
            picker="month"
            value={dayjs(`${mes}-01`)}
            format="MM/YYYY"
            allowClear={false}
            onChange={cambiarMes}
            style={{ width: 130 }}
          />
        </Flex>
        {define && (
          <Button href={urlExportarMetas(mes)} download>
            Exportar metas (XLSX)
          </Button>
        )}
      </Flex>
      {cerrado && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`${nombre} ya cerró: sus metas se consultan, no se cambian.`}
        />
      )}
      {metas.isError ? (
        <ErrorConReintento
          titulo={`No se pudieron cargar las metas de ${nombre}.`}
          error={metas.error}
          reintentar={metas.refetch}
        />
      ) : metas.data === undefined ? (
        <Cargando texto="Cargando las metas…" />
      ) : (
        <Flex vertical gap={16}>
          {[...porOficina.entries()].map(([id, g]) => (
            <Card
              key={id}
              size="small"
              title={<h2 className="titulo-tarjeta">Oficina {g.nombre}</h2>}
            >
              <Desplazable etiqueta={`Metas de la oficina ${g.nombre}`} anchoMinimo={980}>
                <Table<Fila>
                  rowKey="clave"
                  columns={columnas}
                  dataSource={g.filas}
                  pagination={false}
                  size="small"
                  rowClassName={(f) => (f.gestor === null ? 'fila-total' : '')}
                />
              </Desplazable>
            </Card>
          ))}
          {define && !cerrado && <ImportarMetas mes={mes} nombreMes={nombre} />}
        </Flex>
      )}
      {dialogo?.tipo === 'editar' && (
        <DialogoMeta
          mes={mes}
          meta={dialogo.meta}
          nombreMes={nombre}
          abierto={dialogo.abierto}
          alCerrar={cerrar}
          alTerminarCierre={() => setDialogo(null)}
        />
      )}
      {dialogo?.tipo === 'historial' && (
        <DialogoHistorial
          mes={mes}
          meta={dialogo.meta}
          nombreMes={nombre}
          abierto={dialogo.abierto}
          alCerrar={cerrar}
          alTerminarCierre={() => setDialogo(null)}
        />
      )}
    </>
  );
}
