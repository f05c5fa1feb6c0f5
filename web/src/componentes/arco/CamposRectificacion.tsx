import { Button, Form, Input, Select } from 'antd';
import type { Rectificacion } from '../../api/arco.ts';
import { useContactos } from '../../api/contactos.ts';

export interface FilaRectificacion {
  dato: 'telefono' | 'correo' | 'identidad';
  id?: number;
  valor?: string;
  nombres?: string;
  primerApellido?: string;
  segundoApellido?: string;
  curp?: string;
  rfc?: string;
}

const DATOS = [
  { value: 'telefono', label: 'Teléfono' },
  { value: 'correo', label: 'Correo electrónico' },
  { value: 'identidad', label: 'Nombre, CURP o RFC' },
];

const lleno = (t: string | undefined) =>
  t === undefined || t.trim() === '' ? undefined : t.trim();

/** The rows of the form as the API takes them; an identity field left empty is not changed. */
export function rectificacionesDe(filas: readonly FilaRectificacion[]): Rectificacion[] {
  return filas.map(rectificacionDe);
}

function rectificacionDe(f: FilaRectificacion): Rectificacion {
  switch (f.dato) {
    case 'telefono':
      return { dato: 'telefono', id: f.id ?? 0, numero: (f.valor ?? '').trim() };
    case 'correo':
      return { dato: 'correo', id: f.id ?? 0, correo: (f.valor ?? '').trim() };
    case 'identidad': {
      const campos = {
        nombres: lleno(f.nombres),
        primerApellido: lleno(f.primerApellido),
        segundoApellido: lleno(f.segundoApellido),
        curp: lleno(f.curp),
        rfc: lleno(f.rfc),
      };
      return {
        dato: 'identidad',
        ...Object.fromEntries(Object.entries(campos).filter(([, v]) => v !== undefined)),
      };
    }
  }
}

/**
 * The corrections a rectification carries: a phone or an e-mail of the titular with its right
 * value (the old one is retired, and the change goes to her contact history with the folio),
 * or her name, CURP or RFC as her documents show them.
 */
export function CamposRectificacion({ personaId }: { personaId: number }) {
  const contactos = useContactos(personaId);
  const telefonos = (contactos.data?.telefonos ?? []).filter((t) => t.retirado === null);
  const correos = (contactos.data?.correos ?? []).filter((c) => c.retirado === null);
  return (
    <Form.List name="rectificaciones">
      {(filas, { add, remove }) => (
        <>
          {filas.map((fila, i) => (
            <fieldset
              key={fila.key}
              style={{
                border: '1px solid #d9d9d9',
                borderRadius: 6,
                padding: '8px 12px',
                marginBottom: 12,
              }}
            >
              <legend
                style={{ fontSize: 14, width: 'auto', margin: 0, padding: '0 4px', border: 0 }}
              >
                Dato {i + 1}
              </legend>
              <Form.Item
                label="Qué se rectifica"
                name={[fila.name, 'dato']}
                rules={[{ required: true }]}
              >
                <Select options={DATOS} />
              </Form.Item>
              <Form.Item noStyle shouldUpdate>
                {({ getFieldValue }) => {
                  const dato = getFieldValue([
                    'rectificaciones',
                    fila.name,
                    'dato',
                  ]) as FilaRectificacion['dato'];
                  if (dato === 'identidad') {
                    return (
                      <div className="rejilla-flexible">
                        <Form.Item label="Nombres" name={[fila.name, 'nombres']}>
                          <Input autoComplete="off" maxLength={120} />
                        </Form.Item>
                        <Form.Item label="Primer apellido" name={[fila.name, 'primerApellido']}>
                          <Input autoComplete="off" maxLength={120} />
                        </Form.Item>
                        <Form.Item label="Segundo apellido" name={[fila.name, 'segundoApellido']}>
                          <Input autoComplete="off" maxLength={120} />
                        </Form.Item>
                        <Form.Item label="CURP" name={[fila.name, 'curp']}>
                          <Input
                            autoComplete="off"
                            maxLength={18}
                            style={{ textTransform: 'uppercase' }}
                          />
                        </Form.Item>
                        <Form.Item label="RFC" name={[fila.name, 'rfc']}>
                          <Input
                            autoComplete="off"
                            maxLength={13}
                            style={{ textTransform: 'uppercase' }}
                          />
                        </Form.Item>
                      </div>
                    );
                  }
                  const lista = dato === 'correo' ? correos : telefonos;
                  return (
                    <div className="rejilla-flexible">
                      <Form.Item
                        label={
                          dato === 'correo' ? 'Correo que se corrige' : 'Teléfono que se corrige'
                        }
                        name={[fila.name, 'id']}
                        rules={[{ required: true, message: 'Elige cuál se corrige.' }]}
                      >
                        <Select
                          loading={contactos.isPending}
                          notFoundContent="No tiene datos vigentes de este tipo."
                          options={lista.map((c) => ({
                            value: c.id,
                            label: 'numero' in c ? c.numero : c.correo,
                          }))}
                        />
                      </Form.Item>
                      <Form.Item
                        label={dato === 'correo' ? 'Correo correcto' : 'Número correcto'}
                        name={[fila.name, 'valor']}
                        rules={[
                          {
                            required: true,
                            whitespace: true,
                            message: 'Escribe el valor correcto.',
                          },
                        ]}
                      >
                        <Input
                          autoComplete="off"
                          inputMode={dato === 'correo' ? 'email' : 'tel'}
                          maxLength={dato === 'correo' ? 254 : 30}
                        />
                      </Form.Item>
                    </div>
                  );
                }}
              </Form.Item>
              {filas.length > 1 && (
                <Button size="small" onClick={() => remove(fila.name)}>
                  Quitar el dato {i + 1}
                </Button>
              )}
            </fieldset>
          ))}
          <Button onClick={() => add({ dato: 'telefono' })} style={{ marginBottom: 16 }}>
            Agregar otro dato
          </Button>
        </>
      )}
    </Form.List>
  );
}
