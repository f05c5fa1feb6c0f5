/**
 * Control characters (Cc: NUL, escape…), format characters (Cf: zero-width spaces, left-to-right
 * and right-to-left marks and overrides, the BOM) and halves of a surrogate pair. PostgreSQL
 * refuses NUL in text; the others hide or reorder what a person reads (a name that displays
 * differently from what is stored, a "Trojan Source" reason).
 */
const INVISIBLES = /[\p{Cc}\p{Cf}\p{Cs}]/gu;
const RENGLONES = new Set(['\t', '\n', '\r']);

/** U+200D joins emoji into one (👨‍👩‍👧): there it is part of what is seen, not hidden. */
function uneEmojis(t: string, i: number): boolean {
  return (
    /\p{Extended_Pictographic}[\u{FE0F}\u{1F3FB}-\u{1F3FF}]?$/u.test(
      t.slice(Math.max(0, i - 4), i),
    ) && /^\p{Extended_Pictographic}/u.test(t.slice(i + 1, i + 3))
  );
}

/**
 * The first character a text may not carry, or `null`. With `renglones` (a reason, a note),
 * tab, line feed and carriage return are admitted.
 */
export function caracterNoAdmitido(t: string, renglones: boolean): string | null {
  for (const m of t.matchAll(INVISIBLES)) {
    const c = m[0];
    if (renglones && RENGLONES.has(c)) continue;
    if (c === '\u200d' && uneEmojis(t, m.index)) continue;
    return c;
  }
  return null;
}

/** Why `c` (from `caracterNoAdmitido`) is refused, as the end of "Campo «x»: …". */
export function motivoDeCaracter(c: string): string {
  if (RENGLONES.has(c)) return 'no admite saltos de línea ni tabuladores';
  const punto = (c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
  return `contiene un carácter invisible o de control (U+${punto}) que no se admite`;
}
