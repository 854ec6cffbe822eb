// `shale build`: load → render → theme → vite → output, one stage per step, timed and logged.
// Everything this run knows travels in local values; nothing is kept between runs.

import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { openHighlightCache, type HighlightCache } from './cache/highlight-cache.js';
import { resolveConfig, type ResolvedConfig, type ShaleOptions } from './config.js';
import { ShaleError } from './errors.js';
import { findPages } from './load/pages.js';
import { loadSource } from './load/source.js';
import { consoleLogger, formatMs, stage, type Logger } from './log.js';
import { createMarkdown } from './markdown/create.js';
import { createEnv } from './markdown/env.js';
import { createCodeHighlighter, escapeHtml, type CodeHighlighter } from './markdown/highlight.js';
import { checkOutputFolder, discardStagingFolder, makeStagingFolder, publishStagingFolder } from './output/folder.js';
import { inlineSite } from './output/inline.js';
import { copyStaticFiles } from './output/static-files.js';
import { renderPage, type RenderContext } from './render/page.js';
import { searchIndexes } from './search/scope.js';
import type { Diagnostic, Page } from './types.js';
import { pageShell } from './vite/html.js';
import { shalePages, toRoot, type CompiledPage } from './vite/plugin.js';
import type { BundledTheme } from 'shiki';

export interface BuildResult {
  outDir: string;
  pages: Page[];
  warnings: Diagnostic[];
}

/** Options of the build() API that the CLI does not set. */
export interface BuildExtras {
  /**
   * Keep highlighted code between builds in `<root>/.shale-cache/` (default true); false
   * neither reads nor writes it.
   */
  cache?: boolean;
}

export async function build(options: ShaleOptions = {}, log: Logger = consoleLogger(options.quiet), extras: BuildExtras = {}): Promise<BuildResult> {
  const t0 = performance.now();
  const config = resolveConfig(options);
  checkSourceFolder(config);
  checkOutputFolder(config.outDir, config);
  log.info(`shale build  ${shown(config.sourceDir)} → ${shown(config.outDir)}`);

  const sources = await stage(log, 'load', () => findPages(config.sourceDir).map((p) => loadSource(p.file, p.outPath, config)),
    (s) => `${plural(s.length, 'page')}, ${plural(new Set(s.flatMap((x) => x.parts.map((p) => p.file))).size, 'file')}`);
  if (!sources.length) {
    throw new ShaleError(`no pages in ${shown(config.sourceDir)}`, {
      hint: 'A page is a file named *.html.md or index.md (Slate starts with source/index.html.md).',
    });
  }

  const caches: HighlightCache[] = [];
  const ctx = renderContext(config, extras.cache === false ? undefined : caches);
  const pages = await stage(log, 'render', async () => {
    const out: Page[] = [];
    try {
      for (const s of sources) out.push(await renderPage(s, ctx));
    } finally {
      await ctx.dispose();
    }
    for (const c of caches) c.save();
    return out;
  }, (p) => `${plural(p.reduce((n, x) => n + x.headings.length, 0), 'heading')}${cacheNote(caches)}`);

  const staging = makeStagingFolder(config.outDir);
  try {
    const compiled = await stage(log, 'theme', () => compilePages(pages, config, ctx), (c) => `${plural(c.size, 'page')} with ${relative(config.root, config.themeDir) || config.themeDir}`);
    // --inline: one bundle per page, so that each page's script is a single file to put inside it.
    const groups = config.inline ? [...compiled].map((entry) => new Map([entry])) : [compiled];
    await stage(log, 'bundle', async () => { for (const g of groups) await bundle(g, config, staging); }, () => 'vite: scripts, styles, search index');
    await stage(log, 'write', () => copyStaticFiles(config.sourceDir, staging), (n) => `${plural(n, 'static file')} copied`);
    if (config.inline) {
      await stage(log, 'inline', () => inlineSite(staging, [...compiled.values()].map((p) => p.outPath)), (n) => `${plural(n, 'file')} put inside the pages`);
    }
    publishStagingFolder(staging, config.outDir);
  } catch (err) {
    discardStagingFolder(staging);
    throw err;
  }

  const warnings = pages.flatMap((p) => p.warnings);
  for (const w of warnings) log.warn(w);
  log.info(`built ${plural(pages.length, 'page')} in ${formatMs(performance.now() - t0)}${warnings.length ? `, ${plural(warnings.length, 'warning')}` : ''}`);
  return { outDir: config.outDir, pages, warnings };
}

