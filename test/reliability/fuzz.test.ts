// Issue 8 §6: fuzz invariants over random dialect documents (documents.ts). In-process through
// the real pipeline (frontmatter schema, markdown-it with the dialect rules, shiki, ids, TOC,
// sections) for speed, then a few whole builds for determinism. fast-check prints the seed and
// the shrunk document of any failure; FUZZ_RUNS raises the run count for a longer hunt.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { frontmatterSchema } from '../../src/load/frontmatter.js';
import { createMarkdown } from '../../src/markdown/create.js';
import { createCodeHighlighter, type CodeHighlighter } from '../../src/markdown/highlight.js';
import { renderPage, type RenderContext } from '../../src/render/page.js';
import type { Page, TocEntry } from '../../src/types.js';
import { tempProject } from '../helpers.js';
import { doc, TABS } from './documents.js';
import { treeHashes } from './helpers.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
let ctx: RenderContext;

beforeAll(async () => {
  const hl = createCodeHighlighter('monokai');
  ctx = { md: createMarkdown(), idScheme: 'slate', highlighter: () => hl as Promise<CodeHighlighter> };
  await (await hl).load(TABS);
});

function render(markdown: string): Promise<Page> {
  const file = '/virtual/source/index.html.md';
  const frontmatter = frontmatterSchema.parse({ title: 'Fuzz', language_tabs: TABS, headingLevel: 3 });
  return renderPage({ page: file, outPath: 'index.html', frontmatter, parts: [{ file, markdown, lineOffset: 4 }], files: [file], warnings: [] }, ctx);
}

const flat = (toc: TocEntry[]): TocEntry[] => toc.flatMap((e) => [e, ...flat(e.children)]);

describe(`fuzz: ${RUNS} random dialect documents`, () => {
  it('never throw, give unique ids, TOC links with targets, every code block whole, the same HTML twice', async () => {
    await fc.assert(fc.asyncProperty(doc, async (d) => {
      const page = await render(d.markdown);
      const $ = cheerio.load(page.html);
      const ids = $('[id]').map((_, el) => $(el).attr('id')).get();
      expect(new Set(ids).size).toBe(ids.length);
      expect(new Set(page.headings.map((h) => h.id)).size).toBe(page.headings.length);
      for (const entry of flat(page.toc)) expect(ids).toContain(entry.id);
      for (const s of page.sections) expect(ids).toContain(s.id);
      const blocks = $('pre code').map((_, c) => $(c).text()).get();
      for (const c of d.code) expect(blocks).toContain(`${c}\n`);
      expect((await render(d.markdown)).html).toBe(page.html);
    }), { numRuns: RUNS });
  }, 240_000);
});

describe('whole builds are deterministic', () => {
  it('builds three random documents twice, and in another folder, byte for byte (but the marker), writing no source file', async () => {
    const docs = fc.sample(doc, { numRuns: 3 });
    const files = Object.fromEntries(docs.map((d, i) => [`source/${i ? `p${i}.html.md` : 'index.html.md'}`,
      `---\ntitle: Page ${i}\nlanguage_tabs:\n${TABS.map((t) => `  - ${t}`).join('\n')}\n---\n${d.markdown}`]));
    const a = tempProject(files);
    const b = tempProject(files);
    const quiet = { info: () => {}, warn: () => {} };
    // The marker records when the site was built: the one file expected to differ.
    const hashes = (root: string) => treeHashes(join(root, 'build'), (rel) => rel === '.shale-build');
    // No source file is ever written: the source trees are byte-identical after three builds.
    const sources = treeHashes(join(a, 'source'));
    await build({ root: a, quiet: true }, quiet, { cache: false });
    const first = hashes(a);
    expect(Object.keys(first).some((f) => f.startsWith('assets/') && f.endsWith('.js'))).toBe(true);
    await build({ root: a, quiet: true }, quiet);
    expect(hashes(a)).toEqual(first);
    await build({ root: b, quiet: true }, quiet);
    expect(hashes(b)).toEqual(first);
    expect(readFileSync(join(a, 'build', 'index.html'), 'utf8')).not.toContain(a);
    expect(treeHashes(join(a, 'source'))).toEqual(sources);
    expect(treeHashes(join(b, 'source'))).toEqual(sources);
  }, 120_000);
});
