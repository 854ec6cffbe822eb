// shale as a plugin in a user's own Vite config: `vite build` writes the site, `vite` serves it.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build as viteBuild, createServer } from 'vite';
import { describe, expect, it } from 'vitest';
import { shale } from '../../src/vite/shale.js';
import { caught, tempProject } from '../helpers.js';

const PAGE = '---\ntitle: Plugin\nlanguage_tabs:\n  - shell\n  - ruby\nincludes:\n  - extra\n---\n# Plugin Page\n\n```ruby\nputs 1\n```\n';

function project() {
  return tempProject({ 'source/index.html.md': PAGE, 'source/includes/_extra.md': '# From The Include\n' });
}

describe('shale/vite', () => {
  it('builds the pages with `vite build` into the output folder, with the marker', async () => {
    const root = project();
    // VITEST is set in this process; the plugin reads it to stay out of vitest's own config.
    const saved = process.env.VITEST;
    delete process.env.VITEST;
    try {
      await viteBuild({ configFile: false, logLevel: 'silent', root, mode: 'production', plugins: [shale({ root, out: 'site' })] });
    } finally {
      process.env.VITEST = saved;
    }
    const html = readFileSync(join(root, 'site', 'index.html'), 'utf8');
    expect(html).toContain('<h1 id="plugin-page">Plugin Page</h1>');
    expect(html).toContain('<h1 id="from-the-include">From The Include</h1>');
    expect(html).toMatch(/<script type="module" crossorigin src="\.\/assets\/index-[\w-]+\.js">/);
    expect(existsSync(join(root, 'site', '.shale-build'))).toBe(true);
  });

  it('refuses to empty an output folder shale did not make', async () => {
    const root = project();
    mkdirSync(join(root, 'site'));
    writeFileSync(join(root, 'site', 'precious.txt'), 'keep');
    const saved = process.env.VITEST;
    delete process.env.VITEST;
    try {
      const err = await caught(() => viteBuild({ configFile: false, logLevel: 'silent', root, plugins: [shale({ root, out: 'site' })] }));
      expect(err.message).toMatch(/refusing to write into \S*site: it is not empty and shale did not make it/);
    } finally {
      process.env.VITEST = saved;
    }
    expect(readFileSync(join(root, 'site', 'precious.txt'), 'utf8')).toBe('keep');
  });

  it('serves the page with `vite` (dev)', async () => {
    const root = project();
    const saved = process.env.VITEST;
    delete process.env.VITEST;
    const server = await createServer({ configFile: false, logLevel: 'silent', root, server: { port: 0 }, plugins: [shale({ root })] });
    process.env.VITEST = saved;
    try {
      await server.listen();
      const res = await fetch(new URL('/', server.resolvedUrls!.local[0]));
      const html = await res.text();
      expect(html).toContain('<h1 id="from-the-include">From The Include</h1>');
      expect(html).toContain('/@vite/client');
      expect((await fetch(new URL('/@fs/etc/passwd', server.resolvedUrls!.local[0]))).status).toBe(403);
    } finally {
      await server.close();
    }
  });
});
