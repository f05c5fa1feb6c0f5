import { listaOficinas } from '../../contrato/sesion.ts';
import type { ContextoApp } from '../app.ts';
import { enrutador } from '../ruta.ts';

export function rutasOficinas(contexto: ContextoApp): void {
  enrutador(contexto).get(
    '/api/oficinas',
    { accion: 'oficinas.listar', resumen: 'Las oficinas del instituto', respuesta: listaOficinas },
    async () => ({
      oficinas: await contexto.deps.db
        .selectFrom('oficinas')
        .select(['id', 'nombre'])
        .orderBy('id')
        .execute(),
    }),
  );
}
