import { sql } from 'kysely';
import type { Db } from '../../db/conexion.ts';
import { type CreditoNuevo, EscrituraDeCartera } from '../../db/escritura-cartera.ts';
import type { ContextoDeCambio } from '../contactos/anotar-cambio.ts';
import { aplicarContactos } from './aplicar-contactos.ts';
import type { ContactosPlaneados } from './planear-contactos.ts';
import type { Catalogos, PlanDeImportacion } from './planear-importacion.ts';
import type { ProductosValidados } from './validar-catalogos.ts';
import type { CreditoValidado } from './validar-creditos.ts';

async function escribirProductos(
  trx: Db,
  productos: ProductosValidados,
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const p of productos.nuevos) {
    await trx.insertInto('productos').values({ clave: p.clave, nombre: p.nombre }).execute();
  }
  const porClave = new Map(
    (await trx.selectFrom('productos').select(['id', 'clave']).execute()).map((p) => [
      p.clave,
      p.id,
    ]),
  );
  for (const v of productos.versionesNuevas) {
    const { id } = await trx
      .insertInto('versiones_producto')
      .values({
        producto_id: porClave.get(v.clave) ?? 0,
        vigente_desde: v.vigenteDesde,
        tasa_ordinaria_anual: v.tasaOrdinaria,
        tasa_moratoria_anual: v.tasaMoratoria,
        tasa_puntual_anual: v.tasaPuntual,
        base_dias: v.baseDias,
        prelacion: v.prelacion,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.set(`${v.clave}|${v.vigenteDesde}`, id);
  }
  return ids;
}

function creditoNuevo(
  validado: CreditoValidado,
  versiones: ReadonlyMap<string, number>,
): CreditoNuevo {
  const { fila, version } = validado;
  const participantes: Array<CreditoNuevo['participantes'][number]> = [
    { curp: fila.curpAcreditado, rol: 'acreditado' },
  ];
  if (fila.curpAval) participantes.push({ curp: fila.curpAval, rol: 'aval' });
  if (fila.curpBeneficiario)
    participantes.push({ curp: fila.curpBeneficiario, rol: 'beneficiario' });
  return {
    numero: fila.numero,
    versionProductoId: version.id ?? versiones.get(`${fila.producto}|${version.vigenteDesde}`) ?? 0,
    oficinaId: validado.oficinaId,
    estado: 'activo',
    fechaInicioInteres: fila.fechaInicioInteres,
    gestorId: validado.gestorId,
    despachoId: null,
    tasaPuntual:
      fila.tasaPuntual === null
        ? null
        : { tasa: fila.tasaPuntual, motivo: fila.tasaPuntualMotivo ?? '', evidencia: null },
    participantes,
    ministraciones: validado.ministraciones,
    amortizaciones: validado.amortizaciones,
    // Written with the movements sheet (EscrituraDeImportacion.movimientos).
    movimientos: [],
    periodosSinMoratorio: validado.periodos,
  };
}

/**
 * The import's writes, in order (products and people, credits, movements), each queued as soon
 * as its part of the workbook is valid: the database writes one part while the import reads
 * the next sheets. They run inside the import's savepoint; a fault found later undoes them.
 */
export class EscrituraDeImportacion {
  private cadena: Promise<void> = Promise.resolve();
  private escritura: EscrituraDeCartera | null = null;
  private versiones = new Map<string, number>();
  private fallo: { error: unknown } | null = null;
  /** Numbers of the new credits the workbook assigns to a gestor. */
  private asignados: string[] = [];
  /** Contacts of people already registered: added or superseded, with history, at the end. */
  private contactos: ContactosPlaneados['cambios'] | null = null;

  constructor(
    private readonly trx: Db,
    private readonly instante: Date,
    /** Who imports: the assignments' `asignado_por`. */
    private readonly actorId: number | null,
  ) {}

  private encolar(trabajo: (e: EscrituraDeCartera) => Promise<void>): void {
    this.cadena = this.cadena.then(async () => {
      this.escritura ??= await EscrituraDeCartera.abrir(this.trx, this.instante);
      await trabajo(this.escritura);
    });
    // Kept to be rethrown by `comprobar` and `terminar`: a rejection nobody awaits yet must not
    // count as unhandled.
    this.cadena.catch((error: unknown) => {
      this.fallo ??= { error };
    });
  }

  /** Products and people: new people with their contacts; registered ones' contacts wait. */
  catalogos({ productos }: Catalogos, contactos: ContactosPlaneados): void {
    this.contactos = contactos.cambios;
    this.encolar(async (e) => {
      this.versiones = await escribirProductos(this.trx, productos);
      await e.personas(contactos.personas);
    });
  }

  creditos(nuevos: readonly CreditoValidado[]): void {
    for (const c of nuevos) if (c.gestorId !== null) this.asignados.push(c.fila.numero);
    this.encolar((e) => e.creditos(nuevos.map((c) => creditoNuevo(c, this.versiones))));
  }

  movimientos(plan: PlanDeImportacion): void {
    this.encolar((e) =>
      e.movimientos([
        ...plan.creditos.map((c) => ({
          credito: c.validado.fila.numero,
          movimientos: c.movimientos,
        })),
        ...plan.anexos.map((a) => ({ credito: a.creditoId, movimientos: a.movimientos })),
      ]),
    );
  }

  /** Settles when the writes queued so far have ended, however they ended. */
  hastaAhora(): Promise<void> {
    return this.cadena.catch(() => {});
  }

  /** A write failed: the transaction is aborted, nothing else can run in it. */
  comprobar(): void {
    if (this.fallo) throw this.fallo.error;
  }

  /**
   * Waits for every write; a failure is the import's failure. `motivo` and `ctx` are the
   * reason and the author of the contact changes' history.
   */
  async terminar(motivo: string, ctx: ContextoDeCambio): Promise<void> {
    await this.cadena;
    const resumen = await this.escritura?.cerrar();
    // creditos.gestor_id and the assignment history change together (docs/gestion.md). After
    // the bulk writer has closed: these rows are checked as usual.
    const ids = this.asignados.flatMap((n) => resumen?.idsCreditos.get(n) ?? []);
    if (ids.length > 0) {
      await sql`
        INSERT INTO asignaciones (credito_id, gestor_id, desde, asignado_por, motivo)
        SELECT id, gestor_id, ${this.instante}, ${this.actorId}, 'Importación'
          FROM creditos WHERE id = ANY(${ids}::int4[]) AND gestor_id IS NOT NULL`.execute(this.trx);
    }
    if (this.contactos) await aplicarContactos(this.trx, this.contactos, motivo, ctx);
  }

  /** Waits for the writes to stop, whatever their outcome (the savepoint is then undone). */
  async abandonar(): Promise<void> {
    await this.cadena.catch(() => {});
  }
}
