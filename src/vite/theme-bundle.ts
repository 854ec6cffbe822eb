// The theme bundled once, for every page: Vite gets the theme's template as its only entry (slots
// still in it, so nothing in it depends on a page), bundles and hashes the scripts, styles and
// assets it references and rewrites their tags. Pages are then made from that template without
// Vite (src/output/pages.ts), and the result can be kept between builds (src/cache/theme-cache.ts).

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Plugin } from 'vite';
import { hash, type ThemeBundle, type ThemeOptions } from '../cache/theme-cache.js';
import { ShaleError } from '../errors.js';
import { THEME_PREFIX } from './plugin.js';

/**
 * Where the way back to the site root goes in the template's asset URLs (relative base only):
 * `./` on a top-level page, `../` one folder down.
 */
export const ROOT_SLOT = '__shale_root__/';

/** The entry's name: a page-independent stand-in inside Vite's root. */
const ENTRY = 'shale-theme.html';

export interface BundleThemeOptions extends ThemeOptions {
  /** Vite's root, against which root-relative URLs in the template resolve (the source folder). */
  root: string;
}

/** Runs Vite on the theme and writes its files into `outDir`; returns what a cache entry holds. */
export async function bundleTheme(opts: BundleThemeOptions, outDir: string): Promise<ThemeBundle> {
  // Imported here, not at the top: Vite takes ~0.3 s to load, and a cached theme never needs it.
  const { build: viteBuild } = await import('vite');
  const entryId = join(opts.root, ENTRY);
  const captured: { template?: string; deps: Record<string, string> } = { deps: {} };
  let result: Awaited<ReturnType<typeof viteBuild>>;
  try {
    result = await viteBuild({
      configFile: false,
      root: opts.root,
      base: opts.base,
      publicDir: false,
      envFile: false,
      logLevel: 'error',
      plugins: [themeEntry(entryId, opts, captured)],
      build: {
        outDir,
        write: false,
        emptyOutDir: false,
        assetsDir: 'assets',
        reportCompressedSize: false,
        modulePreload: { polyfill: false },
        // --inline: images and fonts the styles use become data: URLs, lazy chunks join the entry,
        // so the page's script is one file to put inside it (output/inline.ts).
        ...(opts.inline ? { assetsInlineLimit: Number.MAX_SAFE_INTEGER, cssCodeSplit: false } : {}),
        rollupOptions: { input: [entryId], ...(opts.inline ? { output: { codeSplitting: false } } : {}) },
      },
    });
  } catch (err) {
    throw themeError(err, opts.themeDir);
  }
  const files: string[] = [];
  for (const output of Array.isArray(result) ? result : [result]) {
    if (!('output' in output)) continue;
    for (const item of output.output) {
      const file = join(outDir, item.fileName);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, item.type === 'chunk' ? item.code : item.source);
      files.push(item.fileName);
    }
  }
  if (captured.template === undefined) throw new ShaleError('shale: Vite did not produce the theme\'s template');
  return { template: captured.template, files: files.sort(), deps: captured.deps };
}

function themeEntry(entryId: string, opts: BundleThemeOptions, captured: { template?: string; deps: Record<string, string> }): Plugin {
  const within = (file: string) => file.startsWith(opts.themeDir + sep);
  return {
    name: 'shale:theme',
    enforce: 'pre',
    resolveId(id) {
      if (id.startsWith(THEME_PREFIX)) return join(opts.themeDir, id.slice(THEME_PREFIX.length));
      return id === entryId ? id : null;
    },
    load(id) {
      return id === entryId ? readFileSync(join(opts.themeDir, 'index.html'), 'utf8') : null;
    },
    // Vite's HTML plugin writes the template in its own generateBundle: run after it.
    generateBundle: { order: 'post', handler(_options, bundle) {
      const name = relative(opts.root, entryId).split(sep).join('/');
      const html = bundle[name];
      if (!html || html.type !== 'asset') return this.error(`shale: Vite did not produce ${name}`);
      delete bundle[name];
      let template = String(html.source);
      // A top-level entry's URLs are `./assets/…`; each page puts its own way back to the root
      // there. With an absolute base the URLs are already right for every page.
      if (opts.base === './') {
        for (const file of Object.keys(bundle)) template = template.split(`./${file}`).join(ROOT_SLOT + file);
      }
      captured.template = template;
      // Files outside the theme folder (its key covers those inside) that went into the bundle.
      for (const id of this.getModuleIds()) {
        const file = id.split('?')[0];
        if (file === entryId || !isAbsolute(file) || within(file)) continue;
        try {
          captured.deps[depName(resolve(file))] = hash(readFileSync(file));
        } catch {
          // Virtual modules (`\0…`) and ids that are not files: nothing on disk to watch.
        }
      }
    } },
  };
}

/**
 * A file in a package is named from its `node_modules` folder on (`node_modules/stemmer/index.js`)
 * and looked for from the theme folder up when checked, so an entry made elsewhere (the package's
 * prebuilt one) holds wherever npm put the package; any other file by its absolute path.
 */
function depName(file: string): string {
  const at = file.lastIndexOf(`${sep}node_modules${sep}`);
  return at < 0 ? file : file.slice(at + 1).split(sep).join('/');
}

/** A Vite failure is almost always in the theme's own files: say which, not Vite's stack. */
export function themeError(err: unknown, themeDir: string): unknown {
  if (err instanceof ShaleError) return err;
  type ViteError = { message?: string; id?: string; loc?: { file?: string; line?: number; column?: number }; errors?: ViteError[] };
  // Rolldown gathers the errors of a build under `errors`; the first names the file.
  const e = (err as ViteError).errors?.[0] ?? (err as ViteError);
  const text = String(e.message ?? err).replace(/\u001b\[[0-9;]*m/g, '');
  const message = text.split('\n')[0].replace(/^\[[\w:-]+\]\s*/, '');
  // Without an id, the report's frame header names the place: `[ path/to/file.ts:2:11 ]`.
  const framed = /\[\s*([^\s\]]+?):(\d+):(\d+)\s*\]/.exec(text);
  return new ShaleError(`the theme could not be bundled: ${message}`, {
    file: e.loc?.file ?? e.id ?? (framed ? resolve(framed[1]) : undefined),
    line: e.loc?.line ?? (framed ? Number(framed[2]) : undefined),
    column: e.loc?.column !== undefined ? e.loc.column + 1 : framed ? Number(framed[3]) : undefined,
    hint: `Fix the file above in the theme (${relative(process.cwd(), themeDir) || '.'}); --debug prints Vite's full report.`,
    cause: err,
  });
}
