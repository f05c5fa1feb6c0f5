/** A person's full name as people read it: nombres, then both surnames (the second may be missing). */
export function nombreCompleto(p: {
  nombres: string;
  primer_apellido: string;
  segundo_apellido: string | null;
}): string {
  return [p.nombres, p.primer_apellido, p.segundo_apellido].filter(Boolean).join(' ');
}
