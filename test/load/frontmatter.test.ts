import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { ShaleError } from '../../src/errors.js';
import { listItemLine, matterOptions, parseFrontmatter, readMatter } from '../../src/load/frontmatter.js';

const page = (yaml: string, body = '# Hi\n') => `---\n${yaml}\n---\n${body}`;

describe('frontmatter', () => {
  it('reads language_tabs in every form Slate pages use', () => {
    const { frontmatter } = parseFrontmatter('p.md', page([
      'language_tabs:',
      '  - shell: cURL',
      '  - ruby',
      '  - javascript--nodejs: Node.js',
      '  - python: null',
      '  -',
    ].join('\n')));
    expect(frontmatter.language_tabs).toEqual([
      { key: 'shell', label: 'cURL' },
      { key: 'ruby', label: 'ruby' },
      { key: 'javascript--nodejs', label: 'Node.js' },
      { key: 'python', label: 'python' },
    ]);
  });

  it('gives Slate defaults for absent keys and keeps unknown keys', () => {
    const { frontmatter } = parseFrontmatter('p.md', page('language_tabs:\nincludes:\nslug: x\nlogo:\n  link: /'));
    expect(frontmatter.title).toBe('API Documentation');
    expect(frontmatter.language_tabs).toEqual([]);
    expect(frontmatter.includes).toEqual([]);
    expect(frontmatter.headingLevel).toBe(2);
    expect(frontmatter.search).toBe(true);
    expect(frontmatter.slug).toBe('x');
  });

  it('reads search: false, headingLevel and meta', () => {
    const { frontmatter } = parseFrontmatter('p.md', page('search: false\nheadingLevel: 3\nmeta:\n  - name: description\n    content: Docs'));
    expect(frontmatter.search).toBe(false);
    expect(frontmatter.headingLevel).toBe(3);
    expect(frontmatter.meta).toEqual([{ name: 'description', content: 'Docs' }]);
  });

  it('maps body lines back to the file', () => {
    const text = page('title: A\nincludes:\n  - errors', 'first body line\n');
    const { body, bodyLineOffset } = parseFrontmatter('p.md', text);
    expect(text.split('\n')[bodyLineOffset]).toBe('first body line');
    expect(body.startsWith('first body line')).toBe(true);
  });

  it('names the file and line of a YAML syntax error', () => {
    const text = page('title: A\nlanguage_tabs:\n  - shell\n - ruby: [unclosed');
    const err = (() => { try { parseFrontmatter('docs/index.html.md', text); } catch (e) { return e; } })();
    expect(err).toBeInstanceOf(ShaleError);
    const e = err as ShaleError;
    expect(e.file).toBe('docs/index.html.md');
    expect(e.message).toMatch(/invalid YAML/);
    // The bad line is the file's 5th: `---`, title, language_tabs, `  - shell`, ` - ruby…`.
    expect(e.line).toBe(5);
  });

  it('refuses frontmatter in JavaScript without running it, and in languages it does not read', () => {
    for (const [first, language] of [['---js', 'javascript'], ['---toml', 'toml']]) {
      const text = `${first}\n{ title: (globalThis.shaleRan = "yes") }\n---\n# Body\n`;
      const e = (() => { try { parseFrontmatter('docs/index.html.md', text); } catch (x) { return x; } })() as ShaleError;
      expect(e).toBeInstanceOf(ShaleError);
      expect(e.message).toContain(`frontmatter in ${language} (\`${first}\`) is not read`);
      expect([e.file, e.line]).toEqual(['docs/index.html.md', 1]);
    }
    expect((globalThis as { shaleRan?: string }).shaleRan).toBeUndefined();
  });

  it('names the key, its line and a fix for a value of the wrong type', () => {
    const text = page('title: A\nlanguage_tabs: 3');
    try {
      parseFrontmatter('p.md', text);
      expect.unreachable();
    } catch (e) {
      const err = e as ShaleError;
      expect(err.message).toContain('language_tabs');
      expect(err.line).toBe(3);
      expect(err.hint).toMatch(/shell: cURL/);
    }
  });

  it('finds the line of the n-th list item, skipping blank items and comments', () => {
    const yaml = '\ntitle: A\nincludes:\n  # - old\n  - one\n\n  - two\nsearch: true';
    expect(listItemLine(yaml, 'includes', 0)).toBe(5);
    expect(listItemLine(yaml, 'includes', 1)).toBe(7);
  });
});

// gray-matter is given only the file's head: it must split every file as it does given all of it.
describe('the frontmatter read from the head of the file', () => {
  it.each([
    ['no frontmatter', '# Title\n\nText.\n'],
    ['a plain page', '---\ntitle: A\n---\n# Title\n\n---\n\nA rule above.\n'],
    ['CRLF line ends', '---\r\ntitle: A\r\n---\r\n# Title\r\n'],
    ['an empty frontmatter', '---\n---\nBody.\n'],
    ['a closing line with more on it', '---\ntitle: A\n---more\nBody.\n'],
    ['a closing line at the end of the file', '---\ntitle: A\n---'],
    ['a closing line and one character', '---\ntitle: A\n---x'],
    ['four dashes: no frontmatter', '----\ntitle: A\n---\nBody.\n'],
    ['a language after the dashes', '---yaml\ntitle: A\n---\nBody.\n'],
    ['no closing line', '---\ntitle: A\n'],
    ['an empty file', ''],
  ])('%s', (_, text) => {
    const whole = matter(text, matterOptions());
    expect(readMatter(text)).toEqual({ data: whole.data, content: whole.content, matter: whole.matter });
  });
});
