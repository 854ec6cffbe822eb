import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandErb } from '../../src/load/erb.js';
import { loadSource } from '../../src/load/source.js';
import { caught, tempProject } from '../helpers.js';

const part = (file: string, markdown: string, lineOffset = 0) => ({ file, markdown, lineOffset });

describe('ERB partials', () => {
  it('puts a partial\'s file in place as a part of its own, with line numbers kept', () => {
    const root = tempProject({ 'source/includes/shared/_cors.md': '## CORS\nallowed\n' });
    const src = join(root, 'source');
    const r = expandErb(part(join(src, 'includes/_api.md.erb'), '# API\ntext\n<%= partial "includes/shared/cors" %>\n## After\n', 4), src);
    expect(r.parts.map((p) => p.markdown)).toEqual(['# API\ntext\n', '## CORS\nallowed\n', '\n## After\n']);
    expect(r.parts.map((p) => p.lineOffset)).toEqual([4, 0, 6]);
    expect(r.parts[1].file).toBe(join(src, 'includes/shared/_cors.md'));
    expect(r.warnings).toEqual([]);
  });

  it('reports any other ERB tag with file:line and leaves it in the text', () => {
    const src = tempProject({});
    const text = '# X\n\nSince <%= available_since("1.0") %>.\n<% if x %>\n';
    const r = expandErb(part('a.md.erb', text, 10), src);
    expect(r.parts).toEqual([part('a.md.erb', text, 10)]);
    expect(r.warnings.map((w) => [w.line, w.message])).toEqual([
      [13, 'ERB tag <%= available_since("1.0") %> is not supported: shown as text'],
      [14, 'ERB tag <% if x %> is not supported: shown as text'],
    ]);
  });

  it('leaves files that are not .erb alone', () => {
    const r = expandErb(part('a.md', '<%= partial "x" %>'), tempProject({}));
    expect(r.parts).toHaveLength(1);
    expect(r.warnings).toEqual([]);
  });

  it('refuses a partial that includes itself, naming the chain', async () => {
    const root = tempProject({
      'source/_a.md.erb': 'a\n<%= partial "b" %>\n',
      'source/_b.md.erb': 'b\n<%= partial "a" %>\n',
    });
    const src = join(root, 'source');
    const err = await caught(() => expandErb(part(join(src, '_a.md.erb'), 'a\n<%= partial "b" %>\n'), src));
    expect(err.message).toBe('partial "a" includes itself: _a.md.erb → _b.md.erb → _a.md.erb');
    expect(err.line).toBe(2);
  });

  it('reports a missing partial with the paths tried', async () => {
    const src = tempProject({});
    const err = await caught(() => expandErb(part(join(src, 'x.md.erb'), '\n\n<%= partial "includes/nope" %>'), src));
    expect(err.message).toBe('partial "includes/nope" not found');
    expect(err.line).toBe(3);
    expect(String(err.hint)).toContain(join('includes', '_nope.md'));
  });

  it('expands partials in .erb includes listed in the frontmatter', () => {
    const root = tempProject({
      'source/index.html.md': '---\nincludes:\n  - users\n---\n# Top\n',
      'source/includes/_users.md.erb': '# Users\n<%= partial "includes/shared/paging" %>\n',
      'source/includes/shared/_paging.md': '## Paging\n',
    });
    const s = loadSource(join(root, 'source/index.html.md'), 'index.html', { sourceDir: join(root, 'source') });
    expect(s.parts.map((p) => p.markdown.trim())).toEqual(['# Top', '# Users', '## Paging']);
    expect(s.files).toContain(join(root, 'source/includes/shared/_paging.md'));
  });
});
