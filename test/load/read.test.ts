import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasText, lazyPart, readSourceBytes, readSourceFile, sizeOf } from '../../src/load/read.js';
import { tempProject } from '../helpers.js';

describe('reading source files', () => {
  it('drops a BOM and turns CRLF and CR into LF', () => {
    const root = tempProject({ 'a.md': '\uFEFF# A\r\nline\rend\n' });
    expect(readSourceFile(join(root, 'a.md'))).toBe('# A\nline\nend\n');
  });

  it('refuses a binary file and names it', () => {
    const root = tempProject({ 'logo.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]) });
    expect(() => readSourceFile(join(root, 'logo.md'))).toThrow(/binary file/);
  });

  it('refuses text that is not UTF-8, with the line of the first bad byte', () => {
    const root = tempProject({ 'latin1.md': Buffer.concat([Buffer.from('# Title\nok\ncaf'), Buffer.from([0xe9]), Buffer.from('\n')]) });
    try {
      readSourceFile(join(root, 'latin1.md'));
      expect.unreachable();
    } catch (e) {
      expect((e as Error).message).toMatch(/not valid UTF-8/);
      expect((e as { line: number }).line).toBe(3);
    }
  });

  it('reads a whole file as a part whose text is the same as readSourceFile gives', () => {
    const root = tempProject({ 'a.md': '\uFEFF# A\r\nGröße\rend\n' });
    const file = join(root, 'a.md');
    const part = lazyPart(file, readSourceBytes(file));
    expect(sizeOf(part)).toBe(readSourceBytes(file).length); // told before decoding
    expect(part.markdown).toBe(readSourceFile(file));
    expect({ file: part.file, lineOffset: part.lineOffset }).toEqual({ file, lineOffset: 0 });
  });

  it('tells a part with text from one of whitespace only, Unicode whitespace included', () => {
    const part = (text: string) => lazyPart('/s/a.md', Buffer.from(text));
    expect(hasText(part('\n \t\r\n# A'))).toBe(true);
    expect(hasText(part(' \n\t\r\n'))).toBe(false);
    expect(hasText(part('\n\u00a0\u2003\n'))).toBe(false); // no-break and em spaces, as /\S/ sees them
    expect(hasText(part('\n\u00a0é'))).toBe(true);
    expect(hasText({ file: '/s/b.md', markdown: '  \n', lineOffset: 0 })).toBe(false);
    expect(hasText({ file: '/s/b.md', markdown: ' x', lineOffset: 0 })).toBe(true);
  });
});
