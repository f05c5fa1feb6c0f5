import { Button, Input, Typography } from 'antd';
import { useId, useState } from 'react';
import { urlFichaDePago, useReferencia } from '../../api/creditos.ts';
import { centavosDe, leerMonto, pesos } from '../../formato.ts';

/** The server's ceiling for a ficha's amount (src/http/rutas/referencias.ts). */
const MAXIMO_CENTAVOS = 100_000_000_00;

/** What was typed as the ficha's amount: none (today's saldo exigible), a valid one, or why not. */
function leerImporte(texto: string): { monto: string | null; error: string | null } {
  if (texto.trim() === '') return { monto: null, error: null };
  const monto = leerMonto(texto);
  if (monto === null) {
    return { monto: null, error: 'Escribe un monto en pesos, p. ej. 1,500.00.' };
  }
  const centavos = centavosDe(monto);
  if (centavos <= 0) return { monto: null, error: 'El monto debe ser mayor que cero.' };
  if (centavos > MAXIMO_CENTAVOS) {
    return { monto: null, error: `El monto no puede pasar de ${pesos(MAXIMO_CENTAVOS)}.` };
  }
  return { monto, error: null };
}

/**
 * How the debtor pays at the bank: the credit's deposit reference, ready to dictate or copy,
 * and the ficha de pago to print — for today's saldo exigible, or for the amount they choose.
 */
export function PagoPorDeposito({ creditoId }: { creditoId: number }) {
  const id = useId();
  const referencia = useReferencia(creditoId);
  const [texto, setTexto] = useState('');
  const { monto, error } = leerImporte(texto);

  return (
    <section aria-label="Pago por depósito" className="pago-deposito">
      <span className="referencia-deposito">
        Referencia de depósito:{' '}
        {referencia.isSuccess ? (
          <Typography.Text
            strong
            className="cifra"
            copyable={{ tooltips: ['Copiar la referencia', 'Referencia copiada'] }}
          >
            {referencia.data.referencia}
          </Typography.Text>
        ) : referencia.isError ? (
          <span className="texto-secundario">no se pudo consultar</span>
        ) : (
          <span className="texto-secundario">consultando…</span>
        )}
      </span>
      <span className="ficha-deposito">
        <label htmlFor={`${id}-monto`}>Monto de la ficha</label>
        <Input
          id={`${id}-monto`}
          value={texto}
          onChange={(e) => setTexto(e.target.value)}
          placeholder="Saldo exigible"
          inputMode="decimal"
          status={error === null ? undefined : 'error'}
          aria-invalid={error !== null}
          aria-describedby={`${id}-ayuda`}
          style={{ width: 150 }}
        />
        <Button href={urlFichaDePago(creditoId, monto)} download disabled={error !== null}>
          Ficha de pago (PDF)
        </Button>
      </span>
      <span
        id={`${id}-ayuda`}
        className={error === null ? 'ayuda-ficha' : 'ayuda-ficha con-error'}
        aria-live="polite"
      >
        {error ??
          (monto === null
            ? 'Sin monto, la ficha lleva el saldo exigible de hoy.'
            : `La ficha lleva ${pesos(centavosDe(monto))}.`)}
      </span>
    </section>
  );
}
