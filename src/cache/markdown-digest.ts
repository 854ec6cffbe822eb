// Each part's Markdown is hashed once per run and shared: the page cache's key is made from these
// digests, and the part cache tells a changed part by them (GitHub: 21.7 MB, ≈ 0.05 s a pass).

import { createHash } from 'node:crypto';
import type { SourcePart } from '../types.js';

/** SHA-1 of a part's Markdown, each part hashed once (lexersOf, willRender and renderPart all ask). */
export function markdownDigest(): (part: SourcePart) => string {
  const digests = new WeakMap<SourcePart, string>();
  return (part) => {
    let d = digests.get(part);
    if (d === undefined) digests.set(part, (d = createHash('sha1').update(part.markdown).digest('base64url')));
    return d;
  };
}
