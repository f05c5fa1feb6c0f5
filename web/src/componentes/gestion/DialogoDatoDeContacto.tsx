import { Alert, App, Checkbox, Form, Input, Select } from 'antd';
import { useRef, useState } from 'react';
import type { TipoTelefono } from '../../api/atencion.ts';
import {
  type Correo,
  type Domicilio,
  NOMBRE_TIPO_TELEFONO,
  nombreDeZona,
  type OperacionContacto,
  type Telefono,
  TIPOS_TELEFONO,
  useCambiarContacto,
  ZONAS_HORARIAS,
} from '../../api/contactos.ts';
import { mostrarErrorEnFormulario } from '../../erroresFormulario.ts';
import { DialogoFormulario } from '../DialogoFormulario.tsx';

/**
 * What the dialog adds or corrects. A correction starts from the current values, except the
 * number or e-mail itself: those come masked, and the right one is typed whole.
 */
export type Edicion =
  | { tipo: 'telefono'; actual: Telefono | null }
  | { tipo: 'correo'; actual: Correo | null }
  | { tipo: 'domicilio'; actual: Domicilio | null };

interface Valores {
  numero: string;
  tipoTelefono: TipoTelefono;
  zonaHoraria: string | null;
  correo: string;
  consentimiento: boolean;
  calle: string;
  numeroExterior: string;
  colonia: string;
  codigoPostal: string;
  municipio: string;
  estado: string;
  motivo: string;
}

const CAMPOS = [
  'numero',
  'tipoTelefono',
  'zonaHoraria',
  'correo',
  'consentimiento',
  'calle',
  'numeroExterior',
  'colonia',
  'codigoPostal',
  'municipio',
  'estado',
  'motivo',
] as const;

/** API field → form field where they differ. */
const NOMBRES_API = { tipo: 'tipoTelefono' } as const;

const AUTOMATICA = 'automatica';

const NOMBRE_DATO = { telefono: 'teléfono', correo: 'correo', domicilio: 'domicilio' } as const;

function iniciales(e: Edicion): Partial<Valores> {
  switch (e.tipo) {
    case 'telefono':
      return {
        numero: '',
        tipoTelefono: e.actual?.tipo ?? 'movil',
        zonaHoraria: e.actual?.zonaHorariaAMano ? e.actual.zonaHoraria : AUTOMATICA,
        consentimiento: false,
        motivo: '',
      };
    case 'correo':
      return { correo: '', consentimiento: false, motivo: '' };
    case 'domicilio':
      return {
        calle: e.actual?.calle ?? '',
        numeroExterior: e.actual?.numero ?? '',
        colonia: e.actual?.colonia ?? '',
        codigoPostal: e.actual?.codigoPostal ?? '',
        municipio: e.actual?.municipio ?? '',
        estado: e.actual?.estado ?? 'Sonora',
        motivo: '',
      };
  }
}

function operacionDe(e: Edicion, v: Valores): OperacionContacto {
  const motivo = v.motivo?.trim() ?? '';
  switch (e.tipo) {
    case 'telefono': {
      const numero = v.numero.trim();
      const zona = v.zonaHoraria === AUTOMATICA ? null : v.zonaHoraria;
      if (e.actual === null) {
        return {
          tipo: 'alta_telefono',
          datos: {
            numero,
            tipo: v.tipoTelefono,
            consentimiento: v.consentimiento,
            ...(zona === null ? {} : { zonaHoraria: zona }),
          },
        };
      }
      // Only what changed: each change is its own line in the history.
      const zonaAntes = e.actual.zonaHorariaAMano ? e.actual.zonaHoraria : null;
      return {
        tipo: 'cambio_telefono',
        id: e.actual.id,
        datos: {
          // Left empty: the number stays (the server ignores the same number typed again).
          ...(numero === '' ? {} : { numero }),
          ...(v.tipoTelefono === e.actual.tipo ? {} : { tipo: v.tipoTelefono }),
          ...(zona === zonaAntes ? {} : { zonaHoraria: zona }),
          motivo,
        },
      };
    }
    case 'correo':
      return e.actual === null
        ? {
            tipo: 'alta_correo',
            datos: { correo: v.correo.trim(), consentimiento: v.consentimiento },
          }
        : { tipo: 'cambio_correo', id: e.actual.id, datos: { correo: v.correo.trim(), motivo } };
    case 'domicilio': {
      const datos = {
        calle: v.calle.trim(),
        numero: v.numeroExterior.trim(),
        colonia: v.colonia.trim(),
        codigoPostal: v.codigoPostal.trim(),
        municipio: v.municipio.trim(),
        estado: v.estado.trim(),
      };
      return e.actual === null
        ? { tipo: 'alta_domicilio', datos }
        : { tipo: 'cambio_domicilio', id: e.actual.id, datos: { ...datos, motivo } };
    }
  }
}

const requerido = (mensaje: string) => [{ required: true, whitespace: true, message: mensaje }];

/**
 * Adds a phone, e-mail or address, or corrects one: the old value stays in the history with
 * the reason, nothing is overwritten unseen. Consent is asked only when adding; afterwards it
 * is changed on its own, with a reason.
 */
