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
