// Heading ids as Slate computes them (SLATE-DIALECT §3), plus the two opt-in schemes seen in the
// corpus. Every function here takes the heading's inner HTML *as Redcarpet writes it* (see
// redcarpetHtml in src/markdown/heading-ids.ts): authors link to these ids, so the entities that
// Redcarpet leaves in (`&#39;`, `&amp;`, `&quot;`) must reach the algorithm unchanged.

import { createHash } from 'node:crypto';

/**
 * Letters of the range that Rails' default transliteration (I18n's approximations) covers but
 * that Unicode canonical decomposition does not reduce to ASCII.
 */
const SPECIAL_LETTERS: Record<string, string> = {
  Æ: 'AE', æ: 'ae', Ð: 'D', ð: 'd', Ø: 'O', ø: 'o', Þ: 'Th', þ: 'th', ß: 'ss', ẞ: 'SS', '×': 'x',
  Đ: 'D', đ: 'd', Ħ: 'H', ħ: 'h', ı: 'i', Ĳ: 'IJ', ĳ: 'ij', ĸ: 'k', Ŀ: 'L', ŀ: 'l', Ł: 'L', ł: 'l',
  ŉ: "'n", Ŋ: 'NG', ŋ: 'ng', Œ: 'OE', œ: 'oe', Ŧ: 'T', ŧ: 't',
};

/**
 * Rails approximates Latin-1 letters, Latin Extended-A and a few more; anything else (Greek,
 * Cyrillic, Vietnamese, CJK, Arabic script, ÷, ſ) has no approximation and becomes a separator.
 */
function inApproximatedRange(code: number): boolean {
  return (
    (code >= 0xc0 && code <= 0x17e && code !== 0xf7) ||
    (code >= 0x1ea && code <= 0x1ed) || // Ǫ ǫ Ǭ ǭ
    code === 0x1e9e // ẞ
  );
}

/** ASCII approximation of one non-ASCII character, or undefined when Rails has none. */
function approximate(char: string): string | undefined {
  const code = char.codePointAt(0) ?? 0;
  if (!inApproximatedRange(code)) return undefined;
  const special = SPECIAL_LETTERS[char];
  if (special !== undefined) return special;
  // Canonical decomposition splits a letter from its diacritics: keep the base letter.
  const base = char.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return /^[\x00-\x7f]+$/.test(base) ? base : undefined;
}

/** ActiveSupport's `transliterate`: NFC first, then each non-ASCII character approximated or `?`. */
export function transliterate(text: string): string {
  return text.normalize('NFC').replace(/[^\x00-\x7f]/gu, (char) => approximate(char) ?? '?');
}

/** ActiveSupport's `String#parameterize` with its defaults (separator `-`, lower case). */
export function parameterize(text: string): string {
  return transliterate(text)
    .replace(/[^a-z0-9_-]+/gi, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
}

const TAG = /<[^>]*>/g;

/** Slate's fallback when nothing survives parameterize: 10 hex digits of SHA-1 of the inner HTML. */
export function sha1Id(innerHtml: string): string {
  return createHash('sha1').update(innerHtml, 'utf8').digest('hex').slice(0, 10);
}

/** Slate's UniqueHeadCounter id before de-duplication. */
export function slateSlug(innerHtml: string): string {
  return parameterize(innerHtml.replace(TAG, '')) || sha1Id(innerHtml);
}

// Characters Redcarpet's with_toc_data replaces by a dash (besides every non-ASCII byte).
const REDCARPET_STRIPPED = new Set(" -&+$,/:;=?@\"#{}|^~[]`\\*()%.!'");

/**
 * Redcarpet's own `with_toc_data` anchor (html.c rndr_header_anchor): tags and entities are
 * skipped, each run of stripped characters or non-ASCII bytes is one dash, the rest lower-cased;
 * when nothing is left, `part-` and a djb2 hash (64-bit unsigned long) of the inner HTML's bytes.
 */
export function redcarpetSlug(innerHtml: string): string {
  const bytes = Buffer.from(innerHtml, 'utf8');
  let out = '';
  let stripped = false;
  let inserted = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x3c /* < */) {
      while (i < bytes.length && bytes[i] !== 0x3e /* > */) i++;
    } else if (b === 0x26 /* & */) {
      while (i < bytes.length && bytes[i] !== 0x3b /* ; */) i++;
    } else if (b > 0x7f || REDCARPET_STRIPPED.has(String.fromCharCode(b))) {
      if (inserted && !stripped) out += '-';
      stripped = true;
    } else {
      out += String.fromCharCode(b).toLowerCase();
      stripped = false;
      inserted++;
    }
  }
  if (stripped && inserted) out = out.slice(0, -1);
  if (!inserted && bytes.length) {
    let hash = 5381n;
    for (const b of bytes) hash = (hash * 33n + BigInt(b)) & 0xffffffffffffffffn;
    out = `part-${hash.toString(16)}`;
  }
  return out;
}

/**
 * Page-wide de-duplication: the first heading keeps its id, repeats get `-2`, `-3`… as in Slate,
 * but counted over the whole page (Slate counts per file) and never landing on an id already
 * handed out, so each id on the page is unique.
 */
export function uniqueId(base: string, ids: Map<string, number>): string {
  let count = (ids.get(base) ?? 0) + 1;
  let id = count === 1 ? base : `${base}-${count}`;
  while (count > 1 && ids.has(id)) id = `${base}-${++count}`;
  ids.set(base, count);
  if (id !== base) ids.set(id, (ids.get(id) ?? 0) + 1);
  return id;
}
