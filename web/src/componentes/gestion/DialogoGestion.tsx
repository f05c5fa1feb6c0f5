import { useQuery } from '@tanstack/react-query';
import { Alert, App, DatePicker, Form, Input, InputNumber, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type KeyboardEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { esErrorApi } from '../../api/cliente.ts';
import { NOMBRE_PROXIMA_ACCION, type TipoProximaAccion } from '../../api/cola.ts';
import { useResultadosGestion } from '../../api/configuracion-gestion.ts';
import { type Contactos, useContactos } from '../../api/contactos.ts';
import { consultaCredito } from '../../api/creditos.ts';
import { revelarDatoPersonal } from '../../api/datos-personales.ts';
import {
  CANALES_GESTION,
  CANALES_LLAMADA,
  type CanalGestion,
  MEDIO_DE_CANAL,
  type MedioDeCanal,
  NOMBRE_CANAL_GESTION,
  useRegistrarGestion,
} from '../../api/gestiones.ts';
import { useAtenderRecado } from '../../api/recados.ts';
import { useHoy } from '../../api/sesion.ts';
import { etiquetaMostrarTelefono } from '../../enmascarado.ts';
import { mostrarErrorEnFormulario } from '../../erroresFormulario.ts';
import { centavosDe, fecha, leerMonto, pesosDe } from '../../formato.ts';
import { DatoEnmascarado } from '../DatoEnmascarado.tsx';
import { DialogoFormulario } from '../DialogoFormulario.tsx';
import { type Deudor, deudoresDe } from './deudores.ts';
import { EleccionDeCredito } from './EleccionDeCredito.tsx';
import { etiquetaTelefono, numeroTelefonico, textoDomicilio } from './medios.ts';
import {
  CAMPOS,
  cuerpoDe,
  FORMATO_ISO,
  NEGATIVAS,
  NOMBRES_API,
  OTRA,
  segundosDe,
  type Valores,
} from './valores-gestion.ts';
import './gestion.css';

/**
 * Where the gestión goes. On an account, the debtors are the page's. A recado is answered
 * with it (`POST /api/recados/:id/atencion`): its debtors are read from its credit, or from
 * the one chosen in the form when the recado names none.
 */
export type DestinoGestion =
  | { tipo: 'credito'; creditoId: number; deudores: Deudor[] }
  | { tipo: 'recado'; recadoId: number; creditoId: number | null };

/** The server takes a gestión up to 7 days back. */
const DIAS_ATRAS = 7;

/**
 * The chosen phone or e-mail, masked as the list shows it, with «Mostrar» for the whole one:
 * to dial or write, the gestor asks for it on purpose (and the server logs it).
 */
function datoParaMarcar(
  persona: number | typeof OTRA | undefined,
  tipoMedio: MedioDeCanal,
  medio: unknown,
  datos: Contactos | undefined,
) {
  if (persona === undefined || persona === OTRA || datos === undefined || typeof medio !== 'number')
    return undefined;
  if (tipoMedio === 'telefono') {
    const t = datos.telefonos.find((x) => x.id === medio);
    if (t === undefined) return undefined;
    return (
      <>
        Número:{' '}
        <DatoEnmascarado
          key={`t${t.id}`}
          className="cifra"
          valor={t.numero}
          etiqueta={etiquetaMostrarTelefono(t.numero)}
          formato={numeroTelefonico}
          revelar={() => revelarDatoPersonal(persona, { campo: 'telefono', telefonoId: t.id })}
        />
      </>
    );
  }
  if (tipoMedio === 'correo') {
    const c = datos.correos.find((x) => x.id === medio);
    if (c === undefined) return undefined;
    return (
      <>
        Correo:{' '}
        <DatoEnmascarado
          key={`c${c.id}`}
          valor={c.correo}
          etiqueta="Mostrar correo completo"
          revelar={() => revelarDatoPersonal(persona, { campo: 'correo', correoId: c.id })}
        />
      </>
    );
  }
  return undefined;
}

/**
 * Logs one contact attempt on an account, with the keyboard alone: the channel has the focus,
 * Tab goes field to field, Enter (Ctrl+Enter in the note) registers, Esc closes. Only the
 * fields the channel and result need are shown. The server enforces the contact rules; its
 * refusal is shown here, in its words, and nothing is saved. The same form answers a recado
 * (`encabezado` shows it above the fields).
 */
export function DialogoGestion({
  destino,
  abierto,
  alCerrar,
  alTerminarCierre,
  titulo = 'Registrar gestión',
  encabezado,
  personaInicial = null,
  aviso,
}: {
  destino: DestinoGestion;
  abierto: boolean;
  alCerrar: () => void;
  alTerminarCierre: () => void;
  /** Also the dialog's accessible name. */
  titulo?: string;
  /** Shown above the form, e.g. the recado being answered. */
  encabezado?: ReactNode;
  /** The person offered first when he is a debtor of the account (a recado's caller). */
  personaInicial?: number | null;
  /** Said once it is registered, instead of «Gestión registrada.». */
  aviso?: string;
}) {
  const hoy = useHoy();
  const hoyDia = dayjs(hoy, FORMATO_ISO);
  const { message } = App.useApp();
  const [formulario] = Form.useForm<Valores>();
  const registrar = useRegistrarGestion(destino.tipo === 'credito' ? destino.creditoId : 0);
  const atender = useAtenderRecado();
  const resultados = useResultadosGestion();
  const enviando = useRef(false);
  const [errorGeneral, setErrorGeneral] = useState<string | null>(null);

  const eligeCredito = destino.tipo === 'recado' && destino.creditoId === null;
  const creditoElegido = Form.useWatch('creditoId', formulario);
  const creditoId = destino.creditoId ?? creditoElegido ?? null;
  const credito = useQuery({
    ...consultaCredito(creditoId ?? 0),
    enabled: destino.tipo === 'recado' && creditoId !== null,
  });
  // Unknown while the recado's credit is chosen or read.
  const deudores =
    destino.tipo === 'credito'
      ? destino.deudores
      : credito.data === undefined
        ? undefined
        : deudoresDe(credito.data);
  const preferido =
    deudores?.find((d) => d.personaId === personaInicial) ??
    deudores?.find((d) => d.rol === 'acreditado') ??
    deudores?.[0];
  const personaPreferida = deudores === undefined ? undefined : (preferido?.personaId ?? OTRA);

  const canal = Form.useWatch('canal', formulario) ?? 'llamada_saliente';
  const persona = Form.useWatch('persona', formulario) ?? personaPreferida;
  const claveResultado = Form.useWatch('resultado', formulario);
  const contactos = useContactos(persona === undefined || persona === OTRA ? null : persona);

  // The recado's debtors arrive after the form opens (or change with the credit chosen): the
  // person is then offered as on an account, unless one of them (or «Otra») is already chosen.
  const idsDeudores = deudores?.map((d) => d.personaId).join(',') ?? '';
  useEffect(() => {
    const ids = idsDeudores === '' ? [] : idsDeudores.split(',').map(Number);
    const actual: unknown = formulario.getFieldValue('persona');
    if (actual === OTRA || (typeof actual === 'number' && ids.includes(actual))) return;
    formulario.setFieldValue('persona', personaPreferida);
  }, [idsDeudores, personaPreferida, formulario]);

  const tipoMedio = persona === undefined || persona === OTRA ? null : MEDIO_DE_CANAL[canal];
  const datos = contactos.data;
  const opcionesMedio =
    datos === undefined || tipoMedio === null
      ? []
      : tipoMedio === 'telefono'
        ? datos.telefonos
            .filter((t) => t.retirado === null)
            .map((t) => ({ value: t.id, label: etiquetaTelefono(t), util: t.valido }))
        : tipoMedio === 'correo'
          ? datos.correos
              .filter((c) => c.retirado === null)
              .map((c) => ({
                value: c.id,
                label: `${c.correo}${c.valido ? '' : ' (no válido)'}${c.consentimiento ? '' : ' (sin consentimiento)'}`,
                util: c.valido,
              }))
          : datos.domicilios
              .filter((d) => d.retirado === null)
              .map((d) => ({ value: d.id, label: textoDomicilio(d), util: d.vigente }));
  const idsMedio = opcionesMedio.map((o) => o.value).join(',');
  const medioElegido: unknown = Form.useWatch('medio', formulario);
  const paraMarcar = datoParaMarcar(persona, tipoMedio, medioElegido, datos);
  const primerMedio = (opcionesMedio.find((o) => o.util) ?? opcionesMedio[0])?.value;

  // A channel or person change brings other media: offer the first usable one (once, so that
  // clearing it on an inbound call sticks).
  useEffect(() => {
    const ids = idsMedio === '' ? [] : idsMedio.split(',').map(Number);
    const actual: unknown = formulario.getFieldValue('medio');
    if (typeof actual === 'number' && ids.includes(actual)) return;
    formulario.setFieldValue('medio', primerMedio);
  }, [idsMedio, primerMedio, formulario]);

  const resultado = resultados.data?.find((r) => r.clave === claveResultado);
  const conPromesa = resultado?.promesa === true;
  const esLlamada = CANALES_LLAMADA.includes(canal);

  const alEnviar = (v: Valores) => {
    if (enviando.current) return;
    enviando.current = true;
    setErrorGeneral(null);
    const gestion = cuerpoDe(v, conPromesa);
    const respuesta = {
      onSuccess: () => {
        void message.success(
          aviso ??
            (gestion.promesa === null
              ? 'Gestión registrada.'
              : `Gestión registrada con promesa de pago de ${pesosDe(gestion.promesa.monto)} para el ${fecha(gestion.promesa.fecha)}.`),
        );
        alCerrar();
      },
      onError: (error: Error) => {
        if (esErrorApi(error) && NEGATIVAS.has(error.codigo)) {
          setErrorGeneral(error.mensaje);
          return;
        }
        // The credit is a field only while it is asked for.
        const campos = eligeCredito ? CAMPOS : CAMPOS.filter((c) => c !== 'creditoId');
        setErrorGeneral(
          mostrarErrorEnFormulario(formulario, error, campos, { nombres: NOMBRES_API }),
        );
      },
      onSettled: () => {
        enviando.current = false;
      },
    };
    if (destino.tipo === 'credito') registrar.mutate({ ...gestion, recadoId: null }, respuesta);
    else
      atender.mutate(
        { id: destino.recadoId, gestion, creditoId: eligeCredito ? creditoId : null },
        respuesta,
      );
  };

  // In the note, Enter is a new line: Ctrl+Enter registers, like in a mail client.
  const enNota = (evento: KeyboardEvent<HTMLTextAreaElement>) => {
    if (evento.key === 'Enter' && (evento.ctrlKey || evento.metaKey)) {
      evento.preventDefault();
      formulario.submit();
    }
  };

  const validarMonto = (_: unknown, texto: string | undefined) => {
    if (texto === undefined || texto.trim() === '')
      return Promise.reject('Escribe el monto prometido.');
    const monto = leerMonto(texto);
    if (monto === null || centavosDe(monto) <= 0)
      return Promise.reject('Escribe un monto en pesos mayor que cero, como 1,500.00.');
    return Promise.resolve();
  };

  const validarDuracion = (_: unknown, texto: string | undefined) =>
    texto === undefined || texto.trim() === '' || segundosDe(texto) !== null
      ? Promise.resolve()
      : Promise.reject('Escribe la duración en minutos, o minutos y segundos como 4:30.');

  const etiquetaMedio =
    tipoMedio === 'telefono' ? 'Teléfono' : tipoMedio === 'correo' ? 'Correo' : 'Domicilio';

  return (
    <DialogoFormulario<Valores>
      abierto={abierto}
      titulo={titulo}
      textoAceptar="Registrar gestión"
      ocupado={registrar.isPending || atender.isPending}
      ancho={640}
      formulario={formulario}
      nombre={destino.tipo === 'credito' ? 'registrar-gestion' : 'atender-recado'}
      valoresIniciales={{
        canal: 'llamada_saliente',
        persona: personaPreferida,
        tolerancia: 2,
      }}
      alEnviar={alEnviar}
      alCambiarValores={() => setErrorGeneral(null)}
      alCerrar={alCerrar}
      alTerminarCierre={alTerminarCierre}
    >
      {encabezado}
      {errorGeneral !== null && (
        <Alert type="error" showIcon title={errorGeneral} style={{ marginBottom: 16 }} />
      )}
      {eligeCredito && <EleccionDeCredito />}
      <div className="rejilla-campos rejilla-2 rejilla-gestion">
        <Form.Item
          label="Canal"
          name="canal"
          rules={[{ required: true, message: 'Elige el canal.' }]}
        >
          <Select<CanalGestion>
            // For a recado without a credit, the debtor is asked first and has the focus.
            autoFocus={!eligeCredito}
            showSearch={{ optionFilterProp: 'label' }}
            options={CANALES_GESTION.map((c) => ({ value: c, label: NOMBRE_CANAL_GESTION[c] }))}
          />
        </Form.Item>
        <Form.Item
          label="Persona contactada"
          name="persona"
          rules={[{ required: true, message: 'Elige con quién fue el contacto.' }]}
        >
          <Select<number | typeof OTRA>
            showSearch={{ optionFilterProp: 'label' }}
            disabled={deudores === undefined}
            loading={credito.isFetching}
            placeholder={creditoId === null ? 'Primero elige el crédito' : undefined}
            options={[
              ...(deudores ?? []).map((d) => ({
                value: d.personaId,
                label: `${d.nombre} (${d.rol === 'acreditado' ? 'acreditado' : 'aval'})`,
              })),
              { value: OTRA, label: 'Otra persona' },
            ]}
          />
        </Form.Item>
      </div>
      {persona === OTRA && (
        <Form.Item
          label="Nombre de quien atendió o llamó"
          name="contactoNombre"
          extra="A un tercero no se le cobra: solo se registra que llamó o dejó recado."
          rules={[
            { required: true, whitespace: true, message: 'Escribe el nombre de la persona.' },
            { max: 200, message: 'El nombre admite a lo más 200 caracteres.' },
          ]}
        >
          <Input autoComplete="off" maxLength={200} />
        </Form.Item>
      )}
      {tipoMedio !== null && (
        <Form.Item
          label={etiquetaMedio}
          name="medio"
          extra={
            contactos.isError
              ? 'No se pudieron cargar sus datos de contacto.'
              : datos !== undefined && opcionesMedio.length === 0
                ? `No tiene ${tipoMedio === 'telefono' ? 'teléfonos' : tipoMedio === 'correo' ? 'correos' : 'domicilios'} registrados: agrégalo en «Datos de contacto».`
                : paraMarcar
          }
          rules={[
            {
              required: canal !== 'llamada_entrante',
              message: `Elige el ${etiquetaMedio.toLowerCase()} usado.`,
            },
          ]}
        >
          <Select<number>
            loading={contactos.isPending}
            options={opcionesMedio.map(({ value, label }) => ({ value, label }))}
            allowClear={canal === 'llamada_entrante'}
          />
        </Form.Item>
      )}
      <Form.Item
        label="Resultado"
        name="resultado"
        rules={[{ required: true, message: 'Elige el resultado de la gestión.' }]}
      >
        <Select<string>
          showSearch={{ optionFilterProp: 'label' }}
          loading={resultados.isPending}
          options={(resultados.data ?? []).map((r) => ({ value: r.clave, label: r.nombre }))}
          placeholder={
            resultados.isError ? 'No se pudo cargar el catálogo de resultados' : undefined
          }
        />
      </Form.Item>
      {conPromesa && (
        <fieldset className="grupo-campos">
          <legend>Promesa de pago</legend>
          <div className="rejilla-campos rejilla-3 rejilla-gestion">
            <Form.Item
              label="Monto prometido"
              name="monto"
              rules={[{ validator: validarMonto }]}
              validateTrigger="onBlur"
            >
              <Input prefix="$" inputMode="decimal" autoComplete="off" placeholder="0.00" />
            </Form.Item>
            <Form.Item
              label="Fecha de pago"
              name="fechaPromesa"
              rules={[{ required: true, message: 'Elige la fecha en que pagará.' }]}
            >
              <DatePicker
                format="DD/MM/YYYY"
                allowClear={false}
                showNow={false}
                inputReadOnly={false}
                disabledDate={(d) => d.isBefore(hoyDia, 'day')}
                style={{ width: '100%' }}
              />
            </Form.Item>
            <Form.Item
              label="Días de tolerancia"
              name="tolerancia"
              rules={[{ required: true, message: 'Escribe los días de tolerancia (0 a 30).' }]}
            >
              <InputNumber min={0} max={30} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </div>
        </fieldset>
      )}
      <Form.Item
        label="Nota"
        name="nota"
        extra="Ctrl+Enter registra la gestión."
        rules={[{ max: 2000, message: 'La nota admite a lo más 2000 caracteres.' }]}
      >
        <Input.TextArea rows={3} maxLength={2000} onKeyDown={enNota} />
      </Form.Item>
      <fieldset className="grupo-campos">
        <legend>Próxima acción</legend>
        <div className="rejilla-campos rejilla-2 rejilla-gestion">
          <Form.Item
            label="Qué hacer"
            name="tipoAccion"
            dependencies={['fechaAccion']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, v: TipoProximaAccion | undefined) =>
                  v === undefined && getFieldValue('fechaAccion')
                    ? Promise.reject('Elige qué hacer en esa fecha.')
                    : Promise.resolve(),
              }),
            ]}
          >
            <Select<TipoProximaAccion>
              allowClear
              options={Object.entries(NOMBRE_PROXIMA_ACCION).map(([value, label]) => ({
                value: value as TipoProximaAccion,
                label,
              }))}
            />
          </Form.Item>
          <Form.Item
            label="Cuándo"
            name="fechaAccion"
            dependencies={['tipoAccion']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, v: Dayjs | undefined) =>
                  v === undefined && getFieldValue('tipoAccion')
                    ? Promise.reject('Elige la fecha de la próxima acción.')
                    : Promise.resolve(),
              }),
            ]}
          >
            <DatePicker
              format="DD/MM/YYYY"
              showNow={false}
              inputReadOnly={false}
              disabledDate={(d) => d.isBefore(hoyDia, 'day')}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </div>
      </fieldset>
      <div className="rejilla-campos rejilla-2 rejilla-gestion">
        <Form.Item label="Inicio (hora de Hermosillo)" name="inicio" extra="Vacío: ahora.">
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="DD/MM/YYYY HH:mm"
            inputReadOnly={false}
            placeholder="Ahora"
            disabledDate={(d) =>
              d.isAfter(hoyDia, 'day') || d.isBefore(hoyDia.subtract(DIAS_ATRAS, 'day'), 'day')
            }
            style={{ width: '100%' }}
          />
        </Form.Item>
        {esLlamada && (
          <Form.Item
            label="Duración (minutos o min:seg)"
            name="duracion"
            rules={[{ validator: validarDuracion }]}
          >
            <Input autoComplete="off" inputMode="numeric" placeholder="4:30" />
          </Form.Item>
        )}
      </div>
      {resultado !== undefined && !resultado.contactoEfectivo && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          «{resultado.nombre}» no cuenta como contacto efectivo con el deudor.
        </Typography.Paragraph>
      )}
    </DialogoFormulario>
  );
}
