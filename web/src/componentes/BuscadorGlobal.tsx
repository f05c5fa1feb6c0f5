import { Input, type InputRef } from 'antd';
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { type Hallazgo, MINIMO_BUSQUEDA, ROLES_ATENCION, useBusqueda } from '../api/atencion.ts';
import { mensajeDeError } from '../api/cliente.ts';
import { useUsuarioActual } from '../api/sesion.ts';
import { useValorDiferido } from '../diferido.ts';

const ESPERA_MS = 250;
const CREDITOS_VISIBLES = 3;

const NOMBRE_ROL_DEUDOR: Record<Hallazgo['roles'][number], string> = {
  acreditado: 'Acreditado',
  aval: 'Aval',
};

function detalleDe(h: Hallazgo): string {
  const roles = h.roles.map((r) => NOMBRE_ROL_DEUDOR[r]).join(' y ');
  const visibles = h.creditos.slice(0, CREDITOS_VISIBLES).join(', ');
  const resto = h.creditos.length - CREDITOS_VISIBLES;
  const creditos = resto > 0 ? `${visibles} y ${resto} más` : visibles;
  return `${roles} · ${h.creditos.length === 1 ? 'Crédito' : 'Créditos'} ${creditos}`;
}

/** The header's search box, for everyone who attends debtors (the server refuses the rest). */
export function BuscadorGlobal() {
  const usuario = useUsuarioActual();
  if (!ROLES_ATENCION.includes(usuario.rol)) return null;
  return <Buscador />;
}

/**
 * Find anyone in a keystroke: results as you type, in a listbox the keyboard drives (ARIA
 * combobox pattern): ↑/↓ choose, Enter opens the ficha, Escape closes, then clears. «/»
 * anywhere outside a field brings the focus here.
 */
function Buscador() {
  const navegar = useNavigate();
  const id = useId();
  const idLista = `${id}-resultados`;
  const idAyuda = `${id}-ayuda`;
  const campo = useRef<InputRef>(null);
  const [texto, setTexto] = useState('');
  const [abierto, setAbierto] = useState(false);
  const [activo, setActivo] = useState(-1);
  const diferido = useValorDiferido(texto.trim(), ESPERA_MS);
  const busqueda = useBusqueda(diferido);

  const q = texto.trim();
  const suficiente = q.length >= MINIMO_BUSQUEDA && diferido.length >= MINIMO_BUSQUEDA;
  const resultados = suficiente ? (busqueda.data ?? []) : [];
  // Results of an earlier text stay listed (dimmed) until the current one's arrive.
  const alDia = q === diferido && !busqueda.isPlaceholderData && !busqueda.isFetching;

  useEffect(() => {
    const alPresionar = (e: globalThis.KeyboardEvent) => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
      const destino = e.target;
      if (
        destino instanceof HTMLElement &&
        (destino.isContentEditable || destino.closest('input, textarea, select, [role="combobox"]'))
      ) {
        return;
      }
      e.preventDefault();
      campo.current?.focus();
    };
    document.addEventListener('keydown', alPresionar);
    return () => document.removeEventListener('keydown', alPresionar);
  }, []);

  const abrirFicha = (h: Hallazgo) => {
    setAbierto(false);
    setTexto('');
    setActivo(-1);
    navegar(`/personas/${h.personaId}`);
    document.getElementById('contenido')?.focus();
  };

  const alTeclear = (e: KeyboardEvent<HTMLInputElement>) => {
    const n = resultados.length;
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!abierto) setAbierto(true);
        else if (n > 0) setActivo((a) => (a + 1) % n);
        return;
      case 'ArrowUp':
        e.preventDefault();
        if (!abierto) setAbierto(true);
        else if (n > 0) setActivo((a) => (a <= 0 ? n - 1 : a - 1));
        return;
      case 'Enter': {
        if (!abierto || n === 0) return;
        e.preventDefault();
        // Without a chosen row, Enter opens the first one only once the list is for this text.
        const elegido = activo >= 0 ? resultados[activo] : alDia ? resultados[0] : undefined;
        if (elegido) abrirFicha(elegido);
        return;
      }
      case 'Escape':
        e.preventDefault();
        if (abierto && q !== '') setAbierto(false);
        else {
          setTexto('');
          setActivo(-1);
        }
        return;
    }
  };

  const mostrar = abierto && q !== '';
  const lista = mostrar && resultados.length > 0;
  const idActivo = lista && activo >= 0 ? `${id}-opcion-${activo}` : undefined;

  let aviso: string | null = null;
  if (mostrar) {
    if (q.length < MINIMO_BUSQUEDA) {
      aviso = `Escribe al menos ${MINIMO_BUSQUEDA} caracteres.`;
    } else if (busqueda.isError && alDia) {
      aviso = mensajeDeError(busqueda.error);
    } else if (resultados.length === 0) {
      aviso =
        alDia && busqueda.isSuccess ? `Nadie coincide con «${q}» en tu cartera.` : 'Buscando…';
    }
  }
  const anuncio = !mostrar
    ? ''
    : (aviso ??
      (alDia
        ? `${resultados.length} ${resultados.length === 1 ? 'resultado' : 'resultados'}. Flechas para elegir, Enter para abrir la ficha.`
        : ''));

  return (
    <search className="buscador-global" aria-label="Buscar deudores">
      <Input
        ref={campo}
        type="search"
        role="combobox"
        aria-label="Buscar acreditado o aval"
        aria-describedby={idAyuda}
        aria-autocomplete="list"
        aria-expanded={lista}
        aria-controls={idLista}
        aria-activedescendant={idActivo}
        aria-keyshortcuts="/"
        placeholder="Buscar por nombre, CURP, RFC, crédito, pagaré o teléfono…"
        autoComplete="off"
        spellCheck={false}
        value={texto}
        onChange={(e) => {
          setTexto(e.target.value);
          setActivo(-1);
          setAbierto(true);
        }}
        onFocus={() => setAbierto(true)}
        onBlur={() => setAbierto(false)}
        onKeyDown={alTeclear}
      />
      <span id={idAyuda} className="solo-lectores">
        Escribe al menos {MINIMO_BUSQUEDA} caracteres; los resultados aparecen mientras escribes.
        Atajo: tecla diagonal.
      </span>
      <span className="solo-lectores" aria-live="polite">
        {anuncio}
      </span>
      {mostrar && (
        <div className="buscador-desplegable" data-actualizando={!alDia}>
          {aviso !== null && <p className="buscador-aviso">{aviso}</p>}
          <div
            id={idLista}
            role="listbox"
            aria-label="Resultados de la búsqueda"
            hidden={!lista}
            className="buscador-lista"
          >
            {resultados.map((h, i) => (
              // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox's input handles the keys.
              <div
                key={h.personaId}
                id={`${id}-opcion-${i}`}
                role="option"
                tabIndex={-1}
                aria-selected={i === activo}
                className="buscador-opcion"
                // Keep the focus in the box: a click must not blur it before it lands.
                onMouseDown={(e) => e.preventDefault()}
                onMouseMove={() => setActivo(i)}
                onClick={() => abrirFicha(h)}
              >
                <span className="buscador-nombre">{h.nombre}</span>
                <span className="buscador-detalle">{detalleDe(h)}</span>
              </div>
            ))}
          </div>
        </div>
      )}
    </search>
  );
}
