// A page of several files kept part by part between builds (src/cache/part-store.ts): after an edit
// in one include only that include is rendered again, and a later one when what it read changed;
// the site is byte for byte the one a build without any cache makes of the same sources.
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { openPageCache } from '../../src/cache/page-cache.js';
import { openPartStore } from '../../src/cache/part-store.js';
import { resolveConfig } from '../../src/config.js';
import { findPages } from '../../src/load/pages.js';
import { loadSource } from '../../src/load/source.js';
import { buildRenderContext } from '../../src/render/build-context.js';
import { pageText } from '../../src/render/html-pieces.js';
import { renderPage } from '../../src/render/page.js';
import { layoutSections } from '../../src/cache/part-sections.js';
import { packagePath } from '../../src/package-root.js';
import type { Logger } from '../../src/log.js';
import { chunksOf, tempProject } from '../helpers.js';

const FILES = {
  'source/index.html.md': '---\ntitle: Parts\nlanguage_tabs:\n  - shell\n  - ruby\nincludes:\n  - orders\n  - refunds\n  - errors\n---\n# Intro\n\nSee [the guide][guide].\n\n[guide]: https://example.com/guide\n',
  'source/includes/_orders.md': '# Orders\n\nList orders.\n\n```shell\ncurl https://api.example.com/orders\n```\n\n## Create\n\nMake one, as [the guide][guide] says.\n',
  'source/includes/_refunds.md': '# Refunds\n\nGive money back.\n\n```ruby\nRefund.create(1)\n```\n\n## Create\n\nMake a refund.\n',
  'source/includes/_errors.md': '# Errors\n\nWhat can go wrong.\n\n## Create\n\nA third "Create": its id counts the two above.\n',
};

/**
 * Builds `root` (its output folder removed first, so the build renders) and returns the render log
 * line and the site. `lazyContent: 1` puts the page in chunks: where each may be cut is recorded too.
 */
async function run(root: string, options: { cache?: false; workers?: boolean } = {}) {
  rmSync(join(root, 'build'), { recursive: true, force: true });
  const lines: string[] = [];
  const log: Logger = { info: (l) => lines.push(l), warn: () => {} };
  await build({ root, lazyContent: 1 }, log, options);
  const assets = readdirSync(join(root, 'build/assets')).sort();
  return {
    render: lines.find((l) => l.trimStart().startsWith('render')) ?? '',
    search: lines.find((l) => l.trimStart().startsWith('search')) ?? '',
    html: readFileSync(join(root, 'build/index.html'), 'utf8'),
    index: readFileSync(join(root, 'build/assets', assets.find((f) => f.startsWith('search-index-'))!), 'utf8'),
    chunks: chunksOf(join(root, 'build/index.html')),
    // Packs and the id map, named by their content's hash: the same names, the same bytes.
    files: assets.filter((f) => /^(chunk|pack)-/.test(f)),
  };
}

/** The same sources built in a fresh project with no cache at all. */
async function reference(root: string) {
  const fresh = tempProject({});
  cpSync(join(root, 'source'), join(fresh, 'source'), { recursive: true });
  return run(fresh, { cache: false });
}

/** `site` is byte for byte what a build without any cache makes of `root`'s sources: page, index, chunks. */
async function expectAsWithoutCache(site: Awaited<ReturnType<typeof run>>, root: string): Promise<void> {
  const expected = await reference(root);
  expect(site.html).toBe(expected.html);
  expect(site.index).toBe(expected.index);
  expect(site.chunks.length).toBeGreaterThan(1);
  expect(site.chunks).toEqual(expected.chunks);
  expect(site.files).toEqual(expected.files);
}

const edit = (root: string, file: string, from: string, to: string) => {
  const path = join(root, 'source/includes', file);
  const text = readFileSync(path, 'utf8');
  expect(text).toContain(from);
  writeFileSync(path, text.replace(from, to));
};

