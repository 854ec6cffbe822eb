// Raw HTML headings (src/markdown/html-headings.ts) are parsed with parse5 directly. cheerio's
// parse5 loader, which the code used before and which stays a dependency, is the oracle: the same
// ids, levels, titles, inner HTML and lines, on hard fragments and on every raw HTML block with a
// heading tag in the corpus (skipped without ../shared).
import * as cheerio from 'cheerio';
import MarkdownIt from 'markdown-it';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlHeadings, loadHtmlParser, mayHaveHtmlHeadings } from '../../src/markdown/html-headings.js';

/** What cheerio's parse5 loader gives for the fragment, read as the code did before. */
function byCheerio(fragment: string, file: string, firstLine: number): unknown[] {
  const $ = cheerio.load(fragment, { sourceCodeLocationInfo: true }, false);
  return $('h1, h2, h3, h4, h5, h6').toArray().flatMap((el) => {
    const id = $(el).attr('id');
    const at = el.sourceCodeLocation?.startLine;
    return id ? [{ id, level: Number(el.tagName.slice(1)), title: $(el).text().replace(/\s+/g, ' ').trim(), html: ($(el).html() ?? '').trim(), file, line: at === undefined ? firstLine : firstLine + at - 1 }] : [];
  });
}

const HARD = [
  '<h2 id="get-x">Get <code>/repos/{owner}</code> &amp; <em>more</em></h2>',
  '<H3 ID="Upper">Upper  case\n  tags</H3>',
  '<div>\n<h1 id="a">A</h1>\n<p>text</p>\n\n<h4 id="b" class="x">B <!-- note --> c</h4>\n</div>',
  '<h2>no id</h2><h2 id="">empty id</h2><h2 id="x" id="y">first id wins</h2>',
  '<table><tr><td><h5 id="in-cell">In a cell</h5></td></tr></table>',
  '<h2 id="unclosed">Unclosed <b>bold\n<p>after</p>',
  '<details><summary>More</summary><h6 id="deep">Deep &lt;tag&gt; &quot;q&quot; &nbsp;x</h6></details>',
  '<svg><h2 id="in-svg">breaks out of svg</h2></svg>',
  '<h2 id="with-link"><a href="#a?b=1&amp;c=2" title=\'t "q"\'>Link</a> <img src="x.png" alt="i"></h2>',
  '<h3 id="nested">Outer <h4 id="inner">Inner</h4></h3>',
  '<tr><td><h2 id="bare-row">A row without its table</h2></td></tr>',
];

describe('raw HTML headings, parsed with parse5', () => {
  it.each(HARD.map((f) => [f]))('match cheerio on %j', (fragment) => {
    expect(htmlHeadings(fragment, '/s/a.md', 10)).toEqual(byCheerio(fragment, '/s/a.md', 10));
  });

  it('give the same headings loaded ahead (the build imports the parser) as required on first use', async () => {
    const required = htmlHeadings(HARD[0], '/s/a.md', 1);
    await loadHtmlParser();
    expect(htmlHeadings(HARD[0], '/s/a.md', 1)).toEqual(required);
    expect(required.map((h) => h.id)).toEqual(['get-x']);
  });

  it('tell Markdown that may hold them from Markdown that cannot', () => {
    expect(mayHaveHtmlHeadings('# A\n\n<h2 id="b">B</h2>\n')).toBe(true);
    expect(mayHaveHtmlHeadings('# A\n\n<H3>\n')).toBe(true);
    expect(mayHaveHtmlHeadings('# A\n\n<header>x</header> <hr>\n')).toBe(false);
  });
});

const corpus = resolve(import.meta.dirname, '../../../shared/corpus/slate');
const suite = existsSync(corpus) ? describe : describe.skip;
const reason = existsSync(corpus) ? '' : ' (skipped: ../shared/corpus not found next to the repo)';

suite(`raw HTML headings in the corpus${reason}`, () => {
  it('match cheerio in every raw HTML block that has a heading tag', () => {
    const md = new MarkdownIt({ html: true });
    const files = readdirSync(corpus, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md'));
    let blocks = 0, headings = 0;
    for (const f of files) {
      for (const token of md.parse(readFileSync(join(corpus, f), 'utf8'), {})) {
        if (token.type !== 'html_block' || !mayHaveHtmlHeadings(token.content)) continue;
        const ours = htmlHeadings(token.content, f, token.map![0] + 1);
        expect(ours, f).toEqual(byCheerio(token.content, f, token.map![0] + 1));
        blocks++;
        headings += ours.length;
      }
    }
    console.log(`${blocks} raw HTML blocks, ${headings} headings with ids: the same as cheerio's`);
    expect(headings).toBeGreaterThan(100);
  });
});
