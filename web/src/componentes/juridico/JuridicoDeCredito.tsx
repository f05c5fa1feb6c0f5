import { App, Button, Card, Flex, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import type { Credito } from '../../api/creditos.ts';
import { type Escaneo, urlEscaneo, useEscaneos } from '../../api/expedientes.ts';
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
import {
  DialogoAdjuntarArchivo,
  NOMBRE_TIPO,
  tamano,
} from '../expediente/DialogoAdjuntarArchivo.tsx';
import { DialogoActuacion } from './DialogoActuacion.tsx';

const SIN_DATO = (
  <>
    <span aria-hidden="true">—</span>
    <span className="solo-lectores">Sin dato</span>
  </>
);

/** «Demanda presentada del 10/03/2026»: how an actuación is named where several are listed. */
const nombreActuacion = (a: Actuacion) =>
  `${NOMBRE_ESTADO_JURIDICO[a.estado]} del ${fecha(a.fecha)}`;

/**
 * The documents of one actuación (the lawsuit as filed, the ruling…): each opens (a logged
 * read) in a new tab, since the server forbids showing them framed in this page.
 */
function DocumentosDeActuacion({
  actuacion,
  documentos,
  adjuntar,
}: {
  actuacion: Actuacion;
  /** Undefined while they load or when they could not be read. */
  documentos: readonly Escaneo[] | undefined;
  adjuntar: ((a: Actuacion) => void) | null;
}) {
  const propios = documentos?.filter((d) => d.actuacionId === actuacion.id) ?? [];
  return (
    <>
      {documentos === undefined ? null : propios.length === 0 ? (
        <Typography.Text type="secondary">Sin documentos</Typography.Text>
      ) : (
        <ul
          aria-label={`Documentos de ${nombreActuacion(actuacion)}`}
          style={{ paddingInlineStart: 18, margin: 0, overflowWrap: 'anywhere' }}
        >
          {propios.map((d) => (
            <li key={d.id}>
              <a href={urlEscaneo(d.id)} target="_blank" rel="noopener noreferrer">
                {d.nombre}
              </a>{' '}
              <Typography.Text type="secondary">
                ({NOMBRE_TIPO[d.tipo]}, {tamano(d.bytes)})
              </Typography.Text>
              {d.descripcion !== null && <div className="detalle-movimiento">{d.descripcion}</div>}
            </li>
          ))}
        </ul>
      )}
      {adjuntar !== null && (
        <div style={{ marginTop: 4 }}>
          <Button
            size="small"
            aria-label={`Adjuntar documento a ${nombreActuacion(actuacion)}`}
            onClick={() => adjuntar(actuacion)}
          >
            Adjuntar documento
          </Button>
        </div>
      )}
    </>
  );
}

const columnasBase: TableColumnsType<Actuacion> = [
  { title: 'Fecha', key: 'fecha', width: 110, render: (_, a) => fecha(a.fecha) },
  {
    title: 'Estado',
    key: 'estado',
    width: 170,
    render: (_, a) => NOMBRE_ESTADO_JURIDICO[a.estado],
  },
  {
    title: 'Juzgado y expediente',
    key: 'juzgado',
    width: 220,
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
  { title: 'Nota', key: 'nota', width: 190, render: (_, a) => a.nota ?? SIN_DATO },
  {
    title: 'Registró',
    key: 'registro',
    width: 200,
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
 * The legal side of a credit: what the law firm did (actuaciones) with their documents, and for
 * an account turned over, the evidence pack to file and the lawyer's «Registrar actuación».
 */
export function JuridicoDeCredito({ credito }: { credito: Credito }) {
  const { rol } = useUsuarioActual();
  const consulta = ROLES_CUENTAS_JURIDICO.includes(rol);
  const actuaciones = useActuaciones(credito.id, consulta);
  const [dialogo, setDialogo] = useState<{ abierto: boolean } | null>(null);
  const [devolviendo, setDevolviendo] = useState<{ abierto: boolean } | null>(null);
  const [adjuntando, setAdjuntando] = useState<{ abierto: boolean; actuacion: Actuacion } | null>(
    null,
  );
  const devolver = useDevolverTurnado();
  const { message } = App.useApp();
  // Read only when there is an actuación to show them with (each read is logged).
  const escaneos = useEscaneos(credito.id, consulta && (actuaciones.data?.length ?? 0) > 0);
  if (!consulta) return null;

  const adjuntar = ROLES_ACTUAR.includes(rol)
    ? (actuacion: Actuacion) => setAdjuntando({ abierto: true, actuacion })
    : null;
  const columnas: TableColumnsType<Actuacion> = [
    ...columnasBase,
    {
      title: 'Documentos',
      key: 'documentos',
      width: 220,
      render: (_, a) => (
        <DocumentosDeActuacion actuacion={a} documentos={escaneos.data} adjuntar={adjuntar} />
      ),
    },
  ];

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
            scroll={{ x: 1110 }}
            locale={{ emptyText: 'El despacho aún no registra actuaciones.' }}
          />
        )}
        {escaneos.isError && (
          <Typography.Paragraph type="danger" style={{ margin: '8px 0 0' }}>
            No se pudieron cargar los documentos de las actuaciones.
          </Typography.Paragraph>
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
      {adjuntando !== null && (
        <DialogoAdjuntarArchivo
          creditoId={credito.id}
          titulo={`Adjuntar documento a ${nombreActuacion(adjuntando.actuacion)}`}
          textoAceptar="Adjuntar documento"
          nombre="adjuntar-documento-actuacion"
          etiquetaArchivo="Documento"
          exito={(archivo) =>
            `Documento «${archivo}» adjuntado a ${nombreActuacion(adjuntando.actuacion)}.`
          }
          actuacionId={adjuntando.actuacion.id}
          abierto={adjuntando.abierto}
          alCerrar={() => setAdjuntando({ abierto: false, actuacion: adjuntando.actuacion })}
          alTerminarCierre={() => setAdjuntando(null)}
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
