// Options → resolved configuration with absolute paths. One schema is the contract: the
// option types, their defaults, and error messages that name the option.

import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ShaleError } from './errors.js';

const here = dirname(fileURLToPath(import.meta.url));
/** The default theme ships inside the package: dist/../themes/default (or src/../ in tests). */
export const DEFAULT_THEME_DIR = resolve(here, '..', 'themes', 'default');

export const optionsSchema = z.object({
  /** Project folder; other paths are relative to it. */
  root: z.string().optional(),
  /** The Slate `source/` folder. */
  source: z.string().default('source'),
  /** Output folder; shale only ever cleans one it made itself. */
  out: z.string().default('build'),
  /** URL prefix for absolute deployments (`/docs/`); the default `./` makes every URL relative. */
  base: z.string().default('./'),
  /** Theme folder with index.html, main.ts and styles. */
  theme: z.string().optional(),
  /** Heading id scheme: Slate's default, Slate's nesting ids, or Redcarpet's plain ids. */
  idScheme: z.enum(['slate', 'nesting', 'redcarpet']).default('slate'),
  /** Print nothing but warnings and errors. */
  quiet: z.boolean().default(false),
});

export type ShaleOptions = z.input<typeof optionsSchema>;

export interface ResolvedConfig {
  root: string;
  sourceDir: string;
  outDir: string;
  base: string;
  themeDir: string;
  idScheme: 'slate' | 'nesting' | 'redcarpet';
  quiet: boolean;
}

export function resolveConfig(options: ShaleOptions = {}): ResolvedConfig {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ShaleError(`option "${issue.path.join('.')}": ${issue.message}`, {
      hint: 'Check the value given on the command line or to build().',
    });
  }
  const o = parsed.data;
  const root = resolve(o.root ?? process.cwd());
  let base = o.base;
  // An absolute base must end in '/' so that asset URLs join cleanly.
  if (base !== './' && !base.endsWith('/')) base += '/';
  return {
    root,
    sourceDir: resolve(root, o.source),
    outDir: resolve(root, o.out),
    base,
    themeDir: o.theme ? resolve(root, o.theme) : DEFAULT_THEME_DIR,
    idScheme: o.idScheme,
    quiet: o.quiet,
  };
}
