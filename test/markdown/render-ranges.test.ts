// Rendering a part range by range must give exactly what rendering it whole gives: the HTML and
// everything the page collects on the way (headings, search sections, links, warnings).
import { describe, expect, it } from 'vitest';
import { createMarkdown } from '../../src/markdown/create.js';
import { createEnv } from '../../src/markdown/env.js';
import { escapeHtml } from '../../src/markdown/highlight.js';
import { renderInRanges } from '../../src/markdown/render-ranges.js';

const env = () => createEnv({ tabs: [{ key: 'shell', name: 'Shell' }], idScheme: 'slate', highlight: escapeHtml, knowsLanguage: () => true });
const collected = (e: ReturnType<typeof env>) => ({ headings: e.headings, sections: e.sections, links: e.links, warnings: e.warnings, ids: [...e.ids] });

const page = [
  'Text before any heading.\n',
  '# Intro\n\nSee [errors](#errors) and <a name="old"></a>here.\n\n```shell\ncurl x\n```\n',
  '## Intro\n\n- item\n- # heading in a list\n\n> quote\n# After a quote\n\n| a | b |\n|---|---|\n| 1 | 2 |\n',
  '<div class="box">\n\n# Inside raw HTML\n\n</div>\n\n# Errors\n\nTight:\n\n- a\n- b\n\n# Errors\n\nText *emphasis* and `code`.\n',
].join('\n');

describe('rendering in ranges', () => {
  it('gives the same HTML and page state as a whole render, whatever the range size', () => {
    const md = createMarkdown();
    const whole = env();
    const expected = md.render(page, whole);
    for (const size of [1, 3, 10, 1000]) {
      const ranged = env();
      expect(renderInRanges(md, page, ranged, size).join('')).toBe(expected);
      expect(collected(ranged)).toEqual(collected(whole));
    }
  });

  it('renders a part with reference definitions whole, so a link may come before its definition', () => {
    const md = createMarkdown();
    const text = '# A\n\nSee [the spec][spec].\n\n# B\n\n[spec]: https://example.com/spec\n';
    expect(renderInRanges(md, text, env(), 1).join('')).toContain('<a href="https://example.com/spec">the spec</a>');
  });
});
