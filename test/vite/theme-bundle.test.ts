// The theme is bundled by Vite once and then reused: a second build with the theme unchanged does
// not run Vite, an edited theme file is bundled again and shows in the site, a damaged cache is
// bundled afresh, and pages in sub-folders reach the reused assets.
import * as cheerio from 'cheerio';
import { appendFileSync, cpSync, existsSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { DEFAULT_THEME_DIR } from '../../src/config.js';
import type { Logger } from '../../src/log.js';
import { tempProject } from '../helpers.js';

const page = (fm: string, body = '# Title\n\nText.\n') => `---\n${fm}\n---\n${body}`;

/** A project with its own copy of the default theme, marked so that no prebuilt bundle matches it. */
function project(): string {
  const root = tempProject({
    'source/index.html.md': page('title: Home'),
    'source/guide/v2/index.html.md': page('title: Deep', '# Deep\n\nDeep text.\n'),
    'source/plain/index.html.md': page('title: Plain\nsearch: false'),
  });
  cpSync(DEFAULT_THEME_DIR, join(root, 'theme'), { recursive: true });
  // The theme imports packages (the search stemmer), found as a user's project would find them.
  symlinkSync(join(import.meta.dirname, '..', '..', 'node_modules'), join(root, 'node_modules'));
  appendFileSync(join(root, 'theme/styles/base.css'), `\n/* ${root} */\n`);
  return root;
}

/** Builds and returns the bundle line of the log; without the old output, so the build never stops early as up to date. */
async function run(root: string, options: { inline?: boolean; base?: string } = {}) {
  rmSync(join(root, 'build'), { recursive: true, force: true });
  const lines: string[] = [];
  const log: Logger = { info: (l) => lines.push(l), warn: () => {} };
  await build({ root, theme: 'theme', ...options }, log);
  return lines.find((l) => l.trimStart().startsWith('bundle')) ?? '';
}

const html = (root: string, path: string) => cheerio.load(readFileSync(join(root, 'build', path), 'utf8'));
const css = (root: string) => readdirSync(join(root, 'build/assets')).filter((f) => f.endsWith('.css'))
  .map((f) => readFileSync(join(root, 'build/assets', f), 'utf8')).join('\n');

describe('the theme bundle between builds', () => {
  it('runs Vite on the first build only while the theme is unchanged', async () => {
    const root = project();
    expect(await run(root)).toMatch(/vite:/);
    const first = readFileSync(join(root, 'build/index.html'), 'utf8');
    expect(await run(root)).toMatch(/from \.shale-cache \(theme unchanged\)/);
    expect(readFileSync(join(root, 'build/index.html'), 'utf8')).toBe(first);
    // Every file the page links is there in the second build's output.
    const $ = html(root, 'index.html');
    for (const url of [$('script[type=module]').attr('src'), $('link[rel=stylesheet]').attr('href'), $('body').attr('data-search-index')]) {
      expect(existsSync(join(root, 'build', url!))).toBe(true);
    }
  });

  it('bundles again when a theme file changes, and the change is in the site', async () => {
    const root = project();
    await run(root);
    expect(css(root)).not.toContain('shale-edited-rule');
    appendFileSync(join(root, 'theme/styles/base.css'), '\n.shale-edited-rule { color: #123456 }\n');
    writeFileSync(join(root, 'theme/client/anchors.ts'), `${readFileSync(join(root, 'theme/client/anchors.ts'), 'utf8')}\nconsole.log('shale-edited-script');\n`);
    expect(await run(root)).toMatch(/vite:/);
    expect(css(root)).toContain('shale-edited-rule');
    const scripts = readdirSync(join(root, 'build/assets')).filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(join(root, 'build/assets', f), 'utf8')).join('\n');
    expect(scripts).toContain('shale-edited-script');
    // The page links the new files, not the old ones.
    expect(existsSync(join(root, 'build', html(root, 'index.html')('link[rel=stylesheet]').attr('href')!))).toBe(true);
  });

  it('bundles afresh over a damaged cache entry', async () => {
    const root = project();
    await run(root);
    const entry = readdirSync(join(root, '.shale-cache')).find((f) => f.startsWith('theme-'))!;
    writeFileSync(join(root, '.shale-cache', entry, 'manifest.json'), '{ not json');
    expect(await run(root)).toMatch(/vite:/);
    rmSync(join(root, '.shale-cache', entry, 'files', 'assets'), { recursive: true });
    expect(await run(root)).toMatch(/vite:/);
    expect(await run(root)).toMatch(/from \.shale-cache/);
    expect(css(root)).toContain('--');
  });

  it('gives pages in sub-folders URLs back to the site root, from the cache too', async () => {
    const root = project();
    for (const expected of [/vite:/, /from \.shale-cache/]) {
      expect(await run(root)).toMatch(expected);
      const $ = html(root, 'guide/v2/index.html');
      const script = $('script[type=module]').attr('src')!;
      expect(script).toMatch(/^\.\.\/\.\.\/assets\/[\w-]+\.js$/);
      expect(existsSync(join(root, 'build/guide/v2', script))).toBe(true);
      expect($('body').attr('data-search-index')).toMatch(/^\.\.\/\.\.\/assets\/search-index-[\w-]{8}\.json$/);
      expect(existsSync(join(root, 'build/guide/v2', $('body').attr('data-search-index')!))).toBe(true);
      expect(html(root, 'index.html')('script[type=module]').attr('src')).toMatch(/^\.\/assets\//);
      expect(html(root, 'plain/index.html')('body').attr('data-search-index')).toBeUndefined();
    }
  });

  it('keeps --base and --inline bundles apart from the default one', async () => {
    const root = project();
    await run(root);
    expect(await run(root, { base: '/docs' })).toMatch(/vite:/);
    expect(html(root, 'guide/v2/index.html')('script[type=module]').attr('src')).toMatch(/^\/docs\/assets\//);
    expect(await run(root, { inline: true })).toMatch(/vite:/);
    expect(await run(root, { inline: true })).toMatch(/from \.shale-cache/);
    const $ = html(root, 'guide/v2/index.html');
    expect($('script[src], link[rel=stylesheet]').length).toBe(0);
    expect($('script[type=module]').text().length).toBeGreaterThan(1000);
    expect($('body').attr('data-search-index')).toMatch(/^data:application\/json;base64,/);
    expect(existsSync(join(root, 'build/assets'))).toBe(false);
    expect(await run(root)).toMatch(/from \.shale-cache/);
  });

});
