import { useQueries } from '@tanstack/react-query';
import { Alert, App, Checkbox, Descriptions, Form, Input, Spin } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import {
  NOMBRE_AUTORIZADOR,
  type Oferta,
  type PedidoSimulacion,
  type Simulacion,
} from '../../api/alternativas.ts';
import { mensajeDeError } from '../../api/cliente.ts';
import { type NuevoConvenio, useProponerConvenio } from '../../api/convenios.ts';
import { consultaCredito } from '../../api/creditos.ts';
import { mostrarErrorEnFormulario } from '../../erroresFormulario.ts';
import { fecha, pesosDe } from '../../formato.ts';
import { DialogoFormulario } from '../DialogoFormulario.tsx';

interface Valores {
  condiciones: string;
  firmantes: number[];
}

const CAMPOS = ['condiciones', 'firmantes'] as const;
/** The server names the signer it refuses (`firmantes[1]`, a minor): the error goes on the list. */
const NOMBRES_FIRMANTES: Record<string, string> = Object.fromEntries(
  Array.from({ length: 10 }, (_, i) => [`firmantes[${i}]`, 'firmantes']),
);
const CONDICIONES =
  'El acreditado se obliga a pagar en las fechas y por los montos del plan de pagos de este convenio.';

interface Firmante {
  personaId: number;
  nombre: string;
  calidad: 'acreditado' | 'aval';
}

/** The acreditados and avales of the offer's credits: the only people who may sign (CONDUSEF). */
function useFirmantesPosibles(creditoIds: number[]) {
  return useQueries({
    queries: creditoIds.map((id) => consultaCredito(id)),
    combine: (resultados) => {
      const vistos = new Map<number, Firmante>();
      for (const r of resultados) {
        for (const p of r.data?.participantes ?? []) {
          if (p.rol === 'beneficiario' || vistos.has(p.personaId)) continue;
          vistos.set(p.personaId, { personaId: p.personaId, nombre: p.nombre, calidad: p.rol });
        }
      }
      return {
        firmantes: [...vistos.values()],
        cargando: resultados.some((r) => r.isPending),
        error: resultados.find((r) => r.isError)?.error ?? null,
      };
    },
  });
}

function plan(oferta: Oferta): string {
  const [primero] = oferta.pagos;
  if (primero === undefined) return 'Sin pagos';
  if (oferta.pagos.length === 1) return `1 pago el ${fecha(primero.fecha)}`;
  return `${oferta.pagos.length} pagos mensuales desde el ${fecha(primero.fecha)}`;
}

/**
 * Turns the chosen offer into a convenio: conditions and signers are the only things typed;
 * the server simulates the offer again with the same version, first payment and plazo.
 */
export function DialogoCapturarConvenio({
  pedido,
  simulacion,
  oferta,
  abierto,
  alCerrar,
  alTerminarCierre,
}: {
  pedido: PedidoSimulacion;
  simulacion: Simulacion;
  oferta: Oferta;
  abierto: boolean;
  alCerrar: () => void;
  alTerminarCierre: () => void;
}) {
  const [formulario] = Form.useForm<Valores>();
  const proponer = useProponerConvenio();
  const navegar = useNavigate();
  const { message } = App.useApp();
  const [errorGeneral, setErrorGeneral] = useState<string | null>(null);
  const posibles = useFirmantesPosibles(
    oferta.creditos.filter((c) => c.califica).map((c) => c.creditoId),
  );
  // Everyone who may sign is proposed, the acreditado and the avales; the gestor unticks
  // whoever will not sign.
  const propuestos = posibles.firmantes.map((f) => f.personaId);

  const alEnviar = (v: Valores) => {
    if (proponer.isPending) return;
    setErrorGeneral(null);
    const cuerpo: NuevoConvenio = {
      ...(pedido.creditoId !== undefined
        ? { creditoId: pedido.creditoId }
        : { personaId: pedido.personaId ?? 0 }),
      origen: oferta.origen,
      versionId: oferta.versionId,
      primerPago: simulacion.primerPago,
      ...(simulacion.plazo === null ? {} : { plazo: simulacion.plazo }),
      condiciones: v.condiciones.trim(),
      firmantes: v.firmantes,
    };
    proponer.mutate(cuerpo, {
      onSuccess: ({ convenio }) => {
        void message.success(`Convenio ${convenio.id} capturado: ${convenio.estadoEtiqueta}.`);
        alCerrar();
        navegar(`/convenios/${convenio.id}`);
      },
      onError: (error) =>
        setErrorGeneral(
          mostrarErrorEnFormulario(formulario, error, CAMPOS, { nombres: NOMBRES_FIRMANTES }),
        ),
    });
  };

  return (
    <DialogoFormulario<Valores>
      abierto={abierto}
      titulo={`Capturar convenio: ${oferta.nombre}`}
      textoAceptar="Capturar convenio"
      ancho={640}
      ocupado={proponer.isPending}
      formulario={formulario}
      nombre="capturar-convenio"
      valoresIniciales={{ condiciones: CONDICIONES }}
      alEnviar={alEnviar}
      alCambiarValores={() => setErrorGeneral(null)}
      alCerrar={alCerrar}
      alTerminarCierre={alTerminarCierre}
    >
      <Descriptions
        size="small"
        column={1}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'plan', label: 'Plan', children: plan(oferta) },
          {
            key: 'total',
            label: 'Total',
            children: <span className="cifra">{pesosDe(oferta.total)}</span>,
          },
          {
            key: 'descuento',
            label: 'Descuento',
            children: <span className="cifra">{pesosDe(oferta.descuento.total)}</span>,
          },
          {
            key: 'autorizacion',
            label: 'Autorización',
            children:
              oferta.autorizacion.requerida && oferta.autorizacion.rol !== null
                ? `Queda propuesto hasta la autorización ${NOMBRE_AUTORIZADOR[oferta.autorizacion.rol]}.`
                : 'Dentro de tu límite: nace autorizado.',
          },
        ]}
      />
      {errorGeneral !== null && (
        <Alert type="error" showIcon title={errorGeneral} style={{ marginBottom: 16 }} />
      )}
      <Form.Item
        label="Condiciones"
        name="condiciones"
        rules={[
          { required: true, whitespace: true, message: 'Escribe las condiciones del convenio.' },
          { max: 4000, message: 'Las condiciones admiten a lo más 4,000 caracteres.' },
        ]}
      >
        <Input.TextArea rows={4} maxLength={4000} showCount />
      </Form.Item>
      {posibles.error !== null ? (
        <Alert
          type="error"
          showIcon
          title="No se pudieron cargar el acreditado y los avales."
          description={mensajeDeError(posibles.error)}
        />
      ) : posibles.cargando ? (
        <Spin description="Cargando el acreditado y los avales…" />
      ) : (
        <Form.Item
          label="Firmantes"
          name="firmantes"
          initialValue={propuestos}
          extra="Solo el acreditado y los avales de los créditos del convenio."
          rules={[
            { required: true, type: 'array', min: 1, message: 'Elige al menos un firmante.' },
          ]}
        >
          <Checkbox.Group
            options={posibles.firmantes.map((f) => ({
              value: f.personaId,
              label: `${f.nombre} (${f.calidad === 'acreditado' ? 'acreditado' : 'aval'})`,
            }))}
          />
        </Form.Item>
      )}
    </DialogoFormulario>
  );
}
