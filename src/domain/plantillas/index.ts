export * from './catalogo.ts';
export * from './lenguaje.ts';
export * from './por-omision.ts';
export * from './validar-textos.ts';
