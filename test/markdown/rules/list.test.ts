import { describe, expect, it } from 'vitest';
import { shape } from './render.js';

describe('lists (SLATE-DIALECT §2)', () => {
  it('nests a `-` indented two spaces under `1.`', () => {
    expect(shape('1. step\n  - detail\n2. next\n')).toBe('<ol><li>step<ul><li>detail</li></ul></li><li>next</li></ol>');
  });

  it('takes an un-indented line after an item as part of the item', () => {
    expect(shape('- item\ncontinued\n')).toBe('<ul><li>itemcontinued</li></ul>');
  });

  it('ends the list at a blank line followed by unindented text', () => {
    // The trailing blank line does not make the item a block: nothing of the item follows it.
    expect(shape('- a\n\nafter\n')).toBe('<ul><li>a</li></ul><p>after</p>');
  });

  it('gives <p> to items from the first one with a blank line inside on', () => {
    expect(shape('- a\n- b\n\n- c\n')).toBe('<ul><li>a</li><li><p>b</p></li><li><p>c</p></li></ul>');
  });

  it('keeps nested items tight when only blank lines separate them', () => {
    expect(shape('* top\n\n  * one\n\n  * two\n')).toBe('<ul><li><p>top</p><ul><li>one</li><li>two</li></ul></li></ul>');
  });

  it('ends the list when a marker of the other type follows a blank line', () => {
    expect(shape('- a\n\n1. b\n')).toBe('<ul><li>a</li></ul><ol><li>b</li></ol>');
  });
});
