// What splitContent learns of each stretch of a large page (src/output/chunk-facts.ts): read from
// the page's own tags, never from the text of its code blocks; and the same whether a page is cut
// into segments whole or part by part.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { segmentFacts, segmentsOf, visibleLines } from '../../src/output/chunk-facts.js';

const block = (tab: string | undefined, code: string) =>
  `<div class="highlight${tab ? ` tab-${tab}` : ''}"><pre class="highlight"><code>${code}</code></pre></div>\n`;
const onlyShell = (tab: string) => tab === 'shell';

describe('segment facts', () => {
  it('counts containers, headings and ids outside code, and skips what code blocks hold', () => {
    // shiki leaves quotes in code as they are: an id="…" there is text, not an attribute.
    const code = block('ruby', '<span class="s1">&lt;div id="not-an-id"&gt;</span>\n<span>&lt;h2&gt;</span>\n');
    const html = `<h2 id="a">A</h2>\n<div class="note"><p name="n">x</p>\n${code}<section><h3 id="b">B</h3>`;
    const facts = segmentFacts(html);
    expect(facts.balance).toBe(2); // the note's div and the section are left open
    expect(facts.levels).toEqual([2, 3]);
    expect(facts.ids).toEqual(['a', 'n', 'b']);
    expect(facts.textLength).toBe(html.length - code.length + 1); // the newline after the block is text
    expect(facts.codeLines).toEqual({ ruby: 2 });
    expect(visibleLines(facts.codeLines, onlyShell)).toBe(0); // ruby does not show under shell
  });

  it('counts the lines of code per tab; those of blocks of no tab always show', () => {
    const html = `<p>x</p>${block('shell', 'a\nb\n')}${block(undefined, 'c\n')}${block('ruby', 'd\ne\nf\n')}${block('shell', 'g\n')}`;
    // Each block's own closing newline is inside it too: "a\nb\n" is 2 lines.
    expect(segmentFacts(html).codeLines).toEqual({ shell: 3, '': 1, ruby: 3 });
    expect(visibleLines(segmentFacts(html).codeLines, onlyShell)).toBe(3 + 1);
    expect(visibleLines(segmentFacts(html).codeLines, () => true)).toBe(3 + 1 + 3);
  });

  it('reads a highlight div that is not a code block as HTML', () => {
    const html = '<div class="highlighted-box" id="box"><h4>T</h4></div><div class="highlight"><p>no pre</p>';
    expect(segmentFacts(html)).toEqual({ balance: 1, levels: [4], ids: ['box'], textLength: html.length, codeLines: {} });
  });
});

describe('segments', () => {
  it('cut a part at its cuts, its first stretch going on the one before it, with lengths and digests', () => {
    const html = '<p>tail of the last section</p>\n<h1 id="x">X</h1>\n<p>Größe</p>\n<h2 id="y">Y</h2>\n';
    const at = [html.indexOf('<h1'), html.indexOf('<h2')];
    const segments = segmentsOf(html, at);
    expect(segments.map((s) => s.cut)).toEqual([false, true, true]);
    expect(segments.map((s) => s.length).reduce((a, b) => a + b)).toBe(html.length);
    expect(segments[1].bytes).toBe(Buffer.byteLength(html.slice(at[0], at[1])));
    expect(segments[1].digest).toBe(createHash('sha1').update(html.slice(at[0], at[1])).digest('base64url'));
    // A part that starts with a cut has no stretch to give the one before.
    expect(segmentsOf(html.slice(at[0]), [0, at[1] - at[0]]).map((s) => s.cut)).toEqual([true, true]);
  });
});
