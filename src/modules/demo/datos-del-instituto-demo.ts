import type { Db } from '../../db/conexion.ts';
import type { Contexto } from '../contexto.ts';
import {
  guardarDatosDelInstituto,
  type NuevosDatosDelInstituto,
} from '../instituto/guardar-datos-del-instituto.ts';
import { actorDemo } from './actor-demo.ts';

/**
 * The demo institute's data: fictitious (the accounts' CLABEs carry a valid control digit but
 * belong to nobody), complete, so that every demo document prints. A real installation has
 * none until its administrador captures them in Configuración › Datos del instituto.
 */
export const DATOS_DEL_INSTITUTO_DEMO: NuevosDatosDelInstituto = {
  razonSocial: 'Instituto de Becas y Crédito Educativo del Estado de Sonora',
  domicilio: 'Blvd. Kino 1000, Col. Pitic, C.P. 83150, Hermosillo, Sonora',
  telefono: '662 100 2000',
  correo: 'cobranza@becas-demo.example',
  cuentas: [
    {
      banco: 'Banorte',
      titular: 'Instituto de Becas y Crédito Educativo del Estado de Sonora',
      cuenta: '0123456789',
      clabe: '072760001234567893',
      convencionReferencia:
        'En ventanilla o en la app, anota en «Referencia» los 20 dígitos de la referencia de tu crédito, sin espacios.',
    },
    {
      banco: 'BBVA',
      titular: 'Instituto de Becas y Crédito Educativo del Estado de Sonora',
      cuenta: '0198765432',
      clabe: '012760009876543211',
      convencionReferencia:
        'En transferencias SPEI, escribe la referencia de tu crédito en «Concepto de pago»; en ventanilla, en «Referencia».',
    },
  ],
  firmantes: {
    convenio: { nombre: 'Lic. Mariana Soto Valenzuela', cargo: 'Coordinadora de Cobranza' },
    carta_finiquito: {
      nombre: 'C.P. Ricardo Félix Duarte',
      cargo: 'Jefe del Departamento de Cartera',
    },
  },
  leyendas: {
    convenio:
      'Este convenio se celebra conforme a las disposiciones de la CONDUSEF. Para aclaraciones, acude a cualquier oficina del instituto.',
    ficha_de_pago:
      'Conserva tu comprobante bancario: es la prueba de tu pago. El instituto nunca te pedirá depósitos a cuentas personales.',
    recibo: 'Este recibo no es válido si presenta tachaduras o enmendaduras.',
    estado_de_cuenta:
      'Si no estás de acuerdo con este estado de cuenta, tienes 90 días naturales para presentar tu aclaración en cualquier oficina del instituto.',
    carta_finiquito:
      'Esta constancia se expide a petición del interesado para los fines que le convengan.',
  },
};

/**
 * Saves the demo data as the demo administrador, once: if any version exists (the demo's or
 * the administrador's own), nothing is written. Returns whether it saved.
 */
export async function cargarDatosDelInstitutoDemo(trx: Db, ctx: Contexto): Promise<boolean> {
  const hay = await trx
    .selectFrom('datos_del_instituto')
    .select('version')
    .limit(1)
    .executeTakeFirst();
  if (hay !== undefined) return false;
  const admin = await actorDemo(trx, 'admin');
  if (admin === null) return false;
  await guardarDatosDelInstituto(trx, DATOS_DEL_INSTITUTO_DEMO, { ...ctx, actor: admin });
  return true;
}
