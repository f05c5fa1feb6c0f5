import { App, Button } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { mensajeDeError } from '../api/cliente.ts';
import type { Revelado } from '../api/datos-personales.ts';

/**
 * A datum the server sent masked (`HESJ47…R04`, `•••• 2847`) with a small «Mostrar» button
 * that asks for the whole value: a deliberate click, logged by the server, one datum at a
 * time. The whole value takes the masked one's place and the focus moves to it (the button is
 * gone); it is forgotten when the screen is left.
 */
export function DatoEnmascarado({
  valor,
  etiqueta,
  revelar,
  formato = (v) => v,
  className,
}: {
  /** As the server sent it, masked. */
  valor: string;
  /** The button's accessible name: «Mostrar CURP completa». */
  etiqueta: string;
  revelar: () => Promise<Revelado>;
  /** How to show the whole value (`662 214 2847`). */
  formato?: (completo: string) => string;
  className?: string;
}) {
  const { message } = App.useApp();
  const [completo, setCompleto] = useState<string | null>(null);
  const [pidiendo, setPidiendo] = useState(false);
  const texto = useRef<HTMLSpanElement>(null);

  useEffect(() => {
    if (completo !== null) texto.current?.focus();
  }, [completo]);

  const mostrar = () => {
    if (pidiendo) return;
    setPidiendo(true);
    revelar()
      .then((r) => setCompleto(r.valor))
      .catch((error: unknown) => void message.error(mensajeDeError(error)))
      .finally(() => setPidiendo(false));
  };

  return (
    <span className="dato-enmascarado">
      <span ref={texto} className={className} tabIndex={completo === null ? undefined : -1}>
        {completo === null ? valor : formato(completo)}
      </span>
      {completo === null && (
        <Button
          type="link"
          size="small"
          className="boton-mostrar"
          aria-label={etiqueta}
          loading={pidiendo}
          onClick={mostrar}
        >
          Mostrar
        </Button>
      )}
    </span>
  );
}
