// What splitContent learns of each piece of a large page (src/output/chunk-facts.ts): read from
// the page's own tags, never from the text of its code blocks.
import { describe, expect, it } from 'vitest';
import { pieceFacts } from '../../src/output/chunk-facts.js';

const block = (tab: string | undefined, code: string) =>
  `<div class="highlight${tab ? ` tab-${tab}` : ''}"><pre class="highlight"><code>${code}</code></pre></div>\n`;
const onlyShell = (tab: string) => tab === 'shell';

describe('piece facts', () => {
  it('counts containers, headings and ids outside code, and skips what code blocks hold', () => {
    // shiki leaves quotes in code as they are: an id="…" there is text, not an attribute.
    const code = block('ruby', '<span class="s1">&lt;div id="not-an-id"&gt;</span>\n<span>&lt;h2&gt;</span>\n');
    const html = `<h2 id="a">A</h2>\n<div class="note"><p name="n">x</p>\n${code}<section><h3 id="b">B</h3>`;
    const facts = pieceFacts(html, onlyShell);
    expect(facts.balance).toBe(2); // the note's div and the section are left open
    expect(facts.levels).toEqual([2, 3]);
    expect(facts.ids).toEqual(['a', 'n', 'b']);
    expect(facts.textBytes).toBe(html.length - code.length + 1); // the newline after the block is text
    expect(facts.codeLines).toBe(0); // ruby does not show under shell
  });

  it('counts the lines of code that show under the first language, and of blocks of no tab', () => {
    const html = `<p>x</p>${block('shell', 'a\nb\n')}${block(undefined, 'c\n')}${block('ruby', 'd\ne\nf\n')}${block('shell', 'g\n')}`;
    // Each block's own closing newline is inside it too: "a\nb\n" is 2 lines.
    expect(pieceFacts(html, onlyShell).codeLines).toBe(2 + 1 + 1);
    expect(pieceFacts(html, () => true).codeLines).toBe(2 + 1 + 3 + 1);
  });

  it('reads a highlight div that is not a code block as HTML', () => {
    const html = '<div class="highlighted-box" id="box"><h4>T</h4></div><div class="highlight"><p>no pre</p>';
    const facts = pieceFacts(html, onlyShell);
    expect(facts).toEqual({ balance: 1, levels: [4], ids: ['box'], textBytes: html.length, codeLines: 0 });
  });
});
