import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { ShaleError } from '../../src/errors.js';
import { findInclude } from '../../src/load/includes.js';
import { loadSource } from '../../src/load/source.js';
import { caught, tempProject } from '../helpers.js';

const where = { file: 'index.html.md', line: 7 };

describe('includes', () => {
  it('resolves names the way Slate does, preferring includes/_name.md', () => {
    const root = tempProject({
      'source/includes/_errors.md': 'a',
      'source/includes/errors.md': 'b',
      'source/includes/v2/_users.html.md': 'c',
      'source/includes/plain.md': 'd',
      'source/includes/_listed.md': 'e',
    });
    const src = join(root, 'source');
    expect(findInclude(src, 'errors', where).file).toBe(join(src, 'includes/_errors.md'));
    expect(findInclude(src, 'v2/users', where).file).toBe(join(src, 'includes/v2/_users.html.md'));
    expect(findInclude(src, 'plain', where).file).toBe(join(src, 'includes/plain.md'));
    expect(findInclude(src, 'listed.md', where).file).toBe(join(src, 'includes/_listed.md'));
  });

  it('reports every path it tried when nothing exists', () => {
    const root = tempProject({ 'source/index.html.md': '---\ntitle: x\nincludes:\n  - errors\n  - nothere\n---\n# A\n', 'source/includes/_errors.md': '# E\n' });
    const err = caught(() => loadSource(join(root, 'source/index.html.md'), 'index.html', { sourceDir: join(root, 'source') }));
    return err.then((e) => {
      expect(e).toBeInstanceOf(ShaleError);
      expect(e.message).toBe('include "nothere" not found');
      expect(e.line).toBe(5);
      expect(e.file).toBe(join(root, 'source/index.html.md'));
      expect(e.hint).toContain(join('includes', '_nothere.md'));
      expect(e.hint).toContain(join('includes', 'nothere.md'));
    });
  });

  it('refuses names that leave the source folder', () => {
    const root = tempProject({ 'source/includes/_a.md': 'x', 'secret.md': 'no' });
    const src = join(root, 'source');
    for (const name of ['../../secret', '/etc/passwd', 'a/../../x']) {
      expect(() => findInclude(src, name, where)).toThrow(/outside the source folder/);
    }
  });

  it('refuses an include that is a link to a file outside the source folder', () => {
    const root = tempProject({ 'source/includes/.keep': '' });
    const outside = join(tmpdir(), `shale-outside-${process.pid}.md`);
    writeFileSync(outside, 'secret');
    symlinkSync(outside, join(root, 'source/includes/_evil.md'));
    expect(() => findInclude(join(root, 'source'), 'evil', where)).toThrow(/link to a file outside/);
  });

  it('loads each include as its own part with its own line numbers, dropping its frontmatter', () => {
    const root = tempProject({
      'source/index.html.md': '---\ntitle: x\nincludes:\n  - one\n---\n# Page\n',
      'source/includes/_one.md': '---\ntitle: ignored\n---\n# One\n',
    });
    const s = loadSource(join(root, 'source/index.html.md'), 'index.html', { sourceDir: join(root, 'source') });
    expect(s.parts.map((p) => p.markdown)).toEqual(['# Page\n', '# One\n']);
    expect(s.parts[0].lineOffset).toBe(5);
    expect(s.parts[1].lineOffset).toBe(3);
    // The watcher needs the files that were looked for too.
    expect(s.files).toContain(join(root, 'source/includes/_one.md'));
  });

  it('never runs `---js` frontmatter in an include: its text is kept as Markdown', () => {
    const root = tempProject({
      'source/index.html.md': '---\ntitle: x\nincludes:\n  - one\n---\n# Page\n',
      'source/includes/_one.md': '---js\n{ title: (globalThis.shaleRan = "yes") }\n---\n# One\n',
    });
    const s = loadSource(join(root, 'source/index.html.md'), 'index.html', { sourceDir: join(root, 'source') });
    expect((globalThis as { shaleRan?: string }).shaleRan).toBeUndefined();
    expect(s.parts[1].markdown).toMatch(/^---js\n[^]*# One\n$/);
  });
});
