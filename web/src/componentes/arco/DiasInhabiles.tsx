import { Alert, App, Button, DatePicker, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { type DiaInhabil, useDiasInhabiles, useFijarDiasInhabiles } from '../../api/arco.ts';
import { mensajeDeError } from '../../api/cliente.ts';
import { fecha } from '../../formato.ts';
import { Cargando } from '../Cargando.tsx';
import { ErrorConReintento } from '../ErrorConReintento.tsx';

/**
 * The non-working days of a year, on which no ARCO term runs (weekends never count). The
 * administrador keeps them; changing them moves every open deadline over the days changed.
 */
export function DiasInhabiles({ anioActual, editable }: { anioActual: number; editable: boolean }) {
  const [anio, setAnio] = useState(anioActual);
  const consulta = useDiasInhabiles(anio);
  const fijar = useFijarDiasInhabiles();
  const { message } = App.useApp();
  const [dias, setDias] = useState<DiaInhabil[]>([]);
  const [nuevo, setNuevo] = useState<{ fecha: Dayjs | null; descripcion: string }>({
    fecha: null,
    descripcion: '',
  });
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setDias(consulta.data?.dias ?? []), [consulta.data]);

  const cambiado = JSON.stringify(dias) !== JSON.stringify(consulta.data?.dias ?? []);
  const agregar = () => {
    if (nuevo.fecha === null || nuevo.descripcion.trim() === '') {
      setError('Elige el día y escribe por qué es inhábil.');
      return;
    }
    const f = nuevo.fecha.format('YYYY-MM-DD');
    if (dias.some((d) => d.fecha === f)) {
      setError(`El ${fecha(f)} ya está en la lista.`);
      return;
    }
    setError(null);
    setDias(
      [...dias, { fecha: f, descripcion: nuevo.descripcion.trim() }].sort((a, b) =>
        a.fecha.localeCompare(b.fecha),
      ),
    );
    setNuevo({ fecha: null, descripcion: '' });
  };
  const guardar = () =>
    fijar.mutate(
      { anio, dias },
      {
        onSuccess: () => void message.success(`Días inhábiles de ${anio} guardados.`),
        onError: (e) => setError(mensajeDeError(e)),
      },
    );

  return (
    <>
      <p className="texto-secundario" style={{ marginTop: 0 }}>
        Además de sábados y domingos, no cuentan para los plazos de las solicitudes ARCO ni para las
        horas hábiles tras las que un recado sin atender pasa al coordinador.
      </p>
      <Space wrap style={{ marginBottom: 8 }}>
        <label htmlFor="anio-inhabiles">Año</label>
        <Select<number>
          id="anio-inhabiles"
          value={anio}
          onChange={setAnio}
          options={[anioActual - 1, anioActual, anioActual + 1].map((a) => ({
            value: a,
            label: String(a),
          }))}
          style={{ width: 100 }}
        />
      </Space>
      {consulta.isError ? (
        <ErrorConReintento error={consulta.error} reintentar={consulta.refetch} />
      ) : consulta.data === undefined ? (
        <Cargando texto="Cargando el calendario…" />
      ) : (
        <ul className="lista-recados" aria-label={`Días inhábiles de ${anio}`}>
          {dias.length === 0 && <li className="texto-secundario">Sin días inhábiles en {anio}.</li>}
          {dias.map((d) => (
            <li key={d.fecha} className="recado" style={{ padding: '4px 0' }}>
              <span className="cifra">{fecha(d.fecha)}</span> · {d.descripcion}
              {editable && (
                <Button
                  size="small"
                  type="link"
                  onClick={() => setDias(dias.filter((x) => x.fecha !== d.fecha))}
                  aria-label={`Quitar el ${fecha(d.fecha)}`}
                >
                  Quitar
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <>
          {error !== null && (
            <Alert type="error" showIcon title={error} style={{ margin: '8px 0' }} />
          )}
          <Space wrap style={{ marginTop: 8 }}>
            <DatePicker
              aria-label="Día inhábil"
              format="DD/MM/YYYY"
              placeholder="dd/mm/aaaa"
              value={nuevo.fecha}
              onChange={(f) => setNuevo({ ...nuevo, fecha: f })}
              disabledDate={(f) => f.year() !== anio}
            />
            <Input
              aria-label="Motivo del día inhábil"
              placeholder="P. ej., Jueves Santo"
              maxLength={120}
              value={nuevo.descripcion}
              onChange={(e) => setNuevo({ ...nuevo, descripcion: e.target.value })}
              style={{ width: 220 }}
            />
            <Button onClick={agregar}>Agregar día</Button>
            <Button type="primary" disabled={!cambiado} loading={fijar.isPending} onClick={guardar}>
              Guardar calendario
            </Button>
          </Space>
        </>
      )}
    </>
  );
}
