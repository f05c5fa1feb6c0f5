import { Alert, Tabs } from 'antd';
import type { Ref } from 'react';
import type { ResultadoImportacionCartera } from '../../api/importacion.ts';
import { TablaObservaciones } from './TablaObservaciones.tsx';

function numero(n: number): string {
  return n.toLocaleString('es-MX');
}

function plural(n: number, uno: string, varios: string): string {
  return `${numero(n)} ${n === 1 ? uno : varios}`;
}

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
  const { archivo, importado, errores, advertencias } = resultado;
  const pestanas = [
    ...(errores.length > 0
      ? [
          {
            key: 'errores',
            label: `Errores (${numero(errores.length)})`,
            children: <TablaObservaciones observaciones={errores} nombre="errores" />,
          },
        ]
      : []),
    ...(advertencias.length > 0
      ? [
          {
            key: 'advertencias',
            label: `Advertencias (${numero(advertencias.length)})`,
            children: <TablaObservaciones observaciones={advertencias} nombre="advertencias" />,
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
          type={advertencias.length > 0 ? 'warning' : 'success'}
          showIcon
          title={`Se importó «${archivo}».`}
          description={
            <>
              <Conteos conteos={resultado.conteos} />
              {advertencias.length > 0 && (
                <p className="nota-importacion">
                  El libro tiene {plural(advertencias.length, 'advertencia', 'advertencias')}: no
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
          title={`No se importó nada: el libro tiene ${plural(errores.length, 'error', 'errores')}; ${errores.length === 1 ? 'corrígelo' : 'corrígelos'} y vuelve a subirlo.`}
          description={
            <p className="nota-importacion">
              «{archivo}» no cambió la cartera. Abajo está cada error con su hoja, fila y columna,
              como se ven en Excel (la fila 1 es el encabezado).
              {advertencias.length > 0 &&
                ` También tiene ${plural(advertencias.length, 'advertencia', 'advertencias')}, que por sí solas no impiden importar.`}
            </p>
          }
        />
      )}
      {pestanas.length > 0 && <Tabs style={{ marginTop: 8 }} items={pestanas} />}
    </section>
  );
}
