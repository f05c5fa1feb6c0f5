import { Alert, Button, Flex, Table, type TableColumnsType, Typography } from 'antd';
import { type ChangeEvent, useId, useRef, useState } from 'react';
import { esErrorApi, mensajeDeError } from '../../api/cliente.ts';
import {
  type ErrorDeLinea,
  erroresDeLinea,
  type ResultadoImportacion,
  useImportarEstadoBancario,
} from '../../api/conciliacion.ts';
import { useClaveDeIdempotencia } from '../../api/idempotencia.ts';
import { SelectorDeArchivo } from '../SelectorDeArchivo.tsx';
import { ResultadoDeImportacion } from './ResultadoDeImportacion.tsx';

/** The server's limit (src/http/rutas/conciliacion.ts): checked here to say so before sending. */
const LIMITE_BYTES = 5 * 1024 * 1024;

const columnasErrores: TableColumnsType<ErrorDeLinea> = [
  { title: 'Línea', dataIndex: 'linea', width: 80, align: 'right' },
  { title: 'Columna', key: 'columna', width: 160, render: (_, e) => e.columna ?? 'Toda la línea' },
  { title: 'Qué corregir', dataIndex: 'motivo' },
];

/**
 * Contabilidad uploads the bank's statement (CSV): every deposit whose reference names a credit
 * is posted once (by the bank's folio, so uploading the file again posts nothing twice); the
 * rest wait below for a person.
 */
export function ImportarEstadoBancario() {
  const id = useId();
  const campo = useRef<HTMLInputElement>(null);
  const importar = useImportarEstadoBancario();
  const clave = useClaveDeIdempotencia();
  const [archivo, setArchivo] = useState<File | null>(null);
  const [aviso, setAviso] = useState<string | null>(null);
  const [resultado, setResultado] = useState<ResultadoImportacion | null>(null);

  const alElegir = (e: ChangeEvent<HTMLInputElement>) => {
    // Another file (or the same one chosen again) is another import attempt.
    clave.renovar();
    importar.reset();
    setAviso(null);
    setArchivo(e.target.files?.[0] ?? null);
  };

  const alImportar = async () => {
    if (importar.isPending) return;
    if (archivo === null) {
      setAviso('Elige el archivo CSV del banco.');
      campo.current?.focus();
      return;
    }
    if (archivo.size > LIMITE_BYTES) {
      setAviso('El archivo pasa de 5 MB: divídelo o importa los estados de cada día.');
      return;
    }
    setAviso(null);
    let texto: string;
    try {
      texto = await archivo.text();
    } catch {
      setAviso('No se pudo leer el archivo. Vuelve a elegirlo.');
      return;
    }
    importar.mutate(
      { nombre: archivo.name, texto, clave: clave.actual() },
      {
        onSuccess: (r) => {
          clave.renovar();
          setResultado(r);
          setArchivo(null);
          if (campo.current) campo.current.value = '';
        },
      },
    );
  };

  const error = importar.error;
  const errores = esErrorApi(error) ? erroresDeLinea(error.detalle) : [];

  return (
    <>
      <Typography.Paragraph>
        Archivo CSV en UTF-8 con las columnas <code>fecha</code>, <code>referencia</code>,{' '}
        <code>importe</code>, <code>folio_banco</code> y <code>concepto</code>; hasta 2,000
        depósitos. Cada depósito se registra una sola vez por su folio del banco: importar el mismo
        archivo otra vez no duplica nada.
      </Typography.Paragraph>
      <Flex gap={12} align="end" wrap>
        <div className="campo-archivo">
          <span id={`${id}-titulo`}>Estado de cuenta del banco (CSV)</span>
          <SelectorDeArchivo
            id={id}
            campo={campo}
            accept=".csv,text/csv"
            archivo={archivo}
            onChange={alElegir}
            describeTambien={aviso === null ? undefined : `${id}-aviso`}
          />
        </div>
        <Button type="primary" onClick={() => void alImportar()} loading={importar.isPending}>
          Importar
        </Button>
      </Flex>
      {aviso !== null && (
        <p id={`${id}-aviso`} className="aviso-campo" role="alert">
          {aviso}
        </p>
      )}
      {importar.isError && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          title={mensajeDeError(error)}
          description={
            errores.length > 0 ? (
              <Table<ErrorDeLinea>
                rowKey={(e) => `${e.linea}-${e.columna ?? ''}-${e.motivo}`}
                columns={columnasErrores}
                dataSource={errores}
                size="small"
                tableLayout="fixed"
                pagination={errores.length > 20 ? { pageSize: 20 } : false}
              />
            ) : undefined
          }
        />
      )}
      {resultado !== null && <ResultadoDeImportacion resultado={resultado} />}
    </>
  );
}
