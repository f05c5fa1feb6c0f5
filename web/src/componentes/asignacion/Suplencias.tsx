import { App, Button, Flex, Switch, Table, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import {
  type Gestor,
  type Suplencia,
  useCancelarSuplencia,
  useSuplencias,
} from '../../api/asignacion.ts';
import { mensajeDeError } from '../../api/cliente.ts';
import { useHoy } from '../../api/sesion.ts';
import { fecha } from '../../formato.ts';
import { Desplazable } from '../Desplazable.tsx';
import { ErrorConReintento } from '../ErrorConReintento.tsx';
import { DialogoSuplencia } from './DialogoSuplencia.tsx';

type Situacion = 'vigente' | 'programada' | 'terminada' | 'cancelada';

const ETIQUETA: Record<Situacion, { texto: string; color?: string }> = {
  vigente: { texto: 'Vigente', color: '#1e6b3a' },
  programada: { texto: 'Programada', color: '#0b4f6c' },
  terminada: { texto: 'Terminada' },
  cancelada: { texto: 'Cancelada' },
};

/** Dates are `aaaa-mm-dd`, so they compare as text. */
function situacionDe(s: Suplencia, hoy: string): Situacion {
  if (s.cancelada !== null) return 'cancelada';
  if (s.hasta < hoy) return 'terminada';
  return s.desde > hoy ? 'programada' : 'vigente';
}

/** Temporary covers: who attends whose accounts, from when to when; cancelled ones stay listed. */
export function Suplencias({ gestores }: { gestores: readonly Gestor[] }) {
  const hoy = useHoy();
  const { message, modal } = App.useApp();
  const [soloVigentes, setSoloVigentes] = useState(true);
  const suplencias = useSuplencias(soloVigentes);
  const cancelar = useCancelarSuplencia();
  const [dialogo, setDialogo] = useState<'cerrado' | 'abierto' | 'cerrando'>('cerrado');

  const confirmarCancelacion = (s: Suplencia) => {
    void modal.confirm({
      title: `¿Cancelar la suplencia de ${s.titular.nombre}?`,
      content: `${s.suplente.nombre} dejará de atender sus cuentas y recados. El historial de asignación no cambia.`,
      okText: 'Cancelar suplencia',
      okButtonProps: { danger: true },
      cancelText: 'Volver',
      onOk: () =>
        cancelar.mutateAsync(s.id).then(
          () => void message.success(`Suplencia de ${s.titular.nombre} cancelada.`),
          (error: unknown) => void message.error(mensajeDeError(error)),
        ),
    });
  };

  const columnas: TableColumnsType<Suplencia> = [
    { title: 'Titular', key: 'titular', width: 190, render: (_, s) => s.titular.nombre },
    { title: 'Suplente', key: 'suplente', width: 190, render: (_, s) => s.suplente.nombre },
    {
      title: 'Periodo',
      key: 'periodo',
      width: 200,
      render: (_, s) => `${fecha(s.desde)} al ${fecha(s.hasta)}`,
    },
    { title: 'Motivo', dataIndex: 'motivo' },
    {
      title: 'Situación',
      key: 'situacion',
      width: 120,
      render: (_, s) => {
        const { texto, color } = ETIQUETA[situacionDe(s, hoy)];
        return color === undefined ? (
          <Tag>{texto}</Tag>
        ) : (
          <Tag color={color} variant="solid">
            {texto}
          </Tag>
        );
      },
    },
    {
      title: 'Acciones',
      key: 'acciones',
      width: 120,
      render: (_, s) => {
        const situacion = situacionDe(s, hoy);
        if (situacion === 'cancelada' || situacion === 'terminada') return null;
        return (
          <Button
            size="small"
            danger
            onClick={() => confirmarCancelacion(s)}
            aria-label={`Cancelar la suplencia de ${s.titular.nombre}`}
          >
            Cancelar
          </Button>
        );
      },
    },
  ];

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 12 }}>
        <Flex align="center" gap={8}>
          <Switch id="solo-vigentes" checked={soloVigentes} onChange={setSoloVigentes} />
          <label htmlFor="solo-vigentes">Solo las vigentes hoy</label>
        </Flex>
        <Button type="primary" onClick={() => setDialogo('abierto')}>
          Nueva suplencia
        </Button>
      </Flex>
      {suplencias.isError ? (
        <ErrorConReintento
          titulo="No se pudieron cargar las suplencias."
          error={suplencias.error}
          reintentar={suplencias.refetch}
        />
      ) : (
        <Desplazable etiqueta="Suplencias" anchoMinimo={900}>
          <Table<Suplencia>
            rowKey="id"
            columns={columnas}
            dataSource={suplencias.data}
            loading={suplencias.isPending}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            size="middle"
            locale={{
              emptyText: soloVigentes ? 'No hay suplencias vigentes.' : 'Aún no hay suplencias.',
            }}
          />
        </Desplazable>
      )}
      {dialogo !== 'cerrado' && (
        <DialogoSuplencia
          gestores={gestores}
          abierto={dialogo === 'abierto'}
          alCerrar={() => setDialogo('cerrando')}
          alTerminarCierre={() => setDialogo('cerrado')}
        />
      )}
    </>
  );
}
