import { Button, Card, Typography } from 'antd';
import type { DefinicionDePlantilla } from '../../api/plantillas.ts';

/**
 * The variables a document's texts may use, each with what it prints. A click writes
 * `{{nombre}}` where the cursor was in the last text edited.
 */
export function ListaDeVariables({
  definicion,
  alElegir,
}: {
  definicion: DefinicionDePlantilla;
  alElegir: (nombre: string) => void;
}) {
  return (
    <Card size="small" title={<h2 className="titulo-tarjeta">Variables</h2>}>
      <Typography.Paragraph type="secondary">
        Toca una variable para insertarla donde está el cursor. Al imprimir se sustituye por su
        valor.
      </Typography.Paragraph>
      <ul aria-label="Variables disponibles" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {definicion.variables.map((v) => (
          <li key={v.nombre} style={{ marginBottom: 8 }}>
            <Button
              size="small"
              onClick={() => alElegir(v.nombre)}
              aria-label={`Insertar {{${v.nombre}}}: ${v.descripcion}`}
              style={{ maxWidth: '100%', whiteSpace: 'normal', height: 'auto', textAlign: 'left' }}
            >
              <code style={{ overflowWrap: 'anywhere' }}>{`{{${v.nombre}}}`}</code>
            </Button>
            <div style={{ fontSize: 12, color: 'rgba(0, 0, 0, 0.65)' }}>{v.descripcion}</div>
          </li>
        ))}
      </ul>
    </Card>
  );
}
