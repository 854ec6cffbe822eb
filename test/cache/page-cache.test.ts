// Pages and search indexes kept between builds: an unchanged page is read back, not rendered, and
// the site is the same; an edited include, another id scheme or a damaged entry renders afresh.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import type { Logger } from '../../src/log.js';
import { tempProject } from '../helpers.js';

function project(): string {
  return tempProject({
    'source/index.html.md': '---\ntitle: Cached\nincludes:\n  - orders\n---\n# Intro\n\nHello.\n\n```ruby\nputs 1\n```\n',
    'source/includes/_orders.md': '# Orders\n\nList orders.\n\n## Create\n\nMake one.\n',
  });
}

/**
 * Builds and returns the render line of the log and the site's page and index. The output folder
 * goes first: with it untouched and nothing changed, a build would stop before the page cache is
 * asked (test/output/up-to-date.test.ts).
 */
async function run(root: string, options: { idScheme?: 'slate' | 'nesting' } = {}) {
  rmSync(join(root, 'build'), { recursive: true, force: true });
  const lines: string[] = [];
  const log: Logger = { info: (l) => lines.push(l), warn: () => {} };
  await build({ root, ...options }, log);
  const assets = readdirSync(join(root, 'build/assets'));
  return {
    render: lines.find((l) => l.trimStart().startsWith('render')) ?? '',
    html: readFileSync(join(root, 'build/index.html'), 'utf8'),
    index: readFileSync(join(root, 'build/assets', assets.find((f) => f.startsWith('search-index-'))!), 'utf8'),
  };
}

const cacheFiles = (root: string, ext: string) => readdirSync(join(root, '.shale-cache')).filter((f) => f.startsWith('page-') && f.endsWith(ext));
/** A file of sections' text: the page's own, or for a page of several files, a part's, which its entry reads them from. */
const textFile = (root: string) => readdirSync(join(root, '.shale-cache')).find((f) => /^(page|parts)-.*\.txt$/.test(f))!;

