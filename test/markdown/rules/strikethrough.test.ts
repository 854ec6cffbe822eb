import { describe, expect, it } from 'vitest';
import { render } from './render.js';

describe('strikethrough (SLATE-DIALECT §2)', () => {
  it('renders ~~x~~ as <del>, as Slate does', () => {
    expect(render('~~gone~~ stays\n')).toBe('<p><del>gone</del> stays</p>\n');
  });
});
