import { createHash } from 'node:crypto';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { createMarkdown } from '../../src/markdown/create.js';
import { createEnv, type IdScheme, type RenderEnv } from '../../src/markdown/env.js';
import { headingIds } from '../../src/markdown/heading-ids.js';

const escapeHtml = (c: string) => c.replace(/[&<>"]/g, (x) => `&#${x.charCodeAt(0)};`);
const sha10 = (s: string) => createHash('sha1').update(s, 'utf8').digest('hex').slice(0, 10);

function newEnv(idScheme: IdScheme = 'slate'): RenderEnv {
  return createEnv({ tabs: [], idScheme, highlight: escapeHtml, knowsLanguage: () => true });
}

/** Renders parts of one page (each its own document, shared env), as the build does. */
function renderPage(parts: string[], env = newEnv()): { html: string; env: RenderEnv } {
  const md = createMarkdown();
  let html = '';
  parts.forEach((markdown, i) => {
    env.file = `part${i}.md`;
    env.lineOffset = i * 100;
    html += md.render(markdown, env);
  });
  return { html, env };
}

const ids = (env: RenderEnv) => env.headings.map((h) => h.id);

describe('heading ids (slate scheme)', () => {
  it('computes ids from Redcarpet-style inner HTML', () => {
    const { html, env } = renderPage(["# Kitten's Name\n\n## Errors & Codes\n\n## Paginação\n"]);
    expect(ids(env)).toEqual(['kitten-39-s-name', 'errors-amp-codes', 'paginacao']);
    expect(html).toContain('<h1 id="kitten-39-s-name">Kitten\'s Name</h1>');
  });

  it('keeps entities as the author wrote them, as Redcarpet does', () => {
    const { env } = renderPage(['# Caf&eacute; &#39;x&#39;\n']);
    expect(ids(env)).toEqual(['caf-eacute-39-x-39']);
    expect(env.headings[0].title).toBe("Café 'x'");
  });

  it('uses the SHA-1 of the inner HTML for headings with no Latin letters', () => {
    const { env } = renderPage(['# احراز هویت\n\n## 认证 `token`\n']);
    expect(ids(env)).toEqual([sha10('احراز هویت'), 'token']);
    const { env: env2 } = renderPage(['## 认证 *说明*\n']);
    expect(ids(env2)).toEqual([sha10('认证 <em>说明</em>')]);
  });

  it('de-duplicates across the parts of one page', () => {
    const { html, env } = renderPage(['# Errors\n\n## HTTP Request\n', '# Errors\n\n## HTTP Request\n## HTTP Request\n']);
    expect(ids(env)).toEqual(['errors', 'http-request', 'errors-2', 'http-request-2', 'http-request-3']);
    expect(html).toContain('<h1 id="errors-2">Errors</h1>');
  });

  it('records title, inner HTML, file and line of each heading', () => {
    const { env } = renderPage(['intro\n\n## The `id` *field*\n', '\n\n# Second\n']);
    expect(env.headings).toEqual([
      { id: 'the-id-field', level: 2, title: 'The id field', html: 'The <code>id</code> <em>field</em>', file: 'part0.md', line: 3 },
      { id: 'second', level: 1, title: 'Second', html: 'Second', file: 'part1.md', line: 103 },
    ]);
  });

  it('keeps the id of a raw HTML heading and lists it', () => {
    const { html, env } = renderPage(['# Intro\n\n<h2 id="custom-id">Custom &amp; <b>bold</b></h2>\n\n## Custom id\n\n<h3>No id</h3>\n']);
    expect(html).toContain('<h2 id="custom-id">Custom &amp; <b>bold</b></h2>');
    expect(env.headings.map((h) => [h.id, h.level, h.title])).toEqual([
      ['intro', 1, 'Intro'],
      ['custom-id', 2, 'Custom & bold'],
      // The authored id is taken, so the Markdown heading with the same slug moves on.
      ['custom-id-2', 2, 'Custom id'],
    ]);
    expect(env.headings[1].line).toBe(3);
  });

  it('works as a plugin on bare markdown-it', () => {
    const md = new MarkdownIt({ html: true }).use(headingIds);
    const env = newEnv();
    expect(md.render('# Hello World\n', env)).toBe('<h1 id="hello-world">Hello World</h1>\n');
  });
});

describe('other id schemes', () => {
  it('nesting: parent-child ids from the latest heading of each shallower level', () => {
    const { env } = renderPage(['# Lines\n## Fetching an item\n### Sorting lines\n## Fields\n#### Deep\n'], newEnv('nesting'));
    expect(ids(env)).toEqual([
      'lines',
      'lines-fetching-an-item',
      'lines-fetching-an-item-sorting-lines',
      'lines-fields',
      // Slate keeps the level-3 history after a new h2, so a skipped level repeats the older h3.
      'lines-fields-sorting-lines-deep',
    ]);
  });

  it("redcarpet: Redcarpet's own with_toc_data anchors", () => {
    const { env } = renderPage(["# Kitten's Name\n## Errors & Codes\n## Errors & Codes\n"], newEnv('redcarpet'));
    expect(ids(env)).toEqual(['kittens-name', 'errors-codes', 'errors-codes-2']);
  });
});
