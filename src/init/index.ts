// `shale init [dir]`: a new docs project that builds at once. Refuses to overwrite anything:
// every file is checked before the first is written, so a refusal leaves the folder as it was.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { ShaleError } from '../errors.js';
import { packagePath } from '../package-root.js';
import { consoleLogger, type Logger } from '../log.js';
import { projectFiles } from './templates.js';

const PACKAGE_JSON = packagePath('package.json');

export interface InitResult {
  dir: string;
  files: string[];
}

export function init(dir = '.', log: Logger = consoleLogger()): InitResult {
  const target = resolve(dir);
  const version = (JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { version: string }).version;
  const files = projectFiles(basename(target), version);
  const existing = Object.keys(files).filter((f) => existsSync(join(target, f)));
  // An existing package.json is someone's project: never merge into it.
  if (existing.length) {
    throw new ShaleError(`refusing to overwrite ${existing.join(', ')} in ${relative(process.cwd(), target) || '.'}`, {
      hint: 'Run shale init in an empty folder, or move those files away first.',
    });
  }
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(target, path)), { recursive: true });
    writeFileSync(join(target, path), text, { flag: 'wx' });
  }
  const shown = relative(process.cwd(), target) || '.';
  log.info(`created a shale project in ${shown}:`);
  for (const f of Object.keys(files)) log.info(`  ${f}`);
  log.info(`next:${shown === '.' ? '' : ` cd ${shown} &&`} npm install && npx shale dev`);
  return { dir: target, files: Object.keys(files) };
}
