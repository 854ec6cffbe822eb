import { describe, expect, it } from 'vitest';
import { render } from './render.js';

const inline = (src: string): string => render(src + '\n').replace(/^<p>|<\/p>\n$/g, '');

describe('no emphasis inside words (SLATE-DIALECT §2, no_intra_emphasis)', () => {
  it('leaves stars between letters literal', () => {
    expect(inline('call get*user*name here')).toBe('call get*user*name here');
    expect(inline('2*3*4')).toBe('2*3*4');
  });

  it('leaves snake_case names literal', () => {
    expect(inline('use max_page_size or _private_')).toBe('use max_page_size or <em>private</em>');
  });

  it('does not open emphasis right after a letter, even when the word ends there', () => {
    expect(inline('a b*c* d')).toBe('a b*c* d');
    expect(inline('price*2* ok')).toBe('price*2* ok');
  });

  it('does not close a single star or underscore right before a letter', () => {
    expect(inline('*not*closed')).toBe('*not*closed');
    expect(inline('_tail_x')).toBe('_tail_x');
  });

  it('lets a double run close right before a letter, as Redcarpet does', () => {
    expect(inline('**Note**s are bold')).toBe('<strong>Note</strong>s are bold');
  });

  it('still emphasises next to spaces, punctuation and non-ASCII letters', () => {
    expect(inline('an *important* word')).toBe('an <em>important</em> word');
    expect(inline('("*quoted*")')).toBe('(&quot;<em>quoted</em>&quot;)');
    expect(inline('é_mot_é')).toBe('é<em>mot</em>é');
    expect(inline('[*label*](#x)')).toBe('<a href="#x"><em>label</em></a>');
  });

  it('applies to strikethrough openers as well', () => {
    expect(inline('x~~y~~z')).toBe('x~~y~~z');
    expect(inline('~~old~~new')).toBe('<del>old</del>new');
  });

  it('never touches code spans', () => {
    expect(inline('`a*b*c` and `snake_case_`')).toBe('<code>a*b*c</code> and <code>snake_case_</code>');
  });
});
