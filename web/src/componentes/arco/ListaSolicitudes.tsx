import { Button, Tag } from 'antd';
import { NOMBRE_DERECHO, type SolicitudArco } from '../../api/arco.ts';
import { fecha } from '../../formato.ts';
import { EtiquetaAlerta, EtiquetaEstadoArco, textoDelPlazo } from './etiquetas.tsx';

/** The requests, one per item: folio, right, state, titular, the deadline running. */
export function ListaSolicitudes({
  solicitudes,
  alAbrir,
}: {
  solicitudes: readonly SolicitudArco[];
  alAbrir: (id: number) => void;
}) {
  if (solicitudes.length === 0) {
    return <p className="texto-secundario">No hay solicitudes ARCO que mostrar.</p>;
  }
  return (
    <ul className="lista-recados" aria-label="Solicitudes ARCO">
      {solicitudes.map((s) => {
        const plazo = textoDelPlazo(s.plazos);
        return (
          <li key={s.id} className="recado">
            <div className="recado-encabezado">
              <strong>{s.folio}</strong>
              <Tag>{NOMBRE_DERECHO[s.derecho]}</Tag>
              <EtiquetaEstadoArco estado={s.estado} />
              <EtiquetaAlerta alerta={s.plazos.alerta} />
            </div>
            <p className="recado-mensaje">{s.titularNombre}</p>
            <p className="recado-detalle">
              Recibida el {fecha(s.recibida)} en {s.oficina.nombre}
              {plazo !== null && (
                <>
                  {' · '}
                  <strong>{plazo}</strong>
                </>
              )}
            </p>
            <Button
              size="small"
              onClick={() => alAbrir(s.id)}
              aria-label={`Abrir la solicitud ${s.folio}`}
            >
              Abrir
            </Button>
          </li>
        );
      })}
    </ul>
  );
}
