import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CuentaDelInstituto,
  DatosDelInstituto,
  DatosYVersiones,
  FirmanteDelInstituto,
  TipoDocumento,
} from '../../../src/contrato/instituto.ts';
import { solicitar } from './cliente.ts';
import type { Rol } from './tipos.ts';

/** The institute's data are the administrador's (issue 14): what every document prints of it. */
export const ROLES_DATOS_DEL_INSTITUTO: readonly Rol[] = ['administrador'];

// The wire's shapes are the server's contract (src/contrato/instituto.ts), imported type-only.
export type {
  CuentaDelInstituto,
  DatosDelInstituto,
  FirmanteDelInstituto,
  TipoDocumento,
  VersionDeDatos,
} from '../../../src/contrato/instituto.ts';

export const DOCUMENTOS: ReadonlyArray<{ tipo: TipoDocumento; nombre: string; firma: boolean }> = [
  { tipo: 'convenio', nombre: 'Convenio', firma: true },
  { tipo: 'pagare', nombre: 'Pagaré', firma: false },
  { tipo: 'carta_finiquito', nombre: 'Carta finiquito', firma: true },
  { tipo: 'recibo', nombre: 'Recibo de pago', firma: false },
  { tipo: 'ficha_de_pago', nombre: 'Ficha de pago', firma: false },
  { tipo: 'estado_de_cuenta', nombre: 'Estado de cuenta', firma: false },
];

export interface NuevosDatosDelInstituto {
  razonSocial: string;
  domicilio: string;
  telefono: string;
  correo: string;
  cuentas: CuentaDelInstituto[];
  firmantes: Partial<Record<TipoDocumento, FirmanteDelInstituto>>;
  leyendas: Partial<Record<TipoDocumento, string>>;
}

const CLAVE = ['instituto'] as const;

/** The version in force (null: never captured) and every version saved, newest first. */
export function useDatosDelInstituto() {
  return useQuery({
    queryKey: CLAVE,
    queryFn: ({ signal }) => solicitar<DatosYVersiones>('GET', '/api/instituto', { senal: signal }),
  });
}

/** Each save is a new version. */
export function useGuardarDatosDelInstituto() {
  const clienteConsultas = useQueryClient();
  return useMutation({
    mutationFn: (datos: NuevosDatosDelInstituto) =>
      solicitar<DatosDelInstituto>('PUT', '/api/instituto', { cuerpo: datos }),
    onSuccess: () => clienteConsultas.invalidateQueries({ queryKey: CLAVE }),
  });
}

const PESOS_CLABE = [3, 7, 1] as const;

/** The CLABE's control digit, checked as the server does, so a typo shows before saving. */
export function clabeValida(clabe: string): boolean {
  if (!/^\d{18}$/.test(clabe)) return false;
  let suma = 0;
  for (let i = 0; i < 17; i++) suma += (Number(clabe.charAt(i)) * (PESOS_CLABE[i % 3] ?? 0)) % 10;
  return (10 - (suma % 10)) % 10 === Number(clabe.charAt(17));
}
