import { describe, expect, it } from 'vitest';
import { shape } from './render.js';

describe('blockquotes (SLATE-DIALECT §2)', () => {
  it('merges quotes separated only by blank lines', () => {
    expect(shape('> first\n\n\n> second\n')).toBe('<blockquote><p>first</p><p>second</p></blockquote>');
  });

  it('takes un-prefixed lines that follow, tables included', () => {
    const src = '>###FIELDS\n| name | use |\n|------|-----|\n| id | key |\n\nafter\n';
    expect(shape(src)).toBe(
      '<blockquote><h3>FIELDS</h3><table><thead><tr><th>name</th><th>use</th></tr></thead>' +
        '<tbody><tr><td>id</td><td>key</td></tr></tbody></table></blockquote><p>after</p>',
    );
  });

  it('ends at a blank line followed by an un-prefixed line', () => {
    expect(shape('> quoted\n\nplain\n')).toBe('<blockquote><p>quoted</p></blockquote><p>plain</p>');
  });

  it('parses the quoted text as Markdown of its own (nested quote, heading)', () => {
    expect(shape('> # Title\n> > inner\n')).toBe('<blockquote><h1>Title</h1><blockquote><p>inner</p></blockquote></blockquote>');
  });
});
