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

/** Output leaves in blocks of about this many bytes. */
const BLOQUE = 1 << 20;

/**
 * Statements are encoded straight into one reused buffer and leave in blocks: building a
 * megabyte-long string per block and encoding it again kept a third of the time in the
 * garbage collector.
 */
class Salida {
  private bytes = Buffer.allocUnsafe(2 * BLOQUE);
  private posicion = 0;

  async agregar(texto: string): Promise<void> {
    // A character takes at most 3 bytes in UTF-8, plus the newline.
    const maximo = texto.length * 3 + 1;
    if (this.posicion + maximo > this.bytes.length) {
      await this.vaciar();
      if (maximo > this.bytes.length) this.bytes = Buffer.allocUnsafe(maximo);
    }
    this.posicion += this.bytes.write(texto, this.posicion, 'utf8');
    this.bytes[this.posicion++] = 10;
    if (this.posicion >= BLOQUE) await this.vaciar();
  }

  /** Writes what is buffered and waits until the stream took it, before reusing the buffer. */
  async vaciar(): Promise<void> {
    if (this.posicion === 0) return;
    const bloque = this.bytes.subarray(0, this.posicion);
    this.posicion = 0;
    await new Promise<void>((listo, fallo) =>
      process.stdout.write(bloque, (e) => (e ? fallo(e) : listo())),
    );
  }
}

/**
 * JSON Lines, streamed: each complete input line is answered as it arrives (one result line per
 * non-empty input line, in order; an invalid case answers its error object and the batch goes
 * on), and the answers leave in blocks, so memory holds a block, not the whole batch. Lines are
 * found in the raw bytes and decoded one at a time.
 */
async function calcularEnFlujo(): Promise<void> {
  const salida = new Salida();
  let pendientes: Buffer[] = [];
  const responder = async (bytes: Buffer) => {
    const linea = bytes.toString('utf8');
    if (linea.trim() !== '') await salida.agregar(calcularTexto(linea).salida);
  };
  for await (const parte of process.stdin as AsyncIterable<Buffer>) {
    let inicio = 0;
    for (let fin = parte.indexOf(10); fin !== -1; fin = parte.indexOf(10, inicio)) {
      const trozo = parte.subarray(inicio, fin);
      if (pendientes.length === 0) await responder(trozo);
      else {
        await responder(Buffer.concat([...pendientes, trozo]));
        pendientes = [];
      }
      inicio = fin + 1;
    }
    if (inicio < parte.length) pendientes.push(parte.subarray(inicio));
  }
  if (pendientes.length > 0) await responder(Buffer.concat(pendientes));
  await salida.vaciar();
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
