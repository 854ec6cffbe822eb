// Sections whose text stays on disk until asked for (src/cache/lazy-sections.ts): read once when
// got, plain once set, copied without being read, and told empty or not without reading.
import { describe, expect, it } from 'vitest';
import { appended, appendTo, copySection, isEmpty, lazyField, mark, restore } from '../../src/cache/lazy-sections.js';
import type { Section } from '../../src/types.js';

/** A section whose text reads `text` (counted) and whose code is empty. */
function lazy(text: string) {
  const reads = { count: 0 };
  const section = { id: 'a', title: 'A', parents: [] } as unknown as Section;
  // The part's text file: the section's text after another section's.
  const file = { text: () => (reads.count++, `Other section.${text}`) };
  lazyField(section, 'text', file, 'Other section.'.length, text.length);
  lazyField(section, 'code', { text: () => { throw new Error('an empty field is never read'); } }, 0, 0);
  return { section, reads };
}

describe('lazy sections', () => {
  it('read a field once, when first got, and compare as plain sections do', () => {
    const { section, reads } = lazy('List orders.');
    expect(isEmpty(section, 'text')).toBe(false);
    expect(isEmpty(section, 'code')).toBe(true);
    expect(reads.count).toBe(0);
    expect(section.text).toBe('List orders.');
    expect(section.text).toBe('List orders.');
    expect(reads.count).toBe(1);
    expect(section).toEqual({ id: 'a', title: 'A', parents: [], text: 'List orders.', code: '' });
  });

  it('copy without reading, and take appended text as a plain value', () => {
    const { section, reads } = lazy('List orders.');
    const copy = copySection(section);
    appendTo(copy, 'code', '');
    expect(reads.count).toBe(0);
    appendTo(copy, 'text', ' More.');
    expect(copy.text).toBe('List orders. More.');
    expect(reads.count).toBe(1);
    // The original is still the field it was.
    expect(section.text).toBe('List orders.');
  });

  it('tell what a render appended since a mark, and put the field back', () => {
    const { section, reads } = lazy('List orders.');
    const before = mark(section, 'text');
    expect(appended(section, 'text', before)).toBe('');
    expect(reads.count).toBe(0);
    section.text += '\nLeading prose of the next part.';
    expect(appended(section, 'text', before)).toBe('\nLeading prose of the next part.');
    restore(section, 'text', before);
    expect(isEmpty(section, 'text')).toBe(false);
    expect(section.text).toBe('List orders.');
  });
});
