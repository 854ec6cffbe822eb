// Search sections whose text and code stay in a part's text file (part-store.ts) until asked for.
// After an edit, the build replays every other part of the page; their sections' text (GitHub:
// 22 MB) is needed only by the search worker, which reads it from the same files on its own
// thread (part-sections.ts). A lazy field reads when first got, becomes a plain value when set
// (a later part's leading prose is appended to the section before it), and its length is known
// without reading: the part cache asks whether the last section's text is empty.

import type { Section } from '../types.js';

type Field = 'text' | 'code';

/** What a lazy field reads: its stretch of the part's text file (read whole, once, by `source`). */
interface Stretch {
  source: { text(): string };
  at: number;
  length: number;
}

/**
 * A section's lazy fields' stretches, kept where neither a copy by spread nor a comparison sees
 * them. The accessors below are shared by every lazy section: a closure per field of GitHub's
 * 7,474 sections made each one an object of its own shape, ≈ 40 ms and 4 MB of every edit.
 */
const STRETCHES = Symbol('stretches');

type WithStretches = Section & { [STRETCHES]?: Partial<Record<Field, Stretch>> };

/** A plain value in place of the lazy field. */
function settle(section: Section, field: Field, value: string): void {
  Object.defineProperty(section, field, { value, writable: true, enumerable: true, configurable: true });
}

function accessors(field: Field): PropertyDescriptor {
  return {
    enumerable: true, configurable: true,
    get(this: WithStretches) {
      const { source, at, length } = this[STRETCHES]![field]!;
      const value = source.text().slice(at, at + length);
      settle(this, field, value);
      return value;
    },
    set(this: Section, value: string) { settle(this, field, value); },
  };
}

const ACCESSORS: Record<Field, PropertyDescriptor> = { text: accessors('text'), code: accessors('code') };

/**
 * `section` with `field` read, when first got, as `length` characters of `source`'s text from
 * `at`. An empty field is a plain empty string: nothing to read.
 */
export function lazyField(section: Section, field: Field, source: Stretch['source'], at: number, length: number): void {
  if (length === 0) return settle(section, field, '');
  const s = section as WithStretches;
  if (!s[STRETCHES]) Object.defineProperty(s, STRETCHES, { value: {}, enumerable: false });
  s[STRETCHES]![field] = { source, at, length };
  Object.defineProperty(section, field, ACCESSORS[field]);
}

/** Is the field empty? Reads nothing, lazy or not. */
export function isEmpty(section: Section, field: Field): boolean {
  const d = Object.getOwnPropertyDescriptor(section, field);
  return d && 'value' in d ? d.value === '' : !(section as WithStretches)[STRETCHES]?.[field]?.length;
}

/** A copy that keeps lazy fields lazy (a spread would read them); it shares the stretches, which never change. */
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
  const length = 'value' in descriptor ? (descriptor.value as string).length : (section as WithStretches)[STRETCHES]![field]!.length;
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
