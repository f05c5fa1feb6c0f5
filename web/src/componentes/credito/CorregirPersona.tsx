import { Alert, App, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { mensajeDeError } from '../../api/cliente.ts';
import type { Credito } from '../../api/creditos.ts';
import {
  type CorreccionDePersona,
  type CorreccionesDePersona,
  type CorreccionNueva,
  NOMBRE_CAMPO_PERSONA,
  ROLES_CORREGIR_PERSONA,
  useCorreccionesDePersona,
  useCorregirPersona,
} from '../../api/personas.ts';
import { useUsuarioActual } from '../../api/sesion.ts';
import { mostrarErrorEnFormulario } from '../../erroresFormulario.ts';
import { fecha, fechaHora } from '../../formato.ts';
import { DialogoFormulario } from '../DialogoFormulario.tsx';

interface Valores {
  nombres: string;
  primerApellido: string;
  segundoApellido: string;
  curp: string;
  fechaNacimiento: string;
  motivo: string;
}

const CAMPOS = [
  'nombres',
  'primerApellido',
  'segundoApellido',
  'curp',
  'fechaNacimiento',
  'motivo',
] as const;

const ROL: Record<Credito['participantes'][number]['rol'], string> = {
  acreditado: 'acreditado',
  aval: 'aval',
  beneficiario: 'beneficiario',
};

/** Only the fields that change: what the server records as before and after. */
function cambiosDe(v: Valores, actual: CorreccionesDePersona['persona']): CorreccionNueva {
  const c: CorreccionNueva = { motivo: v.motivo.trim() };
  const texto = (t: string | undefined) => (t ?? '').trim();
  if (texto(v.nombres) !== actual.nombres) c.nombres = texto(v.nombres);
  if (texto(v.primerApellido) !== actual.primerApellido) c.primerApellido = texto(v.primerApellido);
  const segundo = texto(v.segundoApellido) === '' ? null : texto(v.segundoApellido);
  if (segundo !== actual.segundoApellido) c.segundoApellido = segundo;
  if (texto(v.curp) !== '') c.curp = texto(v.curp).toUpperCase();
  const nacimiento = texto(v.fechaNacimiento) === '' ? null : texto(v.fechaNacimiento);
  if (nacimiento !== actual.fechaNacimiento) c.fechaNacimiento = nacimiento;
  return c;
}

function valorVisible(campo: string, valor: string | null | undefined): string {
  if (valor === null || valor === undefined || valor === '') return '(vacío)';
  return campo === 'fechaNacimiento' ? fecha(valor) : valor;
}

/** The person's earlier corrections: who, when, what changed and why. */
function Historial({ correcciones }: { correcciones: readonly CorreccionDePersona[] }) {
  if (correcciones.length === 0) {
    return (
      <Typography.Paragraph type="secondary">Sin correcciones anteriores.</Typography.Paragraph>
    );
  }
  return (
    <ol className="lista-correcciones" aria-label="Correcciones anteriores">
      {correcciones.map((c) => (
        <li key={c.id}>
          <strong>{fechaHora(c.registrada)}</strong>, {c.registradaPor.nombre}:{' '}
          {Object.keys(c.despues)
            .map(
              (k) =>
                `${NOMBRE_CAMPO_PERSONA[k] ?? k} de «${valorVisible(k, c.antes[k])}» a «${valorVisible(k, c.despues[k])}»`,
            )
            .join('; ')}
          . Motivo: {c.motivo}
        </li>
      ))}
    </ol>
  );
}

function DialogoCorregir({
  datos,
  abierto,
  alCerrar,
  alTerminarCierre,
}: {
  datos: CorreccionesDePersona;
  abierto: boolean;
  alCerrar: () => void;
  alTerminarCierre: () => void;
}) {
  const [formulario] = Form.useForm<Valores>();
  const corregir = useCorregirPersona(datos.personaId);
  const { message } = App.useApp();
  const [errorGeneral, setErrorGeneral] = useState<string | null>(null);
  const { persona } = datos;

  const alEnviar = (v: Valores) => {
    if (corregir.isPending) return;
    setErrorGeneral(null);
    const cambios = cambiosDe(v, persona);
    if (Object.keys(cambios).length === 1) {
      setErrorGeneral('No cambiaste ningún dato: corrige al menos uno.');
      return;
    }
    corregir.mutate(cambios, {
      onSuccess: ({ persona: p }) => {
        const nombre = [p.nombres, p.primerApellido, p.segundoApellido].filter(Boolean).join(' ');
        void message.success(`Datos de ${nombre} corregidos.`);
        alCerrar();
      },
      onError: (error) => setErrorGeneral(mostrarErrorEnFormulario(formulario, error, CAMPOS)),
    });
  };

  return (
    <DialogoFormulario<Valores>
      abierto={abierto}
      titulo="Corregir datos de la persona"
      textoAceptar="Guardar corrección"
      ocupado={corregir.isPending}
      formulario={formulario}
      nombre="corregir-persona"
      ancho={640}
      valoresIniciales={{
        nombres: persona.nombres,
        primerApellido: persona.primerApellido,
        segundoApellido: persona.segundoApellido ?? '',
        curp: '',
        fechaNacimiento: persona.fechaNacimiento ?? '',
        motivo: '',
      }}
      alEnviar={alEnviar}
      alCerrar={alCerrar}
      alTerminarCierre={alTerminarCierre}
    >
      <Typography.Paragraph>
        La importación nunca cambia a una persona: aquí se corrige un dato que llegó mal. Queda en
        su historial y en la bitácora, con tu nombre y el motivo.
      </Typography.Paragraph>
      {errorGeneral !== null && (
        <Alert type="error" showIcon title={errorGeneral} style={{ marginBottom: 16 }} />
      )}
      <Form.Item
        label="Nombres"
        name="nombres"
        rules={[{ required: true, whitespace: true, message: 'Escribe el nombre o nombres.' }]}
      >
        <Input autoFocus maxLength={120} autoComplete="off" />
      </Form.Item>
      <Form.Item
        label="Primer apellido"
        name="primerApellido"
        rules={[{ required: true, whitespace: true, message: 'Escribe el primer apellido.' }]}
      >
        <Input maxLength={120} autoComplete="off" />
      </Form.Item>
      <Form.Item label="Segundo apellido" name="segundoApellido" extra="Vacío si no tiene.">
        <Input maxLength={120} autoComplete="off" />
      </Form.Item>
      <Form.Item
        label="CURP"
        name="curp"
        extra={`Registrada: ${persona.curp ?? 'sin CURP'}. Escríbela completa solo si la corriges.`}
      >
        <Input maxLength={18} autoComplete="off" style={{ textTransform: 'uppercase' }} />
      </Form.Item>
      <Form.Item
        label="Fecha de nacimiento (AAAA-MM-DD)"
        name="fechaNacimiento"
        rules={[
          {
            pattern: /^\d{4}-\d{2}-\d{2}$/,
            message: 'Escribe la fecha como AAAA-MM-DD, p. ej. 1995-07-12.',
          },
        ]}
      >
        <Input maxLength={10} autoComplete="off" placeholder="AAAA-MM-DD" />
      </Form.Item>
      <Form.Item
        label="Motivo"
        name="motivo"
        rules={[
          { required: true, whitespace: true, message: 'Escribe el motivo de la corrección.' },
        ]}
      >
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      <Typography.Title level={3} style={{ fontSize: 16 }}>
        Correcciones anteriores
      </Typography.Title>
      <Historial correcciones={datos.correcciones} />
    </DialogoFormulario>
  );
}

/**
 * The credit's people, each with «Corregir datos de la persona» for the coordinador of the
 * credit's office and the administrador (issue 17): the import's refusal of a person already
 * registered with other data points here.
 */
export function CorregirPersonas({ credito }: { credito: Credito }) {
  const usuario = useUsuarioActual();
  const [personaId, setPersonaId] = useState<number | null>(null);
  const [abierto, setAbierto] = useState(false);
  const datos = useCorreccionesDePersona(personaId);
  if (!ROLES_CORREGIR_PERSONA.includes(usuario.rol) || credito.participantes.length === 0) {
    return null;
  }
  const abrir = (id: number) => {
    setPersonaId(id);
    setAbierto(true);
  };
  // Kept mounted until its closing animation ends (alTerminarCierre), then forgotten.
  const listo = personaId !== null && datos.data?.personaId === personaId;
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      title={
        <h2 className="titulo-tarjeta" id="titulo-personas-credito">
          Datos de las personas
        </h2>
      }
    >
      <section aria-labelledby="titulo-personas-credito">
        {datos.isError && personaId !== null && (
          <Alert
            type="error"
            showIcon
            title="No se pudieron leer los datos de la persona."
            description={mensajeDeError(datos.error)}
            style={{ marginBottom: 8 }}
          />
        )}
        <Flex vertical gap={8}>
          {credito.participantes.map((p) => (
            <Flex key={`${p.rol}-${p.personaId}`} align="center" gap={12} wrap>
              <span>
                {p.nombre} <Typography.Text type="secondary">({ROL[p.rol]})</Typography.Text>
              </span>
              <Button
                aria-label={`Corregir datos de la persona: ${p.nombre}`}
                loading={personaId === p.personaId && datos.isFetching && !listo}
                onClick={() => abrir(p.personaId)}
              >
                Corregir datos de la persona
              </Button>
            </Flex>
          ))}
        </Flex>
      </section>
      {listo && datos.data && (
        <DialogoCorregir
          key={datos.data.personaId}
          datos={datos.data}
          abierto={abierto}
          alCerrar={() => setAbierto(false)}
          alTerminarCierre={() => setPersonaId(null)}
        />
      )}
    </Card>
  );
}