export function DialogoDatoDeContacto({
  personaId,
  edicion,
  abierto,
  alCerrar,
  alTerminarCierre,
}: {
  personaId: number;
  edicion: Edicion;
  abierto: boolean;
  alCerrar: () => void;
  alTerminarCierre: () => void;
}) {
  const [formulario] = Form.useForm<Valores>();
  const cambiar = useCambiarContacto(personaId);
  const { message } = App.useApp();
  const enviando = useRef(false);
  const [errorGeneral, setErrorGeneral] = useState<string | null>(null);
  const alta = edicion.actual === null;
  const dato = NOMBRE_DATO[edicion.tipo];

  const alEnviar = (v: Valores) => {
    if (enviando.current) return;
    enviando.current = true;
    setErrorGeneral(null);
    cambiar.mutate(operacionDe(edicion, v), {
      onSuccess: () => {
        void message.success(alta ? `Se agregó el ${dato}.` : `Se corrigió el ${dato}.`);
        alCerrar();
      },
      onError: (error) =>
        setErrorGeneral(
          mostrarErrorEnFormulario(formulario, error, CAMPOS, {
            nombres: edicion.tipo === 'domicilio' ? { numero: 'numeroExterior' } : NOMBRES_API,
          }),
        ),
      onSettled: () => {
        enviando.current = false;
      },
    });
  };

  return (
    <DialogoFormulario<Valores>
      abierto={abierto}
      titulo={alta ? `Agregar ${dato}` : `Corregir ${dato}`}
      textoAceptar={alta ? `Agregar ${dato}` : 'Guardar corrección'}
      ocupado={cambiar.isPending}
      formulario={formulario}
      nombre={`contacto-${edicion.tipo}`}
      valoresIniciales={iniciales(edicion)}
      alEnviar={alEnviar}
      alCambiarValores={() => setErrorGeneral(null)}
      alCerrar={alCerrar}
      alTerminarCierre={alTerminarCierre}
    >
      {errorGeneral !== null && (
        <Alert type="error" showIcon title={errorGeneral} style={{ marginBottom: 16 }} />
      )}
      {edicion.tipo === 'telefono' && (
        <>
          <Form.Item
            label={edicion.actual === null ? 'Número' : 'Número correcto'}
            name="numero"
            extra={
              edicion.actual === null
                ? 'Los 10 dígitos, como 662 214 5591.'
                : `El actual es el ${edicion.actual.numero}. Escribe los 10 dígitos del correcto, o déjalo vacío si solo cambias el tipo o la zona.`
            }
            rules={[
              ...(edicion.actual === null ? requerido('Escribe el número.') : []),
              {
                pattern: /^\+?[\d\s().-]{10,20}$/,
                message: 'Escribe los 10 dígitos del número, como 662 214 5591.',
              },
            ]}
          >
            <Input autoFocus autoComplete="off" inputMode="tel" maxLength={20} />
          </Form.Item>
          <div className="rejilla-campos rejilla-2 rejilla-gestion">
            <Form.Item label="Tipo" name="tipoTelefono">
              <Select<TipoTelefono>
                options={TIPOS_TELEFONO.map((t) => ({ value: t, label: NOMBRE_TIPO_TELEFONO[t] }))}
              />
            </Form.Item>
            <Form.Item label="Zona horaria" name="zonaHoraria">
              <Select<string>
                options={[
                  {
                    value: AUTOMATICA,
                    label:
                      edicion.actual === null || edicion.actual.zonaHorariaAMano
                        ? 'Según su domicilio o lada'
                        : `Según su domicilio o lada (${nombreDeZona(edicion.actual.zonaHoraria)})`,
                  },
                  ...ZONAS_HORARIAS.map((z) => ({ value: z.zona, label: z.nombre })),
                ]}
              />
            </Form.Item>
          </div>
        </>
      )}
      {edicion.tipo === 'correo' && (
        <Form.Item
          label={edicion.actual === null ? 'Correo electrónico' : 'Correo correcto'}
          name="correo"
          extra={edicion.actual === null ? undefined : `El actual es ${edicion.actual.correo}.`}
          rules={[
            ...requerido('Escribe el correo.'),
            { type: 'email', message: 'Escribe un correo como nombre@dominio.mx.' },
          ]}
        >
          <Input autoFocus autoComplete="off" inputMode="email" maxLength={200} />
        </Form.Item>
      )}
      {edicion.tipo === 'domicilio' && (
        <div className="rejilla-campos rejilla-2 rejilla-gestion">
          <Form.Item label="Calle" name="calle" rules={requerido('Escribe la calle.')}>
            <Input autoFocus autoComplete="off" maxLength={200} />
          </Form.Item>
          <Form.Item label="Número" name="numeroExterior">
            <Input autoComplete="off" maxLength={30} />
          </Form.Item>
          <Form.Item label="Colonia" name="colonia">
            <Input autoComplete="off" maxLength={120} />
          </Form.Item>
          <Form.Item
            label="Código postal"
            name="codigoPostal"
            rules={[{ pattern: /^\d{5}$/, message: 'El código postal tiene 5 dígitos.' }]}
          >
            <Input autoComplete="off" inputMode="numeric" maxLength={5} />
          </Form.Item>
          <Form.Item label="Municipio" name="municipio" rules={requerido('Escribe el municipio.')}>
            <Input autoComplete="off" maxLength={120} />
          </Form.Item>
          <Form.Item label="Estado" name="estado" rules={requerido('Escribe el estado.')}>
            <Input autoComplete="off" maxLength={60} />
          </Form.Item>
        </div>
      )}
      {alta && edicion.tipo !== 'domicilio' && (
        <Form.Item
          name="consentimiento"
          valuePropName="checked"
          extra="Sin consentimiento registrado no se envían SMS, WhatsApp ni correos."
        >
          <Checkbox>Dio su consentimiento para recibir mensajes</Checkbox>
        </Form.Item>
      )}
      {!alta && (
        <Form.Item
          label="Motivo de la corrección"
          name="motivo"
          rules={[
            ...requerido('Explica por qué se corrige.'),
            { max: 500, message: 'El motivo admite a lo más 500 caracteres.' },
          ]}
        >
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      )}
    </DialogoFormulario>
  );
}
