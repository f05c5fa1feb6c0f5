import { calcularLineas, calcularTexto } from '../modules/calculo/calcular-cli.ts';

async function leerEntrada(): Promise<string> {
  const partes: Buffer[] = [];
  for await (const parte of process.stdin) partes.push(parte as Buffer);
  return Buffer.concat(partes).toString('utf8');
}

/**
 * Writes all of `texto` before returning: the CLI ends with process.exit, which cut a long
 * `--lineas` answer to a pipe short (58 of 121 statements, exit code 0) before this waited.
 */
function escribir(texto: string): Promise<void> {
  return new Promise((listo, fallo) =>
    process.stdout.write(texto, (e) => (e ? fallo(e) : listo())),
  );
}

/** The engine's command-line contract (issue 3): stdin → stdout; exit 2 for an invalid case. */
export async function calcular(lineas: boolean): Promise<number> {
  const texto = await leerEntrada();
  if (lineas) {
    await escribir(calcularLineas(texto));
    return 0;
  }
  const { salida, codigo } = calcularTexto(texto);
  await escribir(`${salida}\n`);
  return codigo;
}
