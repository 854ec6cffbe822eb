import { describe, expect, it } from 'vitest';
import { shape } from './render.js';

describe('atx headings (SLATE-DIALECT §2)', () => {
  it('makes a heading of `#Text` without a space', () => {
    expect(shape('#Errors\n')).toBe('<h1>Errors</h1>');
    expect(shape('###Limits\n')).toBe('<h3>Limits</h3>');
  });

  it('ends a paragraph at a `#` line', () => {
    expect(shape('Some intro text\n##Team\nmore\n')).toBe('<p>Some intro text</p><h2>Team</h2><p>more</p>');
  });

  it('drops a bare `##` but still ends the paragraph before it', () => {
    expect(shape('text\n##\nafter\n')).toBe('<p>text</p><p>after</p>');
  });

  it('keeps a trailing `#` glued to the text (better: `## C#`)', () => {
    expect(shape('## C#\n')).toBe('<h2>C#</h2>');
    expect(shape('## Closed ##\n')).toBe('<h2>Closed</h2>');
  });

  it('accepts a heading indented by up to three spaces (better)', () => {
    expect(shape('  ## Indented\n')).toBe('<h2>Indented</h2>');
  });

  it('turns seven hashes into an h6 that keeps the extra one', () => {
    expect(shape('#######deep\n')).toBe('<h6>#deep</h6>');
  });
});
