import { esErrorApi, mensajeDeError } from './api/cliente.ts';

interface Opciones {
  /** API field name → form field name, where they differ (e.g. oficinaId → oficina). */
  nombres?: Readonly<Record<string, string>>;
  /** For errors that come without `campo` but are clearly about one field (codigo → field). */
  campoPorCodigo?: Readonly<Record<string, string>>;
}

/**
 * Shows a server error next to the field it names (`campo`), when that field is on the form.
 * Returns the message to show above the form when the error is not about one field, else null.
 */
/** The part of an antd `FormInstance` this needs, typed by the form's own field names. */
interface FormularioConCampos<Campo extends string> {
  setFields: (campos: { name: Campo; errors: string[] }[]) => void;
  focusField: (campo: Campo) => void;
}

export function mostrarErrorEnFormulario<Campo extends string>(
  formulario: FormularioConCampos<Campo>,
  error: unknown,
  camposDelFormulario: readonly Campo[],
  { nombres = {}, campoPorCodigo = {} }: Opciones = {},
): string | null {
  if (esErrorApi(error)) {
    const campoApi = error.campo ?? campoPorCodigo[error.codigo];
    const campo = campoApi === undefined ? undefined : (nombres[campoApi] ?? campoApi);
    const esDelFormulario = (c: string | undefined): c is Campo =>
      camposDelFormulario.some((propio) => propio === c);
    if (esDelFormulario(campo)) {
      formulario.setFields([{ name: campo, errors: [error.mensaje] }]);
      formulario.focusField(campo);
      return null;
    }
  }
  return mensajeDeError(error);
}
