// Issue 8 §3 and §5 on the dev server: 200 concurrent requests, a burst of 50 saves in 5 s
// (bad ones among them) after which it serves the last save, more spellings of paths outside
// the project refused, loopback by default, and no source file written by a session.
// test/dev/server.test.ts covers the other refused paths and the port; test/e2e/dev.test.ts the
// overlay in a browser.
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type DevServer } from '../../src/dev/server.js';
import { rawGet, tempProject } from '../helpers.js';
import { treeHashes } from './helpers.js';

const silent = { info: () => {}, warn: () => {} };
let root: string;
let server: DevServer;
let port: number;

const get = (path: string) => rawGet(port, path);

const page = (n: number) => `---\ntitle: Dev\nincludes:\n  - part\n---\n# Version ${n}\n\nSAVE-${n}-END\n`;
const pageFile = () => join(root, 'source', 'index.html.md');

beforeAll(async () => {
  root = tempProject({
    'source/index.html.md': page(0),
    'source/includes/_part.md': '## Part\n\nIncluded.\n',
    'secret.txt': 'PROJECT-SECRET',
  });
  server = await createServer({ root, port: 0, quiet: true }, silent);
  server.vite.config.logger.error = () => {};
  port = Number(new URL(server.url).port);
});
afterAll(async () => { await server?.close(); });

describe('the dev server under load and abuse', () => {
  it('listens on loopback only by default', () => {
    const address = server.vite.httpServer!.address() as { address: string };
    expect(address.address).toBe('127.0.0.1');
  });

  it('answers 200 concurrent requests, and a session writes no source file', async () => {
    const before = treeHashes(join(root, 'source'));
    const paths = ['/', '/index.html', '/@shale-search/index.html.json', '/@shale-theme/main.ts'];
    const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => get(paths[i % paths.length])));
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    for (const [i, a] of answers.entries()) if (i % 4 < 2) expect(a.body).toContain('SAVE-0-END');
    expect(treeHashes(join(root, 'source'))).toEqual(before);
  }, 60_000);

  it.each([
    '//etc/passwd',
    '/@fs//etc/passwd',
    '/@fs/%2Fetc/passwd',
    '/@fs/tmp/../etc/passwd',
    '/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc/passwd',
    '/%2E%2E/secret.txt',
    '/..\\..\\secret.txt',
    '/@id/../../secret.txt',
    '/@fs/etc/passwd%00.md',
  ])('refuses %s', async (path) => {
    const res = await get(path);
    expect(res.body).not.toContain('root:');
    expect(res.body).not.toContain('PROJECT-SECRET');
    expect([403, 404]).toContain(res.status);
  });

  it('refuses the project\'s own files by absolute path', async () => {
    const res = await get(`/@fs${join(root, 'secret.txt')}`);
    expect(res.status).toBe(403);
    expect((await get(join(root, 'secret.txt'))).body).not.toContain('PROJECT-SECRET');
  });

  it('survives 50 saves in 5 s, bad ones among them, and serves the last one', async () => {
    const bad: Array<string | Buffer> = [
      '---\ntitle: [unclosed\n---\n# Broken\n',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]),
      '---\nincludes:\n  - missing\n---\n# Missing\n',
      '',
      '---\nlanguage_tabs: 3\n---\n# Wrong type\n',
      Buffer.from('# caf\xe9\n', 'latin1'),
    ];
    for (let i = 1; i <= 50; i++) {
      writeFileSync(pageFile(), i % 3 === 0 ? bad[(i / 3) % bad.length] : page(i));
      if (i % 7 === 0) writeFileSync(join(root, 'source', 'includes', '_part.md'), `## Part\n\nIncluded ${i}.\n`);
      await new Promise((r) => setTimeout(r, 100));
    }
    // The last save (50) is good: the server catches up with it and keeps serving.
    const until = Date.now() + 15_000;
    let body = '';
    while (Date.now() < until) {
      body = (await get('/')).body;
      if (body.includes('SAVE-50-END')) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(body).toContain('SAVE-50-END');
    expect(body).toContain('Included 49.');
    expect(body).not.toContain('This page could not be built');
    const index = await get('/@shale-search/index.html.json');
    expect(index.status).toBe(200);
    expect(index.body).toContain('Version 50');
  }, 60_000);
});
