// The installed command runs one bundle of the CLI (scripts/bundle-cli.mjs), not the tsc output the
// other tests import, with V8's code cache (src/code-cache.ts). The bundle leaves esprima out
// (js-yaml's parser of `!!js/function`) and is CommonJS, so these tests build with a bundle made
// from the current sources, run by bin/shale.js, and compare it with the sources' build:
// front matter, tabs and highlighting the same, and YAML errors reported the same way; then again
// from the code cache the first runs wrote.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempProject } from '../helpers.js';
import { cli } from '../reliability/helpers.js';

const repo = join(import.meta.dirname, '..', '..');
const pkg = mkdtempSync(join(tmpdir(), 'shale-bundled-'));
const dist = join(pkg, 'dist');
const cache = join(dist, 'bundle', 'code-cache');

/** `shale …args` run by the package's bin/shale.js in a child process: the bundle, as installed. */
function bundled(...args: string[]): { code: number | null; err: string } {
  return installed([], ...args);
}

/** The same with Node's `flags` (an older Node's behaviour, where a flag can ask for it). */
function installed(flags: string[], ...args: string[]): { code: number | null; err: string } {
  const r = spawnSync(process.execPath, [...flags, join(pkg, 'bin', 'shale.js'), ...args], { encoding: 'utf8' });
  return { code: r.status, err: r.stderr };
}

const page = (root: string, out: string) => readFileSync(join(root, out, 'index.html'), 'utf8');

beforeAll(() => {
  // A package as installed: its package.json is how the code finds themes/ (src/package-root.ts).
  symlinkSync(join(repo, 'package.json'), join(pkg, 'package.json'));
  symlinkSync(join(repo, 'themes'), join(pkg, 'themes'));
  symlinkSync(join(repo, 'node_modules'), join(pkg, 'node_modules'));
  // A copy: Node runs a linked main module from where the link points, which would be this repo's dist/.
  mkdirSync(join(pkg, 'bin'));
  copyFileSync(join(repo, 'bin', 'shale.js'), join(pkg, 'bin', 'shale.js'));
  execFileSync(process.execPath, [join(repo, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(repo, 'tsconfig.json'), '--outDir', dist, '--declaration', 'false'], { stdio: 'pipe' });
  execFileSync(process.execPath, [join(repo, 'scripts', 'bundle-cli.mjs'), dist], { stdio: 'pipe' });
  return () => rmSync(pkg, { recursive: true, force: true });
}, 180_000);

describe('the bundled command', () => {
  it('builds the same page as the sources: front matter, tabs and highlighted code', async () => {
    const root = tempProject({
      'source/index.html.md': [
        '---', 'title: Bundled API', 'language_tabs:', '  - shell: cURL', '  - ruby', 'toc_footers:', '  - <a href="#x">Sign up</a>',
        'released: 2024-05-01', 'includes:', '  - errors', '---', '# Kittens', '',
        '```shell', 'curl "https://example.com/kittens" -H "Authorization: meowmeowmeow"', '```', '',
        '```ruby', "api = Kittn::APIClient.authorize!('meowmeowmeow')", 'api.kittens.get # all of them', '```', '',
      ].join('\n'),
      'source/includes/_errors.md': '# Errors\n\n```ruby\nraise Kittn::Error, "no"\n```\n',
    });
    const fromBundle = bundled('build', '--root', root, '--out', 'by-bundle', '--quiet');
    expect(fromBundle.err).toBe('');
    expect(fromBundle.code).toBe(0);
    expect((await cli('build', '--root', root, '--out', 'by-sources', '--quiet')).code).toBe(0);

    const html = page(root, 'by-bundle');
    expect(html).toContain('<title>Bundled API</title>');
    expect(html).toMatch(/data-language-name="shell"[^>]*>cURL</);
    expect(html).toMatch(/<span class="t\w+">raise ?<\/span>/); // the include's Ruby is highlighted
    expect(html).toBe(page(root, 'by-sources'));
    expect(readdirSync(join(root, 'by-bundle', 'assets')).sort()).toEqual(readdirSync(join(root, 'by-sources', 'assets')).sort());
  });

  it('reports a YAML tag it does not read as the sources do: the file, the line, exit 1', async () => {
    const root = tempProject({ 'source/index.html.md': '---\ntitle: T\nhook: !!js/function "function () { return 1 }"\n---\n# A\n' });
    const fromBundle = bundled('build', '--root', root, '--quiet');
    const fromSources = await cli('build', '--root', root, '--quiet');
    expect(fromBundle.code).toBe(1);
    expect(fromSources.code).toBe(1);
    expect(fromBundle.err).toContain('index.html.md:3');
    expect(fromBundle.err.trim()).toBe(fromSources.err.trim());
  });

  it('runs again from the code cache it wrote: the same page, and a config file read through Vite', () => {
    const root = tempProject({
      'source/index.html.md': '---\ntitle: Cached\n---\n# Kittens\n\n```ruby\nputs 1\n```\n',
      'shale.config.mjs': "export default { out: 'from-config' };\n",
    });
    const first = bundled('build', '--root', root, '--quiet');
    expect(first.err).toBe('');
    const chunks = readdirSync(cache).map((f) => f.replace(/-[\w-]{8}\.cjs\..*$|\.cjs\..*$/, '')).sort();
    // The chunks a build with a config file loads (the config file's own chunk among them), each cached once.
    expect(chunks).toEqual(expect.arrayContaining(['build', 'cli', 'config-file']));
    expect(new Set(chunks).size).toBe(chunks.length);
    const html = page(root, 'from-config');
    rmSync(join(root, 'from-config'), { recursive: true });
    const second = bundled('build', '--root', root, '--quiet');
    expect(second.err).toBe('');
    expect(second.code).toBe(0);
    expect(page(root, 'from-config')).toBe(html);
    expect(html).toContain('<title>Cached</title>');
  });

  it('runs the compiled files on a Node that cannot require an ES module (before 20.19): the same page', async () => {
    const root = tempProject({ 'source/index.html.md': '---\ntitle: Older Node\n---\n# Kittens\n\n```ruby\nputs 1\n```\n' });
    // Run by the bundle, the build would fail there: its chunks require shiki's lists of languages (an ES module).
    const older = installed(['--no-experimental-require-module'], 'build', '--root', root, '--out', 'by-older', '--quiet');
    expect(older.err).toBe('');
    expect(older.code).toBe(0);
    expect((await cli('build', '--root', root, '--out', 'by-sources', '--quiet')).code).toBe(0);
    expect(page(root, 'by-older')).toBe(page(root, 'by-sources'));
    expect(page(root, 'by-older')).toContain('<title>Older Node</title>');
  });
});
