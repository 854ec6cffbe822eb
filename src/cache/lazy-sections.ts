// Search sections whose text and code stay in a part's text file (part-store.ts) until asked for.
// After an edit, the build replays every other part of the page; their sections' text (GitHub:
// 22 MB) is needed only by the search worker, which reads it from the same files on its own
// thread (part-sections.ts). A lazy field reads when first got, becomes a plain value when set
// (a later part's leading prose is appended to the section before it), and its length is known
// without reading: the part cache asks whether the last section's text is empty.

import type { Section } from '../types.js';

/** The lengths of a section's lazy fields, kept where neither a copy by spread nor a comparison sees them. */
const LENGTHS = Symbol('lengths');

type Field = 'text' | 'code';
type WithLengths = Section & { [LENGTHS]?: Partial<Record<Field, number>> };

/** A plain value in place of the lazy field. */
function settle(section: Section, field: Field, value: string): void {
  Object.defineProperty(section, field, { value, writable: true, enumerable: true, configurable: true });
}

/**
 * `section` with `field` read by `read` (which gives `length` characters) when first got. An
 * empty field is a plain empty string: nothing to read.
 */
export function lazyField(section: Section, field: Field, length: number, read: () => string): void {
  if (length === 0) return settle(section, field, '');
  Object.defineProperty(section, field, {
    enumerable: true, configurable: true,
    get(this: Section) {
      const value = read();
      settle(this, field, value);
      return value;
    },
    set(this: Section, value: string) { settle(this, field, value); },
  });
  const s = section as WithLengths;
  if (!s[LENGTHS]) Object.defineProperty(s, LENGTHS, { value: {}, enumerable: false });
  s[LENGTHS]![field] = length;
}

/** Is the field empty? Reads nothing, lazy or not. */
export function isEmpty(section: Section, field: Field): boolean {
  const d = Object.getOwnPropertyDescriptor(section, field);
  return d && 'value' in d ? d.value === '' : (section as WithLengths)[LENGTHS]?.[field] === 0;
}

/** A copy that keeps lazy fields lazy (a spread would read them); it shares the lengths, which never change. */
export function copySection(section: Section): Section {
  return Object.defineProperties({}, Object.getOwnPropertyDescriptors(section)) as Section;
}

/** Appends `more` to the field; nothing is read when `more` is empty. */
export function appendTo(section: Section, field: Field, more: string): void {
  if (more !== '') section[field] += more;
}

/** A field as it is now: to tell what a render appended to it (`appended`) and to put it back (`restore`). */
export interface FieldMark {
  descriptor: PropertyDescriptor;
  length: number;
}

export function mark(section: Section, field: Field): FieldMark {
  const descriptor = Object.getOwnPropertyDescriptor(section, field)!;
  const length = 'value' in descriptor ? (descriptor.value as string).length : (section as WithLengths)[LENGTHS]![field]!;
  return { descriptor, length };
}

/** What was appended to the field since `m`; nothing is read when it is still the lazy field it was. */
export function appended(section: Section, field: Field, m: FieldMark): string {
  const now = Object.getOwnPropertyDescriptor(section, field)!;
  if (m.descriptor.get && now.get === m.descriptor.get) return '';
  return section[field].slice(m.length);
}

/** The field as it was at `m`. */
export function restore(section: Section, field: Field, m: FieldMark): void {
  Object.defineProperty(section, field, m.descriptor);
}
