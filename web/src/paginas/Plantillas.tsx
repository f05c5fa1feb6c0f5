import { Select, Typography } from 'antd';
import { useState } from 'react';
import { type TipoPlantilla, usePlantilla, useTiposDePlantilla } from '../api/plantillas.ts';
import { Cargando } from '../componentes/Cargando.tsx';
import { ErrorConReintento } from '../componentes/ErrorConReintento.tsx';
import { EditorDePlantilla } from '../componentes/plantillas/EditorDePlantilla.tsx';
import { useTituloDocumento } from '../titulo.ts';

/** The administrador edits what the documents say (docs/documentos.md «Plantillas»). */
export function PaginaPlantillas() {
  useTituloDocumento('Plantillas de documentos');
  const [tipo, setTipo] = useState<TipoPlantilla>('recibo');
  const tipos = useTiposDePlantilla();
  return (
    <>
      <Typography.Title level={1}>Plantillas de documentos</Typography.Title>
      <Typography.Paragraph type="secondary">
        Los textos del convenio, el pagaré, la carta finiquito, el recibo, la ficha de pago y el
        estado de cuenta. Las tablas y las cifras las genera Recupera; cada documento emitido
        recuerda la versión con que se imprimió y se reimprime igual.
      </Typography.Paragraph>
      <label htmlFor="documento-plantilla" style={{ display: 'block', marginBottom: 4 }}>
        Documento
      </label>
      <Select<TipoPlantilla>
        id="documento-plantilla"
        value={tipo}
        onChange={setTipo}
        style={{ width: '100%', maxWidth: 360, marginBottom: 16 }}
        loading={tipos.isPending}
        options={(tipos.data?.tipos ?? []).map((t) => ({
          value: t.tipo,
          label: `${t.nombre} (versión ${t.versionVigente})`,
        }))}
      />
      <Plantilla key={tipo} tipo={tipo} />
    </>
  );
}

function Plantilla({ tipo }: { tipo: TipoPlantilla }) {
  const consulta = usePlantilla(tipo);
  if (consulta.isPending) return <Cargando />;
  if (consulta.isError) {
    return <ErrorConReintento error={consulta.error} reintentar={() => void consulta.refetch()} />;
  }
  // Keyed by the version in force: after a save the editor starts from the new one.
  return <EditorDePlantilla key={consulta.data.versionVigente} datos={consulta.data} />;
}
