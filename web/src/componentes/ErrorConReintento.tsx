import { Alert, Button } from 'antd';
import type { CSSProperties } from 'react';
import { mensajeDeError } from '../api/cliente.ts';

/**
 * A list or panel that failed to load: what failed, the server's reason in Spanish, and a way
 * to try again without reloading the page (and losing what the person typed elsewhere).
 * Without `titulo`, the server's reason is the title (where the card already says what failed).
 */
export function ErrorConReintento({
  titulo,
  error,
  reintentar,
  style,
}: {
  titulo?: string;
  error: unknown;
  reintentar: () => unknown;
  style?: CSSProperties;
}) {
  return (
    <Alert
      type="error"
      showIcon
      style={style}
      title={titulo ?? mensajeDeError(error)}
      description={titulo === undefined ? undefined : mensajeDeError(error)}
      action={
        <Button size="small" onClick={() => void reintentar()}>
          Reintentar
        </Button>
      }
    />
  );
}
