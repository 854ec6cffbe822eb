// Rendered pages kept between builds. A page's render depends only on its parts (each file's
// Markdown and place), its frontmatter, the options that reach the renderer and shale's own code
// (the highlighter's version included), so a page whose key is unchanged is read back instead of
// parsed again: on a large reference, parsing the Markdown is most of a warm rebuild.
// One entry per page (so the cache never outgrows one build), written aside and renamed; an entry
// that cannot be read, or was made from other input or other code, is ignored. An entry is three
// files: the page's HTML, its sections' text and code one after the other, and the rest as JSON
// (the sections' text and code as lengths: GitHub's 22 MB of them made the JSON 24 MB, 0.15 s to
// write and 0.1 s to read, against 2.5 MB, 0.05 s and 0.015 s). A page of several files is one
// JSON file: it names the part store's files (part-store.ts), which hold its HTML in order and
// the records its sections are made from, so an edit does not write the page's 45 MB of HTML
// and 22 MB of section text again.

import { createHash } from 'node:crypto';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { boundsOf, filePiece, withPieces, type Bounds } from '../render/html-pieces.js';
import { buildToc } from '../transform/toc.js';
import type { HtmlPiece, Page, Section, Segment, Source, SourcePart } from '../types.js';
import { codeStamp } from './code-stamp.js';
import { markdownDigest } from './markdown-digest.js';
import { cacheFile, fileStartsWith, lengthReader, writeAside, type HtmlFile } from './files.js';
import { readOutline } from './part-outline.js';
import { storedSections } from './part-sections.js';

/** Bump when the entry layout below changes. */
const ENTRY_FORMAT = 6;

/** What the renderer sees besides the source. */
export interface PageCacheOptions {
  idScheme: string;
  safe: boolean;
}

export interface PageCache {
  /** The key of `source`'s render: equal keys, equal pages. */
  keyOf(source: Source): string;
  /** The same without the parts' Markdown: what else the page's render depends on (part-store.ts). */
  stampOf(source: Source): string;
  /** SHA-1 of a part's Markdown, as the key hashed it (part-cache.ts's digest). */
  partDigest(part: SourcePart): string;
  /** The page as rendered from `source` last time, if its key is unchanged. */
  get(source: Source): Page | undefined;
  /** The same, its HTML and sections read only when asked for (a build with nothing to write never asks). */
  peek(source: Source): Page | undefined;
  /**
   * Keeps `page`; `htmlFiles`, if given, are the part store's files that hold exactly its HTML,
   * one after the other, beside the records its sections come from: the entry names them instead
   * of holding a copy, and the page's HTML and sections are not read.
   */
  set(page: Page, htmlFiles?: HtmlFile[]): void;
}

type StoredSection = Omit<Section, 'text' | 'code'> & { text: number; code: number };
/**
 * `html`: the files in the cache folder that hold the page's HTML, one after the other
 * (`<entry>.html`, or the part store's); `sections`: in `<entry>.txt`, or none when from the parts.
 */
type Stored = Omit<Page, 'source' | 'html' | 'pieces' | 'sections' | 'headings' | 'toc'> & Partial<Pick<Page, 'headings' | 'toc'>> & { html: HtmlFile[]; sections?: StoredSection[] };
/** Page fields the entry keeps apart from the rest. */
const APART = new Set(['source', 'html', 'pieces', 'sections']);
/** Fields an entry of a page of several files leaves to its parts' records (part-outline.ts). */
const IN_PARTS = new Set(['headings', 'segments', 'toc']);

