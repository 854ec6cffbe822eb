// The command line: `shale build [options]`. Errors the user can fix print as file:line with a
// hint and exit 1; anything else is a bug in shale and prints its stack.

import { parseArgs } from 'node:util';
import { build } from './build.js';
import { ShaleError, formatDiagnostic } from './errors.js';

const HELP = `Usage: shale <command> [options]

Commands:
  build            Build the Slate source folder into a static site

Options for build:
  --source PATH    Source folder with index.html.md (default: source)
  --out PATH       Output folder (default: build); shale only replaces a folder it made
  --base URL       URL prefix for absolute deployments, e.g. /docs/ (default: ./, relative URLs)
  --theme PATH     Theme folder (default: the built-in theme)
  --ids SCHEME     Heading ids: slate (default), nesting or redcarpet
  --root PATH      Project folder the other paths are relative to (default: current folder)
  --quiet          Print only warnings and errors
  --debug          Print stack traces of errors
  -h, --help       Show this help
`;

export async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        source: { type: 'string' }, out: { type: 'string' }, base: { type: 'string' },
        theme: { type: 'string' }, ids: { type: 'string' }, root: { type: 'string' },
        quiet: { type: 'boolean' }, debug: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    console.error(`shale: ${(err as Error).message}\n\n${HELP}`);
    return 1;
  }
  const { values, positionals } = args;
  const command = positionals[0];
  if (values.help || !command) {
    console.log(HELP);
    return command || values.help ? 0 : 1;
  }
  if (command !== 'build') {
    console.error(`shale: unknown command "${command}"\n\n${HELP}`);
    return 1;
  }
  try {
    await build({
      root: values.root, source: values.source, out: values.out, base: values.base, theme: values.theme,
      idScheme: values.ids as 'slate' | undefined, quiet: values.quiet,
    });
    return 0;
  } catch (err) {
    if (err instanceof ShaleError) {
      console.error(formatDiagnostic(err.toDiagnostic()));
      if (values.debug) console.error(err.stack);
    } else {
      console.error(`shale: internal error (a bug in shale, please report it):\n${(err as Error)?.stack ?? err}`);
    }
    console.error('build failed: the previous output, if any, is unchanged.');
    return 1;
  }
}
