import pg from 'pg';

/**
 * Two roles instead of the superuser (issue 13, item 6; docs/bitacora.md). The owner owns the
 * schema and only migrates; the app reads and writes rows and nothing else: it is not
 * superuser and owns no table, so it cannot `ALTER TABLE … DISABLE TRIGGER`, set
 * `session_replication_role`, or TRUNCATE; the bitácora it may only read, and append to
 * through `bitacora_entrada`.
 */
export const ROL_DUENIO = 'recupera_duenio';
export const ROL_APP = 'recupera_app';

export interface ClavesDeRoles {
  duenio: string;
  app: string;
}

/** The same server and database as `url`, as another role. */
export function conUsuario(url: string, usuario: string, contrasena: string): string {
  const u = new URL(url);
  u.username = encodeURIComponent(usuario);
  u.password = encodeURIComponent(contrasena);
  return u.toString();
}

const ATRIBUTOS = 'LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS';
/**
 * The owner must inherit: as the database's owner it creates in `public` through its implicit
 * membership in pg_database_owner (PostgreSQL 15 honours NOINHERIT there). The app inherits
 * nothing, so a role granted to it by mistake gives it no rights.
 */
const HERENCIA: Record<string, string> = { [ROL_DUENIO]: 'INHERIT', [ROL_APP]: 'NOINHERIT' };

async function asegurarRol(cliente: pg.Client, rol: string, contrasena: string): Promise<void> {
  const atributos = `${ATRIBUTOS} ${HERENCIA[rol] ?? 'NOINHERIT'}`;
  const nombre = cliente.escapeIdentifier(rol);
  const clave = cliente.escapeLiteral(contrasena);
  const existe = await cliente.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [rol]);
  if (existe.rowCount === 0) {
    try {
      await cliente.query(`CREATE ROLE ${nombre} ${atributos} PASSWORD ${clave}`);
      return;
    } catch (e) {
      // Another process created it in between: fall through and set it as it must be.
      if ((e as { code?: string }).code !== '42710') throw e;
    }
  }
  // Every start: the attributes as they must be, and the password DATA_DIR keeps (a restored
  // backup, a secretos.json from before the roles).
  await cliente.query(`ALTER ROLE ${nombre} WITH ${atributos} PASSWORD ${clave}`);
}

/**
 * What belonged to the superuser in the schemas Recupera uses (a database migrated before the
 * roles existed) passes to the owner: otherwise the owner could not migrate it, and a
 * SECURITY DEFINER function would run as the superuser. Extensions' own objects stay theirs.
 */
const TRASPASAR = `
DO $traspaso$
DECLARE
  duenio oid := (SELECT oid FROM pg_roles WHERE rolname = '${ROL_DUENIO}');
  r record;
BEGIN
  EXECUTE format('ALTER DATABASE %I OWNER TO ${ROL_DUENIO}', current_database());
  FOR r IN
    SELECT n.nspname FROM pg_namespace n
     WHERE n.nspname = 'trabajos' AND n.nspowner <> duenio
  LOOP
    EXECUTE format('ALTER SCHEMA %I OWNER TO ${ROL_DUENIO}', r.nspname);
  END LOOP;
  -- Tables, views and free-standing sequences; a column's sequence and the indexes follow
  -- their table.
  FOR r IN
    SELECT c.oid::regclass AS objeto FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname IN ('public', 'trabajos') AND c.relowner <> duenio
       AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
       AND NOT EXISTS (SELECT 1 FROM pg_depend d
                        WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                          AND (d.deptype = 'e' OR (c.relkind = 'S' AND d.deptype IN ('a', 'i'))))
  LOOP
    EXECUTE format('ALTER TABLE %s OWNER TO ${ROL_DUENIO}', r.objeto);
  END LOOP;
  FOR r IN
    SELECT p.oid::regprocedure AS objeto FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
     WHERE n.nspname IN ('public', 'trabajos') AND p.proowner <> duenio
       AND NOT EXISTS (SELECT 1 FROM pg_depend d
                        WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
  LOOP
    EXECUTE format('ALTER ROUTINE %s OWNER TO ${ROL_DUENIO}', r.objeto);
  END LOOP;
  FOR r IN
    SELECT t.oid::regtype AS objeto FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
     WHERE n.nspname IN ('public', 'trabajos') AND t.typowner <> duenio AND t.typtype IN ('e', 'd')
       AND NOT EXISTS (SELECT 1 FROM pg_depend d
                        WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')
  LOOP
    EXECUTE format('ALTER TYPE %s OWNER TO ${ROL_DUENIO}', r.objeto);
  END LOOP;
END
$traspaso$`;

/**
 * As the cluster's superuser, on Recupera's database: the owner and the app roles exist with
 * these passwords and attributes, and the database and its objects belong to the owner.
 * Idempotent: the embedded server runs it at every start.
 */
export async function prepararRoles(urlSuperusuario: string, claves: ClavesDeRoles): Promise<void> {
  const cliente = new pg.Client(urlSuperusuario);
  cliente.on('error', () => {});
  await cliente.connect();
  try {
    await asegurarRol(cliente, ROL_DUENIO, claves.duenio);
    await asegurarRol(cliente, ROL_APP, claves.app);
    await cliente.query(TRASPASAR);
  } finally {
    await cliente.end().catch(() => {});
  }
}

export interface RolConectado {
  usuario: string;
  superusuario: boolean;
  /** It owns the bitácora's table: it could disable its triggers. */
  duenioDeLaBitacora: boolean;
}

/** Who a connection is, to warn when the app runs with more than it needs. */
export async function describirRol(cliente: pg.Pool | pg.Client): Promise<RolConectado> {
  const { rows } = await cliente.query<RolConectado>(`
    SELECT current_user AS usuario,
           (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superusuario,
           coalesce((SELECT pg_has_role(current_user, c.relowner, 'USAGE')
                       FROM pg_class c WHERE c.oid = to_regclass('public.bitacora')), false)
             AS "duenioDeLaBitacora"`);
  const fila = rows[0];
  if (!fila) throw new Error('no se pudo saber con qué rol se conecta la aplicación');
  return fila;
}
