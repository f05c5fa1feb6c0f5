import { Alert, App, DatePicker, Form, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { useFirmarConvenio } from '../../api/convenios.ts';
import { useClaveDeIdempotencia } from '../../api/idempotencia.ts';
import { useHoy } from '../../api/sesion.ts';
import { mostrarErrorEnFormulario } from '../../erroresFormulario.ts';
import { DialogoFormulario } from '../DialogoFormulario.tsx';

interface Valores {
  fechaFirma: Dayjs;
}

const CAMPOS = ['fechaFirma'] as const;
const ISO = 'YYYY-MM-DD';

/**
 * Records that the debtor signed: the discount, the window without moratorio and the
 * acknowledgment of the debt take effect. It moves money, so it carries an Idempotency-Key.
 */
export function DialogoFirmarConvenio({
  convenioId,
  fechaConvenio,
  abierto,
  alCerrar,
  alTerminarCierre,
}: {
  convenioId: number;
  /** The signing date can be today or earlier, never before the convenio's own date. */
  fechaConvenio: string;
  abierto: boolean;
  alCerrar: () => void;
  alTerminarCierre: () => void;
}) {
  const hoy = useHoy();
  const [formulario] = Form.useForm<Valores>();
  const firmar = useFirmarConvenio(convenioId);
  const clave = useClaveDeIdempotencia();
  const enviando = useRef(false);
  const { message } = App.useApp();
  const [errorGeneral, setErrorGeneral] = useState<string | null>(null);

  const alEnviar = ({ fechaFirma }: Valores) => {
    if (enviando.current) return;
    enviando.current = true;
    setErrorGeneral(null);
    firmar.mutate(
      { fechaFirma: fechaFirma.format(ISO), clave: clave.actual() },
      {
        onSuccess: () => {
          clave.renovar();
          void message.success(`Convenio ${convenioId} firmado.`);
          alCerrar();
        },
        onError: (error) => setErrorGeneral(mostrarErrorEnFormulario(formulario, error, CAMPOS)),
        onSettled: () => {
          enviando.current = false;
        },
      },
    );
  };

  return (
    <DialogoFormulario<Valores>
      abierto={abierto}
      titulo={`Registrar la firma del convenio ${convenioId}`}
      textoAceptar="Registrar firma"
      ocupado={firmar.isPending}
      formulario={formulario}
      nombre="firmar-convenio"
      valoresIniciales={{ fechaFirma: dayjs(hoy, ISO) }}
      alEnviar={alEnviar}
      alCambiarValores={() => {
        clave.renovar();
        setErrorGeneral(null);
      }}
      alCerrar={alCerrar}
      alTerminarCierre={alTerminarCierre}
    >
      <Typography.Paragraph>
        Al firmarse se aplican el descuento y la ventana sin moratorio, y el deudor reconoce su
        adeudo. Si después no cumple una promesa, el descuento y la ventana se revocan.
      </Typography.Paragraph>
      {errorGeneral !== null && (
        <Alert type="error" showIcon title={errorGeneral} style={{ marginBottom: 16 }} />
      )}
      <Form.Item
        label="Fecha de firma"
        name="fechaFirma"
        rules={[{ required: true, message: 'Indica la fecha en que se firmó.' }]}
      >
        <DatePicker
          format="DD/MM/YYYY"
          allowClear={false}
          showNow={false}
          inputReadOnly={false}
          disabledDate={(d) =>
            d.isAfter(dayjs(hoy, ISO)) || d.isBefore(dayjs(fechaConvenio.slice(0, 10), ISO))
          }
          style={{ width: 160 }}
        />
      </Form.Item>
    </DialogoFormulario>
  );
}
