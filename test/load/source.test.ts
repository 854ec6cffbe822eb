// A page file read by loadSource (src/load/source.ts): only its frontmatter's lines are decoded at
// once, its body is a part of the file's bytes. Whatever the file holds, the page is what decoding
// the whole file and parsing it gives: the frontmatter, the body, the body's first line.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFrontmatter } from '../../src/load/frontmatter.js';
import { rawBytesOf, readSourceFile } from '../../src/load/read.js';
import { loadSource } from '../../src/load/source.js';
import { tempProject } from '../helpers.js';

const PAGES: Record<string, string | Buffer> = {
  'frontmatter and body': '---\ntitle: Größe\n---\n# A\n\nText.\n',
  'no frontmatter': '# A\n\nText.\n',
  'a body that starts with a wide character': '---\ntitle: T\n---\n日本語\n\n# A\n',
  'the closing line last, no newline': '---\ntitle: T\n---',
  'the closing line last': '---\ntitle: T\n---\n',
  'an empty line after the frontmatter': '---\ntitle: T\n---\n\n\n# A\n',
  'CRLF line ends': '---\r\ntitle: T\r\n---\r\n# A\r\n\r\nText.\r\n',
  'CRLF in the body only': '---\ntitle: T\n---\n# A\r\n\r\nText.\r\n',
  'a BOM': '\uFEFF---\ntitle: T\n---\n# A\n',
  'frontmatter never closed': '---\ntitle: T\n# A\n',
  'frontmatter never closed, a dash line later': '---\ntitle: T\n\n# A\n\n----\n',
  'four dashes after the frontmatter': '---\ntitle: T\n---\n----\n# A\n',
  'a closing line with more on it': '---\ntitle: T\n--- \n# A\n',
  'a first character that starts like a BOM': '\uF8FF# A\n',
};

describe('a page file', () => {
  it.each(Object.keys(PAGES))('%s: the same page as the whole file decoded and parsed', (name) => {
    const root = tempProject({ 'source/index.html.md': PAGES[name] });
    const file = join(root, 'source/index.html.md');
    const expected = parseFrontmatter(file, readSourceFile(file));
    const load = () => loadSource(file, 'index.html', { sourceDir: join(root, 'source') });
    // Nothing after the frontmatter: the page is refused either way.
    if (!/\S/.test(expected.body)) return void expect(load).toThrow(/frontmatter but no content/);
    const source = load();
    expect(source.frontmatter).toEqual(expected.frontmatter);
    expect(source.parts[0].markdown).toBe(expected.body);
    expect(source.parts[0].lineOffset).toBe(expected.bodyLineOffset);
  });

  it('keeps a large body as bytes until its Markdown is read', () => {
    const root = tempProject({ 'source/index.html.md': `---\ntitle: T\n---\n# A\n\n${'Words. '.repeat(1000)}\n` });
    const source = loadSource(join(root, 'source/index.html.md'), 'index.html', { sourceDir: join(root, 'source') });
    expect(rawBytesOf(source.parts[0])?.toString('utf8')).toBe(source.parts[0].markdown);
  });
});
