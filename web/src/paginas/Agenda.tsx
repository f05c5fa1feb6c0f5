import { Button, Card, DatePicker, Segmented, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useSearchParams } from 'react-router-dom';
import { type EventoAgenda, NOMBRE_EVENTO_AGENDA, useAgenda } from '../api/agenda.ts';
import { useHoy, useUsuarioActual } from '../api/sesion.ts';
import { Cargando } from '../componentes/Cargando.tsx';
import { ErrorConReintento } from '../componentes/ErrorConReintento.tsx';
import { SelectorGestor } from '../componentes/gestion/SelectorGestor.tsx';
import '../componentes/gestion/gestion.css';
import { fecha } from '../formato.ts';
import { idDeRuta } from '../ruta.ts';
import { useTituloDocumento } from '../titulo.ts';

type Vista = 'dia' | 'semana';

const FORMATO_ISO = 'YYYY-MM-DD';
const FECHA_ISO = /^\d{4}-\d{2}-\d{2}$/;

const DIAS = ['domingo', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado'];

/** `2026-03-10` → `martes 10/03/2026`: the weekday from the calendar date, no time zone involved. */
export function diaConNombre(iso: string): string {
  const [anio = 0, mes = 1, dia = 1] = iso.split('-').map(Number);
  const semana = new Date(Date.UTC(anio, mes - 1, dia)).getUTCDay();
  return `${DIAS[semana] ?? ''} ${fecha(iso)}`;
}

/** Monday of the week of `d` (the institute's weeks start on Monday). */
function lunesDe(d: Dayjs): Dayjs {
  return d.subtract((d.day() + 6) % 7, 'day');
}

function rangoDe(vista: Vista, base: Dayjs): { desde: Dayjs; hasta: Dayjs } {
  if (vista === 'dia') return { desde: base, hasta: base };
  const lunes = lunesDe(base);
  return { desde: lunes, hasta: lunes.add(6, 'day') };
}

function Evento({ evento }: { evento: EventoAgenda }) {
  return (
    <li>
      <span className="agenda-hora">{evento.hora ?? 'Todo el día'}</span>
      <Tag>{NOMBRE_EVENTO_AGENDA[evento.tipo]}</Tag>
      {evento.creditoId !== null ? (
        <Link to={`/creditos/${evento.creditoId}`} className="enlace-credito">
          {evento.numero ?? `Crédito ${evento.creditoId}`}
        </Link>
      ) : (
        // A recado about no credit is answered from the recados.
        <Link to="/recados" className="enlace-credito">
          Ver recados
        </Link>
      )}
      {evento.acreditado !== null && <span>{evento.acreditado}</span>}
      <span className="agenda-descripcion">{evento.descripcion}</span>
    </li>
  );
}

function Dia({ dia, eventos }: { dia: string; eventos: EventoAgenda[] }) {
  const id = `agenda-${dia}`;
  return (
    <section className="agenda-dia" aria-labelledby={id}>
      <h3 id={id}>{diaConNombre(dia)}</h3>
      {eventos.length === 0 ? (
        <Typography.Text type="secondary">Sin pendientes.</Typography.Text>
      ) : (
        <ul className="agenda-eventos">
          {eventos.map((e) => (
            // An account may have two events of one type on a day (a call and a callback).
            <Evento
              key={`${e.tipo}-${e.creditoId ?? e.recadoId}-${e.hora ?? ''}-${e.descripcion}`}
              evento={e}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * The gestor's day or week: callbacks, visits, appointments, promise dates, convenio payments
 * due and recados, grouped by date; each opens its account. Date and view are in the address.
 */
export function PaginaAgenda() {
  useTituloDocumento('Agenda');
  const hoy = useHoy();
  const usuario = useUsuarioActual();
  const [parametros, setParametros] = useSearchParams();
  const vista: Vista = parametros.get('vista') === 'semana' ? 'semana' : 'dia';
  const pedida = parametros.get('fecha');
  const base = dayjs(pedida !== null && FECHA_ISO.test(pedida) ? pedida : hoy, FORMATO_ISO);
  const pedido =
    usuario.rol === 'coordinador' ? idDeRuta(parametros.get('gestorId') ?? undefined) : null;
  const gestorId = pedido === usuario.id ? null : pedido;

  const { desde, hasta } = rangoDe(vista, base);
  const agenda = useAgenda(desde.format(FORMATO_ISO), hasta.format(FORMATO_ISO), gestorId);

  const cambiar = (cambios: { vista?: Vista; fecha?: Dayjs; gestorId?: number | null }) => {
    const siguiente = new URLSearchParams(parametros);
    if (cambios.vista !== undefined) siguiente.set('vista', cambios.vista);
    if (cambios.fecha !== undefined) {
      const f = cambios.fecha.format(FORMATO_ISO);
      if (f === hoy) siguiente.delete('fecha');
      else siguiente.set('fecha', f);
    }
    if (cambios.gestorId !== undefined) {
      if (cambios.gestorId === null) siguiente.delete('gestorId');
      else siguiente.set('gestorId', String(cambios.gestorId));
    }
    setParametros(siguiente, { replace: true });
  };
  const paso = vista === 'dia' ? 1 : 7;

  const dias: string[] = [];
  for (let d = desde; !d.isAfter(hasta, 'day'); d = d.add(1, 'day')) {
    dias.push(d.format(FORMATO_ISO));
  }
  const porDia = new Map<string, EventoAgenda[]>(dias.map((d) => [d, []]));
  for (const e of agenda.data?.eventos ?? []) porDia.get(e.fecha)?.push(e);
  const titulo =
    vista === 'dia'
      ? `Agenda del ${diaConNombre(desde.format(FORMATO_ISO))}`
      : `Semana del ${fecha(desde.format(FORMATO_ISO))} al ${fecha(hasta.format(FORMATO_ISO))}`;

  return (
    <>
      <Typography.Title level={1}>Agenda</Typography.Title>
      <Typography.Paragraph type="secondary">
        {gestorId === null || agenda.data === undefined
          ? 'Tus llamadas, visitas, citas, promesas, pagos de convenio y recados.'
          : `Llamadas, visitas, citas, promesas, pagos de convenio y recados de ${agenda.data.gestor.nombre}.`}
      </Typography.Paragraph>
      <div className="cola-acciones">
        <Segmented<Vista>
          aria-label="Vista"
          value={vista}
          onChange={(v) => cambiar({ vista: v })}
          options={[
            { value: 'dia', label: 'Día' },
            { value: 'semana', label: 'Semana' },
          ]}
        />
        <SelectorGestor valor={gestorId} alCambiar={(id) => cambiar({ gestorId: id })} />
      </div>
      <nav className="agenda-navegacion" aria-label="Fechas de la agenda">
        <Button onClick={() => cambiar({ fecha: base.subtract(paso, 'day') })}>
          {vista === 'dia' ? 'Día anterior' : 'Semana anterior'}
        </Button>
        <Button onClick={() => cambiar({ fecha: dayjs(hoy, FORMATO_ISO) })}>Hoy</Button>
        <Button onClick={() => cambiar({ fecha: base.add(paso, 'day') })}>
          {vista === 'dia' ? 'Día siguiente' : 'Semana siguiente'}
        </Button>
        <label htmlFor="agenda-fecha" className="solo-lectores">
          Ir a la fecha
        </label>
        <DatePicker
          id="agenda-fecha"
          value={base}
          format="DD/MM/YYYY"
          allowClear={false}
          showNow={false}
          inputReadOnly={false}
          onChange={(d) => {
            if (d?.isValid()) cambiar({ fecha: d });
          }}
          style={{ width: 140 }}
        />
      </nav>
      <Card size="small" title={<h2 className="titulo-tarjeta">{titulo}</h2>}>
        {agenda.isError ? (
          <ErrorConReintento
            titulo="No se pudo cargar la agenda."
            error={agenda.error}
            reintentar={agenda.refetch}
          />
        ) : agenda.data === undefined ? (
          <Cargando texto="Cargando la agenda…" />
        ) : (
          <div aria-busy={agenda.isFetching}>
            {dias.map((d) => (
              <Dia key={d} dia={d} eventos={porDia.get(d) ?? []} />
            ))}
          </div>
        )}
      </Card>
    </>
  );
}
