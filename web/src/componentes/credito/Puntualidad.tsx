import { Alert } from 'antd';
import type { Credito, EstadoDeCuenta } from '../../api/creditos.ts';
import { periodosConTasa, situacionDePuntualidad, textoTasaPropia } from './puntualidad.ts';

/**
 * R9 on the statement: whether the borrower pays the punctual rate at the cut-off, the credit's
 * own punctual rate if it has one, and the rate each period's interest was charged at (with,
 * when it was the ordinary one, the amortización that was owed the day the period began).
 */
export function Puntualidad({ credito, estado }: { credito: Credito; estado: EstadoDeCuenta }) {
  const situacion = situacionDePuntualidad(estado);
  if (situacion === null) return null;
  const propia = textoTasaPropia(credito.tasaPuntualDelCredito);
  const periodos = periodosConTasa(estado);
  return (
    <section aria-labelledby="titulo-puntualidad" className="puntualidad">
      <h3 id="titulo-puntualidad" className="titulo-puntualidad">
        Tasa por puntualidad
      </h3>
      <Alert
        type={situacion.startsWith('Paga puntual') ? 'success' : 'warning'}
        showIcon
        title={situacion}
        description={propia ?? undefined}
      />
      {periodos.length > 0 && (
        <ul aria-label="Tasa de cada periodo" className="lista-puntualidad">
          {periodos.map((p) => (
            <li key={p.etiqueta}>{`${p.etiqueta}: ${p.texto}`}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
