import { App, Button, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { mensajeDeError } from '../../api/cliente.ts';
import { revelarTelefonoDelRecado } from '../../api/datos-personales.ts';
import { type EstadoRecado, type Recado, useMarcarLeido } from '../../api/recados.ts';
import { fechaHora } from '../../formato.ts';
import { DatoEnmascarado } from '../DatoEnmascarado.tsx';
import { NOMBRE_ESTADO_RECADO } from './etiquetas.ts';

const COLOR_ESTADO: Record<EstadoRecado, string | undefined> = {
  nuevo: '#b42318',
  leido: '#0b4f6c',
  atendido: undefined,
};

function EtiquetaEstado({ estado }: { estado: EstadoRecado }) {
  const color = COLOR_ESTADO[estado];
  return color === undefined ? (
    <Tag>{NOMBRE_ESTADO_RECADO[estado]}</Tag>
  ) : (
    <Tag color={color} variant="solid">
      {NOMBRE_ESTADO_RECADO[estado]}
    </Tag>
  );
}

/** The recados, one per item: who called, what they want, for whom, and what can be done. */
export function ListaRecados({
  recados,
  usuarioId,
  puedeAtender,
  alAtender,
  vacio,
  etiqueta,
}: {
  recados: readonly Recado[];
  usuarioId: number;
  puedeAtender: boolean;
  alAtender: (r: Recado) => void;
  vacio: string;
  /** The list's accessible name. */
  etiqueta: string;
}) {
  const { message } = App.useApp();
  const marcar = useMarcarLeido();
  if (recados.length === 0) return <p className="texto-secundario">{vacio}</p>;
  return (
    <ul className="lista-recados" aria-label={etiqueta}>
      {recados.map((r) => (
        <li key={r.id} className="recado">
          <div className="recado-encabezado">
            <EtiquetaEstado estado={r.estado} />
            {r.escalado !== null && r.para.id !== usuarioId && (
              <Tag color="#a35200" variant="solid">
                Escalado
              </Tag>
            )}
            <strong>{r.llamanteNombre}</strong>
            {r.llamanteTelefono !== null && (
              <span>
                <span className="solo-lectores">Teléfono: </span>
                <DatoEnmascarado
                  className="cifra"
                  valor={r.llamanteTelefono}
                  etiqueta={`Mostrar teléfono completo de ${r.llamanteNombre}`}
                  revelar={() => revelarTelefonoDelRecado(r.id)}
                />
              </span>
            )}
          </div>
          <p className="recado-mensaje">{r.mensaje}</p>
          <p className="recado-detalle">
            {r.creditoId !== null && (
              <>
                Crédito{' '}
                <Link to={`/creditos/${r.creditoId}`} className="enlace-credito">
                  {r.numero ?? r.creditoId}
                </Link>
                {r.acreditado !== null && ` de ${r.acreditado}`}
                {' · '}
              </>
            )}
            Para {r.para.id === usuarioId ? 'ti' : r.para.nombre} · Lo tomó {r.tomadoPor.nombre} el{' '}
            {fechaHora(r.creado)}
            {r.volverALlamar !== null && (
              <>
                {' · '}
                <strong>Volver a llamar: {fechaHora(r.volverALlamar)}</strong>
              </>
            )}
            {r.atendido !== null && ` · Atendido el ${fechaHora(r.atendido)}`}
          </p>
          {r.estado !== 'atendido' && (
            <div className="recado-acciones">
              {r.estado === 'nuevo' && (
                <Button
                  size="small"
                  loading={marcar.isPending && marcar.variables === r.id}
                  onClick={() =>
                    marcar.mutate(r.id, {
                      onError: (error) => void message.error(mensajeDeError(error)),
                    })
                  }
                  aria-label={`Marcar leído el recado de ${r.llamanteNombre}`}
                >
                  Marcar leído
                </Button>
              )}
              {puedeAtender && (
                <Button
                  size="small"
                  type="primary"
                  onClick={() => alAtender(r)}
                  aria-label={`Atender el recado de ${r.llamanteNombre}`}
                >
                  Atender
                </Button>
              )}
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
