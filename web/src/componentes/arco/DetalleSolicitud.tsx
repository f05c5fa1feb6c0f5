import { Button, Card, Descriptions, type DescriptionsProps, Space, Tag } from 'antd';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router-dom';
import {
  type AccionArco,
  NOMBRE_DERECHO,
  NOMBRE_DOCUMENTO,
  NOMBRE_MEDIO_RECEPCION,
  type SolicitudConEventos,
  urlAccesoJson,
  urlAccesoPdf,
  useSolicitudArco,
} from '../../api/arco.ts';
import { fecha, fechaHora } from '../../formato.ts';
import { Cargando } from '../Cargando.tsx';
import { ErrorConReintento } from '../ErrorConReintento.tsx';
import { DialogoEventoArco } from './DialogoEventoArco.tsx';
import { EtiquetaAlerta, EtiquetaEstadoArco, textoDelPlazo } from './etiquetas.tsx';

const BOTON: Record<AccionArco, string> = {
  verificar: 'Verificar identidad',
  ampliar: 'Ampliar plazo',
  responder: 'Responder',
  ejecutar: 'Ejecutar',
  cerrar: 'Cerrar solicitud',
};

const VERBO: Record<string, string> = {
  registrar: 'Registró la solicitud',
  verificar: 'Verificó la identidad',
  ampliar: 'Amplió el plazo de respuesta',
  responder: 'Respondió',
  ejecutar: 'Ejecutó el derecho',
  cerrar: 'Cerró la solicitud',
};

function datos(s: SolicitudConEventos): DescriptionsProps['items'] {
  const tarde = (fuera: boolean) => (fuera ? ' (fuera de plazo)' : '');
  const items: NonNullable<DescriptionsProps['items']> = [];
  const fila = (label: string, children: ReactNode) => items.push({ key: label, label, children });
  fila('Derecho', NOMBRE_DERECHO[s.derecho]);
  fila(
    'Titular',
    s.persona !== null && !s.persona.bloqueada ? (
      <Link to={`/personas/${s.persona.id}`}>{s.titularNombre}</Link>
    ) : (
      `${s.titularNombre}${s.persona === null ? ' (sin datos en Recupera)' : ' (datos bloqueados)'}`
    ),
  );
  fila('Representante', s.representante ?? '—');
  fila('Oficina', s.oficina.nombre);
  fila(
    'Recibida',
    `${fecha(s.recibida)}, ${NOMBRE_MEDIO_RECEPCION[s.medioRecepcion].toLowerCase()}`,
  );
  fila('Notificar en', s.medioNotificacion);
  fila('Solicita', <span style={{ whiteSpace: 'pre-line' }}>{s.descripcion}</span>);
  fila(
    'Identidad',
    s.identidad === null
      ? 'Sin verificar'
      : `${NOMBRE_DOCUMENTO[s.identidad.documento]} ${s.identidad.numero}; verificó ${s.identidad.verificadaPor.nombre} el ${fechaHora(s.identidad.verificada)}`,
  );
  fila(
    'Plazo para responder',
    `${fecha(s.plazos.respuesta)}${s.ampliacion === null ? '' : ` (ampliado el ${fecha(s.ampliacion.fecha)}: ${s.ampliacion.motivo})`}`,
  );
  if (s.respuesta !== null) {
    fila(
      'Respuesta',
      `${s.respuesta.sentido === 'procedente' ? 'Procedente' : 'Improcedente'} el ${fecha(s.respuesta.fecha)}${tarde(s.respuesta.fueraDePlazo)}: ${s.respuesta.fundamento}`,
    );
  }
  if (s.plazos.ejecucion !== null) fila('Plazo para ejecutar', fecha(s.plazos.ejecucion));
  if (s.ejecucion !== null) {
    fila('Ejecutada', `${fecha(s.ejecucion.fecha)}${tarde(s.ejecucion.fueraDePlazo)}`);
  }
  if (s.cierre !== null) {
    fila(
      'Cerrada',
      `${fechaHora(s.cierre.instante)}${s.cierre.motivo === null ? '' : `: ${s.cierre.motivo}`}`,
    );
  }
  return items;
}

/** One request: its data, the deadline running, what can be done now, and its file. */
export function DetalleSolicitud({ id, alVolver }: { id: number; alVolver: () => void }) {
  const consulta = useSolicitudArco(id);
  const [accion, setAccion] = useState<{ accion: AccionArco; abierto: boolean } | null>(null);
  const s = consulta.data;
  const plazo = s === undefined ? null : textoDelPlazo(s.plazos);
  return (
    <Card
      size="small"
      className="tarjeta-envolvente"
      style={{ marginBottom: 16 }}
      title={<h2 className="titulo-tarjeta">Solicitud {s?.folio ?? ''}</h2>}
      extra={<Button onClick={alVolver}>Volver a la lista</Button>}
    >
      {consulta.isError ? (
        <ErrorConReintento error={consulta.error} reintentar={consulta.refetch} />
      ) : s === undefined ? (
        <Cargando texto="Cargando la solicitud…" />
      ) : (
        <>
          <Space wrap style={{ marginBottom: 8 }}>
            <EtiquetaEstadoArco estado={s.estado} />
            <EtiquetaAlerta alerta={s.plazos.alerta} />
            {plazo !== null && <strong>{plazo}</strong>}
          </Space>
          <Descriptions size="small" column={{ xs: 1, sm: 1, md: 2 }} items={datos(s)} />
          <Space wrap style={{ marginTop: 12 }}>
            {s.acciones.map((a) => (
              <Button
                key={a}
                type={a === 'cerrar' ? 'default' : 'primary'}
                onClick={() => setAccion({ accion: a, abierto: true })}
              >
                {BOTON[a]}
              </Button>
            ))}
            {s.accesoDisponible && (
              <>
                <Button href={urlAccesoPdf(s.id)} download>
                  Descargar datos (PDF)
                </Button>
                <Button href={urlAccesoJson(s.id)} download>
                  Descargar datos (JSON)
                </Button>
              </>
            )}
          </Space>
          <h3 className="subtitulo" style={{ marginTop: 16 }}>
            Expediente
          </h3>
          <ol
            aria-label={`Expediente de la solicitud ${s.folio}`}
            style={{ paddingInlineStart: 20 }}
          >
            {s.eventos.map((e) => (
              <li key={`${e.evento}-${e.instante}`}>
                {fechaHora(e.instante)} · {e.usuario?.nombre ?? 'Sistema'}:{' '}
                {VERBO[e.evento] ?? e.evento}
                {e.evento === 'responder' && e.estadoNuevo !== e.estadoAnterior && (
                  <Tag style={{ marginInlineStart: 8 }}>
                    {e.estadoNuevo === 'procedente' ? 'Procedente' : 'Improcedente'}
                  </Tag>
                )}
              </li>
            ))}
          </ol>
          {accion !== null && (
            <DialogoEventoArco
              key={accion.accion}
              solicitud={s}
              accion={accion.accion}
              abierto={accion.abierto}
              alCerrar={() => setAccion({ ...accion, abierto: false })}
              alTerminarCierre={() => setAccion(null)}
            />
          )}
        </>
      )}
    </Card>
  );
}
