// The config file: shale.config.ts / .mts / .js / .mjs / .json in the project folder, for the
// options that are not frontmatter (folders, base, id scheme, theme, port, deploy target).
// TypeScript configs are bundled by Vite's own config loader, so shale needs no TS runtime.

import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkOptions, fileOptionsSchema, type FileOptions, type ShaleOptions } from './config.js';
import { ShaleError } from './errors.js';

export const CONFIG_FILES = ['shale.config.ts', 'shale.config.mts', 'shale.config.js', 'shale.config.mjs', 'shale.config.json'];

/** Typed helper for `shale.config.ts`: `export default defineConfig({ base: '/docs/' })`. */
export function defineConfig(options: FileOptions): FileOptions {
  return options;
}

export interface LoadedConfigFile {
  file: string;
  options: FileOptions;
}

/** Finds and loads the project's config file (or the one named); undefined when there is none. */
export async function loadConfigFile(root: string, named?: string): Promise<LoadedConfigFile | undefined> {
  const file = named ? join(root, named) : CONFIG_FILES.map((f) => join(root, f)).find((f) => existsSync(f));
  if (!file) return undefined;
  if (!existsSync(file)) throw new ShaleError(`config file ${named} not found`, { hint: `Looked for ${file}.` });
  let raw: unknown;
  try {
    if (file.endsWith('.json')) {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } else {
      // Vite only for a JS/TS config (~0.3 s to import): a build with a cached theme needs none.
      const { loadConfigFromFile } = await import('vite');
      const loaded = await loadConfigFromFile({ command: 'build', mode: 'production' }, file, root, 'silent');
      raw = loaded?.config;
    }
  } catch (err) {
    throw new ShaleError(`could not read the config file: ${(err as Error).message.split('\n')[0]}`, {
      file, cause: err, hint: 'It must export (or, for .json, be) an object of shale options.',
    });
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ShaleError('the config file must export an object of options', { file, hint: 'e.g. export default { base: "/docs/" }' });
  }
  return { file, options: checkOptions(fileOptionsSchema, raw, `in ${relative(root, file) || file}`, file) as FileOptions };
}

/**
 * Options from the config file with the command line's (or the caller's) on top: a flag that is
 * given wins, one that is not leaves the file's value.
 */
export async function withConfigFile(options: ShaleOptions & { config?: string }): Promise<ShaleOptions> {
  const { config, ...rest } = options;
  const root = rest.root ?? process.cwd();
  const loaded = await loadConfigFile(root, config);
  const given = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
  const merged: ShaleOptions = { ...loaded?.options, ...given, root };
  if (loaded?.options.deploy || rest.deploy) merged.deploy = { ...loaded?.options.deploy, ...rest.deploy };
  return merged;
}
