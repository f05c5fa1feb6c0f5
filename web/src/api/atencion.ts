import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { solicitar } from './cliente.ts';
import type { CreditoLigado, EstadoCredito, Situacion } from './creditos.ts';
import type { Rol } from './tipos.ts';

/** Who attends debtors at the counter: the search box and the ficha (the server's rule). */
export const ROLES_ATENCION: readonly Rol[] = [
  'gestor',
  'coordinador',
  'contabilidad',
  'administrador',
];

/** The people a gestor negotiates with (CONDUSEF): never beneficiaries or references. */
export type RolDeudor = 'acreditado' | 'aval';

export interface Hallazgo {
  personaId: number;
  nombre: string;
  roles: RolDeudor[];
  creditos: string[];
}

/** Fewer characters than this find nothing useful and would log a search per keystroke. */
export const MINIMO_BUSQUEDA = 3;

export function useBusqueda(texto: string) {
  const q = texto.trim();
  return useQuery({
    queryKey: ['buscar', q],
    queryFn: ({ signal }) =>
      solicitar<{ resultados: Hallazgo[] }>('GET', `/api/buscar?q=${encodeURIComponent(q)}`, {
        senal: signal,
      }),
    select: (r) => r.resultados,
    enabled: q.length >= MINIMO_BUSQUEDA,
    // The previous results stay listed while the next ones arrive: the list does not flicker.
    placeholderData: keepPreviousData,
    staleTime: 15_000,
  });
}

export type TipoTelefono = 'movil' | 'casa' | 'trabajo' | 'recados';

export interface CreditoEnFicha {
  id: number;
  numero: string;
  rol: RolDeudor;
  estado: EstadoCredito;
  oficina: string;
  situacion: Situacion;
  diasAtraso: number;
  saldoExigible: string;
  saldoParaLiquidar: string;
  pagosAdelantados: string;
  /** R9 today: "Paga puntual: 3%" or "Perdió la tasa puntual el … (debía la amortización N)". */
  puntualidad: string | null;
  /** The ordinary rate agreed in a reestructura; null if the product's applies. */
  tasaOrdinariaPactada: string | null;
  /** The credit this one restructured, and the one that restructured this one. */
  reestructuraDe: CreditoLigado | null;
  reestructuradoEn: CreditoLigado | null;
}

export type CanalMovimiento = 'banco' | 'caja' | 'nomina' | 'importacion' | 'reestructura';

/** CURP, RFC, phones and e-mails come masked; see `datos-personales.ts` for the whole value. */
export interface Ficha {
  persona: {
    id: number;
    nombre: string;
    curp: string | null;
    rfc: string | null;
    fechaNacimiento: string | null;
  };
  telefonos: Array<{
    id: number;
    numero: string;
    tipo: TipoTelefono;
    consentimiento: boolean;
    valido: boolean;
  }>;
  correos: Array<{ id: number; correo: string; consentimiento: boolean; valido: boolean }>;
  domicilios: Array<{
    id: number;
    texto: string;
    municipio: string;
    estado: string;
    vigente: boolean;
  }>;
  creditos: CreditoEnFicha[];
  ultimosPagos: Array<{
    id: number;
    creditoNumero: string;
    fecha: string;
    monto: string;
    canal: CanalMovimiento | null;
    cancelado: boolean;
  }>;
}

export function useFicha(personaId: number, habilitada = true) {
  return useQuery({
    queryKey: ['personas', personaId, 'ficha'],
    queryFn: ({ signal }) =>
      solicitar<Ficha>('GET', `/api/personas/${personaId}/ficha`, { senal: signal }),
    enabled: habilitada,
  });
}
