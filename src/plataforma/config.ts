import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * Configuration comes only from environment variables, validated once at start. A bad value
 * stops the start with one Spanish line per variable, naming it: nobody should have to guess
 * which of their settings is wrong.
 */
export interface Config {
  puerto: number;
  /** Interface to listen on; `localhost` by default, `0.0.0.0` behind a load balancer. */
  host: string;
  /** Set: use that PostgreSQL; absent: start the embedded one (demo mode). */
  databaseUrl: string | null;
  /**
   * With DATABASE_URL: the owner's connection, which only migrates (docs/bitacora.md); absent,
   * DATABASE_URL migrates too and the app connects as the owner.
   */
  databaseUrlMigraciones: string | null;
  carpetaDatos: string;
  /** Absent: generated and kept under the data folder (see secretos.ts). */
  sessionSecret: string | null;
  zonaHoraria: string;
  /** `true` behind HTTPS: the session cookie gets `Secure`. */
  cookieSegura: boolean;
  /** Behind a load balancer: trust X-Forwarded-For for the client's IP (rate limits, bitácora). */
  confiarEnProxy: boolean;
  /** API requests per minute per client IP. A whole office may share one public IP. */
  limitePorMinuto: number;
  /** How many nightly backups are kept (docs/respaldos.md). */
  respaldos: { diarios: number; semanales: number; mensuales: number };
  /**
   * A payment this many days or fewer before a due date of a credit with a punctual rate keeps
   * what the date requires as a pago adelantado (src/modules/pagos/reparto-puntual.ts); 0: never.
   */
  diasPagoAnticipadoPuntual: number;
  /** The heap of the thread that imports an upload (src/plataforma/importar-en-hilo.ts). */
  memoriaImportacionMb: number;
}

function esZonaHorariaValida(zona: string): boolean {
  try {
    new Intl.DateTimeFormat('es-MX', { timeZone: zona });
    return true;
  } catch {
    return false;
  }
}

/** A count of backups to keep; `minimo` 1 for the daily ones, so tonight's is never deleted. */
const cantidadDeRespaldos = (minimo: number, porOmision: number) =>
  z
    .string()
    .regex(/^\d+$/, 'debe ser un número entero')
    .transform(Number)
    .refine((n) => n >= minimo && n <= 1000, `debe estar entre ${minimo} y 1000`)
    .default(porOmision);

const esquema = z.object({
  PORT: z
    .string()
    .regex(/^\d+$/, 'debe ser un número entero')
    .transform(Number)
    .refine((n) => n >= 1 && n <= 65535, 'debe estar entre 1 y 65535')
    .default(3000),
  HOST: z.string().min(1, 'no puede estar vacía').default('localhost'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'debe empezar con postgres:// o postgresql://')
    .optional(),
  DATABASE_URL_MIGRACIONES: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'debe empezar con postgres:// o postgresql://')
    .optional(),
  DATA_DIR: z.string().min(1, 'no puede estar vacía').default('./data'),
  SESSION_SECRET: z.string().min(32, 'debe tener al menos 32 caracteres').optional(),
  ZONA_HORARIA: z
    .string()
    .refine(esZonaHorariaValida, 'no es una zona horaria IANA válida (p. ej. America/Hermosillo)')
    .default('America/Hermosillo'),
  COOKIE_SEGURA: z.enum(['si', 'no'], { message: 'debe ser "si" o "no"' }).default('no'),
  CONFIAR_EN_PROXY: z.enum(['si', 'no'], { message: 'debe ser "si" o "no"' }).default('no'),
  LIMITE_POR_MINUTO: z
    .string()
    .regex(/^\d+$/, 'debe ser un número entero')
    .transform(Number)
    .refine((n) => n >= 60, 'debe ser al menos 60')
    .default(6000),
  RESPALDOS_DIARIOS: cantidadDeRespaldos(1, 7),
  RESPALDOS_SEMANALES: cantidadDeRespaldos(0, 4),
  RESPALDOS_MENSUALES: cantidadDeRespaldos(0, 12),
  // Default 10: DIAS_PAGO_ANTICIPADO_POR_OMISION in src/modules/pagos/reparto-puntual.ts.
  DIAS_PAGO_ANTICIPADO_PUNTUAL: z
    .string()
    .regex(/^\d+$/, 'debe ser un número entero de días (0 lo desactiva)')
    .transform(Number)
    .refine((n) => n <= 60, 'debe estar entre 0 y 60 días')
    .default(10),
  // Default 640: MEMORIA_IMPORTACION_MB in src/plataforma/importar-en-hilo.ts.
  MEMORIA_IMPORTACION_MB: z
    .string()
    .regex(/^\d+$/, 'debe ser un número entero de MB')
    .transform(Number)
    .refine((n) => n >= 128 && n <= 16_384, 'debe estar entre 128 y 16384 MB')
    .default(640),
});

export class ErrorDeConfiguracion extends Error {}

export function leerConfig(entorno: NodeJS.ProcessEnv = process.env): Config {
  const limpio = Object.fromEntries(
    Object.keys(esquema.shape).map((k) => [k, entorno[k] === '' ? undefined : entorno[k]]),
  );
  const r = esquema.safeParse(limpio);
  if (!r.success) {
    const lineas = r.error.issues.map((i) => `  - ${String(i.path[0])}: ${i.message}`);
    throw new ErrorDeConfiguracion(`Configuración inválida:\n${lineas.join('\n')}`);
  }
  const v = r.data;
  if (v.DATABASE_URL_MIGRACIONES && !v.DATABASE_URL) {
    throw new ErrorDeConfiguracion(
      'Configuración inválida:\n  - DATABASE_URL_MIGRACIONES: requiere DATABASE_URL (la conexión de la aplicación)',
    );
  }
  return {
    puerto: v.PORT,
    host: v.HOST,
    databaseUrl: v.DATABASE_URL ?? null,
    databaseUrlMigraciones: v.DATABASE_URL_MIGRACIONES ?? null,
    carpetaDatos: resolve(v.DATA_DIR),
    sessionSecret: v.SESSION_SECRET ?? null,
    zonaHoraria: v.ZONA_HORARIA,
    cookieSegura: v.COOKIE_SEGURA === 'si',
    confiarEnProxy: v.CONFIAR_EN_PROXY === 'si',
    limitePorMinuto: v.LIMITE_POR_MINUTO,
    respaldos: {
      diarios: v.RESPALDOS_DIARIOS,
      semanales: v.RESPALDOS_SEMANALES,
      mensuales: v.RESPALDOS_MENSUALES,
    },
    diasPagoAnticipadoPuntual: v.DIAS_PAGO_ANTICIPADO_PUNTUAL,
    memoriaImportacionMb: v.MEMORIA_IMPORTACION_MB,
  };
}
