// A build with nothing changed writes nothing: same inputs, untouched output. Any change to a
// source file, an option or the output folder itself means a real build again.
import { readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { tempProject } from '../helpers.js';

function logger() {
  const lines: string[] = [];
  return { lines, log: { info: (m: string) => lines.push(m), warn: (d: unknown) => lines.push(`warn ${JSON.stringify(d)}`) } };
}

async function buildOnce(root: string, options: Record<string, unknown> = {}) {
  const { lines, log } = logger();
  const result = await build({ root, ...options }, log);
  return { result, last: lines.at(-1) ?? '' };
}

describe('a build with nothing changed', () => {
  const files = {
    'source/index.html.md': '---\ntitle: T\n---\n\n# One\n\nSee [nowhere](#nowhere).\n',
    'source/images/a.png': 'png',
  };

  it('leaves the output folder as it is, and still reports the warnings and the pages', async () => {
    const root = tempProject(files);
    expect((await buildOnce(root)).last).toMatch(/^built 1 page/);
    const index = join(root, 'build', 'index.html');
    const before = statSync(index).mtimeMs;
    const { result, last } = await buildOnce(root);
    expect(last).toMatch(/build is up to date: nothing changed since its build in .*, 1 warning$/);
    expect(statSync(index).mtimeMs).toBe(before);
    expect(result.warnings.map((w) => w.message)).toEqual([expect.stringContaining('#nowhere')]);
    expect(result.pages[0].html).toContain('<h1 id="one">One</h1>');
    // Read from the page cache when asked for (the build itself needs neither).
    expect(result.pages[0].sections.map((s) => [s.id, s.text.trim()])).toEqual([['one', 'See nowhere.']]);
  });

  it('builds again after a change to a source file, an option, or the output itself', async () => {
    const root = tempProject(files);
    await buildOnce(root);
    const page = join(root, 'source', 'index.html.md');
    writeFileSync(page, readFileSync(page, 'utf8') + '\nMore.\n');
    expect((await buildOnce(root)).last).toMatch(/^built/);
    // A static file with a new time (same size), then an option that shapes the output.
    utimesSync(join(root, 'source', 'images', 'a.png'), new Date(), new Date(Date.now() + 5000));
    expect((await buildOnce(root)).last).toMatch(/^built/);
    expect((await buildOnce(root, { base: '/docs/' })).last).toMatch(/^built/);
    expect((await buildOnce(root, { base: '/docs/' })).last).toMatch(/build is up to date/);
    // Someone edited the built page by hand: the build puts it right.
    writeFileSync(join(root, 'build', 'index.html'), 'edited');
    expect((await buildOnce(root, { base: '/docs/' })).last).toMatch(/^built/);
    expect(readFileSync(join(root, 'build', 'index.html'), 'utf8')).toContain('<h1 id="one">');
  });

  it('always builds without the cache', async () => {
    const root = tempProject(files);
    const { log } = logger();
    await build({ root }, log, { cache: false });
    const { lines, log: log2 } = logger();
    await build({ root }, log2, { cache: false });
    expect(lines.at(-1)).toMatch(/^built/);
  });
});
