import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { esErrorApi, mensajeDeError } from '../api/cliente.ts';
import {
  clabeValida,
  type DatosDelInstituto,
  DOCUMENTOS,
  type NuevosDatosDelInstituto,
  type TipoDocumento,
  useDatosDelInstituto,
  useGuardarDatosDelInstituto,
  type VersionDeDatos,
} from '../api/instituto.ts';
import { Cargando } from '../componentes/Cargando.tsx';
import { ErrorConReintento } from '../componentes/ErrorConReintento.tsx';
import { fechaHora } from '../formato.ts';
import { useTituloDocumento } from '../titulo.ts';

type Valores = NuevosDatosDelInstituto;

// A group of fields with its own legend (an account, a document), framed as the ARCO form does.
const GRUPO = {
  border: '1px solid #d9d9d9',
  borderRadius: 6,
  padding: '8px 12px',
  marginBottom: 12,
  minWidth: 0,
} as const;

const LEYENDA = {
  fontSize: 14,
  width: 'auto',
  margin: 0,
  padding: '0 4px',
  border: 0,
} as const;

const CUENTA_VACIA = { banco: '', titular: '', cuenta: '', clabe: '', convencionReferencia: '' };

/** The API's field (`cuentas[0].clabe`) as the form's path (['cuentas', 0, 'clabe']). */
function rutaDelCampo(campo: string): (string | number)[] {
  return campo
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** What the API takes: blank signatories and legends are left out, not sent empty. */
function paraGuardar(v: Valores): NuevosDatosDelInstituto {
  const firmantes: NuevosDatosDelInstituto['firmantes'] = {};
  const leyendas: NuevosDatosDelInstituto['leyendas'] = {};
  for (const { tipo } of DOCUMENTOS) {
    const f = v.firmantes?.[tipo];
    if ((f?.nombre ?? '').trim() !== '' || (f?.cargo ?? '').trim() !== '') {
      firmantes[tipo] = { nombre: f?.nombre ?? '', cargo: f?.cargo ?? '' };
    }
    const l = (v.leyendas?.[tipo] ?? '').trim();
    if (l !== '') leyendas[tipo] = l;
  }
  return {
    razonSocial: v.razonSocial ?? '',
    domicilio: v.domicilio ?? '',
    telefono: v.telefono ?? '',
    correo: v.correo ?? '',
    cuentas: (v.cuentas ?? []).map((c) => ({ ...CUENTA_VACIA, ...c })),
    firmantes,
    leyendas,
  };
}

function Version({
  datos,
  versiones,
}: {
  datos: DatosDelInstituto | null;
  versiones: VersionDeDatos[];
}) {
  if (datos === null) {
    return (
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title="Aún no hay datos del instituto: el convenio, la ficha de pago, el recibo, la carta finiquito y el estado de cuenta no se imprimen hasta que los captures."
      />
    );
  }
  return (
    <Typography.Paragraph data-testid="version-vigente">
      Versión {datos.version}, guardada por {datos.guardadoPor} el {fechaHora(datos.guardadoEn)}.
      {versiones.length > 1 && (
        <>
          {' '}
          Anteriores:{' '}
          {versiones
            .slice(1, 6)
            .map((v) => `v${v.version} (${v.guardadoPor}, ${fechaHora(v.guardadoEn)})`)
            .join('; ')}
          {versiones.length > 6 ? '…' : '.'}
        </>
      )}
    </Typography.Paragraph>
  );
}

function Formulario({ datos }: { datos: DatosDelInstituto | null }) {
  const [formulario] = Form.useForm<Valores>();
  const guardar = useGuardarDatosDelInstituto();
  const { message } = App.useApp();
  const [errorGeneral, setErrorGeneral] = useState<string | null>(null);

  const alEnviar = (v: Valores) => {
    if (guardar.isPending) return;
    setErrorGeneral(null);
    guardar.mutate(paraGuardar(v), {
      onSuccess: (r) => {
        void message.success(`Datos del instituto guardados (versión ${r.version}).`);
      },
      onError: (error) => {
        // The server names the field (`cuentas[1].clabe`): the message goes under it.
        if (esErrorApi(error) && error.campo !== undefined) {
          const nombre = rutaDelCampo(error.campo) as Parameters<
            typeof formulario.getFieldInstance
          >[0];
          if (formulario.getFieldInstance(nombre) !== undefined) {
            formulario.setFields([{ name: nombre, errors: [error.mensaje] }]);
            formulario.scrollToField(nombre, { focus: true });
            return;
          }
        }
        setErrorGeneral(mensajeDeError(error));
      },
    });
  };

  const requerido = (que: string) => [
    { required: true, whitespace: true, message: `Escribe ${que}.` },
  ];

  return (
    <Form<Valores>
      form={formulario}
      name="datos-del-instituto"
      layout="vertical"
      style={{ maxWidth: 880 }}
      initialValues={
        datos ?? {
          razonSocial: '',
          domicilio: '',
          telefono: '',
          correo: '',
          cuentas: [CUENTA_VACIA],
          firmantes: {},
          leyendas: {},
        }
      }
      onFinish={alEnviar}
      scrollToFirstError
    >
      {errorGeneral !== null && (
        <Alert type="error" showIcon title={errorGeneral} style={{ marginBottom: 16 }} />
      )}
      <Card size="small" title={<h2 className="titulo-tarjeta">El instituto</h2>}>
        <Form.Item label="Razón social" name="razonSocial" rules={requerido('la razón social')}>
          <Input maxLength={200} autoComplete="organization" />
        </Form.Item>
        <Form.Item label="Domicilio" name="domicilio" rules={requerido('el domicilio')}>
          <Input maxLength={300} autoComplete="street-address" />
        </Form.Item>
        <div className="rejilla-flexible">
          <Form.Item label="Teléfono" name="telefono" rules={requerido('el teléfono')}>
            <Input maxLength={30} inputMode="tel" autoComplete="tel" />
          </Form.Item>
          <Form.Item
            label="Correo"
            name="correo"
            rules={[
              ...requerido('el correo'),
              { type: 'email', message: 'Escribe un correo válido.' },
            ]}
          >
            <Input maxLength={200} inputMode="email" autoComplete="email" />
          </Form.Item>
        </div>
      </Card>

      <Card
        size="small"
        style={{ marginTop: 16 }}
        title={<h2 className="titulo-tarjeta">Cuentas bancarias</h2>}
      >
        <Typography.Paragraph type="secondary">
          Donde se paga con la referencia del crédito: aparecen en el convenio y en la ficha de
          pago.
        </Typography.Paragraph>
        <Form.List name="cuentas">
          {(filas, { add, remove }) => (
            <>
              {filas.map((fila, i) => (
                <fieldset key={fila.key} style={GRUPO} aria-label={`Cuenta ${i + 1}`}>
                  <legend style={LEYENDA}>Cuenta {i + 1}</legend>
                  <div className="rejilla-flexible">
                    <Form.Item
                      label="Banco"
                      name={[fila.name, 'banco']}
                      rules={requerido('el banco')}
                    >
                      <Input maxLength={80} />
                    </Form.Item>
                    <Form.Item
                      label="Titular"
                      name={[fila.name, 'titular']}
                      rules={requerido('el titular')}
                    >
                      <Input maxLength={200} />
                    </Form.Item>
                    <Form.Item
                      label="Número de cuenta"
                      name={[fila.name, 'cuenta']}
                      rules={[
                        ...requerido('el número de cuenta'),
                        { pattern: /^\d{6,20}$/, message: 'De 6 a 20 dígitos, sin espacios.' },
                      ]}
                    >
                      <Input maxLength={20} inputMode="numeric" autoComplete="off" />
                    </Form.Item>
                    <Form.Item
                      label="CLABE"
                      name={[fila.name, 'clabe']}
                      rules={[
                        ...requerido('la CLABE'),
                        {
                          validator: (_, valor: string | undefined) =>
                            valor === undefined || valor === '' || clabeValida(valor.trim())
                              ? Promise.resolve()
                              : Promise.reject(
                                  new Error(
                                    'La CLABE no es válida: son 18 dígitos y el último es el dígito de control.',
                                  ),
                                ),
                        },
                      ]}
                    >
                      <Input maxLength={18} inputMode="numeric" autoComplete="off" />
                    </Form.Item>
                  </div>
                  <Form.Item
                    label="Cómo se anota la referencia en este banco"
                    name={[fila.name, 'convencionReferencia']}
                    rules={requerido('cómo se anota la referencia')}
                  >
                    <Input.TextArea rows={2} maxLength={500} />
                  </Form.Item>
                  <Button onClick={() => remove(fila.name)}>Quitar la cuenta {i + 1}</Button>
                </fieldset>
              ))}
              <Button onClick={() => add(CUENTA_VACIA)} disabled={filas.length >= 10}>
                Agregar cuenta
              </Button>
            </>
          )}
        </Form.List>
      </Card>

      <Card
        size="small"
        style={{ marginTop: 16 }}
        title={<h2 className="titulo-tarjeta">Firmas y leyendas</h2>}
      >
        <Typography.Paragraph type="secondary">
          El convenio y la carta finiquito los firma por el instituto una persona con su cargo; la
          leyenda de cada documento se imprime al final.
        </Typography.Paragraph>
        {DOCUMENTOS.map(({ tipo, nombre, firma }) => (
          <fieldset key={tipo} style={GRUPO} aria-label={nombre}>
            <legend style={LEYENDA}>{nombre}</legend>
            {firma && <FirmanteDe tipo={tipo} nombre={nombre} />}
            <Form.Item label={`Leyenda de ${nombre.toLowerCase()}`} name={['leyendas', tipo]}>
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
          </fieldset>
        ))}
      </Card>

      <Button
        type="primary"
        htmlType="submit"
        loading={guardar.isPending}
        style={{ marginTop: 16 }}
      >
        Guardar datos del instituto
      </Button>
    </Form>
  );
}

/** Name and position go together: one without the other cannot sign. */
function FirmanteDe({ tipo, nombre }: { tipo: TipoDocumento; nombre: string }) {
  return (
    <div className="rejilla-flexible">
      <Form.Item
        label={`Firma ${nombre.toLowerCase()}: nombre completo`}
        name={['firmantes', tipo, 'nombre']}
        dependencies={[['firmantes', tipo, 'cargo']]}
        rules={[
          ({ getFieldValue }) => ({
            validator: (_, valor: string | undefined) =>
              (valor ?? '').trim() === '' &&
              String(getFieldValue(['firmantes', tipo, 'cargo']) ?? '').trim() !== ''
                ? Promise.reject(new Error('Escribe el nombre completo de quien firma.'))
                : Promise.resolve(),
          }),
        ]}
      >
        <Input maxLength={150} placeholder="Lic. Nombre Apellido Apellido" />
      </Form.Item>
      <Form.Item
        label="Cargo"
        name={['firmantes', tipo, 'cargo']}
        dependencies={[['firmantes', tipo, 'nombre']]}
        rules={[
          ({ getFieldValue }) => ({
            validator: (_, valor: string | undefined) =>
              (valor ?? '').trim() === '' &&
              String(getFieldValue(['firmantes', tipo, 'nombre']) ?? '').trim() !== ''
                ? Promise.reject(new Error('Escribe el cargo de quien firma.'))
                : Promise.resolve(),
          }),
        ]}
      >
        <Input maxLength={150} placeholder="Coordinadora de Cobranza" />
      </Form.Item>
    </div>
  );
}

/** Configuración › Datos del instituto: what every document prints of the institute. */
export function PaginaDatosDelInstituto() {
  useTituloDocumento('Datos del instituto');
  const consulta = useDatosDelInstituto();
  return (
    <>
      <Typography.Title level={1} style={{ marginBottom: 4 }}>
        Datos del instituto
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        Lo que los documentos dicen del instituto: razón social, domicilio, cuentas bancarias, quién
        firma y las leyendas. Cada vez que guardas se crea una versión nueva.
      </Typography.Paragraph>
      {consulta.isError ? (
        <ErrorConReintento
          titulo="No se pudieron cargar los datos del instituto."
          error={consulta.error}
          reintentar={consulta.refetch}
        />
      ) : consulta.data === undefined ? (
        <Cargando texto="Cargando los datos del instituto…" />
      ) : (
        <>
          <Version datos={consulta.data.datos} versiones={consulta.data.versiones} />
          <Formulario key={consulta.data.datos?.version ?? 0} datos={consulta.data.datos} />
        </>
      )}
    </>
  );
}
