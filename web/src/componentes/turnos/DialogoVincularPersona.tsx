import { Alert, App, Form, Select } from 'antd';
import { useState } from 'react';
import { type Hallazgo, MINIMO_BUSQUEDA, useBusqueda } from '../../api/atencion.ts';
import { mensajeDeError } from '../../api/cliente.ts';
import { type Turno, useVincularPersona } from '../../api/turnos.ts';
import { useValorDiferido } from '../../diferido.ts';
import { mostrarErrorEnFormulario } from '../../erroresFormulario.ts';
import { DialogoFormulario } from '../DialogoFormulario.tsx';

interface Valores {
  personaId: number;
}

const CAMPOS = ['personaId'] as const;

function etiqueta(h: Hallazgo): string {
  const roles = h.roles.map((r) => (r === 'acreditado' ? 'Acreditado' : 'Aval')).join(' y ');
  return `${h.nombre} — ${roles}, ${h.creditos.join(', ')}`;
}

/** Once identified, the walk-in is linked to the acreditado or aval on file (search by name). */
export function DialogoVincularPersona({
  turno,
  abierto,
  alCerrar,
  alTerminarCierre,
}: {
  turno: Turno;
  abierto: boolean;
  alCerrar: () => void;
  alTerminarCierre: () => void;
}) {
  const [formulario] = Form.useForm<Valores>();
  const vincular = useVincularPersona();
  const { message } = App.useApp();
  const [texto, setTexto] = useState(turno.nombre);
  const busqueda = useBusqueda(useValorDiferido(texto.trim(), 250));
  const [errorGeneral, setErrorGeneral] = useState<string | null>(null);

  const opciones = (busqueda.data ?? []).map((h) => ({ value: h.personaId, label: etiqueta(h) }));
  const sinResultados =
    texto.trim().length < MINIMO_BUSQUEDA
      ? `Escribe al menos ${MINIMO_BUSQUEDA} caracteres.`
      : busqueda.isError
        ? mensajeDeError(busqueda.error)
        : busqueda.isFetching
          ? 'Buscando…'
          : 'Nadie coincide en tu cartera.';

  const alEnviar = ({ personaId }: Valores) => {
    if (vincular.isPending) return;
    setErrorGeneral(null);
    vincular.mutate(
      { id: turno.id, personaId },
      {
        onSuccess: (t) => {
          void message.success(
            `Turno ${t.clave} vinculado a ${t.persona?.nombre ?? 'la persona'}.`,
          );
          alCerrar();
        },
        onError: (error) => setErrorGeneral(mostrarErrorEnFormulario(formulario, error, CAMPOS)),
      },
    );
  };

  return (
    <DialogoFormulario<Valores>
      abierto={abierto}
      titulo={`Vincular persona al turno ${turno.clave}`}
      textoAceptar="Vincular"
      ocupado={vincular.isPending}
      formulario={formulario}
      nombre="vincular-persona"
      alEnviar={alEnviar}
      alCerrar={alCerrar}
      alTerminarCierre={alTerminarCierre}
    >
      {errorGeneral !== null && (
        <Alert type="error" showIcon title={errorGeneral} style={{ marginBottom: 16 }} />
      )}
      <Form.Item
        label="Persona atendida"
        name="personaId"
        extra={`Llegó como «${turno.nombre}». Busca por nombre, CURP o número de crédito.`}
        rules={[{ required: true, message: 'Elige a la persona.' }]}
      >
        <Select<number>
          showSearch={{
            filterOption: false,
            searchValue: texto,
            autoClearSearchValue: false,
            onSearch: setTexto,
          }}
          options={opciones}
          placeholder="Busca a la persona"
          notFoundContent={sinResultados}
          loading={busqueda.isFetching}
          autoFocus
          defaultOpen
        />
      </Form.Item>
    </DialogoFormulario>
  );
}
