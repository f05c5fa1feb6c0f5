import { Alert, App, Form, Input, Typography } from 'antd';
import { useRef, useState } from 'react';
import { mensajeDeError } from '../../api/cliente.ts';
import { creditoPorNumero, type Deposito, useAsignarDeposito } from '../../api/conciliacion.ts';
import { useClaveDeIdempotencia } from '../../api/idempotencia.ts';
import { mostrarErrorEnFormulario } from '../../erroresFormulario.ts';
import { fecha, pesosDe } from '../../formato.ts';
import { DialogoFormulario } from '../DialogoFormulario.tsx';

interface Valores {
  numero: string;
  motivo: string;
}

const CAMPOS = ['numero', 'motivo'] as const;

/** A person decides which credit a deposit pays; it is posted like an imported one. */
export function DialogoAsignar({
  deposito,
  abierto,
  alCerrar,
  alTerminarCierre,
}: {
  deposito: Deposito;
  abierto: boolean;
  alCerrar: () => void;
  alTerminarCierre: () => void;
}) {
  const [formulario] = Form.useForm<Valores>();
  const asignar = useAsignarDeposito();
  const clave = useClaveDeIdempotencia();
  const enviando = useRef(false);
  const [buscando, setBuscando] = useState(false);
  const { message } = App.useApp();
  const [errorGeneral, setErrorGeneral] = useState<string | null>(null);

  const alEnviar = async ({ numero, motivo }: Valores) => {
    if (enviando.current) return;
    enviando.current = true;
    setErrorGeneral(null);
    setBuscando(true);
    let credito: Awaited<ReturnType<typeof creditoPorNumero>>;
    try {
      credito = await creditoPorNumero(numero);
    } catch (error) {
      setErrorGeneral(mensajeDeError(error));
      enviando.current = false;
      return;
    } finally {
      setBuscando(false);
    }
    if (credito === null) {
      formulario.setFields([
        { name: 'numero', errors: [`No hay un crédito con el número «${numero.trim()}».`] },
      ]);
      formulario.focusField('numero');
      enviando.current = false;
      return;
    }
    const elegido = credito;
    const porQue = (motivo ?? '').trim();
    asignar.mutate(
      {
        id: deposito.id,
        creditoId: elegido.id,
        motivo: porQue === '' ? null : porQue,
        clave: clave.actual(),
      },
      {
        onSuccess: ({ pago }) => {
          clave.renovar();
          const registrado = `Depósito ${deposito.folio} registrado en el crédito ${elegido.numero} con el folio de pago ${pago.movimiento.id}.`;
          // The money arrived, so it is posted; above the debt it is flagged for review.
          if (pago.excedeAdeudo === null) void message.success(registrado);
          else
            void message.warning(
              `${registrado} Excede lo que debía el crédito (${pesosDe(pago.excedeAdeudo.adeudo)}) por ${pesosDe(pago.excedeAdeudo.exceso)}: queda como saldo a favor; revísalo.`,
              10,
            );
          alCerrar();
        },
        onError: (error) =>
          setErrorGeneral(
            mostrarErrorEnFormulario(formulario, error, CAMPOS, {
              nombres: { creditoId: 'numero' },
            }),
          ),
        onSettled: () => {
          enviando.current = false;
        },
      },
    );
  };

  const ocupado = buscando || asignar.isPending;
  return (
    <DialogoFormulario<Valores>
      abierto={abierto}
      titulo={`Asignar a crédito el depósito ${deposito.folio}`}
      textoAceptar="Asignar y registrar pago"
      ocupado={ocupado}
      formulario={formulario}
      nombre="asignar-deposito"
      valoresIniciales={{ numero: deposito.creditoReferido?.numero ?? '', motivo: '' }}
      alEnviar={(v) => void alEnviar(v)}
      alCambiarValores={() => {
        clave.renovar();
        setErrorGeneral(null);
      }}
      alCerrar={alCerrar}
      alTerminarCierre={alTerminarCierre}
    >
      <Typography.Paragraph>
        {pesosDe(deposito.importe)} del {fecha(deposito.fecha)}
        {deposito.referencia === '' ? ', sin referencia' : `, referencia ${deposito.referencia}`}.
        Se registrará como pago del crédito con fecha del depósito.
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{deposito.motivo}</Typography.Paragraph>
      {errorGeneral !== null && (
        <Alert type="error" showIcon title={errorGeneral} style={{ marginBottom: 16 }} />
      )}
      <Form.Item
        label="Número de crédito"
        name="numero"
        rules={[{ required: true, whitespace: true, message: 'Escribe el número de crédito.' }]}
      >
        <Input autoComplete="off" spellCheck={false} autoFocus maxLength={40} />
      </Form.Item>
      <Form.Item
        label="Motivo (opcional)"
        name="motivo"
        extra="Por ejemplo, cómo se identificó al acreditado."
        rules={[
          {
            validator: (_, v: string | undefined) => {
              const t = (v ?? '').trim();
              return t === '' || t.length >= 5
                ? Promise.resolve()
                : Promise.reject('Explica el motivo con al menos 5 caracteres, o déjalo vacío.');
            },
          },
          { max: 500, message: 'El motivo admite a lo más 500 caracteres.' },
        ]}
      >
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </DialogoFormulario>
  );
}
