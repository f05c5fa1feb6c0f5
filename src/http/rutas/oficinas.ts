import type { ContextoApp } from '../app.ts';
import { enrutador } from '../ruta.ts';

export function rutasOficinas(contexto: ContextoApp): void {
  enrutador(contexto).get('/api/oficinas', { accion: 'oficinas.listar' }, async () => ({
    oficinas: await contexto.deps.db
      .selectFrom('oficinas')
      .select(['id', 'nombre'])
      .orderBy('id')
      .execute(),
  }));
}
