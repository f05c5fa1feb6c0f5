import type { ChangeEvent, RefObject } from 'react';

/**
 * One file, chosen with a control that speaks Spanish: the browser's own file control speaks
 * its UI language. The caller's `${id}-titulo` element names it; `${id}-nombre` tells what was
 * chosen, and `describeTambien` adds ids the control is also described by (an aviso).
 */
export function SelectorDeArchivo({
  id,
  campo,
  accept,
  archivo,
  onChange,
  deshabilitado,
  describeTambien,
}: {
  id: string;
  campo: RefObject<HTMLInputElement | null>;
  accept: string;
  archivo: File | null;
  onChange: (e: ChangeEvent<HTMLInputElement>) => void;
  deshabilitado?: boolean;
  describeTambien?: string;
}) {
  return (
    <div className="selector-archivo" data-deshabilitado={deshabilitado}>
      <input
        ref={campo}
        id={`${id}-archivo`}
        type="file"
        accept={accept}
        className="archivo-oculto"
        onChange={onChange}
        disabled={deshabilitado}
        aria-labelledby={`${id}-titulo`}
        aria-describedby={`${id}-nombre${describeTambien === undefined ? '' : ` ${describeTambien}`}`}
      />
      <label htmlFor={`${id}-archivo`} className="boton-archivo" aria-hidden="true">
        Elegir archivo…
      </label>
      <span id={`${id}-nombre`} className="nombre-archivo">
        {archivo === null ? 'Ningún archivo elegido' : archivo.name}
      </span>
    </div>
  );
}
