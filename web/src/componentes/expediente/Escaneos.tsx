import { type Escaneo, type Expediente, urlEscaneo } from '../../api/expedientes.ts';
import { fechaHora } from '../../formato.ts';
import { DialogoAdjuntarArchivo, NOMBRE_TIPO, tamano } from './DialogoAdjuntarArchivo.tsx';

/** The scans of an expediente and its pagarés; each opens (a logged read) in a new tab. */
export function ListaEscaneos({
  expediente,
  escaneos,
}: {
  expediente: Expediente;
  escaneos: readonly Escaneo[];
}) {
  if (escaneos.length === 0) {
    return <p className="texto-secundario">El expediente no tiene escaneos.</p>;
  }
  const pagareDe = (ministracionId: number | null, actuacionId: number | null) => {
    // The lawyer's documents are listed with their actuación too.
    if (actuacionId !== null) return 'Documento de una actuación jurídica';
    if (ministracionId === null) return 'Expediente';
    const pieza = expediente.piezas.find((p) => p.ministracionId === ministracionId);
    return pieza?.pagare ? `Pagaré ${pieza.pagare.numero}` : 'Pagaré';
  };
  return (
    <ul
      aria-label="Escaneos del expediente"
      style={{ paddingInlineStart: 20, margin: 0, overflowWrap: 'anywhere' }}
    >
      {escaneos.map((e) => (
        <li key={e.id}>
          <a href={urlEscaneo(e.id)} target="_blank" rel="noopener noreferrer">
            {e.nombre}
          </a>{' '}
          <span className="texto-secundario">
            ({NOMBRE_TIPO[e.tipo]}, {tamano(e.bytes)})
          </span>
          <div className="detalle-movimiento">
            {pagareDe(e.ministracionId, e.actuacionId)}
            {e.descripcion === null ? '' : ` · ${e.descripcion}`} · subido por {e.subidoPor} el{' '}
            {fechaHora(e.subidoEn)}
          </div>
        </li>
      ))}
    </ul>
  );
}

/** Attaches one scan (PDF, JPG or PNG) to the expediente or to one of its pagarés. */
export function DialogoAdjuntarEscaneo({
  expediente,
  abierto,
  alCerrar,
  alTerminarCierre,
}: {
  expediente: Expediente;
  abierto: boolean;
  alCerrar: () => void;
  alTerminarCierre: () => void;
}) {
  const pagares = expediente.piezas.flatMap((p) =>
    p.pagare !== null && p.ministracionId !== null
      ? [{ ministracionId: p.ministracionId, etiqueta: `Pagaré ${p.pagare.numero}` }]
      : [],
  );
  return (
    <DialogoAdjuntarArchivo
      creditoId={expediente.creditoId}
      titulo="Adjuntar escaneo"
      textoAceptar="Adjuntar escaneo"
      nombre="adjuntar-escaneo"
      etiquetaArchivo="Archivo escaneado"
      exito={(archivo) => `Escaneo «${archivo}» adjuntado.`}
      pagares={pagares}
      abierto={abierto}
      alCerrar={alCerrar}
      alTerminarCierre={alTerminarCierre}
    />
  );
}
