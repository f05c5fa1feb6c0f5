import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import { matchPath } from 'react-router-dom';
import { ROLES_AGENDA } from './api/agenda.ts';
import { ROLES_CATALOGO, ROLES_SIMULADOR } from './api/alternativas.ts';
import { ROLES_ARCO } from './api/arco.ts';
import { ROLES_ASIGNACION } from './api/asignacion.ts';
import { ROLES_ATENCION } from './api/atencion.ts';
import { ROLES_BITACORA } from './api/bitacora.ts';
import { ROLES_CAJA } from './api/caja.ts';
import { ROLES_COBERTURA } from './api/cobertura.ts';
import { ROLES_COLA } from './api/cola.ts';
import { ROLES_CONCILIACION } from './api/conciliacion.ts';
import { ROLES_CONFIGURACION_GESTION } from './api/configuracion-gestion.ts';
import { ROLES_CONVENIOS, ROLES_PENDIENTES } from './api/convenios.ts';
import { ROLES_CUSTODIA } from './api/expedientes.ts';
import { ROLES_IMPORTACION } from './api/importacion.ts';
import { ROLES_TABLERO } from './api/indicadores.ts';
import { ROLES_DATOS_DEL_INSTITUTO } from './api/instituto.ts';
import { ROLES_JURIDICO } from './api/juridico.ts';
import { ROLES_METAS } from './api/metas.ts';
import { ROLES_PLANTILLAS } from './api/plantillas.ts';
import { ROLES_RECADOS } from './api/recados.ts';
import { ROLES, type Rol } from './api/tipos.ts';
import { ROLES_TURNOS } from './api/turnos.ts';

/**
 * The sections of Recupera: each is a left-navigation entry and a route, visible to its roles.
 * A new module adds one entry here; nothing else lists routes or decides who sees a link.
 */
export interface Seccion {
  ruta: string;
  etiqueta: string;
  roles: readonly Rol[];
  pagina: LazyExoticComponent<ComponentType>;
  /** False for pages reached from another page (a credit), not from the left navigation. */
  enNavegacion?: false;
  /** For such a page, the navigation entry that stays marked while it is open. */
  dentroDe?: string;
}

