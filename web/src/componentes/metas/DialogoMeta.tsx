import { Alert, App, Form, Input } from 'antd';
import { useState } from 'react';
import { ITEMS_META, type ItemMeta, NOMBRE_ITEM_META } from '../../api/indicadores.ts';
import {
  type CuerpoMeta,
  type MetaEnLista,
  type ObjetivoEnviado,
  useGuardarMeta,
} from '../../api/metas.ts';
import { mostrarErrorEnFormulario } from '../../erroresFormulario.ts';
import { leerMonto, pesosDe } from '../../formato.ts';
import { DialogoFormulario } from '../DialogoFormulario.tsx';

type Campo = `${ItemMeta}Meta` | `${ItemMeta}Peso` | 'motivo';
type Valores = Partial<Record<Campo, string>>;

const CAMPOS: readonly Campo[] = [
  ...ITEMS_META.flatMap((i) => [`${i}Meta` as const, `${i}Peso` as const]),
  'motivo',
];
const NOMBRES_API: Record<string, Campo> = Object.fromEntries(
  ITEMS_META.flatMap((i) => [
    [`items.${i}.meta`, `${i}Meta`],
    [`items.${i}.peso`, `${i}Peso`],
    [`items.${i}`, `${i}Meta`],
  ]),
);
const PESO = /^\d{1,3}(\.\d{1,2})?$/;
const CONTEO = /^\d{1,9}$/;

/** The weight as people write it: pg's "40.00" → "40", "12.50" → "12.5". */
function pesoLegible(peso: string): string {
  return peso.includes('.') ? peso.replace(/\.?0+$/, '') : peso;
}

function valoresDe(m: MetaEnLista): Valores {
  const v: Valores = {};
  for (const i of ITEMS_META) {
    const x = m.items[i];
    if (x === undefined) continue;
    v[`${i}Meta`] = i === 'recuperacion' ? pesosDe(x.meta) : x.meta;
    v[`${i}Peso`] = pesoLegible(x.peso);
  }
  return v;
}

export function nombreDeSujeto(m: MetaEnLista): string {
  return m.gestor === null ? `Oficina ${m.oficina.nombre}` : m.gestor.nombre;
}

/**
 * One gestor's (or office's) goals of a month: each of the four items optional, with its
 * weight. A plain form in a dialog: Tab through the fields, Enter saves, Esc goes back.
 */
export function DialogoMeta({
  mes,
  meta,
  nombreMes,
  abierto,
  alCerrar,
  alTerminarCierre,
}: {
  mes: string;
  meta: MetaEnLista;
  nombreMes: string;
  abierto: boolean;
  alCerrar: () => void;
  alTerminarCierre: () => void;
}) {
  const [formulario] = Form.useForm<Valores>();
  const guardar = useGuardarMeta(mes);
  const { message } = App.useApp();
  const [errorGeneral, setErrorGeneral] = useState<string | null>(null);
  const nombre = nombreDeSujeto(meta);

  const alEnviar = (v: Valores) => {
    if (guardar.isPending) return;
    setErrorGeneral(null);
    const items: Partial<Record<ItemMeta, ObjetivoEnviado>> = {};
    for (const i of ITEMS_META) {
      const texto = v[`${i}Meta`]?.trim() ?? '';
      if (texto === '') continue;
      const peso = v[`${i}Peso`]?.trim() ?? '';
      items[i] = {
        meta: i === 'recuperacion' ? (leerMonto(texto) ?? texto) : Number(texto.replace(/,/g, '')),
        peso,
      };
    }
    const motivo = v.motivo?.trim() ?? '';
    const cuerpo: CuerpoMeta = {
      ...(meta.gestor === null ? { oficinaId: meta.oficina.id } : { gestorId: meta.gestor.id }),
      items,
      ...(motivo === '' ? {} : { motivo }),
    };
    guardar.mutate(cuerpo, {
      onSuccess: (r) => {
        void message.success(
          r.cambio
            ? `Metas de ${nombre} para ${nombreMes} guardadas (versión ${r.version ?? 1}).`
            : `Las metas de ${nombre} ya eran esas: no se agregó otra versión.`,
        );
        alCerrar();
      },
      onError: (error) =>
        setErrorGeneral(
          mostrarErrorEnFormulario(formulario, error, CAMPOS, { nombres: NOMBRES_API }),
        ),
    });
  };

  const reglaPeso = (i: ItemMeta) => ({
    validator: (_: unknown, valor: string | undefined) => {
      const conMeta = (formulario.getFieldValue(`${i}Meta`) ?? '').trim() !== '';
      const texto = (valor ?? '').trim();
      if (conMeta && texto === '')
        return Promise.reject(new Error('Escribe el peso de esta meta.'));
      if (texto !== '' && !PESO.test(texto)) {
        return Promise.reject(new Error('El peso es un número de 0 a 999.99, p. ej. 40.'));
      }
      return Promise.resolve();
    },
  });
  const reglaMeta = (i: ItemMeta) => ({
    validator: (_: unknown, valor: string | undefined) => {
      const texto = (valor ?? '').trim();
      if (texto === '') return Promise.resolve();
      if (
        i === 'recuperacion' ? leerMonto(texto) === null : !CONTEO.test(texto.replace(/,/g, ''))
      ) {
        return Promise.reject(
          new Error(
            i === 'recuperacion'
              ? 'Escribe un monto en pesos, p. ej. 150,000.00.'
              : 'Escribe un número entero, p. ej. 120.',
          ),
        );
      }
      return Promise.resolve();
    },
  });

  return (
    <DialogoFormulario<Valores>
      abierto={abierto}
      titulo={`Metas de ${nombre} para ${nombreMes}`}
      textoAceptar="Guardar metas"
      ocupado={guardar.isPending}
      formulario={formulario}
      nombre="meta"
      valoresIniciales={valoresDe(meta)}
      alEnviar={alEnviar}
      alCerrar={alCerrar}
      alTerminarCierre={alTerminarCierre}
      ancho={560}
    >
      {errorGeneral !== null && (
        <Alert type="error" showIcon title={errorGeneral} style={{ marginBottom: 16 }} />
      )}
      <p className="texto-secundario">
        Deja vacía la meta que no aplique. El índice pondera cada meta por su peso; cada una cuenta
        a lo más 100 %. Guardar agrega una versión: las anteriores quedan en el historial.
      </p>
      {ITEMS_META.map((i, n) => (
        <fieldset key={i} className="grupo-meta">
          <legend>{NOMBRE_ITEM_META[i]}</legend>
          <Form.Item
            label={i === 'recuperacion' ? 'Meta (pesos)' : 'Meta (cantidad)'}
            name={`${i}Meta`}
            rules={[reglaMeta(i)]}
          >
            <Input inputMode="decimal" autoFocus={n === 0} autoComplete="off" />
          </Form.Item>
          <Form.Item
            label="Peso"
            name={`${i}Peso`}
            dependencies={[`${i}Meta`]}
            rules={[reglaPeso(i)]}
          >
            <Input inputMode="decimal" autoComplete="off" />
          </Form.Item>
        </fieldset>
      ))}
      <Form.Item label="Motivo del cambio (opcional)" name="motivo">
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </DialogoFormulario>
  );
}
