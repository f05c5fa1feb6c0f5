import { Alert, Button, Card, Flex, Spin, Table, type TableColumnsType, Typography } from 'antd';
import { type ChangeEvent, useEffect, useId, useRef, useState } from 'react';
import { mensajeDeError } from '../api/cliente.ts';
import {
  type AvanceImportacion,
  type CarteraElegida,
  elegirCartera,
  URL_PLANTILLA,
  useImportarCartera,
} from '../api/importacion.ts';
import { HOJAS_DEL_LIBRO, type HojaDelLibro } from '../componentes/importacion/hojas.ts';
import { ResultadoCartera } from '../componentes/importacion/ResultadoCartera.tsx';
import { useTituloDocumento } from '../titulo.ts';

const columnasHojas: TableColumnsType<HojaDelLibro> = [
  { title: 'Hoja', dataIndex: 'nombre', width: 230, render: (h: string) => <code>{h}</code> },
  { title: 'Qué lleva', dataIndex: 'contenido' },
  {
    title: 'Columnas obligatorias',
    key: 'obligatorias',
    render: (_, h) => (
      <span className="columnas-obligatorias">
        {h.obligatorias.map((c, i) => (
          <span key={c}>
            {i > 0 && ', '}
            <code>{c}</code>
          </span>
        ))}
      </span>
    ),
  },
];

