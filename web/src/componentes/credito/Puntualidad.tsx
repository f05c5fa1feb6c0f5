import { Alert } from 'antd';
import type { EstadoDeCuenta } from '../../api/creditos.ts';

/**
 * R9 on the statement: whether the borrower pays the punctual rate at the cut-off, the credit's
 * own punctual rate if it has one, and the rate each period's interest was charged at (with,
 * when it was the ordinary one, the amortización that was owed the day the period began). The
 * words come from the server, the same the PDF prints.
 */
export function Puntualidad({ estado }: { estado: EstadoDeCuenta }) {
  const textos = estado.puntualidad?.textos;
  if (textos === undefined) return null;
  return (
    <section aria-labelledby="titulo-puntualidad" className="puntualidad">
      <h3 id="titulo-puntualidad" className="titulo-puntualidad">
        Tasa por puntualidad
      </h3>
      <Alert
        type={textos.situacion.startsWith('Paga puntual') ? 'success' : 'warning'}
        showIcon
        title={textos.situacion}
        description={textos.tasaPropia ?? undefined}
      />
      {textos.periodos.length > 0 && (
        <ul aria-label="Tasa de cada periodo" className="lista-puntualidad">
          {textos.periodos.map((linea) => (
            <li key={linea}>{linea}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
