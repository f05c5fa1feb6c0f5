import { Alert, Button, Checkbox, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useGestores } from '../../api/asignacion.ts';
import {
  type DatosMovimiento,
  type Expediente,
  type MovimientoHecho,
  type Pieza,
  useMoverPiezas,
} from '../../api/expedientes.ts';
import { nuevoUuid } from '../../api/idempotencia.ts';
import { useOficinas } from '../../api/oficinas.ts';
import { useHoy, useUsuarioActual } from '../../api/sesion.ts';
import { mostrarErrorEnFormulario } from '../../erroresFormulario.ts';
import { estaFuera, nombrePieza, textoUbicacion } from './textos.tsx';

/** The moves the expediente tab offers (the law-firm ones belong to the turnado). */
export type AccionCustodia = 'prestamo' | 'devolucion' | 'traslado' | 'ubicar';

interface Textos {
  titulo: string;
  boton: string;
  hecho: string;
  sinPiezas: string;
}

const TEXTOS: Record<AccionCustodia, Textos> = {
  prestamo: {
    titulo: 'Prestar piezas del expediente',
    boton: 'Prestar',
    hecho: 'Préstamo registrado',
    sinPiezas: 'Todas las piezas están fuera del archivo: no hay nada que prestar.',
  },
  devolucion: {
    titulo: 'Recibir piezas en el archivo',
    boton: 'Recibir',
    hecho: 'Recepción registrada',
    sinPiezas: 'Ninguna pieza está prestada ni en un despacho: no hay nada que recibir.',
  },
  traslado: {
    titulo: 'Trasladar piezas a otra oficina',
    boton: 'Trasladar',
    hecho: 'Traslado registrado',
    sinPiezas: 'Ninguna pieza está en el archivo: no hay nada que trasladar.',
  },
  ubicar: {
    titulo: 'Ubicar piezas en el archivo',
    boton: 'Ubicar',
    hecho: 'Ubicación registrada',
    sinPiezas: 'Ninguna pieza está en el archivo: no hay nada que ubicar.',
  },
};

/** The pieces each move applies to: lent ones come back, the archive's are lent or moved. */
export function piezasPara(accion: AccionCustodia, piezas: readonly Pieza[]): Pieza[] {
  return piezas.filter((p) =>
    accion === 'devolucion' ? estaFuera(p.ubicacion) : p.ubicacion.tipo === 'archivo',
  );
}

interface Valores {
  piezas: string[];
  usuarioId?: number;
  devolverAMasTardar?: Dayjs | null;
  oficinaId?: number;
  recibeNombre?: string;
  estante?: string;
  caja?: string;
  nota?: string;
}

const CAMPOS = [
  'piezas',
  'usuarioId',
  'devolverAMasTardar',
  'oficinaId',
  'recibeNombre',
  'estante',
  'caja',
  'nota',
] as const;

const NOMBRES_API: Record<string, string> = {
  etiquetas: 'piezas',
  'destino.usuarioId': 'usuarioId',
  'destino.oficinaId': 'oficinaId',
  'destino.estante': 'estante',
  'destino.caja': 'caja',
};

const texto = (v: string | undefined) => {
  const limpio = v?.trim() ?? '';
  return limpio === '' ? undefined : limpio;
};

/**
 * One hand-over of pieces of one expediente, signed on an acuse: which pieces, where they go,
 * who receives them and (for a loan) by when they come back. The dialog is mounted per opening,
 * and its Idempotency-Key with it: a retry after a lost answer never moves the pieces twice.
 */