describe('the part store', () => {
  it.each([
    // A prose edit: the include alone.
    { name: 'renders only the edited include', file: '_refunds.md', from: 'Give money back.', to: 'Give the money back, in full.', again: 1, shows: 'Give the money back, in full.' },
    // Orders loses its "Create": the later two become the first and second, so their ids change.
    { name: 'renders a later include again when a heading id it was numbered against changed', file: '_orders.md', from: '## Create\n', to: '## Make\n', again: 3, shows: 'id="create"' },
  ])('$name, and the site is the one a build without cache makes', async ({ file, from, to, again, shows }) => {
    const root = tempProject(FILES);
    expect((await run(root)).render).not.toMatch(/rendered again/);
    edit(root, file, from, to);
    const second = await run(root);
    expect(second.render).toMatch(new RegExp(`, ${again} of 4 files rendered again`));
    await expectAsWithoutCache(second, root);
    expect(second.html + second.chunks.join('')).toContain(shows);
  });

  it('highlights the code of a part it meant to replay but had to render, with no highlight cache left', async () => {
    const root = tempProject(FILES);
    await run(root);
    // The records stay; the highlighted blocks are gone. Refunds is unchanged, so its grammar (ruby)
    // is not loaded up front, but its ids move with the edit in Orders: it is rendered after all.
    for (const f of readdirSync(join(root, '.shale-cache')).filter((f) => f.startsWith('highlight-'))) rmSync(join(root, '.shale-cache', f));
    edit(root, '_orders.md', '## Create\n', '## Make\n');
    const second = await run(root);
    expect(second.render).toMatch(/, 3 of 4 files rendered again/);
    await expectAsWithoutCache(second, root);
    expect(second.html + second.chunks.join('')).toMatch(/<code><span class="[^"]+">Refund<\/span>/);
  });

  it('keeps one copy of the page\'s HTML: the page cache names the parts\' files', async () => {
    const root = tempProject(FILES);
    await run(root);
    edit(root, '_refunds.md', 'Give money back.', 'Give the money back.');
    const site = await run(root);
    const cache = join(root, '.shale-cache');
    const htmlFiles = readdirSync(cache).filter((f) => f.endsWith('.html'));
    expect(htmlFiles.filter((f) => f.startsWith('page-'))).toEqual([]);
    expect(htmlFiles.filter((f) => f.startsWith('parts-'))).toHaveLength(4);
    expect(htmlFiles.filter((f) => readFileSync(join(cache, f), 'utf8').includes('Give the money back.'))).toHaveLength(1);
    // Those files are the page as built: with the output gone, the page cache alone makes the same site.
    const again = await run(root);
    expect(again.render).toMatch(/1 page unchanged/);
    expect(again.html).toBe(site.html);
    expect(again.chunks).toEqual(site.chunks);
    // One of them cut short: the entry is not trusted, and the page is made again, the same.
    const file = join(cache, htmlFiles.find((f) => f.startsWith('parts-'))!);
    writeFileSync(file, readFileSync(file, 'utf8').slice(0, 10));
    const remade = await run(root);
    expect(remade.render).not.toMatch(/unchanged/);
    expect(remade.html).toBe(site.html);
    expect(remade.chunks).toEqual(site.chunks);
  });

  it('leaves an unchanged part\'s HTML on disk when nothing needs it: the packs are in the cache', async () => {
    const root = tempProject(FILES);
    const site = await run(root);
    // Errors' HTML file changed at the same size in bytes, but not in characters: a build that read
    // it would stop (the cache file does not hold what its index says).
    const cache = join(root, '.shale-cache');
    const errors = readdirSync(cache).find((f) => f.startsWith('parts-') && f.endsWith('.html') && readFileSync(join(cache, f), 'utf8').includes('What can go wrong.'))!;
    const before = statSync(join(cache, errors)).size;
    writeFileSync(join(cache, errors), readFileSync(join(cache, errors), 'utf8').replace(/What can go wrong\./, 'é'.repeat(9)));
    expect(statSync(join(cache, errors)).size).toBe(before);
    const again = await run(root);
    expect(again.render).toMatch(/1 page unchanged/);
    expect(again.html).toBe(site.html);
    expect(again.chunks).toEqual(site.chunks);
    expect(again.files).toEqual(site.files);
  });

  it('renders an edit without reading the replayed parts\' HTML, and names the cache file it could not read later', async () => {
    const root = tempProject(FILES);
    const site = await run(root);
    edit(root, '_refunds.md', 'Give money back.', 'Give the money back.');
    const config = resolveConfig({ root, lazyContent: 1 });
    const [file] = findPages(config.sourceDir);
    const source = loadSource(file.file, file.outPath, config);
    const cacheDir = join(root, '.shale-cache');
    const pageCache = openPageCache(cacheDir, config.sourceDir, { idScheme: config.idScheme, safe: config.safe });
    // The build reads no snippets (only the search worker does): their files gone, the store still opens.
    for (const f of readdirSync(cacheDir).filter((f) => f.endsWith('.snippets.json'))) rmSync(join(cacheDir, f));
    const store = openPartStore(cacheDir, config.sourceDir, source.outPath, pageCache.stampOf(source), undefined, pageCache.partDigest);
    // The store is open: every part's HTML file goes. Only the edited include is rendered, from its Markdown.
    for (const f of readdirSync(cacheDir).filter((f) => f.startsWith('parts-') && f.endsWith('.html'))) rmSync(join(cacheDir, f));
    const ctx = buildRenderContext(config, { cache: true });
    const hooks = store.cache.begin();
    const page = await renderPage(source, ctx, hooks);
    hooks.commit();
    await ctx.dispose();
    expect(store.cache.stats).toEqual({ rendered: 1, reused: 3 });
    // The search worker's way to the sections: the unchanged parts' files, and the edited part's records.
    const layout = store.layout()!;
    expect(layout.map((p) => ('file' in p ? 'file' : 'records'))).toEqual(['file', 'file', 'records', 'file']);
    expect(layoutSections(layout)).toEqual(page.sections);
    expect(page.sections.map((sec) => sec.text).join(' ')).toContain('Give the money back.');
    // What the chunk split needs came with the records: every segment, whose lengths make up the page's.
    expect(page.segments!.reduce((n, seg) => n + seg.length, 0)).toBe(pageText(page).length);
    expect(page.segments!.filter((seg) => seg.heading).map((seg) => seg.heading!.title)).toEqual(['Intro', 'Orders', 'Create', 'Refunds', 'Create', 'Errors', 'Create']);
    expect(pageText(page).length).toBeGreaterThan(site.html.length / 10);
    expect(() => page.html).toThrow(/the cache file .*parts-[\w-]+\.html could not be read/);
  });

  it.skipIf(!existsSync(packagePath('dist', 'search', 'index-worker.js')))('makes an edit\'s search index in a worker, from the parts\' files and the edited records, as a build without cache does', async () => {
    const root = tempProject(FILES);
    await run(root, { workers: true });
    edit(root, '_errors.md', 'What can go wrong.', 'What can go wrong, and how to recover.');
    const second = await run(root, { workers: true });
    expect(second.search).toMatch(/in a worker thread/);
    expect(second.index).toContain('"recov"');
    await expectAsWithoutCache(second, root);
  });

  it('writes only the edited include\'s records again, and removes the ones it replaced', async () => {
    const root = tempProject(FILES);
    await run(root);
    const cache = join(root, '.shale-cache');
    const records = () => new Map(readdirSync(cache).filter((f) => /^parts-[\w-]{16}-[\w-]{16}\.(json|txt|html)$/.test(f)).map((f) => [f, statSync(join(cache, f)).mtimeMs]));
    const before = records();
    expect(before.size).toBe(4 * 3);
    edit(root, '_refunds.md', 'Give money back.', 'Give the money back.');
    await new Promise((r) => setTimeout(r, 20));
    await run(root);
    const after = records();
    const kept = [...after].filter(([f, t]) => before.get(f) === t);
    expect(kept).toHaveLength(3 * 3);
    expect(after.size).toBe(4 * 3);
  });

  it('ignores a damaged store and renders every file', async () => {
    const root = tempProject(FILES);
    await run(root);
    for (const f of readdirSync(join(root, '.shale-cache')).filter((f) => f.startsWith('parts-'))) {
      writeFileSync(join(root, '.shale-cache', f), f.endsWith('.json') ? '{"format":1,"stamp":' : '<p>torn');
    }
    edit(root, '_errors.md', 'What can go wrong.', 'What can go wrong, and why.');
    const second = await run(root);
    expect(second.render).not.toMatch(/rendered again/);
    await expectAsWithoutCache(second, root);
  });
});
