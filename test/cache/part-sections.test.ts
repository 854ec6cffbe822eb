// A page's sections made from its parts' records (src/cache/part-sections.ts): each part's leading
// prose and code join the section before it, as a render that replays every part makes them; the
// stored files give the same, and a torn one gives none.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { composeSections, layoutSections, readPartSections, readPartSectionsLazily, storedSections } from '../../src/cache/part-sections.js';
import { snippet } from '../../src/search/snippet.js';
import { openSearchCache } from '../../src/cache/search-cache.js';
import { runSearchJob, type SearchJob } from '../../src/search/beside.js';
import { createTermCounter, sectionKey, type SectionFacts } from '../../src/search/term-counts.js';
import { buildSearchIndex } from '../../src/search/index.js';
import { tempProject } from '../helpers.js';

const section = (id: string, text: string, code = '') => ({ id, title: id, parents: [], text, code });

/** Builds the project, then its part store's files, `<base>-<name>` without extension, in page order. */
async function buildParts(root: string) {
  const { pages } = await build({ root, quiet: true }, { info() {}, warn() {} });
  const cache = join(root, '.shale-cache');
  // The store's index (`parts-<page>.json`) lists each part's files, `parts-<page>-<name>.*`.
  const base = join(cache, readdirSync(cache).find((f) => /^parts-[\w-]{16}\.json$/.test(f))!.replace(/\.json$/, ''));
  const index = JSON.parse(readFileSync(`${base}.json`, 'utf8')) as { parts: Array<[string, string]> };
  return { pages, parts: index.parts.map(([, name]) => `${base}-${name}`) };
}

describe('sections from part records', () => {
  it('join each part\'s leading prose and code to the section before it, and copy the rest', () => {
    const first = [{ leadText: '', leadCode: '', sections: [section('intro', 'Hello.')] }];
    const second = [{ leadText: '\nMore of the intro.', leadCode: 'curl x', sections: [section('orders', 'List orders.')] }];
    const sections = composeSections([first, second]);
    expect(sections).toEqual([section('intro', 'Hello.\nMore of the intro.', 'curl x'), section('orders', 'List orders.')]);
    // The records are left as they were: a later build composes them again.
    expect(first[0].sections[0].text).toBe('Hello.');
    expect(layoutSections([{ records: first }, { records: second }])).toEqual(sections);
  });

  it('read the stored parts as the build made the page\'s sections, and none from a torn file', async () => {
    const root = tempProject({
      'source/index.html.md': '---\ntitle: T\nincludes:\n  - orders\n---\n# Intro\n\nHello.\n',
      // The include starts with prose: it joins Intro's section.
      'source/includes/_orders.md': 'More of the intro.\n\n# Orders\n\nList orders.\n\n```shell\ncurl x\n```\n',
    });
    const { pages, parts } = await buildParts(root);
    const files = parts.map((part) => `${part}.html`);
    const sections = storedSections(files)!;
    expect(sections).toEqual(pages[0].sections.map((s) => ({ ...s })));
    expect(sections[0].text).toContain('More of the intro.');
    expect(readPartSections(files[1].replace(/\.html$/, ''))[0].leadText).toContain('More of the intro.');
    writeFileSync(files[1].replace(/\.html$/, '.txt'), 'cut');
    expect(storedSections(files)).toBeUndefined();
    rmSync(files[0].replace(/\.html$/, '.sections.json'));
    expect(storedSections(files)).toBeUndefined();
  });

  it('read for the search worker without the text or the rest of the records: keys and snippets from the part\'s files, the text when got', async () => {
    const root = tempProject({
      'source/index.html.md': '---\ntitle: T\nincludes:\n  - orders\n  - refunds\n---\n# Intro\n\nHello.\n',
      'source/includes/_orders.md': `# Orders\n\nList orders. ${'Each order has words enough. '.repeat(8)}\n\n## Create\n\n\`\`\`shell\ncurl x\n\`\`\`\n`,
      'source/includes/_refunds.md': 'Carried over to Create.\n\n# Refunds\n\nGive money back.\n',
    });
    const { parts: files } = await buildParts(root);
    const eager = layoutSections(files.map((file) => ({ file })));

    const facts: SectionFacts = new WeakMap();
    const lazy = files.map((f) => readPartSectionsLazily(f, facts));
    const own = lazy.flatMap((records) => records.flatMap((r) => r.sections));
    // Each section has a key of its own and the snippet of its own text.
    expect(new Set(own.map((s) => facts.get(s)!.key)).size).toBe(own.length);
    const orders = own.find((s) => s.id === 'orders')!;
    expect(facts.get(orders)!.snippet).toBe(snippet(eager.find((s) => s.id === 'orders')!.text));
    expect(facts.get(orders)!.snippet).toMatch(/…$/);
    // The sections, composed, are the page's; the index made with the facts is the one made from the text.
    const composed = composeSections(lazy);
    expect(composed.map((s) => ({ ...s }))).toEqual(eager);
    expect(buildSearchIndex(composed, true, createTermCounter(new Map(), facts))).toEqual(buildSearchIndex(eager, true));

    // The records' other fields (headings, links, segments) are not read at all.
    for (const f of files) rmSync(`${f}.json`);
    expect(files.map((f) => readPartSectionsLazily(f, new WeakMap()))).toEqual(lazy);
    // The text is read only when got: with the text files gone, keys and snippets still come, the text does not.
    const again: SectionFacts = new WeakMap();
    const parts = files.map((f) => readPartSectionsLazily(f, again));
    for (const f of files) rmSync(`${f}.txt`);
    const first = parts[1][0].sections[0];
    expect(again.get(first)!.key).toBe(sectionKey(eager.find((s) => s.id === first.id)!));
    expect(() => first.text).toThrow(/\.txt could not be read/);
  });

  it('key each stored section as a build that counts it from its text: after a cold build, the next index reads no unchanged text', async () => {
    const root = tempProject({
      'source/index.html.md': '---\ntitle: T\nincludes:\n  - orders\n  - refunds\n---\n# Intro\n\nHello.\n',
      'source/includes/_orders.md': '# Orders\n\nList orders.\n\n## Create\n\n```shell\ncurl -X POST x\n```\n',
      'source/includes/_refunds.md': '# Refunds\n\nGive money back.\n',
    });
    // A cold build: no part files to read yet, so every section is counted from its text.
    const { pages, parts: files } = await buildParts(root);
    const cache = join(root, '.shale-cache');
    // The next build's search worker reads the part files ahead; with their text gone, any read throws.
    const facts: SectionFacts = new WeakMap();
    const lazy = new Map(files.map((f) => [f, readPartSectionsLazily(f, facts)]));
    for (const f of files) rmSync(`${f}.txt`);
    const page = (sections: SearchJob['pages'][number]['sections'], key: string) => ({ outPath: 'index.html', search: true, key, inChunks: false, count: pages[0].sections.length, sections });
    const scope = join(root, 'source');
    const next: SearchJob = { cache: { dir: cache, scope }, whole: false, pages: [page({ layout: files.map((file) => ({ file })) }, 'an edit elsewhere')] };
    const indexes = runSearchJob(next, openSearchCache(cache, scope, facts), (file) => lazy.get(file)!);
    expect(indexes.get('index.html')).toBe(runSearchJob({ whole: false, pages: [page(pages[0].sections, '')] }).get('index.html'));
  });
});
