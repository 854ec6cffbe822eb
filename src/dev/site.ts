// A live site: every page of a source folder, rendered and kept in memory, re-rendered when a
// file it read (or looked for) changes. The dev server and the Vite plugin both serve from it.
// A page that fails keeps its last good render next to the error, so the browser keeps showing
// it under the overlay. Highlighted code is cached by content (highlight-cache.ts), and each
// part's render by its Markdown and the page state it read (part-cache.ts), so a save costs about
// the edited file, not the page: the update lists the parts whose HTML changed.

import { existsSync, readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { join, relative, sep } from 'node:path';
import type { BundledTheme } from 'shiki';
import type { ResolvedConfig } from '../config.js';
import { ShaleError } from '../errors.js';
import { findPages } from '../load/pages.js';
import { loadSource } from '../load/source.js';
import { createMarkdown } from '../markdown/create.js';
import { createEnv } from '../markdown/env.js';
import { createCodeHighlighter, escapeHtml, type CodeHighlighter } from '../markdown/highlight.js';
import { renderPage, type RenderContext } from '../render/page.js';
import { searchIndexes } from '../search/scope.js';
import { createTermCounter, type TermMemo } from '../search/term-counts.js';
import { renderToc } from '../transform/toc.js';
import type { Diagnostic, Page, SourcePart } from '../types.js';
import { pageShell } from '../vite/html.js';
import { toRoot, type CompiledPage } from '../vite/plugin.js';
import { cachedHighlighter, type HighlightStats } from './highlight-cache.js';
import { fenceLint } from './lint.js';
import { createPartCache, type PartCache, type PartStats } from '../cache/part-cache.js';

export interface SiteEntry {
  /** The page's source file and its output path (`index.html`). */
  file: string;
  outPath: string;
  /** Every file the last render read or looked for. */
  files: Set<string>;
  /** The last good render. */
  page?: Page;
  /** Its content, part by part (page.html is these joined). */
  parts?: string[];
  /** Its TOC as the page shows it. */
  toc?: string;
  /** Counts the renders that changed the page, so a browser can tell which one it shows. */
  version: number;
  /** The page without its content; made when first asked for after a render. */
  readonly shell?: string;
  /** The error of the latest render, if it failed. */
  error?: ShaleError;
  /** The theme template the shell was made from. */
  template?: string;
}

export interface SiteUpdate {
  entry: SiteEntry;
  /** content: body and TOC changed; frame: anything else on the page (title, tabs, theme). */
  kind: 'content' | 'frame' | 'error' | 'unchanged';
  warnings: Diagnostic[];
  /** content: the indexes of the parts whose HTML changed, or undefined when the number of parts did. */
  changedParts?: number[];
  tocChanged?: boolean;
  /** The entry's version before this render. */
  from?: number;
}

export interface Site {
  config: ResolvedConfig;
  entries: Map<string, SiteEntry>;
  stats: HighlightStats;
  /** Parts rendered by markdown-it and parts replayed from the cache. */
  partStats: PartStats;
  renderAll(): Promise<SiteUpdate[]>;
  /** A file was added, changed or removed: re-renders the pages that depend on it. */
  fileChanged(file: string, event?: 'add' | 'change' | 'unlink'): Promise<SiteUpdate[]>;
  /** The page served at this URL path (relative to the base, no leading slash). */
  entryFor(path: string): SiteEntry | undefined;
  /** The TOC as the page shows it, for live updates. */
  tocHtml(entry: SiteEntry): string;
  searchIndex(entry: SiteEntry): string | undefined;
  /** Every good page as a Vite entry (id → page), for `vite build`. */
  compiled(): Map<string, CompiledPage>;
}

export function createSite(config: ResolvedConfig, opts: { lint?: boolean } = {}): Site {
  const stats: HighlightStats = { highlighted: 0, reused: 0 };
  const partStats: PartStats = { rendered: 0, reused: 0 };
  // Per page: its part cache, and its fence lint, which looks again only at parts that changed.
  const caches = new WeakMap<SiteEntry, { parts: PartCache; lint: (parts: SourcePart[]) => void }>();
  const highlighters = new Map<string, Promise<CodeHighlighter>>();
  const ctx: RenderContext = {
    md: createMarkdown({ safe: config.safe }),
    idScheme: config.idScheme,
    highlighter(theme) {
      let h = highlighters.get(theme);
      if (!h) highlighters.set(theme, (h = createCodeHighlighter(theme as BundledTheme).then((x) => cachedHighlighter(x, stats))));
      return h;
    },
  };
  const entries = new Map<string, SiteEntry>();
  // Search indexes of the current good pages (a site-wide index spans pages): made on request.
  let indexes: { pages: Page[]; byPath: Map<string, string> } | undefined;
  // Each section's term counts from the last index: an edit cuts only its own sections into terms again.
  let termMemo: TermMemo | undefined;

  const template = () => readFileSync(join(config.themeDir, 'index.html'), 'utf8');
  const footerEnv = () => createEnv({ tabs: [], idScheme: config.idScheme, highlight: escapeHtml, knowsLanguage: () => true });

  function syncPageList(): void {
    const found = findPages(config.sourceDir);
    const keep = new Set(found.map((p) => p.file));
    for (const file of entries.keys()) if (!keep.has(file)) entries.delete(file);
    for (const p of found) if (!entries.has(p.file)) entries.set(p.file, newEntry(p.file, p.outPath));
  }

  function newEntry(file: string, outPath: string): SiteEntry {
    let made: { page: Page; template: string; shell: string } | undefined;
    const entry = { file, outPath, files: new Set([file]), version: 0 } as SiteEntry;
    // The shell parses the template and the TOC: only worth it when a page is served, not per save.
    Object.defineProperty(entry, 'shell', {
      enumerable: true,
      get(): string | undefined {
        const { page, template: tpl } = entry;
        if (!page || tpl === undefined) return undefined;
        if (made?.page !== page || made.template !== tpl) made = { page, template: tpl, shell: shellOf(page, tpl, entry.outPath) };
        return made.shell;
      },
    });
    caches.set(entry, { parts: createPartCache(partStats), lint: fenceLint() });
    return entry;
  }

  function shellOf(page: Page, tpl: string, outPath: string): string {
    return pageShell(page, {
      template: tpl, toRoot: toRoot(outPath), logo: existsSync(join(config.sourceDir, 'images', 'logo.png')),
      renderInline: (s) => ctx.md.renderInline(s, footerEnv()),
    });
  }


  async function render(entry: SiteEntry, tpl: string): Promise<SiteUpdate> {
    try {
      const source = loadSource(entry.file, entry.outPath, config);
      entry.files = new Set(source.files);
      const cache = caches.get(entry)!;
      if (opts.lint) cache.lint(source.parts);
      const hooks = cache.parts.begin();
      const page = await renderPage(source, ctx, hooks);
      hooks.commit();
      const { page: before, parts: partsBefore, version: from } = entry;
      const parts = hooks.pieces.map((p) => p.text());
      const toc = renderToc(page.toc);
      const frameSame = before && entry.template === tpl && isDeepStrictEqual(frame(before), frame(page));
      // Parts replayed from the cache are the very same strings: comparing them costs nothing.
      const changedParts = partsBefore?.length === parts.length ? parts.flatMap((h, i) => (h === partsBefore[i] ? [] : [i])) : undefined;
      const tocChanged = toc !== entry.toc;
      const kind = !before ? 'frame' : !frameSame ? 'frame' : changedParts?.length === 0 && !tocChanged ? 'unchanged' : 'content';
      Object.assign(entry, { page, parts, toc, error: undefined, template: tpl });
      if (kind !== 'unchanged') entry.version++;
      return { entry, kind, warnings: page.warnings, changedParts, tocChanged, from };
    } catch (err) {
      if (!(err instanceof ShaleError)) throw err;
      entry.error = err;
      return { entry, kind: 'error', warnings: [] };
    }
  }

  /** What the page shows outside its content and TOC; `includes` only changes the content. */
  const frame = (p: Page) => ({ ...p.source.frontmatter, includes: undefined, theme: p.codeTheme.name });

  const within = (file: string, dir: string) => file === dir || file.startsWith(dir + sep);

  return {
    config, entries, stats, partStats,
    async renderAll() {
      syncPageList();
      const tpl = template();
      const out: SiteUpdate[] = [];
      for (const e of entries.values()) out.push(await render(e, tpl));
      return out;
    },
    async fileChanged(file, event = 'change') {
      if (within(file, config.themeDir) && relative(config.themeDir, file) === 'index.html') {
        // The page template: every page's frame changes.
        const tpl = template();
        const out: SiteUpdate[] = [];
        for (const e of entries.values()) out.push(await render(e, tpl));
        return out;
      }
      if (!within(file, config.sourceDir)) return [];
      const before = new Set(entries.keys());
      syncPageList();
      const tpl = template();
      const out: SiteUpdate[] = [];
      for (const e of entries.values()) {
        // New pages, pages that read or looked for the file, and broken pages when a file comes
        // or goes (a missing include's paths are not recorded when loading stops at it).
        if (!before.has(e.file) || e.files.has(file) || (e.error && event !== 'change')) out.push(await render(e, tpl));
      }
      return out;
    },
    entryFor(path) {
      const p = path.replace(/^\/+/, '');
      const wanted = p === '' || p.endsWith('/') ? p + 'index.html' : p;
      for (const e of entries.values()) if (e.outPath === wanted || e.outPath === wanted + '.html' || e.outPath === wanted + '/index.html') return e;
      return undefined;
    },
    tocHtml(entry) {
      return entry.toc ?? '';
    },
    searchIndex(entry) {
      const pages = [...entries.values()].flatMap((e) => (e.page ? [e.page] : []));
      if (!indexes || indexes.pages.length !== pages.length || indexes.pages.some((p, i) => p !== pages[i])) {
        const counter = createTermCounter(termMemo);
        indexes = { pages, byPath: searchIndexes(pages, undefined, counter) };
        termMemo = counter.usedEntries();
      }
      return indexes.byPath.get(entry.outPath);
    },
    compiled() {
      const map = new Map<string, CompiledPage>();
      for (const e of entries.values()) {
        if (!e.page || !e.shell) continue;
        map.set(join(config.sourceDir, e.outPath), { outPath: e.outPath, shell: e.shell, content: e.page.html, searchIndex: this.searchIndex(e) });
      }
      return map;
    },
  };
}
