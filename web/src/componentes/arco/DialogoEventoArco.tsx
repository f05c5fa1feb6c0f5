import { Alert, App, Form, Input, Radio, Select } from 'antd';
import { useState } from 'react';
import {
  type AccionArco,
  type DocumentoIdentidad,
  type EventoArco,
  type MedioEntrega,
  NOMBRE_DOCUMENTO,
  NOMBRE_MEDIO_ENTREGA,
  type SolicitudArco,
  useEventoArco,
} from '../../api/arco.ts';
import { mostrarErrorEnFormulario } from '../../erroresFormulario.ts';
import { DialogoFormulario } from '../DialogoFormulario.tsx';
import {
  CamposRectificacion,
  type FilaRectificacion,
  rectificacionesDe,
} from './CamposRectificacion.tsx';

interface Valores {
  documento?: DocumentoIdentidad;
  numero?: string;
  representante?: string;
  motivo?: string;
  sentido?: 'procedente' | 'improcedente';
  fundamento?: string;
  entrega?: MedioEntrega;
  nota?: string;
  rectificaciones?: FilaRectificacion[];
}

const CAMPOS = [
  'documento',
  'numero',
  'representante',
  'motivo',
  'sentido',
  'fundamento',
  'entrega',
  'nota',
  'rectificaciones',
] as const;

const TITULO: Record<AccionArco, string> = {
  verificar: 'Verificar la identidad del titular',
  ampliar: 'Ampliar el plazo de respuesta',
  responder: 'Responder la solicitud',
  ejecutar: 'Ejecutar el derecho',
  cerrar: 'Cerrar la solicitud',
};

const ACEPTAR: Record<AccionArco, string> = {
  verificar: 'Verificar',
  ampliar: 'Ampliar plazo',
  responder: 'Responder',
  ejecutar: 'Ejecutar',
  cerrar: 'Cerrar solicitud',
};

const HECHO: Record<AccionArco, string> = {
  verificar: 'identidad verificada.',
  ampliar: 'plazo ampliado.',
  responder: 'respuesta registrada.',
  ejecutar: 'derecho ejecutado.',
  cerrar: 'solicitud cerrada.',
};

const opcional = (t: string | undefined) => (t === undefined || t.trim() === '' ? null : t.trim());
const requerido = (mensaje: string) => [{ required: true, whitespace: true, message: mensaje }];

function evento(accion: AccionArco, v: Valores): EventoArco {
  switch (accion) {
    case 'verificar':
      return {
        evento: 'verificar',
        documento: v.documento ?? 'ine',
        numero: (v.numero ?? '').trim(),
        representante: opcional(v.representante),
      };
    case 'ampliar':
      return { evento: 'ampliar', motivo: (v.motivo ?? '').trim() };
    case 'responder':
      return {
        evento: 'responder',
        sentido: v.sentido ?? 'improcedente',
        fundamento: (v.fundamento ?? '').trim(),
      };
    case 'ejecutar':
      return {
        evento: 'ejecutar',
        entrega: v.entrega ?? null,
        rectificaciones: rectificacionesDe(v.rectificaciones ?? []),
        nota: opcional(v.nota),
      };
    case 'cerrar':
      return { evento: 'cerrar', motivo: opcional(v.motivo) };
  }
}

