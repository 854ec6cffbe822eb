// The dev server over raw HTTP: it serves the pages and refuses every path outside the source,
// theme and build folders, however it is spelled; it takes the next port when one is busy.
import { createServer as createHttpServer } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createServer, type DevServer } from '../../src/dev/server.js';
import { SEARCH_INDEX_VERSION } from '../../src/search/index.js';
import { rawGet, tempProject } from '../helpers.js';

const silent = { info: () => {}, warn: () => {} };
let root: string;
let server: DevServer;
let port: number;

const get = (path: string) => rawGet(port, path);

beforeAll(async () => {
  root = tempProject({
    'source/index.html.md': '---\ntitle: Dev\nsearch: true\n---\n# Dev Page\n',
    'secret.txt': 'PROJECT-SECRET',
  });
  server = await createServer({ root, port: 0, quiet: true }, silent);
  port = Number(new URL(server.url).port);
});
afterAll(async () => { await server?.close(); });

describe('shale dev server', () => {
  it('listens on 127.0.0.1 and serves the page with the dev client', async () => {
    expect(new URL(server.url).hostname).toBe('127.0.0.1');
    const { status, body } = await get('/');
    expect(status).toBe(200);
    expect(body).toContain('<h1 id="dev-page">Dev Page</h1>');
    expect(body).toContain('/@shale-dev/client.ts');
    expect((await get('/@shale-theme/main.ts')).status).toBe(200);
    const index = await get('/@shale-search/index.html.json');
    expect(JSON.parse(index.body).version).toBe(SEARCH_INDEX_VERSION);
    expect(index.body).toContain('Dev Page');
  });

  it.each([
    '/@fs/etc/passwd',
    '/@fs/../../etc/passwd',
    '/../../../../etc/passwd',
    '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
    '/%252e%252e/%252e%252e/etc/passwd',
    '/..%2f..%2f..%2fetc/passwd',
    '/@fs/etc/passwd?raw',
    '/@fs/etc/passwd?import&raw',
  ])('refuses %s', async (path) => {
    const { status, body } = await get(path);
    expect(status).toBe(403);
    expect(body).not.toContain('root:');
  });

  it('refuses a file of the project outside the source, theme and build folders', async () => {
    const res = await get(`/@fs${join(root, 'secret.txt')}`);
    expect(res.status).toBe(403);
    expect(res.body).not.toContain('PROJECT-SECRET');
    expect((await get('/../secret.txt')).body).not.toContain('PROJECT-SECRET');
  });

  it('takes the next free port when the one asked for is busy', async () => {
    const busy = createHttpServer();
    await new Promise<void>((r) => busy.listen(0, '127.0.0.1', r));
    const taken = (busy.address() as { port: number }).port;
    const other = await createServer({ root, port: taken, quiet: true }, silent);
    try {
      expect(Number(new URL(other.url).port)).toBeGreaterThan(taken);
    } finally {
      await other.close();
      busy.close();
    }
  });

  it('serves a page that never built as its error, for the overlay to show', async () => {
    const broken = tempProject({ 'source/index.html.md': '---\ntitle: [oops\n---\n# Never\n' });
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const other = await createServer({ root: broken, port: 0, quiet: true }, silent);
    try {
      const html = await (await fetch(other.url)).text();
      expect(html).toContain('This page could not be built');
      // The terminal shows it too.
      expect(errors.mock.calls.flat().join('\n')).toMatch(/index\.html\.md:\d+:\d+: error: invalid YAML/);
      const pending = /<script type="application\/json" id="shale-dev-error">(.*?)<\/script>/.exec(html);
      expect(JSON.parse(pending![1]).message).toMatch(/^source\/index\.html\.md:\d+: invalid YAML/);
    } finally {
      errors.mockRestore();
      await other.close();
    }
  });
});
