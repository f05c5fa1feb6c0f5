import { calcularTexto } from '../modules/calculo/calcular-cli.ts';

/**
 * Writes `texto` and waits until the stream took it: the CLI ends with process.exit, which cut
 * a long `--lineas` answer to a pipe short (58 of 121 statements, exit code 0) before this
 * waited; waiting also keeps a slow reader from piling the output up in memory.
 */
function escribir(texto: string): Promise<void> {
  return new Promise((listo, fallo) =>
    process.stdout.write(texto, (e) => (e ? fallo(e) : listo())),
  );
}

async function leerTodo(): Promise<string> {
  let texto = '';
  process.stdin.setEncoding('utf8');
  for await (const parte of process.stdin) texto += parte as string;
  return texto;
}

/** Output is written in blocks of about this many characters. */
const BLOQUE = 1 << 20;

/**
 * JSON Lines, streamed: each complete input line is answered as it arrives (one result line per
 * non-empty input line, in order; an invalid case answers its error object and the batch goes
 * on), and the answers leave in blocks, so memory holds a block, not the whole batch.
 */
async function calcularEnFlujo(): Promise<void> {
  process.stdin.setEncoding('utf8');
  let pendiente = '';
  let salida = '';
  const responder = async (linea: string) => {
    if (linea.trim() !== '') salida += `${calcularTexto(linea).salida}\n`;
    if (salida.length >= BLOQUE) {
      const bloque = salida;
      salida = '';
      await escribir(bloque);
    }
  };
  for await (const parte of process.stdin) {
    const lineas = (pendiente + (parte as string)).split('\n');
    pendiente = lineas.pop() ?? '';
    for (const linea of lineas) await responder(linea);
  }
  await responder(pendiente);
  if (salida !== '') await escribir(salida);
}

/** The engine's command-line contract (issue 3): stdin → stdout; exit 2 for an invalid case. */
export async function calcular(lineas: boolean): Promise<number> {
  if (lineas) {
    await calcularEnFlujo();
    return 0;
  }
  const { salida, codigo } = calcularTexto(await leerTodo());
  await escribir(`${salida}\n`);
  return codigo;
}
