// Each part's Markdown is hashed once per run and shared: the page cache's key is made from these
// digests, and the part cache tells a changed part by them (GitHub: 21.7 MB, ≈ 0.05 s a pass).

import { createHash } from 'node:crypto';
import { knownDigestOf, rawBytesOf } from '../load/read.js';
import type { SourcePart } from '../types.js';

/** SHA-1 of a part's Markdown (or of the file it is decoded from), each part hashed once (lexersOf, willRender and renderPart all ask). */
export function markdownDigest(): (part: SourcePart) => string {
  const digests = new WeakMap<SourcePart, string>();
  return (part) => {
    let d = digests.get(part);
    if (d === undefined) {
      // A whole file is hashed as read, not decoded (lazyPart); one not read, as its stat tells it
      // unchanged, has the digest an earlier build made of its bytes (knownPart). The mark keeps
      // the two kinds of digest apart: equal digests must mean equal Markdown.
      const bytes = rawBytesOf(part);
      d = knownDigestOf(part)
        ?? (bytes ? createHash('sha1').update('bytes\0').update(bytes) : createHash('sha1').update('text\0').update(part.markdown)).digest('base64url');
      digests.set(part, d);
    }
    return d;
  };
}
