import { describe, expect, it } from 'vitest';
import { createMarkdown } from '../../src/markdown/create.js';
import { createEnv, type RenderEnv } from '../../src/markdown/env.js';

const escapeHtml = (c: string) => c.replace(/[&<>"]/g, (x) => `&#${x.charCodeAt(0)};`);

function sectionsOf(parts: string[], sectionDepth?: number): RenderEnv['sections'] {
  const md = createMarkdown();
  const env = createEnv({ tabs: [], idScheme: 'slate', highlight: escapeHtml, knowsLanguage: () => true, sectionDepth });
  for (const markdown of parts) md.render(markdown, env);
  return env.sections;
}

describe('search sections', () => {
  it('collects prose and code under each heading down to h3', () => {
    const sections = sectionsOf([
      [
        'Before any heading.',
        '# Kittens',
        'All about *kittens* &amp; cats.',
        '## Get All Kittens',
        '```shell\ncurl "http://example.com/api/kittens"\n```',
        '- a list item',
        '| Parameter | Default |\n| --- | --- |\n| include_cats | false |',
        '> a quoted remark',
        '### HTTP Request',
        '`GET http://example.com/kittens`',
        '#### Deeper',
        'still in HTTP Request',
      ].join('\n\n'),
    ]);
    expect(sections).toEqual([
      { id: 'kittens', title: 'Kittens', parents: [], text: 'All about kittens & cats.', code: '' },
      {
        id: 'get-all-kittens',
        title: 'Get All Kittens',
        parents: ['Kittens'],
        text: 'a list item\nParameter\nDefault\ninclude_cats\nfalse\na quoted remark',
        code: 'curl "http://example.com/api/kittens"',
      },
      {
        id: 'http-request',
        title: 'HTTP Request',
        parents: ['Kittens', 'Get All Kittens'],
        text: 'GET http://example.com/kittens\nDeeper\nstill in HTTP Request',
        code: '',
      },
    ]);
  });

  it('goes deeper when sectionDepth says so', () => {
    const sections = sectionsOf(['# A\n\n### B\n\n#### C\n\ntext'], 4);
    expect(sections.map((s) => [s.id, s.parents, s.text])).toEqual([
      ['a', [], ''],
      ['b', ['A'], ''],
      ['c', ['A', 'B'], 'text'],
    ]);
  });

  it('continues the last section into the next part and opens sections at raw HTML headings', () => {
    const sections = sectionsOf([
      '# Errors\n\nThe first part.',
      'Leading prose of an include.\n\n<aside class="notice">An &quot;aside&quot; <b>note</b>.</aside>\n\n<h2 id="retry">Retries</h2>\n<p>Back off &amp; retry.</p>\n',
    ]);
    expect(sections).toEqual([
      { id: 'errors', title: 'Errors', parents: [], text: 'The first part.\nLeading prose of an include.\nAn "aside" note .', code: '' },
      { id: 'retry', title: 'Retries', parents: ['Errors'], text: 'Back off & retry.', code: '' },
    ]);
  });
});
