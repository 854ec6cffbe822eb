import { describe, expect, it } from 'vitest';
import { render, shape } from './render.js';

describe('raw HTML blocks (SLATE-DIALECT §2)', () => {
  it('ends a block tag at its closing tag and resumes Markdown on the next line', () => {
    const src = '<aside class="notice">\nBe careful.\n</aside>\n| a | b |\n|---|---|\n| 1 | 2 |\n';
    expect(shape(src)).toBe(
      '<aside>Be careful.</aside><table><thead><tr><th>a</th><th>b</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>',
    );
  });

  it('does not process Markdown inside the block, even after blank lines', () => {
    expect(shape('<div>\n\n# not a heading\n\n</div>\n')).toBe('<div># not a heading</div>');
  });

  it('keeps a line that starts with an inline tag as paragraph text with Markdown', () => {
    expect(shape('<img src="x.png"> see *this*\n')).toBe('<p><img> see <em>this</em></p>');
  });

  it('is paragraph text when the closing tag never comes', () => {
    expect(shape('<div>\nopen forever\n')).toBe('<p><div>open forever</p>');
  });

  it('stays inside the paragraph when it follows a paragraph line', () => {
    expect(shape('Intro line\n<p class="x">inner</p>\n')).toBe('<p>Intro line<p>inner</p></p>');
  });

  it('takes a comment that ends its line as a block', () => {
    expect(render('<!-- note\nstill note -->\n# Next\n')).toMatch(/^<!-- note\nstill note -->\n<h1[^>]*>Next<\/h1>/);
  });
});

describe('block tags added in later Redcarpet versions (SLATE-DIALECT §2)', () => {
  it('takes <details> with its <summary> as one raw block and resumes Markdown after it', () => {
    expect(shape('<details>\n<summary>More</summary>\n\n*raw*\n\n</details>\n# After\n')).toBe(
      '<details><summary>More</summary>*raw*</details><h1>After</h1>',
    );
  });

  it('needs </hr> for <hr> (Redcarpet lists hr as a block tag) but takes <hr/> alone', () => {
    expect(shape('<hr>\n\n<hr/>\n')).toBe('<p><hr></p><hr/>');
  });
});