/** With `caches`, each highlighter reads and (once saved) writes its persistent cache, listed there. */
function renderContext(config: ResolvedConfig, caches?: HighlightCache[]): RenderContext & { dispose(): Promise<void> } {
  // One highlighter per code theme for this run: grammars compile once, whatever the page count.
  const highlighters = new Map<string, Promise<CodeHighlighter>>();
  const cacheDir = join(config.root, '.shale-cache');
  return {
    md: createMarkdown({ safe: config.safe }),
    idScheme: config.idScheme,
    highlighter(theme) {
      let h = highlighters.get(theme);
      if (!h) {
        h = createCodeHighlighter(theme as BundledTheme).then((inner) => {
          if (!caches) return inner;
          const cache = openHighlightCache(cacheDir, config.sourceDir, inner);
          caches.push(cache);
          return cache.highlighter;
        });
        highlighters.set(theme, h);
      }
      return h;
    },
    // Frees shiki once every page of the run is rendered (a process may build many times).
    async dispose() {
      for (const h of highlighters.values()) (await h.catch(() => undefined))?.dispose();
    },
  };
}

function cacheNote(caches: HighlightCache[]): string {
  const reused = caches.reduce((n, c) => n + c.stats.reused, 0);
  const highlighted = caches.reduce((n, c) => n + c.stats.highlighted, 0);
  return caches.length ? `, ${plural(highlighted, 'block')} highlighted, ${reused} from cache` : '';
}

/** Each page's shell, content and search index, keyed by its virtual entry id for Vite. */
function compilePages(pages: Page[], config: ResolvedConfig, ctx: RenderContext): Map<string, CompiledPage> {
  const template = readFileSync(join(config.themeDir, 'index.html'), 'utf8');
  const logo = existsSync(join(config.sourceDir, 'images', 'logo.png'));
  const compiled = new Map<string, CompiledPage>();
  const indexes = searchIndexes(pages);
  for (const page of pages) {
    const { outPath } = page.source;
    compiled.set(join(config.sourceDir, outPath), {
      outPath,
      shell: pageShell(page, { template, toRoot: toRoot(outPath), logo, renderInline: (s) => ctx.md.renderInline(s, footerEnv(ctx)) }),
      content: page.html,
      searchIndex: indexes.get(outPath),
    });
  }
  return compiled;
}

/** toc_footers are not part of the page: their own env keeps them out of its headings and sections. */
function footerEnv(ctx: RenderContext) {
  return createEnv({ tabs: [], idScheme: ctx.idScheme, highlight: escapeHtml, knowsLanguage: () => true });
}

async function bundle(pages: Map<string, CompiledPage>, config: ResolvedConfig, outDir: string): Promise<void> {
  // Imported here, not at the top: Vite takes ~0.3 s to load, and a build that fails earlier never needs it.
  const { build: viteBuild } = await import('vite');
  try {
    await viteBuild(viteOptions(pages, config, outDir));
  } catch (err) {
    throw themeError(err, config);
  }
}

/** A Vite failure is almost always in the theme's own files: say which, not Vite's stack. */
function themeError(err: unknown, config: ResolvedConfig): unknown {
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
    hint: `Fix the file above in the theme (${shown(config.themeDir)}); --debug prints Vite's full report.`,
    cause: err,
  });
}

function viteOptions(pages: Map<string, CompiledPage>, config: ResolvedConfig, outDir: string) {
  return {
    configFile: false as const,
    root: config.sourceDir,
    base: config.base,
    publicDir: false,
    envFile: false,
    logLevel: 'error' as const,
    plugins: [shalePages({ pages, themeDir: config.themeDir, base: config.base })],
    build: {
      outDir,
      emptyOutDir: false,
      assetsDir: 'assets',
      reportCompressedSize: false,
      modulePreload: { polyfill: false },
      // --inline: images and fonts the styles use become data: URLs, lazy chunks join the entry.
      ...(config.inline ? { assetsInlineLimit: Number.MAX_SAFE_INTEGER, cssCodeSplit: false } : {}),
      rollupOptions: { input: [...pages.keys()], ...(config.inline ? { output: { codeSplitting: false } } : {}) },
    },
  } satisfies import('vite').InlineConfig;
}

function checkSourceFolder(config: ResolvedConfig): void {
  if (!existsSync(config.sourceDir) || !statSync(config.sourceDir).isDirectory()) {
    throw new ShaleError(`source folder ${shown(config.sourceDir)} not found`, {
      hint: 'Run shale in a folder that has source/index.html.md, or pass --source PATH (`shale init` creates one).',
    });
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function shown(p: string): string {
  return relative(process.cwd(), p) || '.';
}
