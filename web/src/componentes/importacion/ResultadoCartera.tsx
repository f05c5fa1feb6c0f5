import { Alert, Tabs } from 'antd';
import type { Ref } from 'react';
import type { RecuentoObservaciones, ResultadoImportacionCartera } from '../../api/importacion.ts';
import { TablaObservaciones } from './TablaObservaciones.tsx';

function numero(n: number): string {
  return n.toLocaleString('es-MX');
}

function plural(n: number, uno: string, varios: string): string {
  return `${numero(n)} ${n === 1 ? uno : varios}`;
}

const CONTACTOS = { telefonos: 'Teléfonos', correos: 'Correos', domicilios: 'Domicilios' };

/** What the import wrote, kind by kind: new, and already there (importing again writes nothing). */
function Conteos({ conteos }: { conteos: ResultadoImportacionCartera['conteos'] }) {
  const { creditos, personas, movimientos, productos } = conteos;
  return (
    <ul className="resumen-importacion">
      <li>
        Créditos nuevos: {numero(creditos.nuevos)}; sin cambios: {numero(creditos.sinCambios)}.
      </li>
      <li>
        Personas nuevas: {numero(personas.nuevas)}; ya registradas: {numero(personas.existentes)}.
      </li>
      {(['telefonos', 'correos', 'domicilios'] as const).map((k) => (
        <li key={k}>
          {CONTACTOS[k]} nuevos: {numero(conteos.contactos[k].nuevos)}
          {conteos.contactos[k].reemplazados > 0 &&
            `; ${plural(conteos.contactos[k].reemplazados, 'reemplaza al vigente (el anterior queda en su historial)', 'reemplazan a los vigentes (los anteriores quedan en su historial)')}`}
          ; ya registrados: {numero(conteos.contactos[k].yaRegistrados)}.
        </li>
      ))}
      <li>
        Movimientos nuevos: {numero(movimientos.nuevos)}; ya registrados:{' '}
        {numero(movimientos.existentes)}.
      </li>
      <li>
        Productos nuevos: {numero(productos.nuevos)}; versiones de tasas nuevas:{' '}
        {numero(productos.versionesNuevas)}; ya registradas: {numero(productos.versionesExistentes)}
        .
      </li>
    </ul>
  );
}

/**
 * When a sheet has more observations than the server lists (the first 200 of each sheet), the
 * counts say how many there are in all and of what kind: that is what tells what to fix.
 */
function Recuento({
  recuento,
  nombre,
}: {
  recuento: RecuentoObservaciones;
  nombre: 'errores' | 'advertencias';
}) {
  const primeros = nombre === 'errores' ? 'los primeros' : 'las primeras';
  const cortadas = recuento.porHoja.filter((h) => h.total > h.listadas);
  if (cortadas.length === 0) return null;
  return (
    <div className="recuento-importacion">
      <p>
        {cortadas
          .map(
            (h) =>
              `En ${h.hoja} hay ${numero(h.total)} ${nombre}; se muestran ${primeros} ${numero(h.listadas)}.`,
          )
          .join(' ')}
      </p>
      <table className="tabla-recuento">
        <caption>{`Todos los ${nombre}, por hoja, columna y motivo`}</caption>
        <thead>
          <tr>
            <th scope="col" className="celda-recuento">
              Hoja
            </th>
            <th scope="col" className="celda-recuento">
              Columna
            </th>
            <th scope="col" className="celda-recuento">
              Motivo
            </th>
            <th scope="col" className="celda-recuento">
              Cuántos
            </th>
          </tr>
        </thead>
        <tbody>
          {recuento.porTipo.map((t) => (
            <tr key={`${t.hoja}|${t.columna ?? ''}|${t.tipo}`}>
              <td className="celda-recuento">{t.hoja}</td>
              <td className="celda-recuento">{t.columna ?? '—'}</td>
              <td className="celda-recuento">{t.tipo}</td>
              <td className="celda-recuento cifra">{numero(t.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** What the errors hid: rows of other sheets that name a credit or person they left unknown. */
function SinRevisar({ resultado }: { resultado: ResultadoImportacionCartera }) {
  const filas = resultado.resumen.sinRevisar?.filas ?? 0;
  if (filas === 0) return null;
  return (
    <div className="sin-revisar-importacion">
      <p>
        Además, {plural(filas, 'fila quedó', 'filas quedaron')} sin revisar por esos errores: se
        revisarán al corregirlos.
      </p>
      <ul>
        {(resultado.sinRevisar ?? []).map((o) => (
          <li key={`${o.hoja}|${o.fila ?? ''}|${o.mensaje}`}>{o.mensaje}</li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The server's report on one workbook. Imported: what was written, and the warnings that did
 * not stop it. Not imported: nothing was written, and every error with its sheet, row and column.
 * Focusable, so the keyboard lands on it when the import ends.
 */
export function ResultadoCartera({
  resultado,
  ref,
}: {
  resultado: ResultadoImportacionCartera;
  ref?: Ref<HTMLElement>;
}) {
  const { archivo, importado, errores, advertencias, resumen } = resultado;
  const totalErrores = resumen.errores.total;
  const totalAdvertencias = resumen.advertencias.total;
  const pestanas = [
    ...(errores.length > 0
      ? [
          {
            key: 'errores',
            label: `Errores (${numero(totalErrores)})`,
            children: (
              <>
                <Recuento recuento={resumen.errores} nombre="errores" />
                <TablaObservaciones observaciones={errores} nombre="errores" />
              </>
            ),
          },
        ]
      : []),
    ...(advertencias.length > 0
      ? [
          {
            key: 'advertencias',
            label: `Advertencias (${numero(totalAdvertencias)})`,
            children: (
              <>
                <Recuento recuento={resumen.advertencias} nombre="advertencias" />
                <TablaObservaciones observaciones={advertencias} nombre="advertencias" />
              </>
            ),
          },
        ]
      : []),
  ];

  return (
    <section
      ref={ref}
      tabIndex={-1}
      aria-label="Resultado de la importación"
      className="resultado-importacion"
      data-importado={importado}
    >
      {importado ? (
        <Alert
          type={totalAdvertencias > 0 ? 'warning' : 'success'}
          showIcon
          title={`Se importó «${archivo}».`}
          description={
            <>
              <Conteos conteos={resultado.conteos} />
              {totalAdvertencias > 0 && (
                <p className="nota-importacion">
                  El libro tiene {plural(totalAdvertencias, 'advertencia', 'advertencias')}: no
                  impidieron la importación, pero conviene revisarlas abajo.
                </p>
              )}
            </>
          }
        />
      ) : (
        <Alert
          type="error"
          showIcon
          title={`No se importó nada: el libro tiene ${plural(totalErrores, 'error', 'errores')}; ${totalErrores === 1 ? 'corrígelo' : 'corrígelos'} y vuelve a subirlo.`}
          description={
            <p className="nota-importacion">
              «{archivo}» no cambió la cartera. Abajo está cada error con su hoja, fila y columna,
              como se ven en Excel (la fila 1 es el encabezado).
              {totalAdvertencias > 0 &&
                ` También tiene ${plural(totalAdvertencias, 'advertencia', 'advertencias')}, que por sí solas no impiden importar.`}
            </p>
          }
        />
      )}
      {!importado && <SinRevisar resultado={resultado} />}
      {pestanas.length > 0 && <Tabs style={{ marginTop: 8 }} items={pestanas} />}
    </section>
  );
}