describe('the page cache', () => {
  it('reads an unchanged page back and writes the same site', async () => {
    const root = project();
    const first = await run(root);
    expect(first.render).not.toMatch(/unchanged/);
    const second = await run(root);
    expect(second.render).toMatch(/1 page unchanged/);
    expect(second.html).toBe(first.html);
    expect(second.index).toBe(first.index);
  });

  it('renders again after an include is edited, and the edit shows in the page and the index', async () => {
    const root = project();
    await run(root);
    writeFileSync(join(root, 'source/includes/_orders.md'), '# Orders\n\nList orders.\n\n## Refund\n\nGive money back.\n');
    const after = await run(root);
    expect(after.render).not.toMatch(/unchanged/);
    expect(after.html).toContain('id="refund"');
    expect(after.html).not.toContain('id="create"');
    expect(after.index).toContain('refund');
  });

  it('does not reuse a page rendered with another id scheme', async () => {
    const root = project();
    const slate = await run(root, { idScheme: 'slate' });
    const nesting = await run(root, { idScheme: 'nesting' });
    expect(nesting.render).not.toMatch(/unchanged/);
    expect(nesting.html).not.toBe(slate.html);
  });

  it('ignores a damaged entry: a torn HTML file, a corrupt record or cut text', async () => {
    const root = project();
    const first = await run(root);
    // The page has includes: its entry names the part store's HTML files (one per file of the page).
    const html = readdirSync(join(root, '.shale-cache')).find((f) => /^(page|parts)-.*\.html$/.test(f))!;
    writeFileSync(join(root, '.shale-cache', html), '<p>half a pag');
    const torn = await run(root);
    expect(torn.render).not.toMatch(/unchanged/);
    expect(torn.html).toBe(first.html);
    const [record] = cacheFiles(root, '.json');
    writeFileSync(join(root, '.shale-cache', record), '{"format":');
    const corrupt = await run(root);
    expect(corrupt.render).not.toMatch(/unchanged/);
    expect(corrupt.html).toBe(first.html);
    // The sections' text and code, cut short: the search index would lose words.
    const text = textFile(root);
    writeFileSync(join(root, '.shale-cache', text), 'Alpha');
    const short = await run(root);
    expect(short.render).not.toMatch(/unchanged/);
    expect(short.index).toBe(first.index);
  });

  it('reads no section text for a build with nothing to write, and still notices it gone when it renders', async () => {
    const root = project();
    const first = await run(root);
    await build({ root }, { info: () => {}, warn: () => {} });
    const text = textFile(root);
    rmSync(join(root, '.shale-cache', text));
    const lines: string[] = [];
    await build({ root }, { info: (l) => lines.push(l), warn: () => {} });
    expect(lines.at(-1)).toMatch(/build is up to date/);
    // The output gone, the page is made again (the entry's text is missing), the same.
    const again = await run(root);
    expect(again.render).not.toMatch(/unchanged/);
    expect(again.html).toBe(first.html);
    expect(again.index).toBe(first.index);
  });

  it('leaves a page of several files\' headings and segments to its parts\' records, and reads them back', async () => {
    const root = project();
    const first = await run(root);
    const [entry] = cacheFiles(root, '.json');
    const stored = (JSON.parse(readFileSync(join(root, '.shale-cache', entry), 'utf8')) as { page: Record<string, unknown> }).page;
    expect(Object.keys(stored)).not.toContain('headings');
    expect(Object.keys(stored)).not.toContain('toc');
    expect(Object.keys(stored)).not.toContain('segments');
    // Nothing changed, output kept: the page's headings are there for the API, read when asked.
    const kept = await build({ root }, { info: () => {}, warn: () => {} });
    expect(kept.pages[0].headings.map((h) => h.id)).toEqual(['intro', 'orders', 'create']);
    expect(kept.pages[0].toc.map((t) => t.id)).toEqual(['intro', 'orders']);
    // The output gone: the page is read back with its TOC.
    const again = await run(root);
    expect(again.render).toMatch(/1 page unchanged/);
    expect(again.html).toBe(first.html);
    // A part's records gone (each sits beside its part's HTML file): rendered afresh, the same.
    const records = readdirSync(join(root, '.shale-cache')).filter((f) => /^parts-.*\.html$/.test(f)).map((f) => f.replace(/\.html$/, '.json'));
    expect(records).toHaveLength(2);
    rmSync(join(root, '.shale-cache', records[0]));
    const afresh = await run(root);
    expect(afresh.render).not.toMatch(/unchanged/);
    expect(afresh.html).toBe(first.html);
  });

  it('keeps the HTML of a page of one file in its own entry, and ignores it torn', async () => {
    const root = tempProject({ 'source/index.html.md': '---\ntitle: One\n---\n# One\n\nAlone.\n' });
    const first = await run(root);
    const [html] = cacheFiles(root, '.html');
    expect(readFileSync(join(root, '.shale-cache', html), 'utf8')).toContain('Alone.');
    writeFileSync(join(root, '.shale-cache', html), '<p>Alo');
    const torn = await run(root);
    expect(torn.render).not.toMatch(/unchanged/);
    expect(torn.html).toBe(first.html);
  });

  it('keeps the highlighted blocks of pages it did not render', async () => {
    // Two pages: a build that renders one of them must not drop the other's blocks from the
    // highlight cache, or the next edit of the other page highlights them all again.
    const root = tempProject({
      'source/index.html.md': '---\ntitle: A\n---\n# A\n\nAlpha.\n\n```ruby\nputs 1\n```\n',
      'source/b.html.md': '---\ntitle: B\n---\n# B\n\nBeta.\n\n```ruby\nputs 2\n```\n',
    });
    const edit = (file: string, from: string, to: string) =>
      writeFileSync(join(root, 'source', file), readFileSync(join(root, 'source', file), 'utf8').replace(from, to));
    await run(root);
    edit('index.html.md', 'Alpha.', 'Alpha again.');
    expect((await run(root)).render).toMatch(/1 page unchanged/); // b from the page cache, a rendered
    edit('b.html.md', 'Beta.', 'Beta again.');
    expect((await run(root)).render).toMatch(/0 blocks highlighted, 1 from cache, 1 page unchanged/);
  });
});
