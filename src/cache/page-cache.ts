// Rendered pages kept between builds. A page's render depends only on its parts (each file's
// Markdown and place), its frontmatter, the options that reach the renderer and shale's own code
// (the highlighter's version included), so a page whose key is unchanged is read back instead of
// parsed again: on a large reference, parsing the Markdown is most of a warm rebuild.
// One entry per page (so the cache never outgrows one build), written aside and renamed; an entry
// that cannot be read, or was made from other input or other code, is ignored. An entry is three
// files: the page's HTML (or, for a page of several files, the names of the part store's HTML
// files, which hold it in order), its sections' text and code one after the other, and the rest as JSON
// (the sections' text and code as lengths: GitHub's 22 MB of them made the JSON 24 MB, 0.15 s to
// write and 0.1 s to read, against 2.5 MB, 0.05 s and 0.015 s).

import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page, Section, Source, SourcePart } from '../types.js';
import { markdownDigest } from './markdown-digest.js';
import { cacheFile, lengthReader, writeAside } from './files.js';

/** Bump when the entry layout below changes. */
const ENTRY_FORMAT = 4;

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
   * Keeps `page`; `htmlFiles`, if given, are files in the cache folder that hold exactly its HTML,
   * one after the other (part-store.ts's): the entry names them instead of holding a copy.
   */
  set(page: Page, htmlFiles?: string[]): void;
}

type StoredSection = Omit<Section, 'text' | 'code'> & { text: number; code: number };
/** `htmlFiles`: names of the files in the cache folder that hold the HTML, when not `<entry>.html`. */
type Stored = Omit<Page, 'source' | 'html' | 'sections'> & { htmlLength: number; htmlFiles?: string[]; sections: StoredSection[] };

/** `scope` tells apart the source folders that share one cache folder. */
export function openPageCache(dir: string, scope: string, opts: PageCacheOptions): PageCache {
  const salt = `format ${ENTRY_FORMAT}\0code ${codeHash()}\0${versions()}\0${opts.idScheme}\0${opts.safe}\0`;
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
      if (!startsWith(file, prefix)) return undefined;
      return (JSON.parse(readFileSync(file, 'utf8')) as { page: Stored }).page;
    } catch {
      return undefined; // missing, unreadable or corrupt: render afresh
    }
  };
  const readSections = (source: Source, stored: Stored): Section[] | undefined => {
    try {
      const text = lengthReader(readFileSync(`${base(source)}.txt`, 'utf8'));
      const sections = stored.sections.map((s) => ({ ...s, text: text.cut(s.text), code: text.cut(s.code) }));
      return text.done() ? sections : undefined;
    } catch {
      return undefined;
    }
  };
  const htmlFilesOf = (source: Source, stored: Stored) => stored.htmlFiles?.map((f) => join(dir, basename(f))) ?? [`${base(source)}.html`];
  const readHtml = (source: Source, stored: Stored): string | undefined => {
    try {
      const html = htmlFilesOf(source, stored).map((f) => readFileSync(f, 'utf8')).join('');
      // The HTML is written before the entry that names its length: a mismatch is a torn write.
      return html.length === stored.htmlLength ? html : undefined;
    } catch {
      return undefined;
    }
  };

  return {
    keyOf,
    partDigest,
    stampOf: (source) => stampHash(source).digest('base64url'),
    get(source) {
      const stored = entry(source);
      const sections = stored && readSections(source, stored);
      const html = sections && readHtml(source, stored!);
      return html === undefined ? undefined : { ...withoutLength(stored!), source, sections: sections!, html };
    },
    peek(source) {
      const stored = entry(source);
      if (!stored || !htmlFilesOf(source, stored).every((f) => existsSync(f))) return undefined;
      // A build with nothing to write asks for neither: GitHub's 45 MB of HTML and 22 MB of section text.
      let html: string | undefined;
      let sections: Section[] | undefined;
      return Object.defineProperties({ ...withoutLength(stored), source } as Page, {
        html: { enumerable: true, get: () => (html ??= readHtml(source, stored) ?? '') },
        sections: { enumerable: true, get: () => (sections ??= readSections(source, stored) ?? []) },
      });
    },
    set(page, htmlFiles) {
      const file = base(page.source);
      const { source: _, html, sections, ...rest } = page;
      const texts: string[] = [];
      const stored = sections.map((s): StoredSection => {
        texts.push(s.text, s.code);
        return { ...s, text: s.text.length, code: s.code.length };
      });
      const text = texts.join('');
      // The HTML and text first: the record that names their lengths is what makes the entry count.
      const ownHtml = htmlFiles === undefined;
      if (ownHtml ? !writeAside(`${file}.html`, html) : !rmIfThere(`${file}.html`)) return;
      if (!writeAside(`${file}.txt`, text)) return;
      const entry: Stored = { ...rest, htmlLength: html.length, ...(ownHtml ? {} : { htmlFiles: htmlFiles.map((f) => basename(f)) }), sections: stored };
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

/** Does `file` start with `prefix` (ASCII)? Reads only that many bytes. */
function startsWith(file: string, prefix: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(prefix.length);
    return readSync(fd, head, 0, head.length, 0) === head.length && head.toString('latin1') === prefix;
  } finally {
    closeSync(fd);
  }
}

function withoutLength(stored: Stored): Omit<Page, 'source' | 'html' | 'sections'> {
  const { htmlLength: _, htmlFiles: __, sections: ___, ...rest } = stored;
  return rest;
}

/** The libraries whose output lands in a page: markdown-it (the HTML) and shiki (the code). */
function versions(): string {
  const require = createRequire(import.meta.url);
  return ['markdown-it', 'shiki'].map((name) => `${name} ${(require(`${name}/package.json`) as { version: string }).version}`).join('\0');
}

/**
 * A hash of shale's own compiled code (the folder this module was loaded from, and its siblings):
 * a renderer changed without a version bump (a developer's checkout, a patched install) must not
 * be served pages its predecessor made. Some hundred small files: a few milliseconds.
 */
function codeHash(): string {
  const root = dirname(dirname(fileURLToPath(import.meta.url)));
  const h = createHash('sha256');
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (name === 'theme-cache' || name === 'node_modules') continue;
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(js|ts)$/.test(name) && !name.endsWith('.d.ts')) h.update(name).update('\0').update(readFileSync(path));
    }
  };
  walk(root);
  return h.digest('base64url');
}
