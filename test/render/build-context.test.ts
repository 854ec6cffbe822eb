// Worker threads in a build: a page highlighted in a worker (src/render/build-context.ts), its
// search index made in another (src/search/beside.ts), is byte for byte the page made on the main
// thread — fences the forecast sees, fences inside a list and a quote that it misses, repeated
// blocks — and the cache in front sends the worker only the blocks it does not hold. Needs the
// compiled workers (`npm run compile`).
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import type { Logger } from '../../src/log.js';
import { packagePath } from '../../src/package-root.js';
import { tempProject } from '../helpers.js';

const PAGE = [
  '---\ntitle: Worker\nlanguage_tabs:\n  - shell\n  - ruby\n  - javascript\n---\n# Orders\n',
  '```shell\ncurl https://api.example.com/orders\n```\n',
  '```ruby\nsql = <<~SQL\n  SELECT 1\nSQL\n```\n',
  '```javascript\nconst orders = await api.list({ limit: 10 });\n```\n',
  '```json\n{\n  "id": 1,\n  "status": "open"\n}\n```\n',
  '- In a list:\n\n    ```ruby\n    Order.find(1)\n    ```\n',
  '> In a quote:\n>\n> ```javascript\n> quoted(1);\n> ```\n',
  '## Refunds\n\n```shell\ncurl https://api.example.com/orders\n```\n\n```cobol\nDISPLAY "HI".\n```\n',
].join('\n');

async function run(root: string, extras: { cache?: false; workers: boolean }) {
  rmSync(join(root, 'build'), { recursive: true, force: true });
  const lines: string[] = [];
  const log: Logger = { info: (l) => lines.push(l), warn: () => {} };
  await build({ root }, log, extras);
  const line = (name: string) => lines.find((l) => l.trimStart().startsWith(name)) ?? '';
  return { render: line('render'), search: line('search'), html: readFileSync(join(root, 'build/index.html'), 'utf8') };
}

describe.skipIf(!existsSync(packagePath('dist', 'markdown', 'highlight-worker.js')))('highlighting in a worker thread', () => {
  it('makes the page the main thread makes, blocks the forecast missed included', async () => {
    const root = tempProject({ 'source/index.html.md': PAGE });
    const main = await run(root, { cache: false, workers: false });
    const worker = await run(root, { cache: false, workers: true });
    expect(main.render).not.toMatch(/worker/);
    // Eight fences (one shell block twice, one language shiki lacks): every one answered by the worker.
    expect(worker.render).toMatch(/, 8 in a worker thread/);
    // The search index too is made in a worker (src/search/beside.ts): the page names the same index file.
    expect(worker.search).toMatch(/in a worker thread/);
    expect(main.search).not.toMatch(/worker/);
    expect(worker.html).toBe(main.html);
    expect(main.html).toContain('<span class="'); // highlighted, not plain
  });

  it('sends the worker only what the highlight cache does not hold', async () => {
    const root = tempProject({ 'source/index.html.md': PAGE });
    await run(root, { workers: true });
    writeFileSync(join(root, 'source/index.html.md'), PAGE.replace('limit: 10', 'limit: 20'));
    const edited = await run(root, { workers: true });
    expect(edited.render).toMatch(/1 block highlighted, \d+ from cache, 1 in a worker thread/);
    expect(edited.html).toContain('20');
    expect(edited.html).toBe((await run(tempProject({ 'source/index.html.md': PAGE.replace('limit: 10', 'limit: 20') }), { cache: false, workers: false })).html);
  });
});
