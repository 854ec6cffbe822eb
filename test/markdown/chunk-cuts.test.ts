// The renderer notes where a chunk may start (src/markdown/chunk-cuts.ts): before each heading
// outside any list, quote or table, as offsets into the HTML, with the HTML itself unchanged.
import { describe, expect, it } from 'vitest';
import { createMarkdown } from '../../src/markdown/create.js';
import { createEnv } from '../../src/markdown/env.js';
import { escapeHtml } from '../../src/markdown/highlight.js';
import { renderInRanges } from '../../src/markdown/render-ranges.js';

const env = (cuts: boolean) => {
  const e = createEnv({ tabs: [], idScheme: 'slate', highlight: escapeHtml, knowsLanguage: () => true });
  if (cuts) e.chunkCuts = [];
  return e;
};

const page = [
  'Lead text.\n',
  '# One\n\nText.\n\n- # In a list\n\n> ## In a quote\n',
  '## Two *emphasis*\n\n```shell\ncurl x\n```\n\n| a |\n|---|\n| 1 |\n',
  '<h2 id="raw">Raw HTML heading</h2>\n\nSetext\n------\n\n### Three\n',
].join('\n');

describe('chunk cuts', () => {
  it('leaves the HTML as markdown-it renders it, and notes each top-level heading', () => {
    const md = createMarkdown();
    const plain = md.render(page, env(false));
    const e = env(true);
    expect(md.render(page, e)).toBe(plain);
    // Top-level headings only: One, Two, Setext, Three; not the list's, the quote's or raw HTML's.
    expect(e.chunkCuts!.map((at) => /^<h\d[^>]*>([^<]*)/.exec(plain.slice(at))?.[1])).toEqual(['One', 'Two ', 'Setext', 'Three']);
  });

  it('counts the cuts from the start of the part when it is rendered in ranges', () => {
    const md = createMarkdown();
    const whole = env(true);
    const expected = md.render(page, whole);
    for (const size of [1, 4, 1000]) {
      const ranged = env(true);
      const ranges = renderInRanges(md, page, ranged, size);
      if (size === 1) expect(ranges.length).toBeGreaterThan(2);
      expect(ranges.join('')).toBe(expected);
      expect(ranged.chunkCuts).toEqual(whole.chunkCuts);
    }
  });
});
