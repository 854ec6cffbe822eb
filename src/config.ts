// Options → resolved configuration with absolute paths. One schema is the contract: the
// option types, their defaults, and error messages that name the option. The same schema checks
// the config file (see config-file.ts), the command line and the Node API.

import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { z } from 'zod';
import { ShaleError } from './errors.js';
import { packagePath } from './package-root.js';

/** The default theme ships inside the package. */
export const DEFAULT_THEME_DIR = packagePath('themes', 'default');

/** Slate's `middleman server` port; the dev server takes the next free one if it is taken. */
export const DEFAULT_PORT = 4567;

/** Pages with more content HTML than this load it in chunks unless `lazyContent` says otherwise. */
export const DEFAULT_LAZY_BYTES = 3_000_000;

/** Keys a config file may set (everything that is not frontmatter and not a one-off flag). */
export const fileOptionsSchema = z.strictObject({
  /** The Slate `source/` folder. */
  source: z.string().min(1).optional(),
  /** Output folder; shale only ever cleans one it made itself. */
  out: z.string().min(1).optional(),
  /** URL prefix for absolute deployments (`/docs/`); the default `./` makes every URL relative. */
  base: z.string().min(1).optional(),
  /** Theme folder with index.html, main.ts and styles. */
  theme: z.string().min(1).optional(),
  /** Heading id scheme: Slate's default, Slate's nesting ids, or Redcarpet's plain ids. */
  idScheme: z.enum(['slate', 'nesting', 'redcarpet']).optional(),
  /**
   * Escape every raw HTML tag the sources hold (page bodies, includes, toc_footers), for docs
   * built from text nobody trusted (an OpenAPI file from elsewhere). Markdown still applies.
   */
  safe: z.boolean().optional(),
  /**
   * A page whose content HTML is larger than this many bytes keeps only its start in the page and
   * loads the rest in chunks as the reader nears them (GitHub's REST reference is 45 MB); `false`
   * never splits. Default 3,000,000. Not for `--inline` builds or the dev server.
   */
  lazyContent: z.union([z.literal(false), z.number().int().positive()], { error: 'expected a number of bytes (e.g. 3000000) or false' }).optional(),
  /** Dev and preview server port (the next free one is used when it is taken). */
  port: z.number().int().min(0).max(65535).optional(),
  /** Address to listen on: `true` for every interface, or a host name. Default 127.0.0.1. */
  host: z.union([z.boolean(), z.string().min(1)]).optional(),
  /** `shale deploy` defaults. */
  deploy: z.strictObject({
    remote: z.string().min(1).optional(),
    branch: z.string().min(1).optional(),
    message: z.string().min(1).optional(),
  }).optional(),
});

export const optionsSchema = fileOptionsSchema.extend({
  /** Project folder; other paths are relative to it. */
  root: z.string().optional(),
  /** Print nothing but warnings and errors. */
  quiet: z.boolean().optional(),
  /** One self-contained HTML file per page: scripts, styles, search index and images inlined. */
  inline: z.boolean().optional(),
});

export type ShaleOptions = z.input<typeof optionsSchema>;
export type FileOptions = z.input<typeof fileOptionsSchema>;

export interface ResolvedConfig {
  root: string;
  sourceDir: string;
  outDir: string;
  base: string;
  themeDir: string;
  idScheme: 'slate' | 'nesting' | 'redcarpet';
  quiet: boolean;
  inline: boolean;
  safe: boolean;
  lazyContent: number | false;
  port: number;
  host: string | boolean;
  deploy: { remote: string; branch: string; message?: string };
}

/** Checks options against a schema; the error names the key path (`deploy.branch`) and `where` they came from. */
export function checkOptions<T extends z.ZodType>(schema: T, options: unknown, where: string, file?: string): z.output<T> {
  const parsed = schema.safeParse(options);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const key = issue.code === 'unrecognized_keys' ? [...issue.path, ...issue.keys].join('.') : issue.path.join('.');
  const message = issue.code === 'unrecognized_keys' ? 'is not a shale option' : issue.message;
  throw new ShaleError(`option "${key}" ${where}: ${message}`, {
    file,
    hint: `Valid options: ${Object.keys(fileOptionsSchema.shape).join(', ')}. See \`shale --help\`.`,
  });
}

export function resolveConfig(options: ShaleOptions = {}): ResolvedConfig {
  const o = checkOptions(optionsSchema, options, 'given to shale');
  const root = resolve(o.root ?? process.cwd());
  let base = o.base ?? './';
  // An absolute base must end in '/' so that asset URLs join cleanly.
  if (base !== './' && !base.endsWith('/')) base += '/';
  const themeDir = o.theme ? resolve(root, o.theme) : DEFAULT_THEME_DIR;
  if (o.theme && !existsSync(join(themeDir, 'index.html'))) {
    throw new ShaleError(`option "theme": ${relative(process.cwd(), themeDir) || '.'} is not a theme folder (it has no index.html)`, {
      hint: 'Give the folder that holds the theme\'s index.html, or leave --theme out for the built-in theme.',
    });
  }
  return {
    root,
    sourceDir: resolve(root, o.source ?? 'source'),
    outDir: resolve(root, o.out ?? 'build'),
    base,
    themeDir,
    idScheme: o.idScheme ?? 'slate',
    quiet: o.quiet ?? false,
    inline: o.inline ?? false,
    safe: o.safe ?? false,
    // A self-contained file cannot fetch its chunks.
    lazyContent: o.inline ? false : o.lazyContent ?? DEFAULT_LAZY_BYTES,
    port: o.port ?? DEFAULT_PORT,
    host: o.host ?? '127.0.0.1',
    deploy: { remote: o.deploy?.remote ?? 'origin', branch: o.deploy?.branch ?? 'gh-pages', message: o.deploy?.message },
  };
}