export const SECCIONES: readonly Seccion[] = [
  {
    ruta: '/',
    etiqueta: 'Inicio',
    roles: ROLES,
    pagina: lazy(() => import('./paginas/Inicio.tsx').then((m) => ({ default: m.PaginaInicio }))),
  },
  {
    ruta: '/cola',
    etiqueta: 'Mi cartera hoy',
    roles: ROLES_COLA,
    pagina: lazy(() => import('./paginas/Cola.tsx').then((m) => ({ default: m.PaginaCola }))),
  },
  {
    ruta: '/agenda',
    etiqueta: 'Agenda',
    roles: ROLES_AGENDA,
    pagina: lazy(() => import('./paginas/Agenda.tsx').then((m) => ({ default: m.PaginaAgenda }))),
  },
  {
    ruta: '/recados',
    etiqueta: 'Recados',
    roles: ROLES_RECADOS,
    pagina: lazy(() => import('./paginas/Recados.tsx').then((m) => ({ default: m.PaginaRecados }))),
  },
  {
    ruta: '/turnos',
    etiqueta: 'Turnos',
    roles: ROLES_TURNOS,
    pagina: lazy(() => import('./paginas/Turnos.tsx').then((m) => ({ default: m.PaginaTurnos }))),
  },
  {
    ruta: '/cartera',
    etiqueta: 'Cartera',
    roles: ROLES,
    pagina: lazy(() => import('./paginas/Cartera.tsx').then((m) => ({ default: m.PaginaCartera }))),
  },
  {
    ruta: '/asignacion',
    etiqueta: 'Asignación',
    roles: ROLES_ASIGNACION,
    pagina: lazy(() =>
      import('./paginas/Asignacion.tsx').then((m) => ({ default: m.PaginaAsignacion })),
    ),
  },
  {
    ruta: '/cobertura',
    etiqueta: 'Cobertura',
    roles: ROLES_COBERTURA,
    pagina: lazy(() =>
      import('./paginas/Cobertura.tsx').then((m) => ({ default: m.PaginaCobertura })),
    ),
  },
  {
    ruta: '/tablero',
    etiqueta: 'Tablero',
    roles: ROLES_TABLERO,
    pagina: lazy(() => import('./paginas/Tablero.tsx').then((m) => ({ default: m.PaginaTablero }))),
  },
  {
    ruta: '/metas',
    etiqueta: 'Metas',
    roles: ROLES_METAS,
    pagina: lazy(() => import('./paginas/Metas.tsx').then((m) => ({ default: m.PaginaMetas }))),
  },
  {
    ruta: '/creditos/:id',
    etiqueta: 'Crédito',
    roles: ROLES,
    enNavegacion: false,
    dentroDe: '/cartera',
    pagina: lazy(() => import('./paginas/Credito.tsx').then((m) => ({ default: m.PaginaCredito }))),
  },
  {
    ruta: '/personas/:id',
    etiqueta: 'Ficha',
    roles: ROLES_ATENCION,
    enNavegacion: false,
    pagina: lazy(() => import('./paginas/Ficha.tsx').then((m) => ({ default: m.PaginaFicha }))),
  },
  {
    ruta: '/simulador',
    etiqueta: 'Simulador',
    roles: ROLES_SIMULADOR,
    enNavegacion: false,
    dentroDe: '/cartera',
    pagina: lazy(() =>
      import('./paginas/Simulador.tsx').then((m) => ({ default: m.PaginaSimulador })),
    ),
  },
  {
    ruta: '/convenios/pendientes',
    etiqueta: 'Convenios por autorizar',
    roles: ROLES_PENDIENTES,
    pagina: lazy(() =>
      import('./paginas/ConveniosPendientes.tsx').then((m) => ({
        default: m.PaginaConveniosPendientes,
      })),
    ),
  },
  {
    ruta: '/convenios/:id',
    etiqueta: 'Convenio',
    roles: ROLES_CONVENIOS,
    enNavegacion: false,
    dentroDe: '/cartera',
    pagina: lazy(() =>
      import('./paginas/Convenio.tsx').then((m) => ({ default: m.PaginaConvenio })),
    ),
  },
  {
    ruta: '/juridico',
    etiqueta: 'Jurídico',
    roles: ROLES_JURIDICO,
    pagina: lazy(() =>
      import('./paginas/Juridico.tsx').then((m) => ({ default: m.PaginaJuridico })),
    ),
  },
  {
    ruta: '/expedientes',
    etiqueta: 'Expedientes',
    roles: ROLES_CUSTODIA,
    pagina: lazy(() =>
      import('./paginas/Expedientes.tsx').then((m) => ({ default: m.PaginaExpedientes })),
    ),
  },
  {
    ruta: '/caja',
    etiqueta: 'Corte de caja',
    roles: ROLES_CAJA,
    pagina: lazy(() => import('./paginas/Caja.tsx').then((m) => ({ default: m.PaginaCaja }))),
  },
  {
    ruta: '/conciliacion',
    etiqueta: 'Conciliación',
    roles: ROLES_CONCILIACION,
    pagina: lazy(() =>
      import('./paginas/Conciliacion.tsx').then((m) => ({ default: m.PaginaConciliacion })),
    ),
  },
  {
    ruta: '/importacion',
    etiqueta: 'Importar cartera',
    roles: ROLES_IMPORTACION,
    pagina: lazy(() =>
      import('./paginas/Importacion.tsx').then((m) => ({ default: m.PaginaImportacion })),
    ),
  },
  {
    ruta: '/alternativas',
    etiqueta: 'Alternativas y campañas',
    roles: ROLES_CATALOGO,
    pagina: lazy(() =>
      import('./paginas/Alternativas.tsx').then((m) => ({ default: m.PaginaAlternativas })),
    ),
  },
  {
    ruta: '/gestion/configuracion',
    etiqueta: 'Configuración de gestión',
    roles: ROLES_CONFIGURACION_GESTION,
    pagina: lazy(() =>
      import('./paginas/ConfiguracionGestion.tsx').then((m) => ({
        default: m.PaginaConfiguracionGestion,
      })),
    ),
  },
  {
    ruta: '/instituto',
    etiqueta: 'Datos del instituto',
    roles: ROLES_DATOS_DEL_INSTITUTO,
    pagina: lazy(() =>
      import('./paginas/DatosDelInstituto.tsx').then((m) => ({
        default: m.PaginaDatosDelInstituto,
      })),
    ),
  },
  {
    ruta: '/plantillas',
    etiqueta: 'Plantillas de documentos',
    roles: ROLES_PLANTILLAS,
    pagina: lazy(() =>
      import('./paginas/Plantillas.tsx').then((m) => ({ default: m.PaginaPlantillas })),
    ),
  },
  {
    ruta: '/arco',
    etiqueta: 'Derechos ARCO',
    roles: ROLES_ARCO,
    pagina: lazy(() => import('./paginas/Arco.tsx').then((m) => ({ default: m.PaginaArco }))),
  },
  {
    ruta: '/usuarios',
    etiqueta: 'Usuarios',
    roles: ['administrador'],
    pagina: lazy(() =>
      import('./paginas/Usuarios.tsx').then((m) => ({ default: m.PaginaUsuarios })),
    ),
  },
  {
    ruta: '/bitacora',
    etiqueta: 'Bitácora',
    roles: ROLES_BITACORA,
    pagina: lazy(() =>
      import('./paginas/Bitacora.tsx').then((m) => ({ default: m.PaginaBitacora })),
    ),
  },
];

/** The left-navigation entries a role sees. */
export function seccionesDe(rol: Rol): Seccion[] {
  return SECCIONES.filter((s) => s.enNavegacion !== false && s.roles.includes(rol));
}

/** The navigation entry that contains the page at `ruta` (Cartera for a credit), if any. */
export function seccionQueContiene(ruta: string): string | undefined {
  // A navigation entry of its own (/convenios/pendientes) is not inside another (/convenios/:id).
  if (SECCIONES.some((s) => s.enNavegacion !== false && s.ruta === ruta)) return undefined;
  return SECCIONES.find((s) => s.dentroDe !== undefined && matchPath(s.ruta, ruta) !== null)
    ?.dentroDe;
}
