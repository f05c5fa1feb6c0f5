import { Alert, Button, Card, Flex, Typography } from 'antd';
import { type ChangeEvent, useId, useRef, useState } from 'react';
import { mensajeDeError } from '../../api/cliente.ts';
import { type ResultadoImportacionMetas, useImportarMetas } from '../../api/metas.ts';
import { SelectorDeArchivo } from '../SelectorDeArchivo.tsx';

/**
 * The month's goals from the workbook «Exportar metas» gives, filled in: the server checks
 * every row before writing any, and lists each error with its row and column.
 */
export function ImportarMetas({ mes, nombreMes }: { mes: string; nombreMes: string }) {
  const id = useId();
  const campo = useRef<HTMLInputElement>(null);
  const importar = useImportarMetas(mes);
  const [archivo, setArchivo] = useState<File | null>(null);
  const [aviso, setAviso] = useState<string | null>(null);
  const [resultado, setResultado] = useState<ResultadoImportacionMetas | null>(null);

  const alElegir = (e: ChangeEvent<HTMLInputElement>) => {
    setAviso(null);
    setArchivo(e.target.files?.[0] ?? null);
  };
  const alImportar = () => {
    if (importar.isPending) return;
    if (archivo === null || !/\.xlsx$/i.test(archivo.name)) {
      setAviso('Elige el libro de metas (.xlsx) que dio «Exportar metas».');
      campo.current?.focus();
      return;
    }
    setAviso(null);
    setResultado(null);
    importar.mutate(archivo, {
      onSuccess: (r) => {
        setResultado(r);
        if (!('errores' in r)) {
          setArchivo(null);
          if (campo.current) campo.current.value = '';
        }
      },
      onError: (e) => setAviso(mensajeDeError(e)),
    });
  };

  return (
    <Card size="small" title={<h2 className="titulo-tarjeta">Importar metas de {nombreMes}</h2>}>
      <Typography.Paragraph>
        Llena el libro que da «Exportar metas» y súbelo aquí. Si una sola fila tiene un error no se
        importa nada; cada fila cambiada agrega una versión.
      </Typography.Paragraph>
      <Flex gap={12} align="end" wrap>
        <div className="campo-archivo">
          <span id={`${id}-titulo`}>Libro de metas (XLSX)</span>
          <SelectorDeArchivo
            id={id}
            campo={campo}
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            archivo={archivo}
            onChange={alElegir}
            deshabilitado={importar.isPending}
          />
        </div>
        <Button type="primary" onClick={alImportar} disabled={importar.isPending}>
          {importar.isPending ? 'Importando…' : 'Importar metas'}
        </Button>
      </Flex>
      {aviso !== null && (
        <p className="aviso-campo" role="alert">
          {aviso}
        </p>
      )}
      <div role="status">
        {resultado !== null && !('errores' in resultado) && (
          <Alert
            type="success"
            showIcon
            style={{ marginTop: 12 }}
            title={`Metas importadas: ${resultado.importadas}; sin cambios: ${resultado.sinCambios}.`}
          />
        )}
      </div>
      {resultado !== null && 'errores' in resultado && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          title="No se importó nada: corrige estas filas y vuelve a subir el libro."
          description={
            <ul>
              {resultado.errores.map((e) => (
                <li key={`${e.fila}-${e.columna}-${e.mensaje}`}>
                  Fila {e.fila}, columna «{e.columna}»: {e.mensaje}
                </li>
              ))}
            </ul>
          }
        />
      )}
    </Card>
  );
}
