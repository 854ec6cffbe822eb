// A part's Markdown digest (src/cache/markdown-digest.ts): what the page key and the part cache
// both tell a changed file by.
import { describe, expect, it } from 'vitest';
import { markdownDigest } from '../../src/cache/markdown-digest.js';
import { lazyPart } from '../../src/load/read.js';

describe('markdown digest', () => {
  it('is the same for equal text in another part, other for other text', () => {
    const digest = markdownDigest();
    const part = { file: '/s/includes/_a.md', markdown: '# A\n\nGröße.\n', lineOffset: 0 };
    expect(digest(part)).toMatch(/^[\w-]{27}$/); // SHA-1, base64url
    expect(digest({ ...part, file: '/s/includes/_b.md' })).toBe(digest(part));
    expect(digest({ ...part, markdown: '# A\n\nGroesse.\n' })).not.toBe(digest(part));
  });

  it('hashes a file read whole as its bytes: equal for equal bytes, other for one byte changed', () => {
    const digest = markdownDigest();
    const bytes = Buffer.from('# A\r\n\nGröße.\r\n');
    const part = lazyPart('/s/includes/_a.md', bytes);
    expect(digest(lazyPart('/s/includes/_b.md', Buffer.from(bytes)))).toBe(digest(part));
    const edited = Buffer.from(bytes);
    edited[edited.length - 3] = 0x21; // '.' → '!'
    expect(digest(lazyPart('/s/includes/_a.md', edited))).not.toBe(digest(part));
    // Bytes and text are hashed apart: text that is not the file's decoded Markdown (here CRLF,
    // which decoding turns into LF) can never share a file's digest.
    expect(digest({ file: '/s/includes/_a.md', markdown: bytes.toString('utf8'), lineOffset: 0 })).not.toBe(digest(part));
  });
});
