import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSourceFile } from '../../src/load/read.js';
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
});
