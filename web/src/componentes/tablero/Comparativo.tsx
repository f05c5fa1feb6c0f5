import { Table, type TableColumnsType } from 'antd';
import type { FilaIndicadores } from '../../api/indicadores.ts';
import { centavosDe } from '../../formato.ts';
import { Desplazable } from '../Desplazable.tsx';
import { pesosDe, textoEntero, textoPorcentaje } from './formatos.ts';

type Fila = FilaIndicadores & { clave: string };

/** Sorts nulls (no base, not visible) last whichever the direction. */
const porNumero =
  (valor: (f: Fila) => number | null) =>
  (a: Fila, b: Fila): number => {
    const x = valor(a);
    const y = valor(b);
    if (x === null) return y === null ? 0 : -1;
    if (y === null) return 1;
    return x - y;
  };

const numeroDe = (t: string | null | undefined) =>
  t === null || t === undefined ? null : Number(t);
const cifra = (t: string) => <span className="cifra">{t}</span>;

/**
 * Every gestor (or office) side by side, sortable by any figure, and the whole's own row
 * last: the office's counts are distinct accounts, not the sum of its gestores'.
 */
export function Comparativo({
  titulo,
  columnaNombre,
  filas,
  total,
}: {
  titulo: string;
  columnaNombre: string;
  filas: readonly FilaIndicadores[];
  total: FilaIndicadores;
}) {
  const hay = (familia: keyof FilaIndicadores) =>
    [total, ...filas].some((f) => f[familia] !== null);
  const columnas: TableColumnsType<Fila> = [
    {
      title: columnaNombre,
      key: 'nombre',
      sorter: (a, b) => a.sujeto.nombre.localeCompare(b.sujeto.nombre, 'es-MX'),
      render: (_, f) => f.sujeto.nombre,
    },
  ];
  if (hay('metas')) {
    columnas.push({
      title: 'Índice de cumplimiento',
      key: 'indice',
      align: 'right',
      sorter: porNumero((f) => numeroDe(f.metas?.indice)),
      render: (_, f) => cifra(f.metas === null ? '—' : textoPorcentaje(f.metas.indice)),
    });
  }
  if (hay('recuperacion')) {
    columnas.push({
      title: 'Recuperación neta',
      key: 'recuperacion',
      align: 'right',
      defaultSortOrder: hay('metas') ? undefined : 'descend',
      sorter: porNumero((f) => (f.recuperacion === null ? null : centavosDe(f.recuperacion.neto))),
      render: (_, f) => cifra(f.recuperacion === null ? '—' : pesosDe(f.recuperacion.neto)),
    });
  }
  if (hay('cobertura')) {
    columnas.push(
      {
        title: '% gestionado',
        key: 'gestionado',
        align: 'right',
        sorter: porNumero((f) => numeroDe(f.cobertura?.porcentajeGestionado)),
        render: (_, f) =>
          cifra(f.cobertura === null ? '—' : textoPorcentaje(f.cobertura.porcentajeGestionado)),
      },
      {
        title: '% con contacto efectivo',
        key: 'contacto',
        align: 'right',
        sorter: porNumero((f) => numeroDe(f.cobertura?.porcentajeContactoEfectivo)),
        render: (_, f) =>
          cifra(
            f.cobertura === null ? '—' : textoPorcentaje(f.cobertura.porcentajeContactoEfectivo),
          ),
      },
    );
  }
  if (hay('promesas')) {
    columnas.push({
      title: 'Promesas cumplidas',
      key: 'promesas',
      align: 'right',
      sorter: porNumero((f) => f.promesas?.cumplidas ?? null),
      render: (_, f) =>
        cifra(
          f.promesas === null
            ? '—'
            : `${textoEntero(f.promesas.cumplidas)} de ${textoEntero(f.promesas.hechas)}`,
        ),
    });
  }
  if (hay('convenios')) {
    columnas.push({
      title: 'Convenios firmados',
      key: 'convenios',
      align: 'right',
      sorter: porNumero((f) => f.convenios?.firmados ?? null),
      render: (_, f) => cifra(f.convenios === null ? '—' : textoEntero(f.convenios.firmados)),
    });
  }
  if (hay('turnos')) {
    columnas.push({
      title: 'Turnos atendidos',
      key: 'turnos',
      align: 'right',
      sorter: porNumero((f) => f.turnos?.atendidos ?? null),
      render: (_, f) => cifra(f.turnos === null ? '—' : textoEntero(f.turnos.atendidos)),
    });
  }
  const datos: Fila[] = filas.map((f) => ({ ...f, clave: `${f.sujeto.tipo}-${f.sujeto.id}` }));
  return (
    <Desplazable etiqueta={titulo} anchoMinimo={140 * columnas.length}>
      <Table<Fila>
        rowKey="clave"
        columns={columnas}
        dataSource={datos}
        pagination={false}
        size="small"
        showSorterTooltip={false}
        summary={() => (
          <Table.Summary.Row className="fila-total">
            {columnas.map((c, i) => {
              const render = c.render as
                | ((v: unknown, f: Fila, i: number) => React.ReactNode)
                | undefined;
              return (
                <Table.Summary.Cell key={String(c.key)} index={i} align={c.align}>
                  {i === 0
                    ? `Total ${total.sujeto.nombre}`
                    : render?.(null, { ...total, clave: 'total' }, 0)}
                </Table.Summary.Cell>
              );
            })}
          </Table.Summary.Row>
        )}
      />
    </Desplazable>
  );
}
