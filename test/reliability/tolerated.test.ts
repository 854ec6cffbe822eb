// Issue 8 §2: input that is odd but not wrong builds, with at most a warning, and keeps its text.
// One build holds every case (a page plus one include per case), so Vite runs once; the
// pathological inline cases run through the Markdown engine alone, each against a time bound.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { createMarkdown } from '../../src/markdown/create.js';
import { createEnv } from '../../src/markdown/env.js';
import { escapeHtml } from '../../src/markdown/highlight.js';
import type { Diagnostic } from '../../src/types.js';
import { tempProject } from '../helpers.js';

const DEPTH = 1000;
const LONG = 'wordy '.repeat(175_000) + 'END-OF-LONG-LINE'; // > 1 MB on one line
let html: string;
let $: cheerio.CheerioAPI;
let warnings: Diagnostic[];
let seconds: number;

beforeAll(async () => {
  const page = [
    '\uFEFF---', 'title: Tolerated', 'language_tabs:', '  - shell', 'includes:',
    '  - empty', '  - headings', '  - quotes', '  - lists', '  - long', '---', '',
    '# CRLF Page', '', 'Line one\tafter a tab.', '', '```shell', 'echo\t"tabbed"', '```', '',
    '```brainfuck-9000', '+[-->-[>>+>-----<<]<--<---]>-.', '```', '',
    '|\tA\t|\tB\t|', '|---|---|', '|\tcell a\t|\tcell b\t|', '',
  ].join('\r\n');
  const root = tempProject({
    'source/index.html.md': page,
    'source/includes/_empty.md': '',
    'source/includes/_headings.md': '# Same\n\nText.\n\n'.repeat(10_000),
    'source/includes/_quotes.md': '# Quotes\n\n' + Array.from({ length: DEPTH }, (_, i) => `${'> '.repeat(i + 1)}quote-${i}`).join('\n') + '\n\n' + '>'.repeat(DEPTH) + ' one-line-deep\n',
    'source/includes/_lists.md': '# Lists\n\n' + Array.from({ length: DEPTH }, (_, i) => `${'  '.repeat(i)}- item-${i}`).join('\n') + '\n',
    'source/includes/_long.md': `# Long\n\n${LONG}\n`,
  });
  const t0 = performance.now();
  // Whole, not in lazily loaded chunks: these tests read the one page (test/output/chunks.test.ts splits).
  const result = await build({ root, quiet: true, lazyContent: false }, { info: () => {}, warn: () => {} }, { cache: false });
  seconds = (performance.now() - t0) / 1000;
  warnings = result.warnings;
  html = readFileSync(join(root, 'build', 'index.html'), 'utf8');
  $ = cheerio.load(html);
}, 120_000);

describe('tolerated input builds', () => {
  it('reads CRLF line endings and a BOM as plain lines', () => {
    expect($('h1#crlf-page').text()).toBe('CRLF Page');
    expect(html).not.toContain('\r');
    expect(html).not.toContain('\uFEFF');
    expect($('title').text()).toBe('Tolerated');
  });

  it('keeps tabs in text and code, and reads tab-separated table cells', () => {
    expect($('p:contains("Line one")').text()).toBe('Line one\tafter a tab.');
    expect($('pre.tab-shell code').text()).toBe('echo\t"tabbed"\n');
    expect($('table td').map((_, td) => $(td).text()).get()).toEqual(['cell a', 'cell b']);
  });

  it('shows an unknown language as plain text with one warning', () => {
    expect($('pre code:contains("+[-->-[>>+>")').length).toBe(1);
    const w = warnings.filter((x) => /unknown code language "brainfuck-9000"/.test(x.message));
    expect(w).toHaveLength(1);
    expect(w[0].file).toMatch(/index\.html\.md$/);
    expect(w[0].line).toBe(21);
  });

  it('takes a 0-byte include without a word', () => {
    expect(warnings.filter((w) => w.file.endsWith('_empty.md'))).toEqual([]);
  });

  it('gives 10,000 identical headings 10,000 different ids', () => {
    const ids = $('h1').map((_, h) => $(h).attr('id')).get().filter((id) => id.startsWith('same'));
    expect(ids).toHaveLength(10_000);
    expect(new Set(ids).size).toBe(10_000);
    expect(ids[0]).toBe('same');
    expect(ids[9_999]).toBe('same-10000');
    // Every id in the page is unique, and every TOC link has its target.
    const all = $('[id]').map((_, el) => $(el).attr('id')).get();
    const unique = new Set(all);
    expect(unique.size).toBe(all.length);
    const targets = $('#toc a.toc-link').map((_, a) => $(a).attr('href')!.slice(1)).get();
    expect(targets.length).toBeGreaterThan(10_000);
    expect(targets.filter((t) => !unique.has(t))).toEqual([]);
  });

  it('nests 1,000 quotes without losing a line, and says where it stopped nesting', () => {
    const text = $('h1#quotes').nextUntil('h1').text();
    for (let i = 0; i < DEPTH; i += 37) expect(text).toContain(`quote-${i}`);
    expect(text).toContain(`quote-${DEPTH - 1}`);
    expect(text).toContain('one-line-deep');
    expect(warnings.some((w) => w.file.endsWith('_quotes.md') && /nested too deep \(over 48 quotes or 24 lists\): the deeper lines are shown as plain text/.test(w.message))).toBe(true);
  });

  it('nests 1,000 list items without losing one', () => {
    const text = $('h1#lists').nextUntil('h1').text();
    for (let i = 0; i < DEPTH; i++) expect(text).toContain(`item-${i}\n`.trim());
    expect($('h1#lists').nextUntil('h1').find('ul').length).toBeGreaterThan(10);
    expect(warnings.some((w) => w.file.endsWith('_lists.md') && /nested too deep/.test(w.message))).toBe(true);
  });

  it('keeps a 1 MB line whole', () => {
    expect(html).toContain(`${LONG}</p>`);
  });

  it('warns about nothing else, and builds all of it within 60 s', () => {
    const other = warnings.filter((w) => !/unknown code language|nested too deep/.test(w.message));
    expect(other).toEqual([]);
    expect(seconds).toBeLessThan(60);
  });
});

