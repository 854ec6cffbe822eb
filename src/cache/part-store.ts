// The build's part records (part-cache.ts) kept between builds, for pages made of several files.
// The page cache (page-cache.ts) keys a whole page: one edited include misses it, and the page
// would be parsed again. With these records, only the edited part is rendered, and a later part
// only when what it read of the page before it changed; the others are replayed.
//
// Files, per page (`<base>` from the page's name): `<base>.json` lists the page's settings, its
// parts' lexers and, per part, the name and sizes of its files: `<base>-<hash>.json` holds the
// part's records (part-records.ts), `<base>-<hash>.sections.json` the records' leads and
// sections, `<base>-<hash>.snippets.json` their sections' search snippets and keys in the term
// counts (for the search worker alone), `<base>-<hash>.txt` their text and code, and
// `<base>-<hash>.html` their HTML. The files are named by their content, so they never change
// once written: an edit writes only its own part's files (not all 45 MB of GitHub's HTML) and the
// small index, which is renamed into place last. The page cache's entry names the parts' files
// instead of holding a copy. The records are read at once, their HTML and text only when asked
// for: after an edit, the replayed parts' 45 MB of HTML and 22 MB of text mostly stay on disk. A
// file that cannot be read, is not the size the index says, or was written by other code or for
// other settings (`stamp`), makes the whole store be ignored.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { boundsOf, filePiece, lazyPiece } from '../render/html-pieces.js';
import type { SourcePart } from '../types.js';
import { createPartCache, partKeyFile, type PartCache, type PartCacheState, type PartStats, type Recorded } from './part-cache.js';
import { cacheFile, writeAside, type HtmlFile } from './files.js';
import { fromData, textLength, toData, type StoredRecord, type StoredShares } from './part-records.js';
import { sharesFile, snippetsFile, type SectionsLayout } from './part-sections.js';

/**
 * Bump when the file layout below (or part-cache.ts's Recorded) changes. 10: the shares apart; 11:
 * the snippets too; 12: a record's file once, its headings' and links' as null where the same; 13:
 * each section's key in the term counts beside its snippet.
 */
const FILE_FORMAT = 13;

export interface PartStore {
  cache: PartCache;
  /**
   * Writes what the cache holds after its last commit (nothing when it turned itself off). Returns
   * the files that hold the parts' HTML, in page order, with their lengths (characters and UTF-8
   * bytes), when they hold the page's HTML as it was rendered: each part once, in order.
   */
  save(): HtmlFile[] | undefined;
  /**
   * What the page's sections are made from, after a commit: the stored files of the parts replayed
   * as they were, and the records of the others (part-sections.ts); undefined when the cache is
   * off or a part renders twice in the page.
   */
  layout(): SectionsLayout | undefined;
}

interface Index {
  format: number;
  stamp: string;
  settings: string;
  lexers: Array<[string, { markdown: string; found: string[] }]>;
  /** Per part, in page order: its key, the name of its files, and its HTML and text files' sizes in bytes. */
  parts: Array<[string, string, number, number]>;
}

/**
 * `scope` and `outPath` name the page's file; `stamp` is what its records also depend on and the
 * cache does not check itself: shale's code and the libraries' versions, the page's frontmatter
 * (the code theme among it) and the build's options (PageCache.stampOf). `digestOf`: as createPartCache's.
 */
export function openPartStore(dir: string, scope: string, outPath: string, stamp: string, stats?: PartStats, digestOf?: (part: SourcePart) => string): PartStore {
  const base = partIndexBase(dir, scope, outPath);
  const restored = read(base, stamp);
  const cache = createPartCache(stats, restored?.state, digestOf);
  const named = (name: string) => `${base}-${name}`;
  /** The part as the last build stored it, when these are its very records: its files need no writing. */
  const keptAs = (key: string, records: Recorded[]) => {
    const kept = restored?.files.get(key);
    return kept && kept.records.length === records.length && records.every((r, i) => r === kept.records[i]) ? kept : undefined;
  };
  return {
    cache,
    layout() {
      const state = cache.state();
      if (!state || !inPageOrder(state)) return undefined;
      return [...state.parts].map(([key, records]) => {
        const kept = keptAs(key, records);
        return kept ? { file: named(kept.name) } : { records: records.map((r) => ({ leadText: r.leadText, leadCode: r.leadCode, sections: r.sections })) };
      });
    },
    save() {
      const state = cache.state();
      if (!state) return undefined;
      const parts: Array<[string, string, number, number]> = [];
      const lengths: number[] = [];
      for (const [key, records] of state.parts) {
        const kept = keptAs(key, records);
        let [name, bytes, textBytes] = [kept?.name, kept?.bytes ?? 0, kept?.textBytes ?? 0];
        if (!name) {
          // Reads any record of the last build among them before its old file is removed below.
          const partHtml = records.map((r) => r.html).join('');
          bytes = Buffer.byteLength(partHtml);
          const texts: string[] = [];
          const data = records.map((r) => toData(r, texts, partKeyFile(key)));
          const [json, shares, snippets] = [0, 1, 2].map((k) => JSON.stringify(data.map((d) => d[k])));
          const text = texts.join('');
          textBytes = Buffer.byteLength(text);
          name = createHash('sha1').update(json).update('\0').update(shares).update('\0').update(text).update('\0').update(partHtml).digest('base64url').slice(0, 16);
          // The text and HTML first: the records that name their lengths are what make the part count.
          const file = named(name);
          const written = [[`${file}.txt`, text], [`${file}.html`, partHtml], [sharesFile(file), shares], [snippetsFile(file), snippets], [`${file}.json`, json]];
          if (!written.every(([to, what]) => writeAside(to, what))) return undefined;
        }
        parts.push([key, name, bytes, textBytes]);
        lengths.push(records.reduce((n, r) => n + r.htmlLength, 0));
      }
      const index: Index = {
        format: FILE_FORMAT, stamp, settings: state.settings, parts,
        lexers: [...state.lexers].map(([key, l]) => [key, { markdown: l.markdown, found: [...l.found] }]),
      };
      if (!writeAside(`${base}.json`, JSON.stringify(index))) return undefined;
      removeUnlisted(base, new Set(parts.flatMap((p) => ['json', 'sections.json', 'snippets.json', 'txt', 'html'].map((ext) => `${p[1]}.${ext}`))));
      // The page's HTML as format 2 kept it, beside the index: 45 MB for GitHub's reference.
      rmSync(`${base}.html`, { force: true });
      if (!inPageOrder(state)) return undefined;
      return parts.map((p, i) => ({ file: `${named(p[1])}.html`, length: lengths[i], bytes: p[2] }));
    },
  };
}

