import type { ColumnType, Generated } from 'kysely';
import type { Bucket } from '../domain/antiguedad.ts';
import type { EstadoCredito } from '../domain/estado-credito.ts';

/** Row types, snake_case as in PostgreSQL. Domain types live apart; mappers convert. */

type Instante = ColumnType<Date, Date | string, Date | string>;
type InstanteGenerado = ColumnType<Date, Date | string | undefined, Date | string>;

export type Rol = 'gestor' | 'coordinador' | 'contabilidad' | 'abogado_externo' | 'administrador';
export const ROLES: readonly Rol[] = [
  'gestor',
  'coordinador',
  'contabilidad',
  'abogado_externo',
  'administrador',
];

export interface OficinaFila {
  id: Generated<number>;
  clave: string;
  nombre: string;
}

export interface UsuarioFila {
  id: Generated<number>;
  usuario: string;
  nombre: string;
  rol: Rol;
  oficina_id: number | null;
  hash_contrasena: string;
  activo: Generated<boolean>;
  creado: InstanteGenerado;
  contrasena_cambiada: InstanteGenerado;
  /** The law firm of an `abogado_externo`. */
  despacho_id: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface SesionFila {
  /** SHA-256 of the cookie token: a stolen table does not yield usable sessions. */
  id_hash: string;
  usuario_id: number;
  csrf: string;
  creada: Instante;
  ultimo_uso: Instante;
  expira: Instante;
  ip: string | null;
  cerrada: Instante | null;
}

export interface IntentoLoginFila {
  id: Generated<number>;
  usuario: string;
  ip: string;
  instante: Instante;
  exitoso: boolean;
}

export interface BitacoraFila {
  id: number;
  instante: Instante;
  actor_id: number | null;
  actor_usuario: string | null;
  accion: string;
  objeto_tipo: string | null;
  objeto_id: string | null;
  ip: string | null;
  detalle: ColumnType<unknown, string, never>;
  hash_anterior: string;
  hash: string;
}

/** `YYYY-MM-DD`: pg returns `date` columns as text (src/db/conexion.ts). */
type FechaColumna = string;
/** Integer centavos in a bigint column. */
type CentavosColumna = number;

export interface DespachoFila {
  id: Generated<number>;
  nombre: string;
}

export interface PersonaFila {
  id: Generated<number>;
  nombres: string;
  primer_apellido: string;
  segundo_apellido: string | null;
  curp: string | null;
  rfc: string | null;
  fecha_nacimiento: FechaColumna | null;
  creada: InstanteGenerado;
}

export type TipoTelefono = 'movil' | 'casa' | 'trabajo' | 'recados';

export interface TelefonoFila {
  id: Generated<number>;
  persona_id: number;
  numero: string;
  tipo: TipoTelefono;
  consentimiento: Generated<boolean>;
  valido: Generated<boolean>;
}

export interface CorreoFila {
  id: Generated<number>;
  persona_id: number;
  correo: string;
  consentimiento: Generated<boolean>;
  valido: Generated<boolean>;
}

export interface DomicilioFila {
  id: Generated<number>;
  persona_id: number;
  calle: string;
  numero: string | null;
  colonia: string | null;
  codigo_postal: string | null;
  municipio: string;
  estado: Generated<string>;
  vigente: Generated<boolean>;
}

export interface ProductoFila {
  id: Generated<number>;
  clave: string;
  nombre: string;
}

export interface VersionProductoFila {
  id: Generated<number>;
  producto_id: number;
  vigente_desde: FechaColumna;
  /** numeric: pg returns it as a decimal string, which is how rates travel. */
  tasa_ordinaria_anual: string;
  tasa_moratoria_anual: string;
  base_dias: 360 | 365;
  prelacion: 'por_concepto' | 'por_amortizacion';
}

export type EstadoCreditoColumna = EstadoCredito;

export interface CreditoFila {
  id: Generated<number>;
  numero: string;
  version_producto_id: number;
  oficina_id: number;
  estado: Generated<EstadoCreditoColumna>;
  fecha_inicio_interes: FechaColumna;
  gestor_id: number | null;
  despacho_id: number | null;
  creado: InstanteGenerado;
}

export type RolEnCredito = 'acreditado' | 'aval' | 'beneficiario';

export interface ParticipanteCreditoFila {
  credito_id: number;
  persona_id: number;
  rol: RolEnCredito;
}

export interface MinistracionFila {
  id: Generated<number>;
  credito_id: number;
  numero: number;
  fecha: FechaColumna;
  monto_centavos: CentavosColumna;
  periodo_escolar: string;
  pagare_numero: string;
  pagare_vencimiento: FechaColumna;
}

export interface AmortizacionFila {
  credito_id: number;
  numero: number;
  fecha: FechaColumna;
  capital_centavos: CentavosColumna;
}

export type TipoMovimiento = 'pago' | 'condonacion' | 'cancelacion';
export type CanalPago = 'banco' | 'caja' | 'nomina' | 'importacion';

export interface MovimientoFila {
  id: Generated<number>;
  credito_id: number;
  tipo: TipoMovimiento;
  fecha: FechaColumna;
  monto_centavos: CentavosColumna | null;
  excedente: 'reducir_plazo' | 'adelantar' | null;
  concepto: 'moratorio' | 'interes' | 'capital' | null;
  cancela_id: number | null;
  canal: CanalPago | null;
  referencia: string | null;
  motivo: string | null;
  clave_externa: string | null;
  registrado_por: number | null;
  registrado: InstanteGenerado;
}

export interface PeriodoSinMoratorioFila {
  id: Generated<number>;
  credito_id: number;
  desde: FechaColumna;
  hasta: FechaColumna;
  motivo: string;
}

export interface AntiguedadSaldosFila {
  credito_id: number;
  fecha: FechaColumna;
  situacion: 'al_corriente' | 'vencido' | 'liquidado';
  dias_atraso: number;
  bucket: Bucket;
  capital_insoluto_centavos: CentavosColumna;
  saldo_exigible_centavos: CentavosColumna;
  saldo_para_liquidar_centavos: CentavosColumna;
  interes_moratorio_centavos: CentavosColumna;
  calculado: Instante;
}

export interface SolicitudIdempotenteFila {
  usuario_id: number;
  clave: string;
  ruta: string;
  huella: string;
  estado_http: number | null;
  respuesta: string | null;
  creada: Instante;
}

export interface CartaFiniquitoFila {
  folio: Generated<number>;
  credito_id: number;
  fecha: FechaColumna;
  total_pagado_centavos: CentavosColumna;
  emitida_por: number;
  emitida: Instante;
}

export interface BaseDeDatos {
  oficinas: OficinaFila;
  usuarios: UsuarioFila;
  sesiones: SesionFila;
  intentos_login: IntentoLoginFila;
  bitacora: BitacoraFila;
  despachos: DespachoFila;
  personas: PersonaFila;
  telefonos: TelefonoFila;
  correos: CorreoFila;
  domicilios: DomicilioFila;
  productos: ProductoFila;
  versiones_producto: VersionProductoFila;
  creditos: CreditoFila;
  participantes_credito: ParticipanteCreditoFila;
  ministraciones: MinistracionFila;
  amortizaciones: AmortizacionFila;
  movimientos: MovimientoFila;
  periodos_sin_moratorio: PeriodoSinMoratorioFila;
  antiguedad_saldos: AntiguedadSaldosFila;
  solicitudes_idempotentes: SolicitudIdempotenteFila;
  cartas_finiquito: CartaFiniquitoFila;
}