/** One step of a request, with only the fields that step needs. */
export function DialogoEventoArco({
  solicitud: s,
  accion,
  abierto,
  alCerrar,
  alTerminarCierre,
}: {
  solicitud: SolicitudArco;
  accion: AccionArco;
  abierto: boolean;
  alCerrar: () => void;
  alTerminarCierre: () => void;
}) {
  const [formulario] = Form.useForm<Valores>();
  const enviar = useEventoArco(s.id);
  const { message } = App.useApp();
  const [errorGeneral, setErrorGeneral] = useState<string | null>(null);
  const sinIdentidad = s.identidad === null;

  const alEnviar = (v: Valores) => {
    if (enviar.isPending) return;
    setErrorGeneral(null);
    enviar.mutate(evento(accion, v), {
      onSuccess: () => {
        void message.success(`${s.folio}: ${HECHO[accion]}`);
        alCerrar();
      },
      onError: (error) => setErrorGeneral(mostrarErrorEnFormulario(formulario, error, CAMPOS)),
    });
  };

  return (
    <DialogoFormulario<Valores>
      abierto={abierto}
      titulo={`${TITULO[accion]} ${s.folio}`}
      textoAceptar={
        accion === 'ejecutar' && s.derecho === 'cancelacion' ? 'Bloquear datos' : ACEPTAR[accion]
      }
      peligroso={accion === 'ejecutar' && s.derecho === 'cancelacion'}
      ocupado={enviar.isPending}
      formulario={formulario}
      nombre={`arco-${accion}`}
      ancho={accion === 'ejecutar' && s.derecho === 'rectificacion' ? 720 : undefined}
      valoresIniciales={{
        documento: 'ine',
        sentido: sinIdentidad ? 'improcedente' : 'procedente',
        entrega: 'ventanilla',
        rectificaciones: [{ dato: 'telefono' }],
      }}
      alEnviar={alEnviar}
      alCerrar={alCerrar}
      alTerminarCierre={alTerminarCierre}
    >
      {errorGeneral !== null && (
        <Alert type="error" showIcon title={errorGeneral} style={{ marginBottom: 16 }} />
      )}
      {accion === 'verificar' && (
        <>
          <Form.Item label="Documento que mostró" name="documento" rules={[{ required: true }]}>
            <Select
              options={(Object.keys(NOMBRE_DOCUMENTO) as DocumentoIdentidad[]).map((d) => ({
                value: d,
                label: NOMBRE_DOCUMENTO[d],
              }))}
            />
          </Form.Item>
          <Form.Item
            label="Número o folio del documento"
            name="numero"
            rules={requerido('Escribe el número del documento.')}
          >
            <Input autoComplete="off" maxLength={40} />
          </Form.Item>
          {s.representante !== null && (
            <Form.Item
              label={`Cómo acreditó su representación ${s.representante}`}
              name="representante"
              rules={requerido('Indica cómo acreditó la representación.')}
            >
              <Input
                autoComplete="off"
                maxLength={300}
                placeholder="Carta poder, instrumento público…"
              />
            </Form.Item>
          )}
        </>
      )}
      {(accion === 'ampliar' || accion === 'cerrar') && (
        <Form.Item
          label={accion === 'ampliar' ? 'Por qué se amplía' : 'Motivo del cierre'}
          name="motivo"
          rules={
            accion === 'ampliar' || s.respuesta === null ? requerido('Escribe el motivo.') : []
          }
          extra={
            accion === 'cerrar' && s.respuesta === null
              ? 'P. ej., el titular se desistió.'
              : undefined
          }
        >
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      )}
      {accion === 'responder' && (
        <>
          <Form.Item label="Sentido" name="sentido" rules={[{ required: true }]}>
            <Radio.Group>
              <Radio value="procedente" disabled={sinIdentidad}>
                Procedente
              </Radio>
              <Radio value="improcedente">Improcedente</Radio>
            </Radio.Group>
          </Form.Item>
          {sinIdentidad && (
            <p className="texto-secundario">
              Sin la identidad verificada solo cabe responder improcedente.
            </p>
          )}
          <Form.Item
            label="Fundamento"
            name="fundamento"
            rules={requerido('Escribe el fundamento.')}
          >
            <Input.TextArea rows={4} maxLength={4000} showCount />
          </Form.Item>
        </>
      )}
      {accion === 'ejecutar' && (
        <>
          {(s.derecho === 'acceso' || s.derecho === 'portabilidad') && (
            <Form.Item
              label="Cómo se entregaron los datos"
              name="entrega"
              rules={[{ required: true }]}
            >
              <Select
                options={(Object.keys(NOMBRE_MEDIO_ENTREGA) as MedioEntrega[]).map((m) => ({
                  value: m,
                  label: NOMBRE_MEDIO_ENTREGA[m],
                }))}
              />
            </Form.Item>
          )}
          {s.derecho === 'rectificacion' && s.persona !== null && (
            <CamposRectificacion personaId={s.persona.id} />
          )}
          {s.derecho === 'cancelacion' && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title="Se bloquean sus datos personales"
              description="Su nombre, CURP, RFC, teléfonos, correos, domicilios y notas dejan de verse y de encontrarse; se conservan aparte solo el plazo de bloqueo y después se suprimen. Sus créditos y pagos se conservan."
            />
          )}
          {s.derecho === 'oposicion' && (
            <p>
              Desde ahora no se le contactará por ningún medio; solo se registran los contactos que
              él inicie.
            </p>
          )}
          <Form.Item label="Nota (opcional)" name="nota">
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </>
      )}
    </DialogoFormulario>
  );
}
