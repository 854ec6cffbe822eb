// A part's Markdown digest (src/cache/markdown-digest.ts): what the page key and the part cache
// both tell a changed file by.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { markdownDigest } from '../../src/cache/markdown-digest.js';

describe('markdown digest', () => {
  it('is the SHA-1 of the Markdown, the same for equal text in another part, other for other text', () => {
    const digest = markdownDigest();
    const part = { file: '/s/includes/_a.md', markdown: '# A\n\nGröße.\n', lineOffset: 0 };
    expect(digest(part)).toBe(createHash('sha1').update(part.markdown).digest('base64url'));
    expect(digest({ ...part, file: '/s/includes/_b.md' })).toBe(digest(part));
    expect(digest({ ...part, markdown: '# A\n\nGroesse.\n' })).not.toBe(digest(part));
  });
});
