// slate-strict is Slate's behaviour for the "better" rows, used only by the conformance command
// to tell deliberate differences from bugs; these tests pin that it reproduces Slate for each row
// and only the row it is asked for.
import { describe, expect, it } from 'vitest';
import { createMarkdown } from '../../../src/markdown/create.js';
import { createEnv } from '../../../src/markdown/env.js';
import { slateStrict, type StrictRow } from '../../../src/markdown/rules/slate-strict.js';
import { shape } from './render.js';

function strictShape(src: string, only?: StrictRow): string {
  const md = createMarkdown().use(slateStrict, only ? { only } : {});
  const env = createEnv({ tabs: [], idScheme: 'slate', highlight: (c) => c, knowsLanguage: () => true });
  env.file = 'test.md';
  return md.render(src, env).replace(/<([a-z0-9]+)\s[^>]*>/gi, '<$1>').replace(/\n/g, '');
}

describe('slate-strict (measuring only)', () => {
  it('turns a fence right after a paragraph line into paragraph text, as Slate does', () => {
    const src = 'Example:\n```\nx\n```\n';
    expect(shape(src)).toBe('<p>Example:</p><div><pre><code>x</code></pre></div>');
    expect(strictShape(src, 'fence after a paragraph line')).toMatch(/^<p>Example:/);
    expect(strictShape(src, 'fence after a paragraph line')).not.toContain('<pre>');
  });

  it('reads an indented # line as paragraph text', () => {
    expect(strictShape(' # Title\n', 'indented # heading')).toBe('<p># Title</p>');
    expect(shape(' # Title\n')).toBe('<h1>Title</h1>');
  });

  it('strips a trailing # from heading text', () => {
    expect(strictShape('## C#\n', 'trailing # in a heading')).toBe('<h2>C</h2>');
    expect(shape('## C#\n')).toBe('<h2>C#</h2>');
  });

  it('reverts only the row it is given', () => {
    expect(strictShape(' # Title\n', 'trailing # in a heading')).toBe('<h1>Title</h1>');
    expect(strictShape(' # C#\n')).toBe('<p># C#</p>');
  });
});
