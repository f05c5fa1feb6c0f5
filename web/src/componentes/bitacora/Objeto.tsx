import { Link } from 'react-router-dom';

const SIN_DATO = (
  <>
    <span aria-hidden="true">—</span>
    <span className="solo-lectores">Sin objeto</span>
  </>
);

/** What a row is about: a link where Recupera has a page for it (a credit, a person). */
export function Objeto({ tipo, id }: { tipo: string | null; id: string | null }) {
  if (tipo === null && id === null) return SIN_DATO;
  const texto = `${tipo ?? 'objeto'} ${id ?? ''}`.trim();
  if (id !== null && /^\d+$/.test(id)) {
    if (tipo === 'credito') return <Link to={`/creditos/${id}`}>{`crédito ${id}`}</Link>;
    if (tipo === 'persona') return <Link to={`/personas/${id}`}>{`persona ${id}`}</Link>;
  }
  return <span style={{ overflowWrap: 'anywhere' }}>{texto}</span>;
}
