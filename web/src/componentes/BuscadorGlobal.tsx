import { Input, type InputRef } from 'antd';
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import {
  type Hallazgo,
  MINIMO_BUSQUEDA,
  type OficinaQueAtiende,
  ROLES_ATENCION,
  useBusquedaPorPaginas,
} from '../api/atencion.ts';
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

/** What tells homonyms apart: birth year, town, masked CURP (whatever is on file). */
function distintivosDe(h: Hallazgo): string | null {
  const partes = [
    h.anioNacimiento === null ? null : `Nació en ${h.anioNacimiento}`,
    h.municipio,
    h.curp === null ? null : `CURP ${h.curp}`,
  ].filter((p) => p !== null);
  return partes.length === 0 ? null : partes.join(' · ');
}

/** «la oficina de Nogales», «las oficinas de Cd. Obregón y Nogales»: where to send a walk-in. */
function oficinasDe(oficinas: OficinaQueAtiende[]): string {
  const nombres = oficinas.map((o) => o.nombre);
  return nombres.length <= 1
    ? `la oficina de ${nombres[0] ?? ''}`
    : `las oficinas de ${nombres.slice(0, -1).join(', ')} y ${nombres.at(-1)}`;
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
  const busqueda = useBusquedaPorPaginas(diferido);
  // Enter pressed before this text's results arrived: the first of them opens when they do.
  const [pendiente, setPendiente] = useState<string | null>(null);

  const q = texto.trim();
  const suficiente = q.length >= MINIMO_BUSQUEDA && diferido.length >= MINIMO_BUSQUEDA;
  const paginas = suficiente ? (busqueda.data?.pages ?? []) : [];
  const resultados = paginas.flatMap((p) => p.resultados);
  const otrasOficinas = paginas[0]?.otrasOficinas ?? [];
  const hayMas = suficiente && busqueda.hasNextPage;
  // Results of an earlier text stay listed (dimmed) until the current one's arrive; a «Ver
  // más» on the way leaves the ones listed current.
  const alDia =
    q === diferido &&
    !busqueda.isPlaceholderData &&
    (!busqueda.isFetching || busqueda.isFetchingNextPage);
  // The listbox's last option asks for 20 more.
  const opciones = resultados.length + (hayMas ? 1 : 0);

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
    setPendiente(null);
    navegar(`/personas/${h.personaId}`);
    document.getElementById('contenido')?.focus();
  };

  const verMas = () => {
    if (!busqueda.isFetchingNextPage) void busqueda.fetchNextPage();
  };

  // The Enter that came early: once the results for that text are in, open the first one (or
  // let «Nadie coincide» speak, if none).
  const primero = resultados[0];
  useEffect(() => {
    if (pendiente === null || pendiente !== q || !alDia) return;
    if (busqueda.isSuccess && primero !== undefined) abrirFicha(primero);
    else if (busqueda.isSuccess || busqueda.isError) setPendiente(null);
  });

  const alTeclear = (e: KeyboardEvent<HTMLInputElement>) => {
    const n = opciones;
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
        if (q.length < MINIMO_BUSQUEDA) return;
        e.preventDefault();
        if (activo >= 0 && activo === resultados.length) {
          verMas();
          return;
        }
        // Without a chosen row, Enter opens the first result for this text: now if the list
        // is for it, else as soon as it is (a quick hand at the counter does not wait).
        const elegido = activo >= 0 ? resultados[activo] : alDia ? resultados[0] : undefined;
        if (elegido) abrirFicha(elegido);
        else if (!alDia) {
          setPendiente(q);
          setAbierto(true);
        }
        return;
      }
      case 'Escape':
        e.preventDefault();
        setPendiente(null);
        if (abierto && q !== '') setAbierto(false);
        else {
          setTexto('');
          setActivo(-1);
        }
        return;
    }
  };

  const mostrar = abierto && q !== '';
  const lista = mostrar && opciones > 0;
  const idActivo = lista && activo >= 0 ? `${id}-opcion-${activo}` : undefined;

  let aviso: string | null = null;
  if (mostrar) {
    if (q.length < MINIMO_BUSQUEDA) {
      aviso = `Escribe al menos ${MINIMO_BUSQUEDA} caracteres.`;
    } else if (busqueda.isError && alDia) {
      aviso = mensajeDeError(busqueda.error);
    } else if (pendiente === q && !alDia) {
      aviso = 'Buscando… se abrirá el primer resultado.';
    } else if (resultados.length === 0) {
      aviso = !(alDia && busqueda.isSuccess)
        ? 'Buscando…'
        : otrasOficinas.length > 0
          ? `Nadie coincide con «${q}» en tu cartera. Lo atiende ${oficinasDe(otrasOficinas)}: indícale que acuda allá.`
          : `Nadie coincide con «${q}» en tu cartera.`;
    }
  }
  // Someone else of that name may be the walk-in: say where they are attended, nothing more.
  const nota =
    mostrar && alDia && resultados.length > 0 && otrasOficinas.length > 0
      ? `También coincide alguien a quien atiende ${oficinasDe(otrasOficinas)}.`
      : null;
  const anuncio = !mostrar
    ? ''
    : (aviso ??
      (alDia
        ? `${resultados.length} ${resultados.length === 1 ? 'resultado' : 'resultados'}${hayMas ? ' y hay más' : ''}. Flechas para elegir, Enter para abrir la ficha.${nota === null ? '' : ` ${nota}`}`
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
          setPendiente(null);
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
                {distintivosDe(h) !== null && (
                  <span className="buscador-detalle">{distintivosDe(h)}</span>
                )}
              </div>
            ))}
            {hayMas && (
              // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox's input handles the keys.
              <div
                id={`${id}-opcion-${resultados.length}`}
                role="option"
                tabIndex={-1}
                aria-selected={activo === resultados.length}
                className="buscador-opcion buscador-ver-mas"
                onMouseDown={(e) => e.preventDefault()}
                onMouseMove={() => setActivo(resultados.length)}
                onClick={verMas}
              >
                {busqueda.isFetchingNextPage ? 'Cargando más resultados…' : 'Ver más resultados'}
              </div>
            )}
          </div>
          {nota !== null && <p className="buscador-aviso">{nota}</p>}
        </div>
      )}
    </search>
  );
}
