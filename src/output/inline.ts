// `shale build --inline`: each page becomes one self-contained HTML file. Its script, styles,
// search index and the images it shows are put inside it (data: URLs), so the file works when
// mailed, attached or opened from disk, with no request to any host. Files that were inlined are
// removed from the output, and so is Vite's assets/ folder; anything else the page links to
// (downloads, images copied from the source) stays beside it.

import * as cheerio from 'cheerio';
import { existsSync, readdirSync, readFileSync, rmSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.svg': 'image/svg+xml',
  '.webp': 'image/webp', '.avif': 'image/avif', '.ico': 'image/x-icon', '.json': 'application/json',
  '.woff2': 'font/woff2', '.woff': 'font/woff',
};

/** Inlines every page's assets; returns how many files were inlined. */
export function inlineSite(outDir: string, pages: string[]): number {
  const used = new Set<string>();
  for (const outPath of pages) {
    const file = join(outDir, outPath);
    writeFileSync(file, inlinePage(readFileSync(file, 'utf8'), dirname(file), outDir, used));
  }
  for (const f of used) rmSync(f, { force: true });
  // What is left of Vite's output are chunks loaded on demand with a fallback in the page (the
  // search worker: search then runs on the page's thread), so the page needs none of them.
  rmSync(join(outDir, 'assets'), { recursive: true, force: true });
  removeEmptyFolders(outDir);
  return used.size;
}

function inlinePage(html: string, pageDir: string, outDir: string, used: Set<string>): string {
  const $ = cheerio.load(html);
  /** The output file a page-relative URL names, when it is one of ours. */
  const local = (url: string | undefined): string | undefined => {
    if (!url || /^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i.test(url)) return undefined;
    const path = decodeURIComponent(url.split(/[?#]/)[0]);
    const f = normalize(path.startsWith('/') ? join(outDir, path) : join(pageDir, path));
    return f.startsWith(outDir + sep) && existsSync(f) && statSync(f).isFile() ? f : undefined;
  };
  const take = (f: string) => { used.add(f); return readFileSync(f); };
  const dataUrl = (f: string) => `data:${TYPES[extname(f).toLowerCase()] ?? 'application/octet-stream'};base64,${take(f).toString('base64')}`;

  $('script[src]').each((_, el) => {
    const f = local($(el).attr('src'));
    if (!f) return;
    // `</script` inside the code would end the element early.
    const code = take(f).toString('utf8').replace(/<\/(script)/gi, '<\\/$1');
    $(el).removeAttr('src').removeAttr('crossorigin').text('');
    $(el).replaceWith(`<script type="module">${code}</script>`);
  });
  $('link[rel="modulepreload"]').remove();
  $('link[rel="stylesheet"][href]').each((_, el) => {
    const f = local($(el).attr('href'));
    if (!f) return;
    const css = take(f).toString('utf8').replace(/<\/(style)/gi, '<\\/$1');
    $(el).replaceWith(`<style>${css}</style>`);
  });
  const index = $('body').attr('data-search-index');
  const indexFile = local(index);
  if (indexFile) {
    $('body').attr('data-search-index', dataUrl(indexFile));
    // The page's search finds the site root as the folder above the index's assets/; a data: URL
    // has no folder, so the root is named as the index's URL had it (links to other pages).
    $('body').attr('data-site-root', index!.replace(/assets\/[^/]*$/, '') || './');
  }
  $('img[src]').each((_, el) => {
    const f = local($(el).attr('src'));
    if (f) $(el).attr('src', dataUrl(f));
  });
  return $.html();
}

function removeEmptyFolders(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const sub = join(dir, entry.name);
    removeEmptyFolders(sub);
    if (!readdirSync(sub).length) rmdirSync(sub);
  }
}
