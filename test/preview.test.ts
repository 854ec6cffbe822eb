// shale preview: the built site under its base path, as a static host serves it.
import { describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { preview } from '../src/preview.js';
import { caught, tempProject } from './helpers.js';

const silent = { info: () => {}, warn: () => {} };

describe('shale preview', () => {
  it('serves build/ under the configured base, with 404s for what is not there', async () => {
    const root = tempProject({ 'source/index.html.md': '---\ntitle: P\n---\n# Previewed\n' });
    await build({ root, base: '/docs/', quiet: true }, silent);
    const server = await preview({ root, base: '/docs/', port: 0 }, silent);
    try {
      const url = new URL(server.url);
      expect(url.pathname).toBe('/docs/');
      const page = await fetch(url);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('<h1 id="previewed">Previewed</h1>');
      // Asset URLs are absolute under the base, and resolve.
      const script = /<script type="module" crossorigin src="([^"]+)"/.exec(html)![1];
      expect(script).toMatch(/^\/docs\/assets\//);
      expect((await fetch(new URL(script, url))).status).toBe(200);
      // No single-page fallback: a missing file is missing.
      expect((await fetch(new URL('/docs/missing.html', url))).status).toBe(404);
      // No dev server: no HMR client.
      expect(html).not.toContain('/@vite/client');
    } finally {
      await server.close();
    }
  });

  it('refuses when there is no build', async () => {
    const root = tempProject({ 'source/index.html.md': '# x\n' });
    expect((await caught(() => preview({ root, port: 0 }, silent))).message).toMatch(/nothing to preview/);
  });
});
