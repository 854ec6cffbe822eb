// Highlighting is most of a render (DESIGN §1), so a live site keeps every highlighted block,
// keyed by language and a hash of its code: after a one-line edit only the blocks whose text
// changed go through shiki again, whatever the size of the rest of the document.

import { createHash } from 'node:crypto';
import type { CodeHighlighter } from '../markdown/highlight.js';

export interface HighlightStats {
  /** Blocks shiki actually highlighted (cache misses). */
  highlighted: number;
  /** Blocks served from the cache. */
  reused: number;
}

export function cachedHighlighter(inner: CodeHighlighter, stats: HighlightStats): CodeHighlighter {
  let cache = new Map<string, string>();
  let previous = new Map<string, string>();
  return {
    ...inner,
    highlight(code, lexer) {
      const key = lexer + '\0' + createHash('sha1').update(code).digest('base64');
      let html = cache.get(key) ?? previous.get(key);
      if (html === undefined) {
        html = inner.highlight(code, lexer);
        stats.highlighted++;
      } else {
        stats.reused++;
      }
      cache.set(key, html);
      // Two generations: blocks unused for a long while are dropped instead of piling up.
      if (cache.size > 50_000) { previous = cache; cache = new Map(); }
      return html;
    },
  };
}
