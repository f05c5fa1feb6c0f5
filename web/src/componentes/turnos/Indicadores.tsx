import { Table, type TableColumnsType } from 'antd';
import type { Indicador, IndicadoresTurnos } from '../../api/turnos.ts';

const VACIO: Indicador = {
  registrados: 0,
  atendidos: 0,
  abandonados: 0,
  pendientes: 0,
  tasaAtencion: 0,
  esperaPromedioMin: null,
  atencionPromedioMin: null,
};

/** `0.667` → `66.7 %` (es-MX, at most one decimal). */
export function tasa(fraccion: number): string {
  return `${(Math.round(fraccion * 1000) / 10).toLocaleString('es-MX', { maximumFractionDigits: 1 })} %`;
}

/** Average minutes, or a dash with its words for screen readers when nobody was attended yet. */
function minutos(valor: number | null) {
  if (valor === null) {
    return (
      <>
        <span aria-hidden="true">—</span>
        <span className="solo-lectores">Sin dato</span>
      </>
    );
  }
  return `${valor.toLocaleString('es-MX', { maximumFractionDigits: 1 })} min`;
}

/** The day's «attend every borrower who comes in», measured. */
export function IndicadoresDelDia({ indicadores }: { indicadores: IndicadoresTurnos }) {
  const dia = indicadores.porDia[0] ?? VACIO;
  return (
    <dl className="cifras-principales cifras-turnos">
      <div className="cifra-destacada">
        <dt>Tasa de atención</dt>
        <dd className="cifra">{tasa(dia.tasaAtencion)}</dd>
      </div>
      <div>
        <dt>Registrados</dt>
        <dd className="cifra">{dia.registrados}</dd>
      </div>
      <div>
        <dt>Atendidos</dt>
        <dd className="cifra">{dia.atendidos}</dd>
      </div>
      <div>
        <dt>Se retiraron</dt>
        <dd className="cifra">{dia.abandonados}</dd>
      </div>
      <div>
        <dt>Pendientes</dt>
        <dd className="cifra">{dia.pendientes}</dd>
      </div>
      <div>
        <dt>Espera promedio</dt>
        <dd className="cifra">{minutos(dia.esperaPromedioMin)}</dd>
      </div>
      <div>
        <dt>Atención promedio</dt>
        <dd className="cifra">{minutos(dia.atencionPromedioMin)}</dd>
      </div>
    </dl>
  );
}

type FilaGestor = IndicadoresTurnos['porGestor'][number];

const columnas: TableColumnsType<FilaGestor> = [
  { title: 'Gestor', dataIndex: 'gestor' },
  { title: 'Turnos tomados', dataIndex: 'registrados', align: 'right', width: 130 },
  { title: 'Atendidos', dataIndex: 'atendidos', align: 'right', width: 110 },
  { title: 'En atención', dataIndex: 'pendientes', align: 'right', width: 110 },
  {
    title: 'Tasa de atención',
    key: 'tasa',
    align: 'right',
    width: 140,
    render: (_, g) => <span className="cifra">{tasa(g.tasaAtencion)}</span>,
  },
  {
    title: 'Espera promedio',
    key: 'espera',
    align: 'right',
    width: 140,
    render: (_, g) => minutos(g.esperaPromedioMin),
  },
  {
    title: 'Atención promedio',
    key: 'atencion',
    align: 'right',
    width: 150,
    render: (_, g) => minutos(g.atencionPromedioMin),
  },
];

export function IndicadoresPorGestor({ indicadores }: { indicadores: IndicadoresTurnos }) {
  return (
    <Table<FilaGestor>
      rowKey="gestor"
      columns={columnas}
      dataSource={indicadores.porGestor}
      size="small"
      tableLayout="fixed"
      pagination={false}
      locale={{ emptyText: 'Nadie ha tomado turnos hoy.' }}
    />
  );
}
