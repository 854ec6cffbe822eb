// Includes told unchanged by their stat (src/cache/source-stats.ts) are not read: their digest is
// the last build's. The rules that say when a stat can be trusted, a load that leaves such a file
// unread, and builds after edits that stay what a build without any cache makes.
import { cpSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { RACY_MS, openSourceStats } from '../../src/cache/source-stats.js';
import { markdownDigest } from '../../src/cache/markdown-digest.js';
import { sizeOf } from '../../src/load/read.js';
import { loadSource } from '../../src/load/source.js';
import type { Logger } from '../../src/log.js';
import { tempProject } from '../helpers.js';

const FILES = {
  'source/index.html.md': '---\ntitle: Stats\nincludes:\n  - orders\n  - refunds\n---\n# Intro\n\nHello.\n',
  'source/includes/_orders.md': '# Orders\n\nList orders.\n\n## Create\n\nMake one.\n',
  'source/includes/_refunds.md': '# Refunds\n\nGive money back.\n\n## Create\n\nMake a refund.\n',
};

/** The project's files (or those named) last modified a minute ago: older than the racy window. */
function settle(root: string, files = readdirSync(join(root, 'source'), { recursive: true, encoding: 'utf8' })): void {
  const past = new Date(Date.now() - 60_000);
  for (const f of files) utimesSync(join(root, 'source', f), past, past);
}

describe('source stats', () => {
  it('give the last digest for a file whose stat is unchanged and was settled when seen, and nothing otherwise', () => {
    const root = tempProject(FILES);
    settle(root);
    const dir = join(root, '.shale-cache');
    const config = { sourceDir: join(root, 'source') };
    const first = loadSource(join(root, 'source/index.html.md'), 'index.html', config);
    const digest = markdownDigest();
    openSourceStats(dir, config.sourceDir).save(first.parts, digest);
    const orders = join(root, 'source/includes/_orders.md');
    const stats = openSourceStats(dir, config.sourceDir);
    expect(stats.known(orders, statSync(orders))).toBe(digest(first.parts[1]));
    // The page file itself is read every time: it holds the frontmatter.
    expect(stats.known(join(root, 'source/index.html.md'), statSync(join(root, 'source/index.html.md')))).toBeUndefined();
    // Another size, or modification time, or another file at that path: read again.
    expect(stats.known(orders, { ...statSync(orders), size: 1 } as never)).toBeUndefined();
    expect(stats.known(orders, { ...statSync(orders), mtimeMs: statSync(orders).mtimeMs + 1 } as never)).toBeUndefined();
    expect(stats.known(orders, { ...statSync(orders), ino: statSync(orders).ino + 1 } as never)).toBeUndefined();
    // Another scope, or a torn file: nothing known.
    expect(openSourceStats(dir, '/elsewhere').known(orders, statSync(orders))).toBeUndefined();
    const [file] = readdirSync(dir).filter((f) => f.startsWith('sources-'));
    writeFileSync(join(dir, file), '{"format":1,"entries":[["x"');
    expect(openSourceStats(dir, config.sourceDir).known(orders, statSync(orders))).toBeUndefined();
  });

  it('do not trust a file modified within RACY_MS of the moment it was seen', () => {
    const root = tempProject(FILES);
    const config = { sourceDir: join(root, 'source') };
    const orders = join(root, 'source/includes/_orders.md');
    const recent = new Date(Date.now() - RACY_MS / 2);
    utimesSync(orders, recent, recent);
    const source = loadSource(join(root, 'source/index.html.md'), 'index.html', config);
    const dir = join(root, '.shale-cache');
    openSourceStats(dir, config.sourceDir).save(source.parts, markdownDigest());
    expect(openSourceStats(dir, config.sourceDir).known(orders, statSync(orders))).toBeUndefined();
  });

  it('leave a known include unread by the load: its digest and size without its text', () => {
    const root = tempProject(FILES);
    const config = { sourceDir: join(root, 'source') };
    const refunds = join(root, 'source/includes/_refunds.md');
    const size = statSync(refunds).size;
    const source = loadSource(join(root, 'source/index.html.md'), 'index.html', config, (file) => (file === refunds ? 'digest-of-refunds' : undefined));
    rmSync(refunds); // a read from now on would fail
    const part = source.parts[2];
    expect(part.file).toBe(refunds);
    expect(markdownDigest()(part)).toBe('digest-of-refunds');
    expect(sizeOf(part)).toBe(size);
    expect(() => part.markdown).toThrow(/ENOENT/);
  });

  it('make builds after edits what a build without any cache makes', async () => {
    const root = tempProject(FILES);
    settle(root);
    const log: Logger = { info: () => {}, warn: () => {} };
    const page = () => readFileSync(join(root, 'build/index.html'), 'utf8');
    const fresh = async () => {
      const other = tempProject({});
      cpSync(join(root, 'source'), join(other, 'source'), { recursive: true });
      await build({ root: other }, log, { cache: false });
      return readFileSync(join(other, 'build/index.html'), 'utf8');
    };
    await build({ root }, log);
    // Each edit settled at once (as a tool that keeps times would leave it): its stat differs, so
    // it is read; the other include is known by its stat, and not read.
    const edits = [['_orders.md', '_refunds.md', 'Make one.', 'Make one, now.'], ['_refunds.md', '_orders.md', 'Give money back.', 'Refund the money.']] as const;
    for (const [file, other, from, to] of edits) {
      const path = join(root, 'source/includes', file);
      writeFileSync(path, readFileSync(path, 'utf8').replace(from, to));
      settle(root, [`includes/${file}`]);
      const unchanged = join(root, 'source/includes', other);
      expect(openSourceStats(join(root, '.shale-cache'), join(root, 'source')).known(unchanged, statSync(unchanged))).toBeDefined();
      await build({ root }, log);
      expect(page()).toContain(to);
      expect(page()).toBe(await fresh());
    }
  });
});
