import { Alert, App, Button, Flex, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { mensajeDeError } from '../../api/cliente.ts';
import {
  type Expediente,
  type Pieza,
  ROLES_CUSTODIA,
  ROLES_ESCANEOS,
  useExpediente,
  useImprimirEtiquetas,
} from '../../api/expedientes.ts';
import { useUsuarioActual } from '../../api/sesion.ts';
import { fecha } from '../../formato.ts';
import { Cargando } from '../Cargando.tsx';
import { Desplazable } from '../Desplazable.tsx';
import { ErrorConReintento } from '../ErrorConReintento.tsx';
import { type AccionCustodia, DialogoCustodia, piezasPara } from './DialogoCustodia.tsx';
import { descargarArchivo } from './descargar.ts';
import { DialogoAdjuntarEscaneo, ListaEscaneos } from './Escaneos.tsx';
import {
  detallePagare,
  EtiquetaEstadoDocumental,
  EtiquetaPrescripcion,
  nombrePieza,
  UbicacionDePieza,
} from './textos.tsx';

const ACCIONES: readonly { accion: AccionCustodia; boton: string }[] = [
  { accion: 'prestamo', boton: 'Prestar' },
  { accion: 'devolucion', boton: 'Recibir' },
  { accion: 'traslado', boton: 'Trasladar' },
  { accion: 'ubicar', boton: 'Ubicar' },
];

const columnas: TableColumnsType<Pieza> = [
  {
    title: 'Pieza',
    key: 'pieza',
    width: 250,
    render: (_, p) => (
      <>
        <strong>{nombrePieza(p)}</strong>
        <div className="detalle-movimiento">Etiqueta {p.etiqueta}</div>
        {p.pagare !== null && <div className="detalle-movimiento">{detallePagare(p)}</div>}
      </>
    ),
  },
  {
    title: 'Estado documental',
    key: 'estado',
    width: 220,
    render: (_, p) =>
      p.estadoDocumental === null ? (
        '—'
      ) : (
        <>
          <EtiquetaEstadoDocumental estado={p.estadoDocumental} />
          {p.motivoEstado !== null && <div className="detalle-movimiento">{p.motivoEstado}</div>}
        </>
      ),
  },
  {
    title: 'Prescripción',
    key: 'prescripcion',
    width: 240,
    render: (_, p) =>
      p.prescripcion === null ? (
        '—'
      ) : (
        <>
          <div>
            {fecha(p.prescripcion.fecha)} <EtiquetaPrescripcion prescripcion={p.prescripcion} />
          </div>
          <div className="detalle-movimiento">{p.prescripcion.motivo}</div>
        </>
      ),
  },
  {
    title: 'Ubicación',
    key: 'ubicacion',
    render: (_, p) => <UbicacionDePieza ubicacion={p.ubicacion} />,
  },
];

/**
 * The credit's papers: the expediente and each pagaré with its documentary state, when it
 * prescribes and why, and where it is now; the custody moves and the labels sheet for the
 * office's staff; and the scans.
 */
export function ExpedienteDeCredito({ creditoId }: { creditoId: number }) {
  const expediente = useExpediente(creditoId);
  if (expediente.isError) {
    return (
      <ErrorConReintento
        titulo="No se pudo cargar el expediente."
        error={expediente.error}
        reintentar={expediente.refetch}
      />
    );
  }
  if (expediente.data === undefined) return <Cargando texto="Cargando el expediente…" />;
  return <Contenido expediente={expediente.data} />;
}

function Contenido({ expediente }: { expediente: Expediente }) {
  const usuario = useUsuarioActual();
  const { message } = App.useApp();
  const custodia = ROLES_CUSTODIA.includes(usuario.rol);
  // The dialog stays mounted while it animates closed; a new opening is a new key (and key).
  const [dialogo, setDialogo] = useState<{
    accion: AccionCustodia;
    abierto: boolean;
    vez: number;
  } | null>(null);
  const [adjuntando, setAdjuntando] = useState<{ abierto: boolean; vez: number } | null>(null);
  const imprimir = useImprimirEtiquetas();

  const alImprimir = () => {
    if (imprimir.isPending) return;
    imprimir.mutate([expediente.creditoId], {
      onSuccess: ({ datos, nombre }) =>
        descargarArchivo(datos, nombre ?? `etiquetas-${expediente.numero}.pdf`),
      onError: (error) => void message.error(mensajeDeError(error)),
    });
  };

  return (
    <>
      {expediente.turnado !== null && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`Turnado al despacho ${expediente.turnado.despacho.nombre} hasta el ${fecha(expediente.turnado.hasta)}.`}
        />
      )}
      <section aria-labelledby="titulo-piezas">
        <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 8 }}>
          <h2 className="titulo-tarjeta" id="titulo-piezas">
            Piezas del expediente ({expediente.piezas.length})
          </h2>
          {custodia && (
            <Flex gap={8} wrap>
              {ACCIONES.map(({ accion, boton }) => (
                <Button
                  key={accion}
                  disabled={piezasPara(accion, expediente.piezas).length === 0}
                  onClick={() =>
                    setDialogo({ accion, abierto: true, vez: (dialogo?.vez ?? 0) + 1 })
                  }
                >
                  {boton}
                </Button>
              ))}
              <Button onClick={alImprimir} loading={imprimir.isPending}>
                Imprimir etiquetas
              </Button>
            </Flex>
          )}
        </Flex>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          Oficina del expediente: {expediente.oficina.nombre}. Una pieza sin ubicación registrada
          está en el archivo de esa oficina.
        </Typography.Paragraph>
        <Desplazable etiqueta="Tabla de piezas" anchoMinimo={900}>
          <Table<Pieza>
            size="small"
            rowKey="etiqueta"
            columns={columnas}
            dataSource={expediente.piezas}
            pagination={false}
          />
        </Desplazable>
      </section>

      <section aria-labelledby="titulo-escaneos" style={{ marginTop: 24 }}>
        <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 8 }}>
          <h2 className="titulo-tarjeta" id="titulo-escaneos">
            Escaneos ({expediente.escaneos.length})
          </h2>
          {ROLES_ESCANEOS.includes(usuario.rol) && (
            <Button
              onClick={() => setAdjuntando({ abierto: true, vez: (adjuntando?.vez ?? 0) + 1 })}
            >
              Adjuntar escaneo
            </Button>
          )}
        </Flex>
        <ListaEscaneos expediente={expediente} escaneos={expediente.escaneos} />
      </section>

      {dialogo !== null && (
        <DialogoCustodia
          key={dialogo.vez}
          accion={dialogo.accion}
          expediente={expediente}
          abierto={dialogo.abierto}
          alCerrar={() => setDialogo({ ...dialogo, abierto: false })}
          alTerminarCierre={() => setDialogo(null)}
        />
      )}
      {adjuntando !== null && (
        <DialogoAdjuntarEscaneo
          key={adjuntando.vez}
          expediente={expediente}
          abierto={adjuntando.abierto}
          alCerrar={() => setAdjuntando({ ...adjuntando, abierto: false })}
          alTerminarCierre={() => setAdjuntando(null)}
        />
      )}
    </>
  );
}
