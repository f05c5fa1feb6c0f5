import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { BUCKETS } from '../../api/creditos.ts';
import type { SaludDeCartera } from '../../api/indicadores.ts';
import { centavosDe, pesos } from '../../formato.ts';
import {
  BUCKET_CORTO,
  color,
  nombreBucket,
  pesosCompactos,
  pesosDe,
  pesosDeNumero,
  textoEntero,
  textoPorcentaje,
  valorDe,
} from './formatos.ts';
import { ALTO_GRAFICA } from './GraficasRecuperacion.tsx';
import { TablaDatos } from './TablaDatos.tsx';
import { TarjetaGrafica } from './TarjetaGrafica.tsx';

const EJE = { fontSize: 11, fill: '#404040' };

export interface CarteraDeSujeto {
  nombre: string;
  cartera: SaludDeCartera;
}

/**
 * The balance per bucket at the cut-off, stacked by gestor (or office): each bar is a bucket,
 * each colour whose share of it is. The table adds the accounts and the whole's own figures.
 */
export function CarteraPorAntiguedad({
  sujeto,
  total,
  partes,
}: {
  sujeto: string;
  total: SaludDeCartera;
  /** The gestores (or offices) that make it up; empty: a single bar per bucket. */
  partes: readonly CarteraDeSujeto[];
}) {
  const series = partes.length > 0 ? partes : [{ nombre: sujeto, cartera: total }];
  const datos = BUCKETS.map((b) => {
    const fila: Record<string, string | number> = { etiqueta: BUCKET_CORTO[b] };
    series.forEach((s, i) => {
      const x = s.cartera.porBucket.find((p) => p.bucket === b);
      fila[`s${i}`] = x === undefined ? 0 : valorDe(x.saldo);
    });
    return fila;
  });
  const deTotal = (b: (typeof BUCKETS)[number]) => total.porBucket.find((p) => p.bucket === b);
  const saldoTotal = total.porBucket.reduce((s, p) => s + centavosDe(p.saldo), 0);
  const cuentasTotal = total.porBucket.reduce((s, p) => s + p.cuentas, 0);
  return (
    <TarjetaGrafica
      titulo="Cartera por antigüedad"
      descripcion={`Barras apiladas del saldo de la cartera de ${sujeto} al corte por antigüedad${partes.length > 0 ? ', una capa por cada uno de los que la atienden' : ''}.`}
      grafica={(nombre) => (
        <ResponsiveContainer width="100%" height={ALTO_GRAFICA + 40}>
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
            <Tooltip formatter={(v) => (typeof v === 'number' ? pesosDeNumero(v) : String(v))} />
            {series.length > 1 && <Legend wrapperStyle={{ fontSize: 12 }} />}
            {series.map((s, i) => (
              <Bar
                key={s.nombre}
                dataKey={`s${i}`}
                name={s.nombre}
                stackId="saldo"
                fill={color(i)}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      )}
      tabla={
        <TablaDatos
          titulo={`Cartera por antigüedad de ${sujeto} al corte`}
          columnas={[
            { titulo: 'Antigüedad' },
            ...partes.map((p) => ({ titulo: `Saldo de ${p.nombre}`, numerica: true })),
            { titulo: 'Cuentas', numerica: true },
            { titulo: 'Saldo', numerica: true },
          ]}
          filas={BUCKETS.map((b) => [
            nombreBucket(b),
            ...partes.map((p) => {
              const x = p.cartera.porBucket.find((q) => q.bucket === b);
              return x === undefined ? '—' : pesosDe(x.saldo);
            }),
            textoEntero(deTotal(b)?.cuentas ?? 0),
            pesosDe(deTotal(b)?.saldo ?? '0.00'),
          ])}
          total={['Total', ...partes.map(() => ''), textoEntero(cuentasTotal), pesos(saldoTotal)]}
        />
      }
    />
  );
}

const DESTINOS = [...BUCKETS, 'liquidado'] as const;

/** Colour only hints the share of the row; the number is always written in the cell. */
function claseDeCalor(parte: number, todo: number): string {
  if (todo === 0 || parte === 0) return 'calor-0';
  const r = parte / todo;
  if (r < 0.1) return 'calor-1';
  if (r < 0.25) return 'calor-2';
  if (r < 0.5) return 'calor-3';
  return 'calor-4';
}

/**
 * The roll-rate matrix: accounts in each bucket at the previous month's end (rows) and where
 * they were at this cut-off (columns), shaded by the share of the row; with the rates.
 */
export function MatrizRodamiento({ sujeto, cartera }: { sujeto: string; cartera: SaludDeCartera }) {
  const celda = (de: string, a: string) =>
    cartera.matriz.find((m) => m.de === de && m.a === a) ?? { cuentas: 0, saldo: '0.00' };
  return (
    <TarjetaGrafica
      titulo="Rodamiento y cura"
      descripcion={`Matriz de rodamiento de ${sujeto}.`}
      textoBoton="Ver tasas y saldos"
      grafica={() => (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard.
        <section className="desplazable" tabIndex={0} aria-label="Matriz de rodamiento">
          <table className="tabla-datos matriz-rodamiento">
            <caption>
              Cuentas de {sujeto}: antigüedad al cierre del mes anterior (filas) y al corte
              (columnas). El color más oscuro indica una parte mayor de la fila.
            </caption>
            <thead>
              <tr>
                <th scope="col">De \ a</th>
                {DESTINOS.map((a) => (
                  <th key={a} scope="col" className="numerica">
                    <abbr title={nombreBucket(a)}>
                      {a === 'liquidado' ? 'Liq.' : BUCKET_CORTO[a]}
                    </abbr>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {cartera.rodamiento.map((r) => (
                <tr key={r.de}>
                  <th scope="row">{nombreBucket(r.de)}</th>
                  {DESTINOS.map((a) => {
                    const n = celda(r.de, a).cuentas;
                    return (
                      <td key={a} className={`cifra numerica ${claseDeCalor(n, r.cuentas)}`}>
                        {textoEntero(n)}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      tabla={
        <TablaDatos
          titulo={`Tasas de rodamiento y cura de ${sujeto}`}
          columnas={[
            { titulo: 'Desde' },
            { titulo: 'Cuentas', numerica: true },
            { titulo: 'Saldo', numerica: true },
            { titulo: 'Rodamiento (cuentas)', numerica: true },
            { titulo: 'Rodamiento (saldo)', numerica: true },
            { titulo: 'Cura (cuentas)', numerica: true },
            { titulo: 'Cura (saldo)', numerica: true },
          ]}
          filas={cartera.rodamiento.map((r) => [
            nombreBucket(r.de),
            textoEntero(r.cuentas),
            pesosDe(r.saldo),
            textoPorcentaje(r.rodamientoCuentas),
            textoPorcentaje(r.rodamientoSaldo),
            textoPorcentaje(r.curaCuentas),
            textoPorcentaje(r.curaSaldo),
          ])}
        />
      }
    />
  );
}
