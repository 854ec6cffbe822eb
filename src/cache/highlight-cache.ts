// A highlight cache kept between builds: highlighting is most of a cold build (DESIGN §1), and a
// block's HTML depends only on its language, its code and the highlighter's version (shiki's
// version, the theme, shale's HTML format). One file per source folder and code theme, read at
// the start of a build and rewritten at the end with exactly the blocks this build used, so it
// never grows past one build's worth. A file that cannot be read or parsed is ignored. The blocks'
// HTML is one text file beside the JSON, which holds their keys and lengths: inside JSON, every
// quote of the HTML was escaped, and GitHub's 28.8 MB took ≈ 0.28 s to read and parse.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { CodeHighlighter } from '../markdown/highlight.js';
import { cacheFile, lengthReader, writeAside } from './files.js';

/** Bump when the file layout below changes. */
const FILE_FORMAT = 2;

interface CacheFile {
  format: number;
  /** CodeHighlighter.version: a file written by another shiki, theme or format is not used. */
  version: string;
  /** Keys from keyOf(), and the length of each block's HTML in the text file, in its order. */
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
  const stored = readCache(file, inner.version);
  const used = new Map<string, string>();
  const stats: HighlightCacheStats = { highlighted: 0, reused: 0 };
  return {
    stats,
    highlighter: {
      ...inner,
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
      prefetch: inner.prefetch && ((blocks) => inner.prefetch!(blocks.filter((b) => {
        const key = hash(`${b.lexer}\0${b.code}`);
        return !used.has(key) && !stored.has(key);
      }))),
    },
    save(opts = {}) {
      const keep = opts.keepUnused ? new Map([...stored, ...used]) : used;
      // Nothing new and nothing dropped: the file on disk is already this build's.
      if (stats.highlighted === 0 && keep.size === stored.size) return;
      const html = [...keep.values()];
      // The HTML first: the JSON that names its lengths is what makes the file count.
      if (writeAside(`${file}.html`, html.join(''))) {
        writeAside(`${file}.json`, JSON.stringify({ format: FILE_FORMAT, version: inner.version, keys: [...keep.keys()], lengths: html.map((h) => h.length) } satisfies CacheFile));
      }
    },
  };
}

function readCache(file: string, version: string): Map<string, string> {
  try {
    const data = JSON.parse(readFileSync(`${file}.json`, 'utf8')) as Partial<CacheFile>;
    if (data.format !== FILE_FORMAT || data.version !== version || !Array.isArray(data.keys) || !Array.isArray(data.lengths)) return new Map();
    const html = lengthReader(readFileSync(`${file}.html`, 'utf8'));
    const blocks = new Map(data.keys.map((key, i) => [key, html.cut(data.lengths![i])]));
    return html.done() ? blocks : new Map();
  } catch {
    return new Map(); // missing, unreadable or corrupt: start afresh
  }
}

function hash(s: string): string {
  return createHash('sha1').update(s).digest('base64url');
}
