import { App, Button, Card, Flex, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import type { Credito } from '../../api/creditos.ts';
import {
  type Actuacion,
  NOMBRE_ESTADO_JURIDICO,
  ROLES_ACTUAR,
  ROLES_CUENTAS_JURIDICO,
  ROLES_EVIDENCIA,
  ROLES_JURIDICO,
  urlPaqueteDeEvidencia,
  useActuaciones,
  useDevolverTurnado,
} from '../../api/juridico.ts';
import { useUsuarioActual } from '../../api/sesion.ts';
import { fecha, fechaHora } from '../../formato.ts';
import { Cargando } from '../Cargando.tsx';
import { DialogoMotivo } from '../DialogoMotivo.tsx';
import { ErrorConReintento } from '../ErrorConReintento.tsx';
import { DialogoActuacion } from './DialogoActuacion.tsx';

const SIN_DATO = (
  <>
    <span aria-hidden="true">—</span>
    <span className="solo-lectores">Sin dato</span>
  </>
);

const columnas: TableColumnsType<Actuacion> = [
  { title: 'Fecha', key: 'fecha', width: 110, render: (_, a) => fecha(a.fecha) },
  {
    title: 'Estado',
    key: 'estado',
    width: 190,
    render: (_, a) => NOMBRE_ESTADO_JURIDICO[a.estado],
  },
  {
    title: 'Juzgado y expediente',
    key: 'juzgado',
    width: 240,
    render: (_, a) =>
      a.juzgado === null && a.expedienteJudicial === null ? (
        SIN_DATO
      ) : (
        <>
          {a.juzgado ?? ''}
          {a.expedienteJudicial === null ? '' : ` · Exp. ${a.expedienteJudicial}`}
        </>
      ),
  },
  { title: 'Nota', key: 'nota', width: 260, render: (_, a) => a.nota ?? SIN_DATO },
  {
    title: 'Registró',
    key: 'registro',
    width: 240,
    render: (_, a) => (
      <>
        {a.registradoPor}
        <br />
        <Typography.Text type="secondary">{a.despacho.nombre}</Typography.Text>
        <br />
        <Typography.Text type="secondary">{fechaHora(a.registradoEn)}</Typography.Text>
      </>
    ),
  },
];

/**
 * The legal side of a credit: what the law firm did (actuaciones), and for an account turned
 * over, the evidence pack to file and the lawyer's «Registrar actuación».
 */
export function JuridicoDeCredito({ credito }: { credito: Credito }) {
  const { rol } = useUsuarioActual();
  const consulta = ROLES_CUENTAS_JURIDICO.includes(rol);
  const actuaciones = useActuaciones(credito.id, consulta);
  const [dialogo, setDialogo] = useState<{ abierto: boolean } | null>(null);
  const [devolviendo, setDevolviendo] = useState<{ abierto: boolean } | null>(null);
  const devolver = useDevolverTurnado();
  const { message } = App.useApp();
  if (!consulta) return null;

  const turnado = credito.estado === 'en_juridico';
  // A credit never turned over has nothing legal to show.
  if (!turnado && (actuaciones.data === undefined || actuaciones.data.length === 0)) return null;

  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      className="tarjeta-envolvente"
      title={
        <h2 className="titulo-tarjeta" id="titulo-actuaciones">
          Actuaciones
        </h2>
      }
      extra={
        turnado && (
          <Flex gap={8} wrap>
            {ROLES_EVIDENCIA.includes(rol) && (
              <Button href={urlPaqueteDeEvidencia(credito.id)} download>
                Descargar paquete de evidencia
              </Button>
            )}
            {ROLES_JURIDICO.includes(rol) && (
              <Button danger onClick={() => setDevolviendo({ abierto: true })}>
                Devolver del despacho
              </Button>
            )}
            {ROLES_ACTUAR.includes(rol) && (
              <Button type="primary" onClick={() => setDialogo({ abierto: true })}>
                Registrar actuación
              </Button>
            )}
          </Flex>
        )
      }
    >
      <section aria-labelledby="titulo-actuaciones">
        {actuaciones.isError ? (
          <ErrorConReintento
            titulo="No se pudieron cargar las actuaciones."
            error={actuaciones.error}
            reintentar={actuaciones.refetch}
          />
        ) : actuaciones.data === undefined ? (
          <Cargando texto="Cargando las actuaciones…" />
        ) : (
          <Table<Actuacion>
            rowKey="id"
            columns={columnas}
            dataSource={actuaciones.data}
            pagination={false}
            size="small"
            tableLayout="fixed"
            scroll={{ x: 1040 }}
            locale={{ emptyText: 'El despacho aún no registra actuaciones.' }}
          />
        )}
      </section>
      {dialogo !== null && (
        <DialogoActuacion
          creditoId={credito.id}
          numero={credito.numero}
          abierto={dialogo.abierto}
          alCerrar={() => setDialogo({ abierto: false })}
          alTerminarCierre={() => setDialogo(null)}
        />
      )}
      {devolviendo !== null && (
        <DialogoMotivo
          abierto={devolviendo.abierto}
          titulo={`Devolver el crédito ${credito.numero}`}
          accion="Devolver"
          nombre="devolver-turnado-credito"
          explicacion="La cuenta deja de estar turnada y vuelve a la gestión de su oficina. El expediente y los pagarés siguen en el despacho hasta que se reciban en el archivo."
          etiqueta="Motivo de la devolución"
          faltaMotivo="Explica por qué se devuelve la cuenta."
          ocupado={devolver.isPending}
          enviar={async (motivo) => {
            await devolver.mutateAsync({ creditoId: credito.id, motivo });
            void message.success(`Crédito ${credito.numero} devuelto a su oficina.`);
          }}
          alCerrar={() => setDevolviendo({ abierto: false })}
          alTerminarCierre={() => setDevolviendo(null)}
        />
      )}
    </Card>
  );
}
