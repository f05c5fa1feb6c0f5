import { Button, Card } from 'antd';
import { type ReactNode, useId, useState } from 'react';

/**
 * A chart with its numbers: the drawing for the eye, and «Ver como tabla» for the same figures
 * as a real table (screen readers, keyboard, whoever wants the exact amounts). The drawing is
 * one image with a name that says where the numbers are.
 */
export function TarjetaGrafica({
  titulo,
  descripcion,
  grafica,
  tabla,
  vacia,
  textoBoton = 'Ver como tabla',
}: {
  titulo: string;
  /** What the chart shows, in a sentence: the image's accessible name. */
  descripcion: string;
  grafica: (nombre: string) => ReactNode;
  tabla: ReactNode;
  /** Nothing to draw: this text instead of the chart (the table still shows the zeros). */
  vacia?: string | null;
  textoBoton?: string;
}) {
  const id = useId();
  const [conTabla, setConTabla] = useState(false);
  return (
    <Card
      size="small"
      className="tarjeta-grafica"
      title={<h2 className="titulo-tarjeta">{titulo}</h2>}
    >
      {vacia ? (
        <p className="grafica-vacia">{vacia}</p>
      ) : (
        <figure className="grafica">
          {grafica(`${descripcion} Las cifras están en «Ver como tabla».`)}
        </figure>
      )}
      {/* Below the drawing, not in the card's header: on a phone the title keeps the width. */}
      <div className="alternar-tabla">
        <Button
          size="small"
          aria-expanded={conTabla}
          aria-controls={`${id}-tabla`}
          onClick={() => setConTabla(!conTabla)}
        >
          {conTabla ? 'Ocultar la tabla' : textoBoton}
        </Button>
      </div>
      <div id={`${id}-tabla`} hidden={!conTabla}>
        {conTabla && tabla}
      </div>
    </Card>
  );
}
