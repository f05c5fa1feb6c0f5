export function PaginaAlternativas() {
  return null;
}
