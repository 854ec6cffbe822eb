import { describe, expect, it } from 'vitest';
import { createMarkdown } from '../../../src/markdown/create.js';
import { createEnv } from '../../../src/markdown/env.js';
import { DEPTH_LIMIT } from '../../../src/markdown/rules/depth.js';

const md = createMarkdown();
function render(src: string) {
  const env = createEnv({ tabs: [], idScheme: 'slate', highlight: (c) => c, knowsLanguage: () => true });
  env.file = 'deep.md';
  env.lineOffset = 10;
  return { html: md.render(src, env), warnings: env.warnings };
}
const count = (html: string, tag: string) => html.split(`<${tag}>`).length - 1;

describe('nesting depth limit', () => {
  it('nests quotes up to the limit, keeps deeper lines as text, and warns once with file:line', () => {
    const src = Array.from({ length: 200 }, (_, i) => `${'>'.repeat(i + 1)} q${i}`).join('\n') + '\n';
    const { html, warnings } = render(src);
    expect(count(html, 'blockquote')).toBe(DEPTH_LIMIT);
    for (let i = 0; i < 200; i++) expect(html).toContain(`q${i}`);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ severity: 'warning', file: 'deep.md', line: 10 + DEPTH_LIMIT + 1 });
  });

  it('nests lists to half the limit (a list is two levels: ul and li) and keeps every item', () => {
    const src = Array.from({ length: 100 }, (_, i) => `${'  '.repeat(i)}- item${i}`).join('\n') + '\n';
    const { html, warnings } = render(src);
    expect(count(html, 'ul')).toBe(DEPTH_LIMIT / 2);
    for (let i = 0; i < 100; i++) expect(html).toContain(`item${i}`);
    expect(warnings).toHaveLength(1);
  });

  it('leaves ordinary nesting alone', () => {
    const { html, warnings } = render('> a\n>> b\n>>> c\n\n- x\n  - y\n    * z\n');
    expect(count(html, 'blockquote')).toBe(3);
    expect(count(html, 'ul')).toBeGreaterThanOrEqual(2);
    expect(warnings).toEqual([]);
  });
});
