import { Button, Card } from 'antd';
import type { EntradaDeVersion } from '../../api/plantillas.ts';
import { fechaHora } from '../../formato.ts';

/** Who saved each version and when, newest first; an older one can be loaded as a draft. */
export function VersionesDePlantilla({
  versiones,
  vigente,
  alCargar,
  cargando,
}: {
  versiones: EntradaDeVersion[];
  vigente: number;
  alCargar: (version: number) => void;
  cargando: number | null;
}) {
  return (
    <Card size="small" title={<h2 className="titulo-tarjeta">Versiones</h2>}>
      <ol
        aria-label="Versiones de la plantilla"
        style={{ listStyle: 'none', padding: 0, margin: 0 }}
      >
        {versiones.map((v) => (
          <li
            key={v.version}
            data-testid={`version-${v.version}`}
            style={{ marginBottom: 8, overflowWrap: 'anywhere' }}
          >
            <strong>
              Versión {v.version}
              {v.version === vigente && ' (vigente)'}
            </strong>
            <div>
              {v.guardadoPor ?? 'Texto original de Recupera'} · {fechaHora(v.guardadoEn)}
            </div>
            {v.version !== vigente && (
              <Button
                size="small"
                loading={cargando === v.version}
                onClick={() => alCargar(v.version)}
              >
                Cargar la versión {v.version} en el editor
              </Button>
            )}
          </li>
        ))}
      </ol>
    </Card>
  );
}