/**
 * Are the state's records the page's parts in order? A key renders once a page unless the page
 * includes one file twice at one place: then its records are not in page order.
 */
function inPageOrder(state: PartCacheState): boolean {
  return [...state.parts.values()].every((records) => records.length === 1);
}

/** A part as the last build stored it: its files' name and sizes, and its records. */
interface StoredPart {
  name: string;
  bytes: number;
  textBytes: number;
  records: Recorded[];
}

/** `<base>` of a page's store: its index is `<base>.json`, its parts' files `<base>-<name>.*`. */
export function partIndexBase(dir: string, scope: string, outPath: string): string {
  return cacheFile(dir, 'parts', `${scope}\0${outPath}`);
}

/** The files of the parts a page's store lists (`<base>-<name>`, without extension), none if it has no index. */
export function listedParts(base: string): string[] {
  try {
    const index = JSON.parse(readFileSync(`${base}.json`, 'utf8')) as Index;
    return index.format === FILE_FORMAT ? index.parts.map(([, name]) => `${base}-${name}`) : [];
  } catch {
    return [];
  }
}

/**
 * The state kept for the page, and which file each part's records came from (to not write it
 * again). The records' HTML is read when first asked for: after an edit, most of it never is.
 */
function read(base: string, stamp: string): { state: PartCacheState; files: Map<string, StoredPart> } | undefined {
  try {
    const index = JSON.parse(readFileSync(`${base}.json`, 'utf8')) as Index;
    if (index.format !== FILE_FORMAT || index.stamp !== stamp || typeof index.settings !== 'string') return undefined;
    const files = new Map<string, StoredPart>();
    const parts = new Map<string, Recorded[]>();
    for (const [key, name, bytes, textBytes] of index.parts) {
      const [htmlFile, textFile] = [`${base}-${name}.html`, `${base}-${name}.txt`];
      if (statSync(htmlFile).size !== bytes || statSync(textFile).size !== textBytes) return undefined;
      const stored = JSON.parse(readFileSync(`${base}-${name}.json`, 'utf8')) as StoredRecord[];
      const shares = JSON.parse(readFileSync(sharesFile(`${base}-${name}`), 'utf8')) as StoredShares[];
      if (shares.length !== stored.length) return undefined;
      // Read from the middle at segment bounds: a pack made again reads its own stretch of the file.
      const length = stored.reduce((n, r) => n + r.html, 0);
      const html = filePiece(htmlFile, length, boundsOf(stored.flatMap((r) => r.segments ?? []), length));
      const text = lazyPiece(shares.reduce((n, s) => n + textLength(s), 0), () => readFileSync(textFile, 'utf8'), textFile);
      let [at, textAt] = [0, 0];
      const records = stored.map((r, i) => {
        const record = fromData(r, shares[i], html, (at += r.html) - r.html, text, textAt);
        textAt += textLength(shares[i]);
        return record;
      });
      files.set(key, { name, bytes, textBytes, records });
      parts.set(key, records);
    }
    const lexers = new Map(index.lexers.map(([key, l]) => [key, { markdown: l.markdown, found: new Set(l.found) }]));
    return { state: { settings: index.settings, parts, lexers }, files };
  } catch {
    return undefined; // none yet, torn or foreign: render afresh
  }
}

/** Removes the page's record and HTML files that `keep` (names after `<base>-`) does not list. */
function removeUnlisted(base: string, keep: Set<string>): void {
  const prefix = `${basename(base)}-`;
  try {
    for (const f of readdirSync(dirname(base))) {
      if (f.startsWith(prefix) && !keep.has(f.slice(prefix.length)) && !f.endsWith('.tmp')) rmSync(join(dirname(base), f), { force: true });
    }
  } catch {
    // Left behind: only disk space.
  }
}
