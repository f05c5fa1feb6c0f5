/** The three kinds of scan Recupera keeps (the `escaneos.tipo_mime` column admits these only). */
export type TipoDeEscaneo = 'application/pdf' | 'image/jpeg' | 'image/png';

/**
 * The first bytes of each kind ("magic numbers"): PDF 1.x–2.0 opens with `%PDF-`, a JPEG with
 * its SOI marker and the start of the next marker, a PNG with its 8-byte signature (RFC 2083
 * §12.12). The name and the Content-Type are what the sender says; these are what the file is.
 */
const FIRMAS: ReadonlyArray<{ tipo: TipoDeEscaneo; bytes: readonly number[] }> = [
  { tipo: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { tipo: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { tipo: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

/** How many bytes decide the kind: the longest signature. */
export const BYTES_DE_FIRMA = Math.max(...FIRMAS.map((f) => f.bytes.length));

/** The kind the bytes say, or null; `cabecera` may be shorter than BYTES_DE_FIRMA (a tiny file). */
export function tipoPorFirma(cabecera: Uint8Array): TipoDeEscaneo | null {
  const firma = FIRMAS.find(
    (f) => cabecera.length >= f.bytes.length && f.bytes.every((b, i) => cabecera[i] === b),
  );
  return firma?.tipo ?? null;
}