/** `2411724` → `2.3 MB`; people compare it with what Explorer shows. */
function tamano(bytes: number): string {
  if (bytes < 1024 * 1024)
    return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('es-MX')} KB`;
  return `${(bytes / (1024 * 1024)).toLocaleString('es-MX', { maximumFractionDigits: 1 })} MB`;
}

/** `75` → `1:15`. */
function reloj(segundos: number): string {
  return `${Math.floor(segundos / 60)}:${String(segundos % 60).padStart(2, '0')}`;
}

/** Seconds since `activo` became true; counts on the browser's clock, which is fine for a wait. */
function useSegundosTranscurridos(activo: boolean): number {
  const [segundos, setSegundos] = useState(0);
  useEffect(() => {
    if (!activo) return;
    const inicio = Date.now();
    setSegundos(0);
    const intervalo = window.setInterval(
      () => setSegundos(Math.floor((Date.now() - inicio) / 1000)),
      1000,
    );
    return () => window.clearInterval(intervalo);
  }, [activo]);
  return segundos;
}

/** While the import runs, leaving the page asks first (the server would finish it anyway). */
function useAvisarAlSalir(activo: boolean): void {
  useEffect(() => {
    if (!activo) return;
    const avisar = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', avisar);
    return () => window.removeEventListener('beforeunload', avisar);
  }, [activo]);
}

const FASES: Record<AvanceImportacion['fase'], string> = {
  lectura: 'Leyendo el libro',
  validacion: 'Revisando las filas',
  motor: 'Revisando el estado de cuenta de cada crédito',
  // Written only if nothing failed: the screen cannot tell yet which.
  escritura: 'Terminando',
};

/** The rows read, validated and written so far, as the server reports them. */
function Avance({ avance }: { avance: AvanceImportacion }) {
  const n = (x: number) => x.toLocaleString('es-MX');
  return (
    <p className="avance-importacion">
      {`${FASES[avance.fase]}… Filas leídas: ${n(avance.filasLeidas)}; revisadas: ${n(avance.filasValidadas)}; escritas: ${n(avance.filasEscritas)}.`}
    </p>
  );
}

/** The chosen files as the line under the control says them. */
function describirEleccion(archivos: readonly File[]): string {
  const bytes = archivos.reduce((suma, a) => suma + a.size, 0);
  const nombres = archivos.map((a) => a.name).join(', ');
  if (archivos.length === 0) return 'Ningún archivo elegido';
  return archivos.length === 1
    ? `${nombres} (${tamano(bytes)})`
    : `${archivos.length} archivos: ${nombres} (${tamano(bytes)})`;
}

/**
 * The administrator loads the institute's portfolio workbook. The server checks all of it
 * before writing anything, so the page's job is to say clearly what happened: what was
 * written, or every error to fix with its sheet, row and column.
 */
export function PaginaImportacion() {
  useTituloDocumento('Importar cartera');
  const id = useId();
  const campo = useRef<HTMLInputElement>(null);
  const resultado = useRef<HTMLElement>(null);
  const [avance, setAvance] = useState<AvanceImportacion | null>(null);
  const importar = useImportarCartera(setAvance);
  const [archivos, setArchivos] = useState<File[]>([]);
  const [aviso, setAviso] = useState<string | null>(null);
  const [enviado, setEnviado] = useState<CarteraElegida | null>(null);
  const segundos = useSegundosTranscurridos(importar.isPending);
  useAvisarAlSalir(importar.isPending);

  const alElegir = (e: ChangeEvent<HTMLInputElement>) => {
    setAviso(null);
    setArchivos([...(e.target.files ?? [])]);
  };

  const alImportar = () => {
    if (importar.isPending) return;
    // One workbook, its sheets as CSV files (chosen together), or one ZIP: as the CLI takes them.
    const eleccion = elegirCartera(archivos);
    if ('aviso' in eleccion) {
      setAviso(eleccion.aviso);
      campo.current?.focus();
      return;
    }
    setAviso(null);
    setAvance(null);
    setEnviado(eleccion.cartera);
    importar.mutate(eleccion.cartera, {
      onSuccess: () => {
        // The file was read; a corrected one is chosen again (Excel rewrites it on saving).
        setArchivos([]);
        if (campo.current) campo.current.value = '';
      },
      // The button was disabled while it ran: the keyboard continues at what happened.
      onSettled: () => window.setTimeout(() => resultado.current?.focus(), 0),
    });
  };

  const describePor = [`${id}-nombre`, aviso === null ? null : `${id}-aviso`]
    .filter((x) => x !== null)
    .join(' ');

  return (
    <>
      <Typography.Title level={1}>Importar cartera</Typography.Title>

      <Card
        size="small"
        style={{ marginBottom: 16 }}
        title={<h2 className="titulo-tarjeta">Subir el libro</h2>}
        extra={
          <Button href={URL_PLANTILLA} download>
            Descargar la plantilla (XLSX)
          </Button>
        }
      >
        <Typography.Paragraph>
          Sube la plantilla de Excel del instituto con la cartera llena, o sus hojas como archivos
          CSV (elígelos todos juntos: personas.csv, creditos.csv…) o en un ZIP. Antes de escribir
          nada se revisa todo el libro: <strong>si hay un solo error, no se importa nada</strong> y
          aquí verás cada error con su hoja, fila y columna. Subir el mismo libro otra vez no
          duplica nada. Cómo llenarlo: abajo, en «El libro de la cartera».
        </Typography.Paragraph>
        <Flex gap={12} align="end" wrap>
          <div className="campo-archivo">
            <span id={`${id}-titulo`}>Libro de la cartera (XLSX, CSV o ZIP)</span>
            {/* The browser's own file control speaks its UI language: this one speaks Spanish. */}
            <div className="selector-archivo" data-deshabilitado={importar.isPending}>
              <input
                ref={campo}
                id={`${id}-archivo`}
                type="file"
                accept=".xlsx,.csv,.zip,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv,application/zip"
                // The CSV sheets are chosen together, as the command line takes their folder.
                multiple
                className="archivo-oculto"
                onChange={alElegir}
                disabled={importar.isPending}
                aria-labelledby={`${id}-titulo`}
                aria-describedby={describePor}
              />
              <label htmlFor={`${id}-archivo`} className="boton-archivo" aria-hidden="true">
                Elegir archivos…
              </label>
              <span id={`${id}-nombre`} className="nombre-archivo">
                {describirEleccion(archivos)}
              </span>
            </div>
          </div>
          <Button
            type="primary"
            onClick={alImportar}
            // Not `loading`: antd's spinner would add «loading», in English, to the button's name.
            disabled={importar.isPending}
          >
            {importar.isPending ? 'Importando…' : 'Importar'}
          </Button>
        </Flex>
        {aviso !== null && (
          <p id={`${id}-aviso`} className="aviso-campo" role="alert">
            {aviso}
          </p>
        )}

        {/* Present before it speaks, so screen readers announce it; the panel below is visual. */}
        <p role="status" className="solo-lectores">
          {importar.isPending && enviado !== null
            ? `Importando «${enviado.nombre}». Puede tardar hasta un minuto.`
            : ''}
        </p>
        {importar.isPending && enviado !== null && (
          <div className="importacion-en-curso" aria-hidden="true">
            <Spin />
            <div>
              <p className="importacion-estado">
                Importando «{enviado.nombre}» ({tamano(enviado.bytes)})…
              </p>
              <p className="nota-importacion">
                Se revisa todo el libro antes de escribir: uno grande puede tardar hasta un minuto.
                No cierres esta página. <span className="cifra">Tiempo: {reloj(segundos)}</span>
              </p>
              {avance !== null && <Avance avance={avance} />}
            </div>
          </div>
        )}

        {importar.isError && (
          <section ref={resultado} tabIndex={-1} aria-label="Resultado de la importación">
            <Alert
              type="error"
              showIcon
              style={{ marginTop: 16 }}
              title="No se pudo importar el libro."
              description={mensajeDeError(importar.error)}
            />
          </section>
        )}
        {importar.isSuccess && <ResultadoCartera ref={resultado} resultado={importar.data} />}
      </Card>

      <Card size="small" title={<h2 className="titulo-tarjeta">El libro de la cartera</h2>}>
        <Typography.Paragraph>
          Es la plantilla de Excel del instituto con los créditos que Recupera cobra: quiénes son
          los acreditados y avales, con qué producto y tasas, cuánto se les ministró, su calendario
          de amortizaciones y los pagos, condonaciones y cancelaciones que ya tenían. Cada hoja
          lleva su encabezado en la fila 1, y en la plantilla cada encabezado tiene una nota que
          explica qué va en la columna; no cambies los nombres de las hojas ni de las columnas.
          Fechas como celdas de fecha, <code>aaaa-mm-dd</code> o <code>dd/mm/aaaa</code>; montos en
          pesos con hasta dos decimales.
        </Typography.Paragraph>
        <ul className="reglas-importacion">
          <li>
            Se revisa cada celda, las referencias entre hojas y con lo ya registrado, y el estado de
            cuenta de cada crédito.
          </li>
          <li>
            Lo que ya está en Recupera igual (la misma persona, el mismo crédito, el mismo
            movimiento) no se escribe otra vez: aparece «sin cambios» o «ya registrado». Lo que ya
            existe <strong>con otros datos es un error</strong>: la importación nunca modifica una
            persona, un crédito, un movimiento ni una tasa ya registrados (un movimiento se corrige
            registrando su cancelación).
          </li>
          <li>
            Las hojas pueden faltar: un libro puede traer solo los movimientos del mes de créditos
            ya registrados, y sin hoja <code>productos</code> se usan los productos ya registrados.
          </li>
          <li>
            Una hoja de más de 1,048,576 filas (el límite de Excel) se parte en varias con sufijo:{' '}
            <code>amortizaciones_2</code> o <code>amortizaciones (2)</code>.
          </li>
          <li>
            Las claves (número de crédito, producto, movimiento y pagaré) llevan solo letras,
            dígitos y <code>- _ . /</code>, hasta 60 caracteres.
          </li>
        </ul>
        <Table<HojaDelLibro>
          rowKey="nombre"
          columns={columnasHojas}
          dataSource={[...HOJAS_DEL_LIBRO]}
          size="small"
          tableLayout="fixed"
          pagination={false}
          title={() => 'Hojas del libro, en este orden'}
        />
      </Card>
    </>
  );
}
