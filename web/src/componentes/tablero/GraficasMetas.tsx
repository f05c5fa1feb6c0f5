import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import {
  ITEMS_META,
  type ItemDeMeta,
  type ItemMeta,
  type MetasDelMes,
  NOMBRE_ITEM_META,
} from '../../api/indicadores.ts';
import { textoPeso } from '../metas/TextoItems.tsx';
import { COLORES, pesosDe, textoEntero, textoPorcentaje } from './formatos.ts';
import { ALTO_GRAFICA } from './GraficasRecuperacion.tsx';
import { TablaDatos } from './TablaDatos.tsx';
import { TarjetaGrafica } from './TarjetaGrafica.tsx';

const EJE = { fontSize: 11, fill: '#404040' };

/** A goal's or an achievement's figure: pesos for recovery, a count otherwise. */
export function cifraDeItem(item: ItemMeta, valor: string): string {
  return item === 'recuperacion' ? pesosDe(valor) : textoEntero(Number(valor));
}

const CORTO: Record<ItemMeta, string> = {
  recuperacion: 'Recuperación',
  contactosEfectivos: 'Contactos',
  convenios: 'Convenios',
  turnosAtendidos: 'Turnos',
};

/**
 * Each goal's achievement as a percentage of it, against the 100 % line: items in pesos and
 * in counts can share one axis only as percentages. The table has the goal and the figure.
 */
export function MetasContraLogro({ sujeto, metas }: { sujeto: string; metas: MetasDelMes }) {
  const items = ITEMS_META.flatMap((i) => {
    const x = metas.items[i];
    return x === undefined ? [] : [[i, x] as [ItemMeta, ItemDeMeta]];
  });
  const datos = items.map(([i, x]) => ({
    etiqueta: CORTO[i],
    valor: x.cumplimiento === null ? 0 : Number(x.cumplimiento),
    texto: textoPorcentaje(x.cumplimiento),
  }));
  return (
    <TarjetaGrafica
      titulo="Metas contra lo logrado"
      descripcion={`Barras del cumplimiento de cada meta de ${sujeto}, en porcentaje, con la línea del 100 %.`}
      vacia={
        metas.version === null || items.length === 0
          ? `No hay metas registradas para ${sujeto} en este mes.`
          : null
      }
      grafica={(nombre) => (
        <ResponsiveContainer width="100%" height={ALTO_GRAFICA}>
          <BarChart
            data={datos}
            accessibilityLayer={false}
            role="img"
            aria-label={nombre}
            margin={{ top: 20, right: 8, bottom: 4, left: 0 }}
          >
            <CartesianGrid stroke="#e3e7eb" vertical={false} />
            <XAxis dataKey="etiqueta" tick={EJE} interval={0} />
            <YAxis tick={EJE} tickFormatter={(v: number) => `${v} %`} width={52} />
            <Tooltip formatter={(_, __, p) => String(p.payload?.texto ?? '')} />
            <ReferenceLine y={100} stroke="#b42318" strokeDasharray="6 3" />
            <Bar dataKey="valor" name="Cumplimiento" fill={COLORES[0]} isAnimationActive={false}>
              <LabelList dataKey="texto" position="top" style={{ fontSize: 11, fill: '#262626' }} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      )}
      tabla={
        <TablaDatos
          titulo={`Metas de ${sujeto} y lo logrado`}
          columnas={[
            { titulo: 'Meta' },
            { titulo: 'Objetivo', numerica: true },
            { titulo: 'Logrado', numerica: true },
            { titulo: 'Peso', numerica: true },
            { titulo: 'Cumplimiento', numerica: true },
          ]}
          filas={items.map(([i, x]) => [
            NOMBRE_ITEM_META[i],
            cifraDeItem(i, x.meta),
            cifraDeItem(i, x.logrado),
            textoPeso(x.peso),
            textoPorcentaje(x.cumplimiento),
          ])}
          total={['Índice de cumplimiento', '', '', '', textoPorcentaje(metas.indice)]}
        />
      }
    />
  );
}

/** The weighted index of each gestor (or office) side by side. */
export function IndicePorSujeto({
  titulo,
  filas,
}: {
  titulo: string;
  filas: ReadonlyArray<{ nombre: string; indice: string | null }>;
}) {
  const datos = filas.map((f) => ({
    nombre: f.nombre,
    valor: f.indice === null ? 0 : Number(f.indice),
    texto: textoPorcentaje(f.indice),
  }));
  return (
    <TarjetaGrafica
      titulo={titulo}
      descripcion={`Barras del índice de cumplimiento de metas de cada uno, en porcentaje.`}
      grafica={(nombre) => (
        <ResponsiveContainer width="100%" height={Math.max(120, 44 * datos.length + 40)}>
          <BarChart
            data={datos}
            layout="vertical"
            accessibilityLayer={false}
            role="img"
            aria-label={nombre}
            margin={{ top: 4, right: 48, bottom: 4, left: 0 }}
          >
            <CartesianGrid stroke="#e3e7eb" horizontal={false} />
            <XAxis
              type="number"
              domain={[0, 100]}
              tick={EJE}
              tickFormatter={(v: number) => `${v} %`}
            />
            <YAxis type="category" dataKey="nombre" tick={EJE} width={110} />
            <Tooltip formatter={(_, __, p) => String(p.payload?.texto ?? '')} />
            <Bar dataKey="valor" name="Índice" fill={COLORES[0]} isAnimationActive={false}>
              <LabelList
                dataKey="texto"
                position="right"
                style={{ fontSize: 11, fill: '#262626' }}
              />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      )}
      tabla={
        <TablaDatos
          titulo={titulo}
          columnas={[{ titulo: 'Nombre' }, { titulo: 'Índice de cumplimiento', numerica: true }]}
          filas={filas.map((f) => [f.nombre, textoPorcentaje(f.indice)])}
        />
      }
    />
  );
}