/** `scope` tells apart the source folders that share one cache folder. */
export function openPageCache(dir: string, scope: string, opts: PageCacheOptions): PageCache {
  const salt = `format ${ENTRY_FORMAT}\0code ${codeStamp(import.meta.url)}\0${opts.idScheme}\0${opts.safe}\0`;
  const keys = new WeakMap<Source, string>();
  // Each part's Markdown is hashed once, for the key and for the part cache (GitHub: 21.7 MB, 0.05 s).
  const partDigest = markdownDigest();
  const stampHash = (source: Source) => createHash('sha256').update(salt).update(source.outPath).update('\0').update(JSON.stringify(source.frontmatter));
  const keyOf = (source: Source): string => {
    let key = keys.get(source);
    if (key === undefined) {
      const h = stampHash(source);
      for (const part of source.parts) h.update(`\0${part.file}\0${part.lineOffset}\0${partDigest(part)}`);
      keys.set(source, (key = h.digest('base64url')));
    }
    return key;
  };
  const base = (source: Source) => cacheFile(dir, 'page', `${scope}\0${source.outPath}`);
  /** The entry's JSON, its sections' text and code still lengths (readSections cuts them). */
  const entry = (source: Source): Stored | undefined => {
    try {
      // The key comes first in the entry: a page whose input changed is told from the file's first
      // bytes, without reading or parsing the rest (24 MB, 0.13 s on GitHub's reference).
      const file = `${base(source)}.json`;
      const prefix = `{"format":${ENTRY_FORMAT},"key":${JSON.stringify(keyOf(source))},`;
      if (!fileStartsWith(file, prefix)) return undefined;
      return (JSON.parse(readFileSync(file, 'utf8')) as { page: Stored }).page;
    } catch {
      return undefined; // missing, unreadable or corrupt: render afresh
    }
  };
  const readSections = (source: Source, stored: Stored): Section[] | undefined => {
    if (!stored.sections) return storedSections(stored.html.map((f) => join(dir, basename(f.file))));
    try {
      const text = lengthReader(readFileSync(`${base(source)}.txt`, 'utf8'));
      const sections = stored.sections.map((s) => ({ ...s, text: text.cut(s.text), code: text.cut(s.code) }));
      return text.done() ? sections : undefined;
    } catch {
      return undefined;
    }
  };
  /**
   * The page's HTML as pieces read when asked for, if its files are there at the size the entry
   * names (they are written before it, and part files are never rewritten; a file changed behind
   * shale's back at the same size stops the build when read: lazyPiece).
   */
  const piecesOf = (stored: Stored, segments: () => Segment[]): HtmlPiece[] | undefined => {
    const files = stored.html.map((f) => ({ ...f, file: join(dir, basename(f.file)) }));
    try {
      if (!files.every((f) => statSync(f.file).size === f.bytes)) return undefined;
    } catch {
      return undefined;
    }
    // Each file read from the middle at the page's segments: a pack made again reads its own stretch.
    let bounds: Bounds[] | undefined;
    const boundsAt = (i: number) => (bounds ??= filesBounds(files, segments()))[i];
    return files.map((f, i) => filePiece(f.file, f.length, () => boundsAt(i)));
  };
  /** `stored` with the fields it left to the parts' records read back; undefined when they cannot be. */
  const whole = (source: Source, stored: Stored): Stored | undefined => {
    if (stored.headings) return stored;
    const outline = readOutline(stored.html.map((f) => join(dir, basename(f.file))));
    return outline && { ...stored, ...outline, toc: buildToc(outline.headings, source.frontmatter.headingLevel) };
  };
  const pageOf = (source: Source, stored: Stored, pieces: HtmlPiece[]): Omit<Page, 'sections'> => {
    const { html: _, sections: __, ...rest } = stored;
    return withPieces({ ...rest, source } as Omit<Page, 'sections' | 'html' | 'pieces'>, pieces);
  };

  return {
    keyOf,
    partDigest,
    stampOf: (source) => stampHash(source).digest('base64url'),
    get(source) {
      const kept = entry(source);
      const stored = kept && whole(source, kept);
      const sections = stored && readSections(source, stored);
      const pieces = sections && piecesOf(stored!, () => stored!.segments ?? []);
      // Not spread: that would read the HTML.
      return pieces && (Object.assign(pageOf(source, stored!, pieces), { sections: sections! }) as Page);
    },
    peek(source) {
      const stored = entry(source);
      // A build with nothing to write reads neither its HTML nor its sections (GitHub's 45 MB and
      // 22 MB), nor the headings and segments a page of several files leaves to its parts.
      let full: Stored | undefined;
      const fields = () => (full ??= whole(source, stored!) ?? { ...stored!, headings: [], toc: [], segments: [] });
      const pieces = stored && piecesOf(stored, () => fields().segments ?? []);
      if (!pieces) return undefined;
      let sections: Section[] | undefined;
      const page = pageOf(source, stored!, pieces);
      const lazy: PropertyDescriptorMap = { sections: { enumerable: true, get: () => (sections ??= readSections(source, stored!) ?? []) } };
      if (!stored!.headings) for (const k of IN_PARTS) lazy[k] = { enumerable: true, get: () => fields()[k as 'headings'] };
      return Object.defineProperties(page, lazy) as Page;
    },
    set(page, htmlFiles) {
      const file = base(page.source);
      // Each field but these, without reading `html`, which may be pieces still on disk.
      const rest = Object.fromEntries(Object.keys(page).filter((k) => !APART.has(k) && !(htmlFiles && IN_PARTS.has(k))).map((k) => [k, page[k as keyof Page]]));
      // The HTML and text first: the record that names their lengths is what makes the entry count.
      let html = htmlFiles;
      let sections: StoredSection[] | undefined;
      if (!html) {
        // The pieces this build rendered, each a string in memory, written without joining them.
        const own = page.pieces ? page.pieces.map((p) => p.text()) : [page.html];
        if (!writeAside(`${file}.html`, own)) return;
        let [length, bytes] = [0, 0];
        for (const text of own) [length, bytes] = [length + text.length, bytes + Buffer.byteLength(text)];
        html = [{ file: `${file}.html`, length, bytes }];
        const texts: string[] = [];
        sections = page.sections.map((s): StoredSection => {
          texts.push(s.text, s.code);
          return { ...s, text: s.text.length, code: s.code.length };
        });
        if (!writeAside(`${file}.txt`, texts.join(''))) return;
      } else if (!rmIfThere(`${file}.html`) || !rmIfThere(`${file}.txt`)) {
        return;
      }
      const entry = { ...rest, html: html.map((f) => ({ ...f, file: basename(f.file) })), sections } as Stored;
      writeAside(`${file}.json`, JSON.stringify({ format: ENTRY_FORMAT, key: keyOf(page.source), page: entry }));
    },
  };
}

/** Removes a file left from an entry of another kind; false when it is there and cannot be removed. */
function rmIfThere(file: string): boolean {
  try {
    rmSync(file, { force: true });
    return true;
  } catch {
    return false;
  }
}

/** Each file's bounds (html-pieces.ts) where the page's `segments` run through the files one after the other. */
function filesBounds(files: ReadonlyArray<{ length: number }>, segments: readonly Segment[]): Bounds[] {
  let next = 0;
  return files.map((f) => {
    const mine: Segment[] = [];
    for (let chars = 0; next < segments.length && chars < f.length; next++) {
      mine.push(segments[next]);
      chars += segments[next].length;
    }
    return boundsOf(mine, f.length);
  });
}