export function DialogoCustodia({
  accion,
  expediente,
  abierto,
  alCerrar,
  alTerminarCierre,
}: {
  accion: AccionCustodia;
  expediente: Expediente;
  abierto: boolean;
  alCerrar: () => void;
  alTerminarCierre: () => void;
}) {
  const textos = TEXTOS[accion];
  const hoy = useHoy();
  const usuario = useUsuarioActual();
  const [clave] = useState(nuevoUuid);
  const [formulario] = Form.useForm<Valores>();
  const mover = useMoverPiezas(expediente.creditoId);
  const [errorGeneral, setErrorGeneral] = useState<string | null>(null);
  const [hecho, setHecho] = useState<MovimientoHecho | null>(null);
  const oficinas = useOficinas();
  const candidatas = piezasPara(accion, expediente.piezas);
  const gestores = useGestores(expediente.oficina.id, accion === 'prestamo');

  const alEnviar = (v: Valores) => {
    if (mover.isPending) return;
    setErrorGeneral(null);
    const datos: DatosMovimiento = { tipo: accion, etiquetas: v.piezas, destino: {} };
    const nota = texto(v.nota);
    if (nota !== undefined) datos.nota = nota;
    const estante = texto(v.estante);
    const caja = texto(v.caja);
    if (accion === 'prestamo') {
      datos.destino.usuarioId = v.usuarioId;
      datos.recibeUsuarioId = v.usuarioId;
      if (v.devolverAMasTardar)
        datos.devolverAMasTardar = v.devolverAMasTardar.format('YYYY-MM-DD');
    } else if (accion === 'traslado') {
      datos.destino.oficinaId = v.oficinaId;
      datos.recibeNombre = texto(v.recibeNombre);
    }
    // Ubicar and recibir leave the office to the server: the piece's own archive (a check-in
    // comes home, on the shelf it had unless another is named); the actor receives.
    if (accion !== 'prestamo') {
      if (estante !== undefined) datos.destino.estante = estante;
      if (caja !== undefined) datos.destino.caja = caja;
    }
    mover.mutate(
      { datos, clave },
      {
        onSuccess: setHecho,
        onError: (error) =>
          setErrorGeneral(
            mostrarErrorEnFormulario(formulario, error, CAMPOS, { nombres: NOMBRES_API }),
          ),
      },
    );
  };

  const pie =
    hecho !== null || candidatas.length === 0
      ? [
          // «Cerrar» is already the name of the dialog's ×.
          <Button key="listo" type="primary" onClick={alCerrar}>
            Listo
          </Button>,
        ]
      : [
          <Button key="volver" onClick={alCerrar} disabled={mover.isPending}>
            Volver
          </Button>,
          <Button key="enviar" type="primary" htmlType="submit" loading={mover.isPending}>
            {textos.boton}
          </Button>,
        ];

  return (
    <Modal
      open={abierto}
      title={textos.titulo}
      footer={pie}
      onCancel={alCerrar}
      afterClose={alTerminarCierre}
      destroyOnHidden
      mask={{ closable: false }}
      modalRender={(contenido) => (
        <Form<Valores>
          form={formulario}
          name={`custodia-${accion}`}
          layout="vertical"
          onFinish={alEnviar}
          initialValues={{ piezas: candidatas.length === 1 ? [candidatas[0]?.etiqueta] : [] }}
        >
          {contenido}
        </Form>
      )}
    >
      {hecho !== null ? (
        <Resultado textos={textos} hecho={hecho} />
      ) : candidatas.length === 0 ? (
        <p>{textos.sinPiezas}</p>
      ) : (
        <>
          {errorGeneral !== null && (
            <Alert type="error" showIcon title={errorGeneral} style={{ marginBottom: 16 }} />
          )}
          <fieldset className="grupo-campos">
            <legend>Piezas</legend>
            <Form.Item
              name="piezas"
              // A validator, not `required`: antd would put aria-required on the group's div.
              rules={[
                {
                  validator: (_, v: string[] | undefined) =>
                    v !== undefined && v.length > 0
                      ? Promise.resolve()
                      : Promise.reject(new Error('Elige al menos una pieza.')),
                },
              ]}
            >
              <Checkbox.Group
                className="opciones-apiladas"
                options={candidatas.map((p) => ({
                  value: p.etiqueta,
                  label: `${nombrePieza(p)} (${p.etiqueta}) — ${textoUbicacion(p.ubicacion)}`,
                }))}
              />
            </Form.Item>
          </fieldset>
          {accion === 'prestamo' && (
            <>
              <Form.Item
                label="Se presta a"
                name="usuarioId"
                rules={[{ required: true, message: 'Elige a quién se presta.' }]}
              >
                <Select<number>
                  options={(gestores.data ?? [])
                    .filter((g) => g.id !== usuario.id)
                    .map((g) => ({ value: g.id, label: g.nombre }))}
                  loading={gestores.isPending}
                  showSearch={{ optionFilterProp: 'label' }}
                  placeholder="Elige a la persona que lo recibe"
                  notFoundContent="No hay a quién prestarlo en la oficina."
                />
              </Form.Item>
              <Form.Item
                label="Devolver a más tardar"
                name="devolverAMasTardar"
                rules={[{ required: true, message: 'Indica cuándo debe volver.' }]}
              >
                <DatePicker
                  format="DD/MM/YYYY"
                  showNow={false}
                  disabledDate={(d) => d.isBefore(dayjs(hoy, 'YYYY-MM-DD'), 'day')}
                  style={{ width: '100%' }}
                />
              </Form.Item>
            </>
          )}
          {accion === 'traslado' && (
            <>
              <Form.Item
                label="Oficina destino"
                name="oficinaId"
                rules={[{ required: true, message: 'Elige la oficina a la que se traslada.' }]}
              >
                <Select<number>
                  options={(oficinas.data ?? [])
                    .filter((o) => o.id !== expediente.oficina.id)
                    .map((o) => ({ value: o.id, label: o.nombre }))}
                  loading={oficinas.isPending}
                  placeholder="Elige la oficina"
                />
              </Form.Item>
              <Form.Item
                label="Quién recibe"
                name="recibeNombre"
                rules={[
                  { required: true, whitespace: true, message: 'Escribe quién lo recibe.' },
                  { max: 200, message: 'El nombre admite a lo más 200 caracteres.' },
                ]}
              >
                <Input autoComplete="off" maxLength={200} />
              </Form.Item>
            </>
          )}
          {accion !== 'prestamo' && (
            <div className="rejilla-flexible">
              <Form.Item
                label={accion === 'ubicar' ? 'Estante' : 'Estante (opcional)'}
                name="estante"
                extra={
                  accion === 'devolucion'
                    ? 'Si lo dejas vacío, vuelve al estante que tenía.'
                    : undefined
                }
                rules={[
                  {
                    required: accion === 'ubicar',
                    whitespace: true,
                    message: 'Escribe el estante.',
                  },
                  { max: 40, message: 'El estante admite a lo más 40 caracteres.' },
                ]}
              >
                <Input autoComplete="off" maxLength={40} />
              </Form.Item>
              <Form.Item
                label="Caja (opcional)"
                name="caja"
                rules={[{ max: 40, message: 'La caja admite a lo más 40 caracteres.' }]}
              >
                <Input autoComplete="off" maxLength={40} />
              </Form.Item>
            </div>
          )}
          {accion !== 'traslado' && accion !== 'prestamo' && (
            <p className="texto-secundario">Recibe en el archivo: {usuario.nombre}.</p>
          )}
          <Form.Item
            label="Nota (opcional)"
            name="nota"
            rules={[{ max: 500, message: 'La nota admite a lo más 500 caracteres.' }]}
          >
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </>
      )}
    </Modal>
  );
}

function Resultado({ textos, hecho }: { textos: Textos; hecho: MovimientoHecho }) {
  return (
    <div role="status">
      <Alert
        type="success"
        showIcon
        title={`${textos.hecho}: ${hecho.piezas.length} ${hecho.piezas.length === 1 ? 'pieza' : 'piezas'} (acuse ${hecho.acuseId}).`}
        description={
          <>
            <ul style={{ paddingInlineStart: 20, margin: '8px 0' }}>
              {hecho.piezas.map((p) => (
                <li key={p.etiqueta}>
                  {p.etiqueta}: {textoUbicacion(p.ubicacion)}
                </li>
              ))}
            </ul>
            Imprime el acuse para que lo firmen quien entrega y quien recibe.
          </>
        }
      />
      <p style={{ marginTop: 12 }}>
        <a href={hecho.acusePdf} download>
          Descargar acuse {hecho.acuseId} (PDF)
        </a>
      </p>
    </div>
  );
}
