import { describe, expect, it } from 'vitest';
import { shape } from './render.js';

describe('paragraphs (SLATE-DIALECT §2)', () => {
  it('keeps a list marker after a paragraph line as text', () => {
    expect(shape('Tree:\n- - - Config/\n- a\n')).toBe('<p>Tree:- - - Config/- a</p>');
  });

  it('keeps a table after a paragraph line as text', () => {
    expect(shape('Text\n| a | b |\n|---|---|\n')).toBe('<p>Text| a | b ||---|---|</p>');
  });

  it('lets a fence interrupt a paragraph (better)', () => {
    expect(shape('Example:\n```shell\ncurl x\n```\n')).toBe('<p>Example:</p><div><pre><code>curl x</code></pre></div>');
  });

  it('makes only the last line before a setext underline a heading', () => {
    expect(shape('one\ntwo\n---\n')).toBe('<p>one</p><h2>two</h2>');
    expect(shape('Title\n=====\n')).toBe('<h1>Title</h1>');
  });

  it('keeps 4-space indented text as ordinary Markdown (no indented code)', () => {
    expect(shape('    | a | b |\n    |---|---|\n')).not.toContain('<pre>');
    expect(shape("'''shell\ncurl x\n'''\n")).toBe("<p>'''shellcurl x'''</p>");
  });
});

describe('unclosed fence (SLATE-DIALECT §2; measured against Redcarpet)', () => {
  // Redcarpet 3.6 (the corpus reference renders) runs a fence without its closing fence to the
  // end of the file as code, as markdown-it does: nothing after it is read as Markdown.
  it('runs to the end of its document as code', () => {
    expect(shape('Text\n\n```js\nlet a = 1;\n\n# not a heading\n')).toBe('<p>Text</p><div><pre><code>let a = 1;# not a heading</code></pre></div>');
  });
});
