// The block state's line tables (src/markdown/line-index.ts) are markdown-it's own, line for line:
// compared with markdown-it's StateBlock on made-up edge cases and on random text of blanks,
// tabs, letters and newlines; and a page parses to the same tokens either way.
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { createMarkdown } from '../../src/markdown/create.js';
import { createEnv } from '../../src/markdown/env.js';
import { escapeHtml } from '../../src/markdown/highlight.js';

const plain = new MarkdownIt();
const ours = createMarkdown();
const tables = (md: MarkdownIt, src: string) => {
  const s = new md.block.State(src, md, {}, []);
  return { bMarks: [...s.bMarks], eMarks: [...s.eMarks], tShift: [...s.tShift], sCount: [...s.sCount], bsCount: [...s.bsCount], lineMax: s.lineMax, src: s.src };
};

/** A small random generator with a seed, so a failure can be run again. */
function random(seed: number): () => number {
  return () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

describe('line index', () => {
  it('gives the tables markdown-it gives, edge cases first', () => {
    const cases = ['', '\n', '\n\n', 'a', 'a\n', ' ', '  \n', '\t', ' \t  y\n  ', 'x\n \t', '\t\tcode\n  \t mixed\n', 'a\n\n\nb', ' \n \n '];
    for (const src of cases) expect(tables(ours, src), JSON.stringify(src)).toEqual(tables(plain, src));
  });

  it('gives the tables markdown-it gives on random text', () => {
    const next = random(7);
    const alphabet = [' ', ' ', '\t', 'a', '#', '\n', '\n'];
    for (let n = 0; n < 2000; n++) {
      let src = '';
      for (let i = Math.floor(next() * 40); i > 0; i--) src += alphabet[Math.floor(next() * alphabet.length)];
      expect(tables(ours, src), JSON.stringify(src)).toEqual(tables(plain, src));
    }
  });

  it('parses a page to the same tokens as markdown-it left as it is', () => {
    const page = '# Title\n\n  Text\n\t- item\n\n    > quote\n\n```js\nx\n```\n   ';
    const env = () => createEnv({ tabs: [], idScheme: 'slate', highlight: escapeHtml, knowsLanguage: () => true });
    const without = createMarkdown();
    without.block.State = plain.block.State;
    expect(JSON.stringify(ours.parse(page, env()))).toBe(JSON.stringify(without.parse(page, env())));
  });
});
