import { Alert, App, Button, Card, Checkbox, DatePicker, Flex, Form, Input, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { esErrorApi } from '../../api/cliente.ts';
import type { EstadoCredito } from '../../api/creditos.ts';
import { useClaveDeIdempotencia } from '../../api/idempotencia.ts';
import {
  type CanalPago,
  type DatosPago,
  type DatosVistaPrevia,
  type Excedente,
  type PagoAnterior,
  type PagoRegistrado,
  pagoAnteriorDe,
  ROLES_AUTORIZAR_EXCEDENTE,
  useRegistrarPago,
  useVistaPrevia,
} from '../../api/pagos.ts';
import { useHoy, useUsuarioActual } from '../../api/sesion.ts';
import { mostrarErrorEnFormulario } from '../../erroresFormulario.ts';
import { centavosDe, fecha, leerMonto, pesos, pesosDe } from '../../formato.ts';
import { NOMBRE_CANAL, nombreCanal } from '../Etiquetas.tsx';
import { PagoAplicado, ResultadoPago } from './ResultadoPago.tsx';

interface Valores {
  fecha: Dayjs;
  monto: string;
  canal: CanalPago;
  referencia: string;
  excedente: Excedente;
}

const CAMPOS = ['fecha', 'monto', 'canal', 'referencia', 'excedente'] as const;
const FORMATO_ISO = 'YYYY-MM-DD';
const MAXIMO_CENTAVOS = 100_000_000_00;

const OPCIONES_CANAL: { value: CanalPago; label: string }[] = [
  { value: 'banco', label: NOMBRE_CANAL.banco },
  { value: 'caja', label: NOMBRE_CANAL.caja },
  { value: 'nomina', label: NOMBRE_CANAL.nomina },
];

const OPCIONES_EXCEDENTE: { value: Excedente; label: string }[] = [
  { value: 'reducir_plazo', label: 'Reducir plazo' },
  { value: 'adelantar', label: 'Adelantar pagos' },
];

/** A network failure or a 5xx may have posted the payment: say that retrying is safe. */
function conAvisoDeReintento(mensaje: string | null, error: unknown): string | null {
  if (mensaje === null) return null;
  if (esErrorApi(error) && error.estado > 0 && error.estado < 500) return mensaje;
  return `${mensaje} Si el pago alcanzó a registrarse, volver a intentarlo no lo duplica.`;
}

/** A 409 `posible_duplicado`: the server's words and the payment they name. */
interface Duplicado {
  mensaje: string;
  anterior: PagoAnterior;
}

/**
 * Registers a payment made at the bank, the institute's cashier or by payroll: nobody at
 * Recupera receives cash. «Vista previa» asks the engine how it would apply; «Registrar pago»
 * posts it once (Idempotency-Key), shows the receipt and refreshes the statement. The server
 * stops an amount above what settles the credit (a coordinador or contabilidad may authorize
 * it here) and the same payment typed twice today (confirmed here by naming the earlier one).
 */
export function RegistrarPago({
  creditoId,
  estadoCredito,
}: {
  creditoId: number;
  estadoCredito: EstadoCredito;
}) {
  const hoy = useHoy();
  const puedeAutorizar = ROLES_AUTORIZAR_EXCEDENTE.includes(useUsuarioActual().rol);
  const { message } = App.useApp();
  const [formulario] = Form.useForm<Valores>();
  const vistaPrevia = useVistaPrevia(creditoId);
  const registrar = useRegistrarPago(creditoId);
  const clave = useClaveDeIdempotencia();
  // A second click arrives before React re-renders the disabled button: this one is synchronous.
  const enviando = useRef(false);
  const [errorGeneral, setErrorGeneral] = useState<string | null>(null);
  const [registrado, setRegistrado] = useState<PagoRegistrado | null>(null);
  /** The 422 `excede_adeudo` message of the last attempt. */
  const [excede, setExcede] = useState<string | null>(null);
  const [autorizo, setAutorizo] = useState(false);
  const [duplicado, setDuplicado] = useState<Duplicado | null>(null);
  // What the last attempt sent, so «Sí, registrar de todos modos» resends exactly that.
  const ultimoEnvio = useRef<Valores | null>(null);
  const hoyDia = dayjs(hoy, FORMATO_ISO);

  if (estadoCredito === 'reestructurado') {
    return (
      <Card size="small" title={<h2 className="titulo-tarjeta">Registrar pago</h2>}>
        <Alert
          type="info"
          showIcon
          title="El crédito fue reestructurado: registra el pago en el crédito que lo sustituyó."
        />
      </Card>
    );
  }

  const datosVistaPrevia = (v: Pick<Valores, 'fecha' | 'monto' | 'excedente'>) =>
    ({
      fecha: v.fecha.format(FORMATO_ISO),
      monto: leerMonto(v.monto) ?? v.monto,
      excedente: v.excedente,
    }) satisfies DatosVistaPrevia;

  const alFallar = (error: unknown) => {
    const anterior = pagoAnteriorDe(error);
    if (anterior !== null && esErrorApi(error)) {
      setDuplicado({ mensaje: error.mensaje, anterior });
      return;
    }
    if (esErrorApi(error) && error.codigo === 'excede_adeudo') {
      setExcede(error.mensaje);
      return;
    }
    setErrorGeneral(
      conAvisoDeReintento(mostrarErrorEnFormulario(formulario, error, CAMPOS), error),
    );
  };

  const olvidarAvisos = () => {
    setErrorGeneral(null);
    setExcede(null);
    setAutorizo(false);
    setDuplicado(null);
  };

  // Any change makes it another payment: a new key, and the preview no longer applies.
  const alCambiar = () => {
    clave.renovar();
    vistaPrevia.reset();
    olvidarAvisos();
  };

  const verVistaPrevia = async () => {
    setErrorGeneral(null);
    let v: Pick<Valores, 'fecha' | 'monto' | 'excedente'>;
    try {
      v = await formulario.validateFields(['fecha', 'monto', 'excedente']);
    } catch {
      return;
    }
    vistaPrevia.mutate(datosVistaPrevia(v), { onError: alFallar });
  };

  // A 409 or 422 stored nothing, not even the key: the resend may reuse it with more in it.
  const enviar = (v: Valores, confirmarDuplicado?: number) => {
    if (enviando.current) return;
    enviando.current = true;
    ultimoEnvio.current = v;
    // The excess warning stays while the authorized resend is on its way, and so does the box.
    setErrorGeneral(null);
    setDuplicado(null);
    const datos: DatosPago = {
      ...datosVistaPrevia(v),
      canal: v.canal,
      referencia: v.referencia.trim(),
      ...(autorizo ? { autorizarExcedente: true } : {}),
      ...(confirmarDuplicado === undefined ? {} : { confirmarDuplicado }),
    };
    registrar.mutate(
      { datos, clave: clave.actual() },
      {
        onSuccess: (r) => {
          clave.renovar();
          setRegistrado(r);
          vistaPrevia.reset();
          formulario.resetFields();
          olvidarAvisos();
          void message.success(`Pago registrado con folio ${r.movimiento.id}.`);
        },
        onError: alFallar,
        onSettled: () => {
          enviando.current = false;
        },
      },
    );
  };

  const alRegistrar = (v: Valores) => enviar(v);

  const registrarDeTodosModos = () => {
    if (duplicado !== null && ultimoEnvio.current !== null) {
      enviar(ultimoEnvio.current, duplicado.anterior.movimientoId);
    }
  };

  const validarMonto = (_: unknown, texto: string | undefined) => {
    if (texto === undefined || texto.trim() === '') return Promise.reject('Escribe el monto.');
    const monto = leerMonto(texto);
    if (monto === null) return Promise.reject('Escribe un monto en pesos, como 1,500.00.');
    const centavos = centavosDe(monto);
    if (centavos <= 0) return Promise.reject('El monto debe ser mayor que cero.');
    if (centavos > MAXIMO_CENTAVOS)
      return Promise.reject(`El monto no puede exceder ${pesos(MAXIMO_CENTAVOS)}.`);
    return Promise.resolve();
  };

  const normalizarMonto = () => {
    const texto = formulario.getFieldValue('monto');
    if (typeof texto !== 'string') return;
    const monto = leerMonto(texto);
    if (monto !== null && centavosDe(monto) > 0) {
      formulario.setFieldValue('monto', pesosDe(monto).replace('$', ''));
    }
  };

  const previa = vistaPrevia.data;
  const verAutorizacion = puedeAutorizar && (excede !== null || previa?.excedeAdeudo != null);

  return (
    <Card
      size="small"
      id="panel-pago"
      title={<h2 className="titulo-tarjeta">Registrar pago</h2>}
      style={{ marginBottom: 16 }}
    >
      <p className="nota-pago">
        Nadie en Recupera recibe efectivo: registra aquí el pago que el acreditado hizo en el banco,
        en la caja del instituto o por nómina, con su referencia.
      </p>
      <div className="pago-rejilla">
        <Form<Valores>
          form={formulario}
          name="registrar-pago"
          layout="vertical"
          initialValues={{ fecha: hoyDia, excedente: 'reducir_plazo', monto: '', referencia: '' }}
          onValuesChange={alCambiar}
          onFinish={alRegistrar}
          disabled={registrar.isPending}
        >
          {errorGeneral !== null && (
            <Alert type="error" showIcon title={errorGeneral} style={{ marginBottom: 16 }} />
          )}
          <div className="pago-campos">
            <Form.Item
              label="Fecha del pago"
              name="fecha"
              rules={[{ required: true, message: 'Elige la fecha del pago.' }]}
            >
              <DatePicker
                format="DD/MM/YYYY"
                allowClear={false}
                showNow={false}
                disabledDate={(d) => d.isAfter(hoyDia, 'day')}
                style={{ width: '100%' }}
              />
            </Form.Item>
            <Form.Item
              label="Monto"
              name="monto"
              rules={[{ validator: validarMonto }]}
              validateTrigger="onBlur"
            >
              <Input
                prefix="$"
                inputMode="decimal"
                autoComplete="off"
                placeholder="0.00"
                onBlur={normalizarMonto}
              />
            </Form.Item>
          </div>
          <Form.Item
            label="Canal"
            name="canal"
            rules={[{ required: true, message: 'Elige por dónde se hizo el pago.' }]}
          >
            <Radio.Group options={OPCIONES_CANAL} aria-label="Canal" />
          </Form.Item>
          <Form.Item
            label="Referencia bancaria o número de recibo de caja"
            name="referencia"
            rules={[
              { required: true, whitespace: true, message: 'Escribe la referencia del pago.' },
              { max: 60, message: 'La referencia admite a lo más 60 caracteres.' },
            ]}
          >
            <Input autoComplete="off" spellCheck={false} maxLength={60} />
          </Form.Item>
          <Form.Item
            label="Si el pago excede lo exigible"
            name="excedente"
            extra="«Reducir plazo» abona el resto al capital de las últimas amortizaciones; «Adelantar pagos» lo guarda para cubrir las siguientes."
          >
            <Radio.Group options={OPCIONES_EXCEDENTE} aria-label="Si el pago excede lo exigible" />
          </Form.Item>
          {excede !== null && (
            <Alert
              type="warning"
              showIcon
              title="El pago excede lo que debe el crédito"
              description={excede}
              style={{ marginBottom: 12 }}
            />
          )}
          {verAutorizacion && (
            <Form.Item>
              <Checkbox checked={autorizo} onChange={(e) => setAutorizo(e.target.checked)}>
                Autorizo el excedente
              </Checkbox>
            </Form.Item>
          )}
          {duplicado !== null && (
            <Alert
              type="warning"
              showIcon
              title="¿Es otro pago?"
              description={
                <>
                  <p style={{ margin: '0 0 8px' }}>{duplicado.mensaje}</p>
                  <Flex gap={8} wrap>
                    <Button onClick={registrarDeTodosModos} loading={registrar.isPending}>
                      Sí, registrar de todos modos
                    </Button>
                    <Button type="text" onClick={() => setDuplicado(null)}>
                      No, es el mismo
                    </Button>
                  </Flex>
                </>
              }
              style={{ marginBottom: 12 }}
            />
          )}
          <Flex gap={8} wrap>
            <Button onClick={() => void verVistaPrevia()} loading={vistaPrevia.isPending}>
              Vista previa
            </Button>
            <Button type="primary" htmlType="submit" loading={registrar.isPending}>
              Registrar pago
            </Button>
          </Flex>
        </Form>
        <div aria-live="polite" className="pago-panel">
          {previa !== undefined ? (
            <>
              {previa.pagosParecidos.length > 0 && (
                <Alert
                  type="warning"
                  showIcon
                  style={{ marginBottom: 12 }}
                  title="¿Ya está registrado?"
                  description={
                    <>
                      {previa.pagosParecidos.map((p) => (
                        <div key={p.movimientoId}>
                          El crédito ya tiene un pago del {fecha(p.fecha)} por {pesosDe(p.monto)}{' '}
                          (folio {p.movimientoId}, {nombreCanal(p.canal).toLowerCase()}
                          {p.referencia ? `, referencia «${p.referencia}»` : ''}).
                        </div>
                      ))}
                      Regístralo solo si es otro pago.
                    </>
                  }
                />
              )}
              {previa.excedeAdeudo !== null && (
                <Alert
                  type="warning"
                  showIcon
                  style={{ marginBottom: 12 }}
                  title="Excede lo que debe el crédito"
                  description={`${previa.excedeAdeudo.mensaje} ${
                    previa.excedeAdeudo.puedeAutorizar
                      ? 'Para registrarlo, marca «Autorizo el excedente».'
                      : 'Para registrarlo, pide a un coordinador o a contabilidad que lo registre autorizando el excedente.'
                  }`}
                />
              )}
              {previa.anticipoPuntual !== null && (
                <Alert
                  type="info"
                  showIcon
                  style={{ marginBottom: 12 }}
                  title={previa.anticipoPuntual}
                />
              )}
              <PagoAplicado
                titulo={`Si paga ${pesosDe(previa.aplicacion.monto)} el ${fecha(previa.aplicacion.fecha)}, se aplica así:`}
                aplicacion={previa.aplicacion}
                estado={previa.estado}
              />
            </>
          ) : registrado !== null ? (
            <ResultadoPago pago={registrado} alCerrar={() => setRegistrado(null)} />
          ) : (
            <p className="pago-ayuda">
              Escribe el monto y pulsa «Vista previa» para ver cómo se aplicaría antes de
              registrarlo.
            </p>
          )}
        </div>
      </div>
    </Card>
  );
}
