import type { ReactNode } from 'react';

/**
 * A wide table that scrolls sideways on its own on a narrow screen (the page never does). It
 * takes the focus so that the keyboard can scroll it too (WCAG 2.1.1), and is a named region
 * so that a screen reader says what the focus landed on.
 */
export function Desplazable({
  etiqueta,
  anchoMinimo,
  children,
}: {
  etiqueta: string;
  /** Below this width (px) the content scrolls instead of squeezing. */
  anchoMinimo: number;
  children: ReactNode;
}) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard.
    <section className="desplazable" tabIndex={0} aria-label={etiqueta}>
      <div style={{ minWidth: anchoMinimo }}>{children}</div>
    </section>
  );
}
