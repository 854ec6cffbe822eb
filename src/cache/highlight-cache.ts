// A highlight cache kept between builds: highlighting is most of a cold build (DESIGN §1), and a
// block's HTML depends only on its language, its code and the highlighter's version (shiki's
// version, the theme, shale's HTML format). One file per source folder and code theme, read at
// the start of a build and rewritten at the end with exactly the blocks this build used, so it
// never grows past one build's worth. A file that cannot be read or parsed is ignored. The blocks'
// HTML is one text file beside the JSON, which holds their keys and lengths: inside JSON, every
// quote of the HTML was escaped, and GitHub's 28.8 MB took ≈ 0.28 s to read and parse. The text
// file is not read whole at the start either: a block is read from its place when asked for (an
// edit in one include asks for a few hundred of GitHub's 12,953), and the whole file only when it
// is written again with the blocks of pages this build did not render.

import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import type { CodeHighlighter } from '../markdown/highlight.js';
import { cacheFile, writeAside } from './files.js';

/** Bump when the file layout below changes. */
const FILE_FORMAT = 3;

interface CacheFile {
  format: number;
  /** CodeHighlighter.version: a file written by another shiki, theme or format is not used. */
  version: string;
  /** Keys from keyOf(), and the length in UTF-8 bytes of each block's HTML in the text file, in its order. */
  keys: string[];
  lengths: number[];
}

export interface HighlightCacheStats {
  /** Blocks highlighted by shiki in this build. */
  highlighted: number;
  /** Blocks served from the cache. */
  reused: number;
}

export interface HighlightCache {
  /** The highlighter with the cache in front of it. */
  highlighter: CodeHighlighter;
  stats: HighlightCacheStats;
  /**
   * Writes the blocks used since open (only when something changed); with `keepUnused`, the
   * stored blocks too (some pages were not rendered this time, so their blocks were not asked for).
   */
  save(opts?: { keepUnused?: boolean }): void;
}

/** `scope` tells apart the caches of different source folders sharing one cache folder. */
export function openHighlightCache(dir: string, scope: string, inner: CodeHighlighter): HighlightCache {
  const file = cacheFile(dir, 'highlight', `${scope}\0${inner.version}`);
  const stored = openStored(file, inner.version);
  const used = new Map<string, string>();
  const stats: HighlightCacheStats = { highlighted: 0, reused: 0 };
  return {
    stats,
    highlighter: {
      ...inner,
      dispose() {
        stored.close();
        inner.dispose();
      },
      highlight(code, lexer) {
        const key = hash(`${lexer}\0${code}`);
        let html = used.get(key) ?? stored.get(key);
        if (html === undefined) {
          html = inner.highlight(code, lexer);
          stats.highlighted++;
        } else {
          stats.reused++;
        }
        used.set(key, html);
        return html;
      },
      // Only the blocks this cache cannot answer are worth starting on.
      prefetch: inner.prefetch && ((blocks, unseen) => inner.prefetch!(blocks.filter((b) => {
        const key = hash(`${b.lexer}\0${b.code}`);
        return !used.has(key) && !stored.has(key);
      }), unseen)),
    },
    save(opts = {}) {
      const keys = new Set(used.keys());
      if (opts.keepUnused) for (const k of stored.keys()) keys.add(k);
      // Nothing new and nothing dropped: the file on disk is already this build's.
      if (stats.highlighted === 0 && keys.size === stored.size) return;
      const all = opts.keepUnused ? stored.all() : new Map<string, string>();
      const blocks = [...keys].flatMap((k): Array<[string, string]> => {
        const html = used.get(k) ?? all.get(k);
        return html === undefined ? [] : [[k, html]];
      });
      // The HTML first: the JSON that names its lengths is what makes the file count.
      if (writeAside(`${file}.html`, blocks.map((b) => b[1]).join(''))) {
        const lengths = blocks.map((b) => Buffer.byteLength(b[1]));
        writeAside(`${file}.json`, JSON.stringify({ format: FILE_FORMAT, version: inner.version, keys: blocks.map((b) => b[0]), lengths } satisfies CacheFile));
      }
    },
  };
}

interface StoredBlocks {
  size: number;
  keys(): Iterable<string>;
  has(key: string): boolean;
  /** The block's HTML, read from its place in the text file. */
  get(key: string): string | undefined;
  /** Every block, from one read of the whole file (none when it is gone). */
  all(): Map<string, string>;
  close(): void;
}

const NONE: StoredBlocks = { size: 0, keys: () => [], has: () => false, get: () => undefined, all: () => new Map(), close() {} };

/** The blocks a previous build stored, or none when its files are missing, foreign or torn. */
function openStored(file: string, version: string): StoredBlocks {
  const places = new Map<string, [start: number, length: number]>();
  try {
    const data = JSON.parse(readFileSync(`${file}.json`, 'utf8')) as Partial<CacheFile>;
    if (data.format !== FILE_FORMAT || data.version !== version || !Array.isArray(data.keys) || !Array.isArray(data.lengths)) return NONE;
    let at = 0;
    for (let i = 0; i < data.keys.length; i++) {
      places.set(data.keys[i], [at, data.lengths[i]]);
      at += data.lengths[i];
    }
    // The text file is written before the JSON that names its lengths: any other size is a torn write.
    if (statSync(`${file}.html`).size !== at) return NONE;
  } catch {
    return NONE; // missing, unreadable or corrupt: start afresh
  }
  let fd: number | undefined;
  return {
    size: places.size,
    keys: () => places.keys(),
    has: (key) => places.has(key),
    get(key) {
      const place = places.get(key);
      if (!place) return undefined;
      try {
        fd ??= openSync(`${file}.html`, 'r');
        const bytes = Buffer.allocUnsafe(place[1]);
        return readSync(fd, bytes, 0, place[1], place[0]) === place[1] ? bytes.toString('utf8') : undefined;
      } catch {
        return undefined; // gone since: highlighted again
      }
    },
    all() {
      let text: Buffer;
      try {
        text = readFileSync(`${file}.html`);
      } catch {
        return new Map(); // gone since: only this build's blocks are kept
      }
      return new Map([...places].map(([key, [start, length]]) => [key, text.toString('utf8', start, start + length)]));
    },
    close() {
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
    },
  };
}

function hash(s: string): string {
  return createHash('sha1').update(s).digest('base64url');
}
