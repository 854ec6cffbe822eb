// The command line: `shale build | dev | preview | init | deploy`. Errors the user can fix print
// as file:line with a hint and exit 1; anything else is a bug in shale and prints its stack.
// Options come from the flags, then the config file (config-file.ts), then the defaults.

import { parseArgs } from 'node:util';
import { COMMANDS, commandHelp, mainHelp, type Command } from './cli-help.js';
import { withConfigFile } from './config-file.js';
import type { ShaleOptions } from './config.js';
import { ShaleError, formatDiagnostic } from './errors.js';
import { growHeapSlowly } from './heap.js';

type Values = Record<string, string | boolean | undefined>;

export async function main(argv: string[]): Promise<number> {
  const name = argv[0] && !argv[0].startsWith('-') ? argv[0] : undefined;
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    if (!name && (argv.includes('--help') || argv.includes('-h'))) { console.log(mainHelp()); return 0; }
    console.error(name ? `shale: unknown command "${name}"\n\n${mainHelp()}` : mainHelp());
    return 1;
  }
  let values: Values, positionals: string[];
  try {
    ({ values, positionals } = parse(command, argv.slice(1)));
  } catch (err) {
    console.error(`shale ${command.name}: ${(err as Error).message}\n\n${commandHelp(command)}`);
    return 1;
  }
  if (values.help) { console.log(commandHelp(command)); return 0; }
  try {
    return await run(command.name, values, positionals);
  } catch (err) {
    if (err instanceof ShaleError) {
      console.error(formatDiagnostic(err.toDiagnostic()));
      if (values.debug) console.error(err.stack);
    } else {
      console.error(`shale: internal error (a bug in shale, please report it):\n${(err as Error)?.stack ?? err}`);
    }
    if (command.name === 'build') console.error('build failed: the previous output, if any, is unchanged.');
    return 1;
  }
}

function parse(command: Command, args: string[]) {
  // `--host` alone means every interface: accept it without a value.
  const fixed = args.flatMap((a, i) => (a === '--host' && (args[i + 1] === undefined || args[i + 1].startsWith('-')) ? ['--host=true'] : [a]));
  const options = Object.fromEntries(command.flags.map((f) => [f.name, { type: f.type, ...(f.short ? { short: f.short } : {}) }]));
  const { values, positionals } = parseArgs({ args: fixed, options, allowPositionals: true, strict: true });
  const max = command.name === 'init' ? 1 : 0;
  if (positionals.length > max) throw new Error(`unexpected argument "${positionals[max]}"`);
  return { values: values as Values, positionals };
}

function options(v: Values): ShaleOptions & { config?: string } {
  const str = (k: string) => (typeof v[k] === 'string' ? (v[k] as string) : undefined);
  let port: number | undefined;
  if (str('port') !== undefined) {
    port = Number(str('port'));
    if (!Number.isInteger(port)) throw new ShaleError(`option "port": "${str('port')}" is not a port number`, { hint: 'e.g. --port 4567' });
  }
  const host = str('host');
  return {
    root: str('root'), config: str('config'), source: str('source'), out: str('out'), base: str('base'),
    theme: str('theme'), idScheme: str('ids') as ShaleOptions['idScheme'], quiet: v.quiet === true ? true : undefined,
    inline: v.inline === true ? true : undefined, safe: v.safe === true ? true : undefined, port, host: host === 'true' ? true : host,
  };
}

async function run(name: string, v: Values, positionals: string[]): Promise<number> {
  switch (name) {
    // Each command loads its own modules: a build never pays for the dev server's imports.
    case 'build': {
      const { build } = await import('./build.js');
      await build(await withConfigFile(options(v)), undefined, { ownProcess: true });
      return 0;
    }
    case 'init': {
      const { init } = await import('./init/index.js');
      init(positionals[0] ?? '.');
      return 0;
    }
    case 'deploy': {
      const { deploy } = await import('./deploy.js');
      await deploy({ ...options(v), remote: v.remote as string, branch: v.branch as string, message: v.message as string });
      return 0;
    }
    case 'dev':
    case 'preview': {
      // The dev server renders whole pages again and again in its own process: the heap grows slowly (src/heap.ts).
      if (name === 'dev') growHeapSlowly();
      const server = name === 'dev'
        ? await (await import('./dev/server.js')).createServer(options(v))
        : await (await import('./preview.js')).preview(options(v));
      // Runs until interrupted; closing lets Vite release the port and watchers.
      await new Promise<void>((resolve) => {
        const stop = () => { void server.close().then(resolve); };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      return 0;
    }
  }
  return 1;
}
