/** JSON with object keys sorted at every depth: the same content always gives the same text. */
export function jsonCanonico(valor: unknown): string {
  if (Array.isArray(valor)) return `[${valor.map(jsonCanonico).join(',')}]`;
  if (valor !== null && typeof valor === 'object') {
    const claves = Object.keys(valor).sort();
    const obj = valor as Record<string, unknown>;
    return `{${claves
      .filter((k) => obj[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${jsonCanonico(obj[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(valor);
}
