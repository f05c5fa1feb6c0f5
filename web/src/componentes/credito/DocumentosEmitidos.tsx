import { Button, Table, type TableColumnsType, Typography } from 'antd';
import {
  type DocumentoEmitido,
  type TipoDocumentoEmitido,
  urlReimpresion,
  useDocumentosEmitidos,
} from '../../api/documentos-emitidos.ts';
import { fecha, fechaHora, pesosDe } from '../../formato.ts';
import { Cargando } from '../Cargando.tsx';
import { Desplazable } from '../Desplazable.tsx';
import { ErrorConReintento } from '../ErrorConReintento.tsx';

const NOMBRE: Record<TipoDocumentoEmitido, string> = {
  convenio: 'Convenio',
  carta_finiquito: 'Carta finiquito',
  recibo: 'Recibo de pago',
  ficha_de_pago: 'Ficha de pago',
  estado_de_cuenta: 'Estado de cuenta',
};

const texto = (v: string | number | null | undefined) =>
  v === null || v === undefined ? '' : String(v);

/** What the document was about, in the words of the screen that printed it. */
function asunto(d: DocumentoEmitido): string {
  const p = d.parametros;
  switch (d.tipo) {
    case 'recibo':
      return `Pago con folio ${texto(p.folio)}`;
    case 'estado_de_cuenta':
      return `Al ${fecha(texto(p.fecha))}`;
    case 'ficha_de_pago':
      return p.monto === null || p.monto === undefined
        ? `Del ${fecha(texto(p.fecha))}, sin monto`
        : `Del ${fecha(texto(p.fecha))}, por ${pesosDe(texto(p.monto))}`;
    case 'convenio':
      return `Convenio ${texto(p.convenio)}`;
    case 'carta_finiquito':
      return 'Liquidación del crédito';
  }
}

const columnas: TableColumnsType<DocumentoEmitido> = [
  { title: 'Documento', key: 'tipo', render: (_, d) => NOMBRE[d.tipo] },
  { title: 'Sobre', key: 'asunto', render: (_, d) => asunto(d) },
  {
    title: 'Emitido',
    key: 'emitido',
    render: (_, d) => `${fechaHora(d.emitidoEn)} · ${d.emitidoPor}`,
  },
  {
    title: 'Versiones',
    key: 'versiones',
    render: (_, d) =>
      `Plantilla v${d.plantillaVersion}${d.datosInstitutoVersion === null ? '' : ` · datos del instituto v${d.datosInstitutoVersion}`}`,
  },
  {
    title: 'Reimprimir',
    key: 'reimprimir',
    render: (_, d) =>
      d.retirado ? (
        <Typography.Text type="secondary">Retirado por una cancelación (ARCO)</Typography.Text>
      ) : (
        <Button
          size="small"
          href={urlReimpresion(d.id)}
          download
          aria-label={`Reimprimir ${NOMBRE[d.tipo].toLowerCase()}: ${asunto(d)}`}
        >
          Reimprimir
        </Button>
      ),
  },
];

/**
 * The documents printed for this credit, each reprintable with the very text it first had
 * (its template and datos del instituto versions are recorded): what a debtor was handed.
 */
export function DocumentosEmitidos({ creditoId }: { creditoId: number }) {
  const consulta = useDocumentosEmitidos(creditoId);
  if (consulta.isError) {
    return (
      <ErrorConReintento
        titulo="No se pudieron cargar los documentos emitidos."
        error={consulta.error}
        reintentar={consulta.refetch}
      />
    );
  }
  if (consulta.data === undefined) return <Cargando texto="Cargando los documentos emitidos…" />;
  return (
    <Desplazable etiqueta="Documentos emitidos" anchoMinimo={720}>
      <Table
        rowKey="id"
        size="small"
        columns={columnas}
        dataSource={consulta.data}
        pagination={{ pageSize: 12, hideOnSinglePage: true }}
        locale={{ emptyText: 'Todavía no se ha impreso ningún documento de este crédito.' }}
      />
    </Desplazable>
  );
}
