import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Form, Input, Row, Space, Typography } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { useRef, useState } from 'react';
import { esErrorApi, mensajeDeError, solicitar } from '../../api/cliente.ts';
import {
  type ErrorDeSeccion,
  type PlantillaConVersiones,
  type TextosDePlantilla,
  useGuardarPlantilla,
  useVistaPrevia,
} from '../../api/plantillas.ts';
import { descargarArchivo } from '../expediente/descargar.ts';
import { ListaDeVariables } from './ListaDeVariables.tsx';
import { VersionesDePlantilla } from './VersionesDePlantilla.tsx';

interface Valores {
  textos: Record<string, string>;
}

/** The server's errors of a draft (`errores`), or the one it named, by section. */
function erroresPorSeccion(error: unknown): Map<string, string[]> | null {
  if (!esErrorApi(error)) return null;
  const lista = error.detalle.errores;
  const porSeccion = new Map<string, string[]>();
  if (Array.isArray(lista)) {
    for (const e of lista as ErrorDeSeccion[]) {
      porSeccion.set(e.seccion, [...(porSeccion.get(e.seccion) ?? []), e.mensaje]);
    }
  } else if (error.campo?.startsWith('textos.')) {
    porSeccion.set(error.campo.slice('textos.'.length), [error.mensaje]);
  }
  return porSeccion.size > 0 ? porSeccion : null;
}

/**
 * One document's texts: a field per section, the variables beside them, a preview with a real
 * credit and the versions. Saving makes a new version; what was issued keeps its own.
 */
