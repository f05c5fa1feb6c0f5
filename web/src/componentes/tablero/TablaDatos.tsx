import type { ReactNode } from 'react';

export interface ColumnaDatos {
  titulo: string;
  /** Figures right-aligned, names left. */
  numerica?: boolean;
}

/**
 * The numbers behind a chart as a real table: a caption that names it, header cells with
 * scope, figures with tabular digits. It scrolls sideways on its own on a narrow screen.
 */
export function TablaDatos({
  titulo,
  columnas,
  filas,
  total,
}: {
  titulo: string;
  columnas: readonly ColumnaDatos[];
  /** The first cell of each row names it (a row header). */
  filas: ReadonlyArray<readonly ReactNode[]>;
  total?: readonly ReactNode[];
}) {
  const celda = (valor: ReactNode, j: number, esTotal: boolean) => {
    const c = columnas[j];
    if (j === 0) {
      return (
        <th key={j} scope="row">
          {valor}
        </th>
      );
    }
    return (
      <td key={j} className={c?.numerica ? 'cifra numerica' : undefined}>
        {esTotal ? <strong>{valor}</strong> : valor}
      </td>
    );
  };
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard.
    <section className="desplazable tabla-datos-marco" tabIndex={0} aria-label={titulo}>
      <table className="tabla-datos">
        <caption>{titulo}</caption>
        <thead>
          <tr>
            {columnas.map((c) => (
              <th key={c.titulo} scope="col" className={c.numerica ? 'numerica' : undefined}>
                {c.titulo}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {filas.map((f, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the rows are a fixed list drawn once.
            <tr key={i}>{f.map((v, j) => celda(v, j, false))}</tr>
          ))}
        </tbody>
        {total !== undefined && (
          <tfoot>
            <tr className="fila-total">{total.map((v, j) => celda(v, j, true))}</tr>
          </tfoot>
        )}
      </table>
    </section>
  );
}
