// The dev side of the Vite plugin: serves each page from the live site (site.ts), watches the
// files the pages read or looked for, and pushes updates. Content and TOC changes go to the
// page as a `shale:update` event that the dev client swaps in place, keeping the reader's
// section in view; a changed frame (title, tabs, template) reloads with the position kept.
// The served content marks where each part (page body, include) starts, so an update carries
// only the parts whose HTML changed, and the TOC only if it did: a save in one include of a
// 45 MB page sends that include, not the page.
// Errors go to Vite's overlay and the terminal, while the last good page stays on screen.

import { statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { DEFAULT_THEME_DIR } from '../config.js';
import { formatDiagnostic } from '../errors.js';
import { guardMiddleware } from '../dev/guard.js';
import { errorPage, overlayError, terminalError } from '../dev/overlay.js';
import type { Site, SiteEntry, SiteUpdate } from '../dev/site.js';
import { CONTENT_SLOT, SEARCH_INDEX_SLOT } from './html.js';

export const DEV_CLIENT = '/@shale-dev/client.ts';
export const DEV_CLIENT_FILE = join(DEFAULT_THEME_DIR, 'client', 'dev.ts');
const SEARCH_PREFIX = '@shale-search/';

type FileEvent = 'add' | 'change' | 'unlink';

function mtimeOf(file: string): number | undefined {
  try { return statSync(file).mtimeMs; } catch { return undefined; }
}

/**
 * `parts`: [index, html] of the parts that changed, to apply to the page at version `from`.
 * `content`: the whole marked content instead, when the number of parts changed. `toc`: when it changed.
 */
export interface DevUpdateEvent {
  outPath: string;
  from: number;
  to: number;
  count: number;
  parts?: Array<[number, string]>;
  content?: string;
  toc?: string;
}

/**
 * The content with a comment before each part and one after the last. Comments take no room and
 * match no CSS selector; the dev client replaces the nodes between two of them.
 */
export function markedContent(parts: string[] | undefined): string {
  if (!parts) return '';
  return parts.map((html, i) => `<!--shale-part ${i}-->${html}`).join('') + '<!--shale-part end-->';
}

const VERSION_SLOT = 'shale-dev-version';

/** `live()` is called when the server starts, so the plugin can be made before the config exists. */
export function shaleDev(live: () => { site: Site; allowed: string[] }): Plugin {
  let site: Site;
  let root: string;
  let server: ViteDevServer;
  // One update at a time, in the order of the saves: a later save always lands last.
  let queue = Promise.resolve();
  return {
    name: 'shale:dev',
    apply: 'serve',
    resolveId(id) {
      return id === DEV_CLIENT ? DEV_CLIENT_FILE : null;
    },
    // Page sources are not modules: Vite has nothing to do for them (the watcher below does).
    handleHotUpdate({ file }) {
      if (file.endsWith('.md') || file === join(site.config.themeDir, 'index.html')) return [];
    },
    configureServer(s) {
      const { site: theSite, allowed } = live();
      site = theSite;
      root = site.config.root;
      server = s;
      s.middlewares.use(guardMiddleware(allowed));
      s.watcher.add([site.config.sourceDir, join(site.config.themeDir, 'index.html')]);
      s.watcher
        .on('add', (f) => enqueue(f, 'add'))
        .on('change', (f) => enqueue(f, 'change'))
        .on('unlink', (f) => enqueue(f, 'unlink'));
      // Added before Vite's own middlewares (configureServer runs first), so pages win over its 404.
      s.middlewares.use((req, res, next) => {
        if (req.method !== 'GET' && req.method !== 'HEAD') return next();
        const path = new URL(req.url ?? '/', 'http://x').pathname;
        const base = s.config.base;
        if (!path.startsWith(base)) return next();
        const rel = decodeURIComponent(path.slice(base.length));
        if (rel.startsWith(SEARCH_PREFIX)) {
          const entry = site.entryFor(rel.slice(SEARCH_PREFIX.length).replace(/\.json$/, ''));
          const index = entry && site.searchIndex(entry);
          if (!index) return next();
          res.setHeader('content-type', 'application/json');
          res.end(index);
          return;
        }
        const entry = site.entryFor(rel);
        if (!entry) return next();
        servePage(s, entry, req.url ?? path).then((html) => {
          res.setHeader('content-type', 'text/html; charset=utf-8');
          res.setHeader('cache-control', 'no-store');
          res.end(html);
        }, next);
      });
    },
  };

  async function servePage(s: ViteDevServer, entry: SiteEntry, url: string): Promise<string> {
    const base = s.config.base;
    const pending = entry.error ? JSON.stringify(overlayError(entry.error, root)).replace(/</g, '\\u003c') : '';
    let html = entry.shell ?? errorPage(entry.error!, root);
    html = html.replace('</head>', () => `<meta name="shale-dev-page" content="${entry.outPath}"><meta name="shale-dev-version" content="${VERSION_SLOT}">`
      + (pending ? `<script type="application/json" id="shale-dev-error">${pending}</script>` : '')
      + `<script type="module" src="${base}${DEV_CLIENT.slice(1)}"></script></head>`);
    html = await s.transformIndexHtml(url, html);
    // Read together, after the await: the content and the version it is.
    return html
      .replace(`content="${VERSION_SLOT}"`, () => `content="${entry.version}"`)
      .replace(SEARCH_INDEX_SLOT, () => `${base}${SEARCH_PREFIX}${entry.outPath}.json`)
      .replace(CONTENT_SLOT, () => markedContent(entry.parts));
  }

  function updateEvent(u: SiteUpdate): DevUpdateEvent {
    const { entry } = u;
    const parts = entry.parts ?? [];
    const data: DevUpdateEvent = { outPath: entry.outPath, from: u.from ?? 0, to: entry.version, count: parts.length };
    if (u.changedParts) data.parts = u.changedParts.map((i) => [i, parts[i]]);
    else data.content = markedContent(parts);
    if (u.tocChanged || !u.changedParts) data.toc = site.tocHtml(entry);
    return data;
  }

  function enqueue(file: string, event: FileEvent): void {
    queue = queue.then(() => changed(file, event));
  }

  async function changed(file: string, event: FileEvent): Promise<void> {
    const seen = mtimeOf(file);
    // The watcher drops a second save that comes within a few ms of the first: look again
    // shortly after, and update once more if the file moved on since it was read.
    if (event !== 'unlink') setTimeout(() => { if (mtimeOf(file) !== seen) enqueue(file, 'change'); }, 120).unref();
    let updates: SiteUpdate[];
    try {
      updates = await site.fileChanged(file, event);
    } catch (err) {
      server.config.logger.error(`shale: internal error while re-rendering: ${(err as Error).stack}`);
      return;
    }
    const log = server.config.logger;
    let reload = false;
    for (const u of updates) {
      if (u.kind === 'error') {
        log.error(terminalError(u.entry.error!, root), { timestamp: true });
        server.ws.send({ type: 'error', err: overlayError(u.entry.error!, root) });
        continue;
      }
      for (const w of u.warnings) if (w.file === file) log.warn(formatDiagnostic(w, root), { timestamp: true });
      if (u.kind === 'unchanged') server.ws.send({ type: 'custom', event: 'shale:ok', data: { outPath: u.entry.outPath } });
      if (u.kind === 'frame') reload = true;
      if (u.kind === 'content') {
        server.ws.send({ type: 'custom', event: 'shale:update', data: updateEvent(u) });
        log.info(`page updated: ${u.entry.outPath} (${relative(root, file)})`, { timestamp: true });
      }
    }
    if (reload) server.ws.send({ type: 'full-reload', path: '*' });
  }
}