export function EditorDePlantilla({ datos }: { datos: PlantillaConVersiones }) {
  const { definicion, plantilla, versionVigente, versiones } = datos;
  const tipo = definicion.tipo;
  const [formulario] = Form.useForm<Valores>();
  const guardar = useGuardarPlantilla(tipo);
  const vistaPrevia = useVistaPrevia(tipo);
  const clienteConsultas = useQueryClient();
  const { message } = App.useApp();
  const [errorGeneral, setErrorGeneral] = useState<string | null>(null);
  const [credito, setCredito] = useState('');
  const [errorCredito, setErrorCredito] = useState<string | null>(null);
  const [cargando, setCargando] = useState<number | null>(null);
  const areas = useRef(new Map<string, TextAreaRef>());
  const ultima = useRef<string>(definicion.secciones[0]?.clave ?? '');

  const textosDelFormulario = (): TextosDePlantilla => {
    const v = formulario.getFieldValue('textos') as Record<string, string> | undefined;
    return Object.fromEntries(definicion.secciones.map((s) => [s.clave, v?.[s.clave] ?? '']));
  };

  const limpiarErrores = () => {
    setErrorGeneral(null);
    formulario.setFields(
      definicion.secciones.map((s) => ({ name: ['textos', s.clave], errors: [] })),
    );
  };

  /** The draft's errors go under their sections; any other, above the form. */
  const mostrarError = (error: unknown) => {
    const porSeccion = erroresPorSeccion(error);
    if (porSeccion === null) {
      setErrorGeneral(mensajeDeError(error));
      return;
    }
    formulario.setFields(
      [...porSeccion].map(([clave, errores]) => ({ name: ['textos', clave], errors: errores })),
    );
    const primera = [...porSeccion.keys()][0];
    if (primera !== undefined) formulario.scrollToField(['textos', primera], { focus: true });
  };

  const insertar = (variable: string) => {
    const clave = ultima.current;
    const area = areas.current.get(clave)?.resizableTextArea?.textArea;
    const actual = (formulario.getFieldValue(['textos', clave]) as string | undefined) ?? '';
    const desde = area?.selectionStart ?? actual.length;
    const hasta = area?.selectionEnd ?? actual.length;
    const marcador = `{{${variable}}}`;
    formulario.setFieldValue(
      ['textos', clave],
      actual.slice(0, desde) + marcador + actual.slice(hasta),
    );
    // After React writes the value: the cursor goes right after what was inserted.
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(desde + marcador.length, desde + marcador.length);
    });
  };

  const alGuardar = () => {
    if (guardar.isPending) return;
    limpiarErrores();
    guardar.mutate(
      { textos: textosDelFormulario(), basadaEn: versionVigente },
      {
        onSuccess: (r) => void message.success(`Se guardó la versión ${r.version}.`),
        onError: mostrarError,
      },
    );
  };

  const alPrevisualizar = () => {
    if (vistaPrevia.isPending) return;
    limpiarErrores();
    setErrorCredito(null);
    if (credito.trim() === '') {
      setErrorCredito('Escribe el número de un crédito para ver el documento con sus datos.');
      return;
    }
    vistaPrevia.mutate(
      { textos: textosDelFormulario(), credito: credito.trim() },
      {
        onSuccess: ({ datos: pdf, nombre }) => {
          const url = URL.createObjectURL(pdf);
          // A blocked pop-up: the PDF is saved instead.
          if (window.open(url, '_blank') === null) {
            descargarArchivo(pdf, nombre ?? `vista-previa-${tipo}.pdf`);
          }
          setTimeout(() => URL.revokeObjectURL(url), 5 * 60_000);
        },
        onError: (error) => {
          if (esErrorApi(error) && error.campo === 'credito') setErrorCredito(error.mensaje);
          else mostrarError(error);
        },
      },
    );
  };

  const cargarVersion = async (version: number) => {
    setCargando(version);
    try {
      const r = await clienteConsultas.fetchQuery({
        queryKey: ['plantillas', tipo, version],
        queryFn: () =>
          solicitar<PlantillaConVersiones>('GET', `/api/plantillas/${tipo}?version=${version}`),
      });
      limpiarErrores();
      formulario.setFieldsValue({ textos: { ...r.plantilla.textos } });
      void message.info(
        `Cargaste la versión ${version}: guárdala para que vuelva a estar vigente.`,
      );
    } catch (error) {
      setErrorGeneral(mensajeDeError(error));
    } finally {
      setCargando(null);
    }
  };

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={16}>
        <Form<Valores>
          form={formulario}
          name={`plantilla-${tipo}`}
          layout="vertical"
          initialValues={{ textos: { ...plantilla.textos } }}
          onFinish={alGuardar}
        >
          <Typography.Paragraph data-testid="plantilla-vigente">
            Editas la versión {plantilla.version}
            {plantilla.guardadoPor === null
              ? ' (texto original de Recupera).'
              : `, guardada por ${plantilla.guardadoPor}.`}{' '}
            Lo que escribas entre llaves dobles, como <code>{'{{acreditado.nombre}}'}</code>, se
            sustituye al imprimir.
          </Typography.Paragraph>
          {errorGeneral !== null && (
            <Alert type="error" showIcon title={errorGeneral} style={{ marginBottom: 16 }} />
          )}
          {definicion.secciones.map((s) => (
            <Form.Item
              key={s.clave}
              label={s.titulo}
              name={['textos', s.clave]}
              extra={s.descripcion}
            >
              <Input.TextArea
                ref={(r) => {
                  if (r) areas.current.set(s.clave, r);
                }}
                onFocus={() => {
                  ultima.current = s.clave;
                }}
                autoSize={s.unaLinea ? { minRows: 1, maxRows: 2 } : { minRows: 3, maxRows: 16 }}
                maxLength={s.maximo}
                showCount
              />
            </Form.Item>
          ))}
          <Button type="primary" htmlType="submit" loading={guardar.isPending}>
            Guardar versión nueva
          </Button>
        </Form>
        <Card
          size="small"
          style={{ marginTop: 16 }}
          title={<h2 className="titulo-tarjeta">Vista previa</h2>}
        >
          <Typography.Paragraph type="secondary">
            Genera el documento con este borrador y los datos de un crédito real. No se guarda ni
            cuenta como documento emitido.
          </Typography.Paragraph>
          <Form layout="vertical" onFinish={alPrevisualizar} name={`vista-previa-${tipo}`}>
            <Form.Item
              label="Número de crédito"
              validateStatus={errorCredito === null ? undefined : 'error'}
              help={errorCredito ?? undefined}
            >
              <Space.Compact style={{ width: '100%' }}>
                <Input
                  value={credito}
                  onChange={(e) => setCredito(e.target.value)}
                  maxLength={40}
                  aria-label="Número de crédito para la vista previa"
                />
                <Button htmlType="submit" loading={vistaPrevia.isPending}>
                  Vista previa
                </Button>
              </Space.Compact>
            </Form.Item>
          </Form>
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <ListaDeVariables definicion={definicion} alElegir={insertar} />
          <VersionesDePlantilla
            versiones={versiones}
            vigente={versionVigente}
            alCargar={(v) => void cargarVersion(v)}
            cargando={cargando}
          />
        </Space>
      </Col>
    </Row>
  );
}
