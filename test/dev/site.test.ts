// The live site re-renders only what a change touches: a one-line edit in one include highlights
// no block again but the ones whose code changed, and a failed render keeps the last good page.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config.js';
import { createSite } from '../../src/dev/site.js';
import { tempProject } from '../helpers.js';

const fence = (lang: string, code: string) => '```' + lang + '\n' + code + '\n```\n';
const include = (n: number) => `# Part ${n}\n\n${fence('ruby', `puts ${n}`)}\n${fence('python', `print(${n})`)}\nProse ${n}.\n`;

function project() {
  const files: Record<string, string> = {
    'source/index.html.md': '---\ntitle: S\nincludes:\n  - a\n  - b\n  - c\n---\n# Page\n\n' + fence('shell', 'curl x'),
  };
  for (const [i, n] of ['a', 'b', 'c'].entries()) files[`source/includes/_${n}.md`] = include(i + 1);
  return tempProject(files);
}

describe('live site', () => {
  it('re-highlights only the changed block after a one-line edit in one include', async () => {
    const root = project();
    const site = createSite(resolveConfig({ root }));
    await site.renderAll();
    expect(site.stats.highlighted).toBe(7);
    const file = join(root, 'source', 'includes', '_b.md');

    writeFileSync(file, include(2).replace('Prose 2.', 'Prose two, edited.'));
    const [prose] = await site.fileChanged(file);
    expect(prose.kind).toBe('content');
    expect(prose.entry.page!.html).toContain('Prose two, edited.');
    expect(site.stats.highlighted).toBe(7);

    writeFileSync(file, include(2).replace('puts 2', 'puts 22'));
    await site.fileChanged(file);
    expect(site.stats.highlighted).toBe(8);
  });

  it('re-renders no page for a file no page depends on', async () => {
    const root = project();
    const site = createSite(resolveConfig({ root }));
    await site.renderAll();
    writeFileSync(join(root, 'source', 'notes.txt'), 'x');
    expect(await site.fileChanged(join(root, 'source', 'notes.txt'))).toEqual([]);
  });

  it('keeps the last good page when a render fails, and reports file:line', async () => {
    const root = project();
    const site = createSite(resolveConfig({ root }), { lint: true });
    await site.renderAll();
    const file = join(root, 'source', 'includes', '_c.md');
    writeFileSync(file, '# Part 3\n\ntext\n\n```ruby\nputs 3\n');
    const [u] = await site.fileChanged(file);
    expect(u.kind).toBe('error');
    expect(u.entry.error!.message).toMatch(/code fence is never closed/);
    expect(u.entry.error!.file).toBe(file);
    expect(u.entry.error!.line).toBe(5);
    expect(u.entry.page!.html).toContain('Prose 3.');
  });

  it('finds pages by URL path', async () => {
    const site = createSite(resolveConfig({ root: project() }));
    await site.renderAll();
    for (const p of ['', 'index.html', 'index']) expect(site.entryFor(p)?.outPath).toBe('index.html');
    expect(site.entryFor('nope.html')).toBeUndefined();
  });
});
