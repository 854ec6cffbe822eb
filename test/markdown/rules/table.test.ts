import { describe, expect, it } from 'vitest';
import { render, shape } from './render.js';

const rows = (html: string): number => (html.match(/<tr>/g) ?? []).length;

describe('tables (SLATE-DIALECT §2)', () => {
  it('accepts a delimiter row with more cells than the header', () => {
    expect(shape('a | b\n--|--|--\n1 | 2\n')).toBe('<table><thead><tr><th>a</th><th>b</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>');
  });

  it('keeps lines with a pipe in the table, even when they start with <p>', () => {
    const html = shape('| k | v |\n|---|---|\n<p>x</p> | y\n| z | w |\n');
    expect(rows(html)).toBe(3);
  });

  it('pads and cuts rows to the header column count', () => {
    const html = shape('| a | b |\n|---|---|\n| 1 |\n| 1 | 2 | 3 |\n');
    expect(html.match(/<td>/g)).toHaveLength(4);
    expect(html).not.toContain('3');
  });

  it('treats \\| as a literal pipe in a cell (better)', () => {
    expect(render('| op | meaning |\n|---|---|\n| a \\| b | either |\n')).toContain('<td>a | b</td>');
  });

  it('keeps a last row without a final newline (better)', () => {
    expect(rows(shape('| a |\n|---|\n| last |'))).toBe(2);
  });

  it('writes an empty tbody for a table without rows, as Slate does', () => {
    expect(shape('| a | b |\n|---|---|\n')).toContain('<tbody></tbody>');
  });

  it('does not interrupt a paragraph', () => {
    expect(shape('intro\n| a |\n|---|\n')).toBe('<p>intro| a ||---|</p>');
  });
});
