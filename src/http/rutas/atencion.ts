import { z } from 'zod';
import { ficha, paginaBusqueda } from '../../contrato/atencion.ts';
import { revelado } from '../../contrato/datos-personales.ts';
import { buscar } from '../../modules/atencion/buscar.ts';
import { consultarFicha } from '../../modules/atencion/consultar-ficha.ts';
import { revelarDatoPersonal } from '../../modules/atencion/revelar-dato-personal.ts';
import type { ContextoApp } from '../app.ts';
import { enrutador } from '../ruta.ts';
import { cadena, idEnRuta } from '../validacion.ts';

const consulta = z.strictObject({
  q: cadena().trim().min(1, 'escribe algo que buscar').max(100, 'admite a lo más 100 caracteres'),
  // «Ver más»: the next 20 (a search ranks at most a few hundred people; beyond, type more).
  pagina: z.coerce
    .number('debe ser un número de página')
    .int('debe ser un número de página entero')
    .min(1, 'debe ser 1 o más')
    .max(50, 'admite a lo más 50')
    .default(1),
});

const idDe = (que: string) =>
  z.number(`debe ser el número de registro del ${que}`).int().positive().max(2_147_483_647);
const revelacion = z.discriminatedUnion(
  'campo',
  [
    z.strictObject({ campo: z.literal('curp') }),
    z.strictObject({ campo: z.literal('rfc') }),
    z.strictObject({ campo: z.literal('telefono'), telefonoId: idDe('teléfono') }),
    z.strictObject({ campo: z.literal('correo'), correoId: idDe('correo') }),
  ],
  { error: 'debe ser curp, rfc, telefono o correo' },
);

export function rutasAtencion(contexto: ContextoApp): void {
  const rutas = enrutador(contexto);

  rutas.get(
    '/api/buscar',
    {
      accion: 'atencion.buscar',
      resumen: 'Busca personas por nombre, CURP, RFC, teléfono o número de crédito',
      query: consulta,
      respuesta: paginaBusqueda,
    },
    async ({ query: { q, pagina }, ctx, enTransaccion }) =>
      enTransaccion((trx) => buscar(trx, q, pagina, ctx)),
  );

  rutas.get(
    '/api/personas/:id/ficha',
    {
      accion: 'atencion.ficha',
      params: idEnRuta,
      resumen: 'La ficha de una persona: sus datos, contactos, créditos y últimos pagos',
      respuesta: ficha,
    },
    async ({ params: { id }, ctx, enTransaccion }) =>
      enTransaccion((trx) => consultarFicha(trx, id, ctx)),
  );

  // POST: a reveal is an act that leaves a bitácora row, not a cacheable read.
  rutas.post(
    '/api/personas/:id/revelar',
    {
      accion: 'personas.revelar',
      params: idEnRuta,
      body: revelacion,
      resumen: 'Muestra completo un dato personal enmascarado (queda en la bitácora)',
      respuesta: revelado,
    },
    async ({ params: { id }, body, ctx, enTransaccion }) =>
      enTransaccion((trx) => revelarDatoPersonal(trx, id, body, ctx)),
  );
}
