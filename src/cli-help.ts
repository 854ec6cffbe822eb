// The command line's options, one table per command: parseArgs reads from it and the help
// text is written from it, so `--help` always lists every option that exists.

export interface Flag {
  name: string;
  type: 'string' | 'boolean';
  short?: string;
  arg?: string;
  help: string;
}

const common: Flag[] = [
  { name: 'root', type: 'string', arg: 'PATH', help: 'Project folder the other paths are relative to (default: current folder)' },
  { name: 'config', type: 'string', arg: 'FILE', help: 'Config file (default: shale.config.{ts,mts,js,mjs,json} in the project folder)' },
  { name: 'source', type: 'string', arg: 'PATH', help: 'Source folder with index.html.md (default: source)' },
  { name: 'out', type: 'string', arg: 'PATH', help: 'Output folder (default: build); shale only replaces a folder it made' },
  { name: 'base', type: 'string', arg: 'URL', help: 'URL prefix for absolute deployments, e.g. /docs/ (default: ./, relative URLs)' },
];
const render: Flag[] = [
  { name: 'theme', type: 'string', arg: 'PATH', help: 'Theme folder (default: the built-in theme)' },
  { name: 'ids', type: 'string', arg: 'SCHEME', help: 'Heading ids: slate (default), nesting or redcarpet' },
  { name: 'safe', type: 'boolean', help: 'Escape all raw HTML in the sources and toc_footers (for docs from untrusted input)' },
];
const serve: Flag[] = [
  { name: 'port', type: 'string', arg: 'N', help: 'Port (default: 4567, or the next free one)' },
  { name: 'host', type: 'string', arg: '[ADDR]', help: 'Listen on ADDR, or on every interface when given alone (default: 127.0.0.1)' },
];
const tail: Flag[] = [
  { name: 'quiet', type: 'boolean', help: 'Print only warnings and errors' },
  { name: 'debug', type: 'boolean', help: 'Print stack traces of errors' },
  { name: 'help', type: 'boolean', short: 'h', help: 'Show this help' },
];

export interface Command {
  name: string;
  usage: string;
  summary: string;
  flags: Flag[];
}

export const COMMANDS: Command[] = [
  { name: 'build', usage: 'shale build [options]', summary: 'Build the Slate source folder into a static site',
    flags: [...common, ...render, { name: 'inline', type: 'boolean', help: 'Write each page as one self-contained HTML file (scripts, styles, index, images inside)' }, ...tail] },
  { name: 'dev', usage: 'shale dev [options]', summary: 'Serve the docs with live reload while you write',
    flags: [...common, ...render, ...serve, ...tail] },
  { name: 'preview', usage: 'shale preview [options]', summary: 'Serve the built site as a static host would',
    flags: [...common, ...serve, ...tail] },
  { name: 'init', usage: 'shale init [dir]', summary: 'Create a new docs project in dir (default: current folder)',
    flags: [...tail] },
  { name: 'deploy', usage: 'shale deploy [options]', summary: 'Publish the built site to a git branch (default: gh-pages of origin)',
    flags: [...common.filter((f) => f.name !== 'base' && f.name !== 'source'),
      { name: 'remote', type: 'string', arg: 'NAME', help: 'Git remote to push to (default: origin)' },
      { name: 'branch', type: 'string', arg: 'NAME', help: 'Branch to publish to (default: gh-pages)' },
      { name: 'message', type: 'string', short: 'm', arg: 'TEXT', help: 'Commit message (default: "Deploy <time> with shale")' },
      ...tail] },
];

function flagLines(flags: Flag[]): string {
  const left = flags.map((f) => `${f.short ? `-${f.short}, ` : '    '}--${f.name}${f.arg ? ' ' + f.arg : ''}`);
  const width = Math.max(...left.map((l) => l.length)) + 2;
  return flags.map((f, i) => `  ${left[i].padEnd(width)}${f.help}`).join('\n');
}

export function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 4;
  return `Usage: shale <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.summary}`).join('\n')}

Options of each command (\`shale <command> --help\` lists only that command's):
${COMMANDS.map((c) => `\n${c.usage}\n${flagLines(c.flags)}`).join('\n')}

Options not given on the command line come from shale.config.{ts,mts,js,mjs,json} when there is one.
`;
}

export function commandHelp(c: Command): string {
  return `Usage: ${c.usage}\n\n${c.summary}.\n\nOptions:\n${flagLines(c.flags)}\n`;
}
