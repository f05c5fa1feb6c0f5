import { Tag, Typography } from 'antd';
import { type TipoEvento, useHistoria } from '../../api/gestiones.ts';
import { fechaHora } from '../../formato.ts';
import { Cargando } from '../Cargando.tsx';
import { ErrorConReintento } from '../ErrorConReintento.tsx';
import './gestion.css';

const NOMBRE_EVENTO: Record<TipoEvento, string> = {
  gestion: 'Gestión',
  pago: 'Pago',
  cancelacion: 'Cancelación',
  condonacion: 'Condonación',
  convenio: 'Convenio',
  turno: 'Turno',
  promesa: 'Promesa',
  recado: 'Recado',
};

/** Colours only repeat the word; white on each is at least 5.5:1. */
const COLOR_EVENTO: Partial<Record<TipoEvento, string>> = {
  pago: '#1e6b3a',
  cancelacion: '#b42318',
  promesa: '#0b4f6c',
  convenio: '#5b2a86',
  recado: '#a35200',
};

/**
 * The account's timeline, newest first: gestiones, payments and their reversals, convenios,
 * walk-ins, promises and recados, as the server words them.
 */
export function Historia({ creditoId }: { creditoId: number }) {
  const historia = useHistoria(creditoId);
  if (historia.isError) {
    return (
      <ErrorConReintento
        titulo="No se pudo cargar la historia de la cuenta."
        error={historia.error}
        reintentar={historia.refetch}
      />
    );
  }
  if (historia.data === undefined) return <Cargando texto="Cargando la historia…" />;
  if (historia.data.length === 0) {
    return (
      <Typography.Paragraph type="secondary">
        Todavía no hay gestiones, pagos ni convenios en esta cuenta.
      </Typography.Paragraph>
    );
  }
  return (
    <ol className="historia" aria-label="Historia de la cuenta" aria-busy={historia.isFetching}>
      {historia.data.map((e) => {
        const color = COLOR_EVENTO[e.tipo];
        return (
          <li key={`${e.tipo}-${e.id}`}>
            <span className="historia-cuando">{fechaHora(e.instante)}</span>
            <div>
              <div className="historia-titulo">
                {color === undefined ? (
                  <Tag>{NOMBRE_EVENTO[e.tipo]}</Tag>
                ) : (
                  <Tag color={color} variant="solid">
                    {NOMBRE_EVENTO[e.tipo]}
                  </Tag>
                )}
                {e.titulo}
              </div>
              {e.detalle !== null && e.detalle !== '' && (
                <p className="historia-detalle">{e.detalle}</p>
              )}
              {e.quien !== null && (
                <Typography.Text type="secondary" className="historia-quien">
                  Registró: {e.quien}
                </Typography.Text>
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
