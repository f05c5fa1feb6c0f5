import type { Comando } from './comandos.ts';

function ayuda(comandos: readonly Comando[]): string {
  const lineas = comandos.map((c) => `  ${c.uso.padEnd(58)} ${c.descripcion}`);
  return `Uso: npm run recupera -- <comando> [opciones]\n\nComandos:\n${lineas.join('\n')}\n`;
}

function elegir(
  comandos: readonly Comando[],
  args: string[],
): { comando: Comando; resto: string[] } | null {
  for (const c of comandos) {
    const n = c.nombre.length;
    if (c.nombre.every((p, i) => args[i] === p)) return { comando: c, resto: args.slice(n) };
  }
  return null;
}

async function principal(): Promise<number> {
  const args = process.argv.slice(2);
  // The engine's command needs no database: it starts without loading the rest of the app
  // (other systems pipe thousands of cases through it; the rest costs ~2 s of startup).
  if (args[0] === 'calcular' && args.every((a) => a === 'calcular' || a === '--lineas')) {
    return (await import('./calcular.ts')).calcular(args.includes('--lineas'));
  }
  const { COMANDOS } = await import('./comandos.ts');
  if (args.length === 0 || args[0] === '--help' || args[0] === '-h' || args[0] === 'ayuda') {
    process.stdout.write(ayuda(COMANDOS));
    return 0;
  }
  const elegido = elegir(COMANDOS, args);
  if (!elegido) {
    process.stderr.write(`Comando desconocido: ${args.join(' ')}\n\n${ayuda(COMANDOS)}`);
    return 2;
  }
  if (elegido.resto.includes('--help')) {
    process.stdout.write(
      `Uso: npm run recupera -- ${elegido.comando.uso}\n${elegido.comando.descripcion}\n`,
    );
    return 0;
  }
  return elegido.comando.ejecutar(elegido.resto);
}

principal()
  .then((codigo) => process.exit(codigo))
  .catch(async (e: unknown) => {
    const [{ ErrorDominio }, { ErrorDeConfiguracion }, { ErrorDeArranque }] = await Promise.all([
      import('../domain/errores.ts'),
      import('../plataforma/config.ts'),
      import('../plataforma/postgres-embebido.ts'),
    ]);
    if (
      e instanceof ErrorDominio ||
      e instanceof ErrorDeConfiguracion ||
      e instanceof ErrorDeArranque
    ) {
      process.stderr.write(`${e.message}\n`);
    } else {
      process.stderr.write(`Error: ${e instanceof Error ? e.message : String(e)}\n`);
    }
    process.exit(1);
  });
