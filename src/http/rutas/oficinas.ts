import type { ContextoApp } from '../app.ts';

export function rutasOficinas({ app, deps }: ContextoApp): void {
  app.get('/api/oficinas', { config: { accion: 'oficinas.listar' } }, async () => ({
    oficinas: await deps.db.selectFrom('oficinas').select(['id', 'nombre']).orderBy('id').execute(),
  }));
}