/** markdown-it's pathological cases and the classic quadratic traps, each ~100 KB. */
const N = 100_000;
const pathological: Array<[string, string]> = [
  ['a run of *', '*'.repeat(N)],
  ['a run of _', '_'.repeat(N)],
  ['a run of [', '['.repeat(N)],
  ['a run of ]', ']'.repeat(N)],
  ['a run of <', '<'.repeat(N)],
  ['a run of backticks', '`'.repeat(N)],
  ['a run of >', '>'.repeat(N)],
  ['a run of ~', '~'.repeat(N)],
  ['a run of !', '!['.repeat(N / 2)],
  ['a run of &', '&'.repeat(N)],
  ['a run of \\', '\\'.repeat(N)],
  ['a**b repeated', 'a**b'.repeat(N / 4)],
  ['a__b repeated', 'a__b'.repeat(N / 4)],
  ['*a _b repeated', '*a _b '.repeat(N / 6)],
  ['nested brackets', '['.repeat(N / 4) + 'a' + ']'.repeat(N / 4) + '(b)'],
  ['nested parentheses in a link', '[a](' + '('.repeat(N / 2) + 'b' + ')'.repeat(N / 2) + ')'],
  ['unclosed links [a](', '[a]('.repeat(N / 4)],
  ['unclosed images ![a](', '![a]('.repeat(N / 5)],
  ['reference-like [a][', '[a]['.repeat(N / 4)],
  ['code spans of growing fences', Array.from({ length: 400 }, (_, i) => '`'.repeat(i + 1) + 'x').join(' ')],
  ['backtick pairs', '`x '.repeat(N / 3)],
  ['unclosed html tags <a ', '<a '.repeat(N / 3)],
  ['unclosed comments <!--', '<!--'.repeat(N / 4)],
  ['unclosed CDATA', '<![CDATA['.repeat(N / 9)],
  ['unclosed autolinks <a', '<a'.repeat(N / 2)],
  ['entity-like &#', '&#'.repeat(N / 2)],
  ['strikethrough ~~a', '~~a'.repeat(N / 3)],
  ['*** runs', '***a'.repeat(N / 4)],
  ['**[a**](b)', '**[a**](b)'.repeat(N / 10)],
  ['many table rows', '|a|b|\n|-|-|\n' + '|x|y|\n'.repeat(N / 6)],
  ['a wide table', '|' + 'a|'.repeat(N / 10) + '\n|' + '-|'.repeat(N / 10) + '\n'],
  ['many list items', '- a\n'.repeat(N / 4)],
  ['list markers on one line', '- '.repeat(N / 2) + 'x'],
  ['quotes separated by blank lines', '> a\n\n'.repeat(N / 5)],
  ['reference definitions', '[a]: b\n'.repeat(N / 7) + '[a]'.repeat(N / 3)],
  ['many headings', '# h\n'.repeat(N / 4)],
  ['setext underlines', 'a\n=\n'.repeat(N / 4)],
  ['fences never closed', '```\n'.repeat(N / 4)],
  ['html blocks never closed', '<div>\n'.repeat(N / 6)],
  ['erb-looking tags', '<%= x %>'.repeat(N / 8)],
];

describe('pathological input finishes in linear-ish time', () => {
  const md = createMarkdown();
  it.each(pathological)('%s', (_name, src) => {
    const env = createEnv({ tabs: [], idScheme: 'slate', highlight: escapeHtml, knowsLanguage: () => false });
    const t0 = performance.now();
    const out = md.render(src, env);
    const ms = performance.now() - t0;
    // A hang guard, not a benchmark: linear work here is well under a second; quadratic is minutes.
    expect(ms).toBeLessThan(10_000);
    expect(out.length).toBeGreaterThan(0);
  });
});
