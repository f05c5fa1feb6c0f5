import {
  Bar,
  BarChart,
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { NOMBRE_CANAL, type Recuperacion } from '../../api/indicadores.ts';
import {
  BUCKET_CORTO,
  COLORES,
  fecha,
  nombreBucket,
  pesosCompactos,
  pesosDe,
  pesosDeNumero,
  valorDe,
} from './formatos.ts';
import { TablaDatos } from './TablaDatos.tsx';
import { TarjetaGrafica } from './TarjetaGrafica.tsx';

export const ALTO_GRAFICA = 260;
const EJE = { fontSize: 11, fill: '#404040' };
const formatoTooltip = (v: unknown) => (typeof v === 'number' ? pesosDeNumero(v) : String(v));

/** The month's recovery day by day, accumulated, against the recovery goal when there is one. */
export function RecuperacionPorDia({
  sujeto,
  recuperacion,
  meta,
}: {
  sujeto: string;
  recuperacion: Recuperacion;
  /** The recovery goal in decimal pesos, if set. */
  meta: string | null;
}) {
  let acumulado = 0;
  const datos = recuperacion.porDia.map((d) => {
    acumulado = Math.round((acumulado + valorDe(d.monto)) * 100) / 100;
    return { dia: d.fecha.slice(8, 10), fecha: d.fecha, monto: d.monto, acumulado };
  });
  return (
    <TarjetaGrafica
      titulo="Recuperación por día"
      descripcion={`Línea de la recuperación neta acumulada de ${sujeto} en el mes, día por día${meta === null ? '' : `, con la meta de ${pesosDe(meta)}`}.`}
      vacia={datos.length === 0 ? 'El mes aún no tiene días con corte.' : null}
      grafica={(nombre) => (
        <ResponsiveContainer width="100%" height={ALTO_GRAFICA}>
          <LineChart
            data={datos}
            accessibilityLayer={false}
            role="img"
            aria-label={nombre}
            margin={{ top: 8, right: 12, bottom: 4, left: 0 }}
          >
            <CartesianGrid stroke="#e3e7eb" />
            <XAxis dataKey="dia" tick={EJE} minTickGap={8} />
            <YAxis tick={EJE} tickFormatter={pesosCompactos} width={64} />
            <Tooltip
              formatter={formatoTooltip}
              labelFormatter={(_, p) => fecha(String(p[0]?.payload?.fecha ?? ''))}
            />
            {meta !== null && (
              <ReferenceLine
                y={valorDe(meta)}
                stroke="#b42318"
                strokeDasharray="6 3"
                label={{ value: 'Meta', position: 'insideTopLeft', fill: '#b42318', fontSize: 11 }}
              />
            )}
            <Line
              type="linear"
              dataKey="acumulado"
              name="Acumulado"
              stroke={COLORES[0]}
              strokeWidth={2}
              dot={{ r: 2 }}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      )}
      tabla={
        <TablaDatos
          titulo={`Recuperación por día de ${sujeto}`}
          columnas={[
            { titulo: 'Fecha' },
            { titulo: 'Del día', numerica: true },
            { titulo: 'Acumulado', numerica: true },
          ]}
          filas={datos.map((d) => [fecha(d.fecha), pesosDe(d.monto), pesosDeNumero(d.acumulado)])}
          total={['Total del mes', pesosDe(recuperacion.neto), '']}
        />
      }
    />
  );
}

function BarrasDeMonto({
  datos,
  nombre,
}: {
  datos: Array<{ etiqueta: string; valor: number }>;
  nombre: string;
}) {
  return (
    <ResponsiveContainer width="100%" height={ALTO_GRAFICA}>
      <BarChart
        data={datos}
        accessibilityLayer={false}
        role="img"
        aria-label={nombre}
        margin={{ top: 8, right: 8, bottom: 4, left: 0 }}
      >
        <CartesianGrid stroke="#e3e7eb" vertical={false} />
        <XAxis
          dataKey="etiqueta"
          tick={EJE}
          interval={0}
          angle={-35}
          textAnchor="end"
          height={52}
        />
        <YAxis tick={EJE} tickFormatter={pesosCompactos} width={64} />
        <Tooltip formatter={formatoTooltip} />
        <ReferenceLine y={0} stroke="#8c8c8c" />
        <Bar dataKey="valor" name="Neto" fill={COLORES[0]} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}

/** Net recovery by the account's bucket on the payment's date. */
export function RecuperacionPorAntiguedad({
  sujeto,
  recuperacion,
}: {
  sujeto: string;
  recuperacion: Recuperacion;
}) {
  return (
    <TarjetaGrafica
      titulo="Recuperación por antigüedad"
      descripcion={`Barras de la recuperación neta de ${sujeto} según la antigüedad de la cuenta el día del pago.`}
      grafica={(nombre) => (
        <BarrasDeMonto
          nombre={nombre}
          datos={recuperacion.porBucket.map((b) => ({
            etiqueta: BUCKET_CORTO[b.bucket],
            valor: valorDe(b.monto),
          }))}
        />
      )}
      tabla={
        <TablaDatos
          titulo={`Recuperación por antigüedad de ${sujeto}`}
          columnas={[{ titulo: 'Antigüedad' }, { titulo: 'Recuperación neta', numerica: true }]}
          filas={recuperacion.porBucket.map((b) => [nombreBucket(b.bucket), pesosDe(b.monto)])}
          total={['Total', pesosDe(recuperacion.neto)]}
        />
      }
    />
  );
}

/** Net recovery by the channel the money came in through. */
export function RecuperacionPorCanal({
  sujeto,
  recuperacion,
}: {
  sujeto: string;
  recuperacion: Recuperacion;
}) {
  return (
    <TarjetaGrafica
      titulo="Recuperación por canal"
      descripcion={`Barras de la recuperación neta de ${sujeto} por canal de pago.`}
      grafica={(nombre) => (
        <BarrasDeMonto
          nombre={nombre}
          datos={recuperacion.porCanal.map((c) => ({
            etiqueta: NOMBRE_CANAL[c.canal],
            valor: valorDe(c.monto),
          }))}
        />
      )}
      tabla={
        <TablaDatos
          titulo={`Recuperación por canal de ${sujeto}`}
          columnas={[{ titulo: 'Canal' }, { titulo: 'Recuperación neta', numerica: true }]}
          filas={recuperacion.porCanal.map((c) => [NOMBRE_CANAL[c.canal], pesosDe(c.monto)])}
          total={['Total', pesosDe(recuperacion.neto)]}
        />
      }
    />
  );
}
