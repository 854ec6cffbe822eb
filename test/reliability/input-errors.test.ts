// Issue 8 §1 and §3 (failed builds): every input error the user can make is one message,
// `file:line[:col]: error: what` and a hint on the next line, exit code 1, no stack trace
// unless --debug, and the previous build/ is left exactly as it was.
import { cpSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_THEME_DIR } from '../../src/config.js';
import { tempProject } from '../helpers.js';
import { cli, STACK_LINE, treeHashes } from './helpers.js';

let root: string;
let before: Record<string, string>;
const outside = join(tmpdir(), `shale-outside-${process.pid}.md`);
let n = 0;

/** Writes a source folder of its own for one case; returns its --source name. */
function source(files: Record<string, string | Buffer>): string {
  const name = `case-${++n}`;
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, name, path, '..'), { recursive: true });
    writeFileSync(join(root, name, path), text);
  }
  return name;
}

beforeAll(async () => {
  writeFileSync(outside, '# Outside\n');
  root = tempProject({ 'source/index.html.md': '---\ntitle: Good\n---\n# Good Site\n\nText.\n' });
  const good = await cli('build', '--root', root, '--quiet');
  expect(good.code).toBe(0);
  before = treeHashes(join(root, 'build'));
  expect(Object.keys(before)).toContain('index.html');
});

const FM = '---\ntitle: T\n';
const cases: Array<[name: string, files: () => Record<string, string | Buffer>, where: RegExp, message: RegExp, hint: RegExp]> = [
  ['a YAML syntax error', () => ({ 'index.html.md': `${FM}tags: [unclosed\nother: 1\n---\n# A\n` }),
    /index\.html\.md:\d+:\d+/, /invalid YAML in frontmatter/, /Fix the YAML/],
  ['frontmatter of the wrong type (language_tabs: 3)', () => ({ 'index.html.md': `${FM}language_tabs: 3\n---\n# A\n` }),
    /index\.html\.md:3/, /frontmatter key "language_tabs": has the wrong type|frontmatter key "language_tabs"/, /Write a list/],
  ['a missing include', () => ({ 'index.html.md': `${FM}includes:\n  - nope\n---\n# A\n` }),
    /index\.html\.md:4/, /include "nope" not found/, /Looked for:[\s\S]*_nope\.md/],
  ['an include outside the source folder via ../', () => ({ 'index.html.md': `${FM}includes:\n  - ../../etc/passwd\n---\n# A\n` }),
    /index\.html\.md:4/, /include "\.\.\/\.\.\/etc\/passwd" points outside the source folder/, /move the file there/],
  ['an include outside the source folder via an absolute path', () => ({ 'index.html.md': `${FM}includes:\n  - ${outside}\n---\n# A\n` }),
    /index\.html\.md:4/, /points outside the source folder/, /relative to/],
  ['an include that is a symlink out of the source folder', () => {
    const name = source({ 'index.html.md': `${FM}includes:\n  - evil\n---\n# A\n` });
    mkdirSync(join(root, name, 'includes'));
    symlinkSync(outside, join(root, name, 'includes', '_evil.md'));
    n--; // reuse this folder for the case
    return {};
  }, /index\.html\.md:4/, /include "evil" is a link to a file outside the source folder/, /Copy the file/],
  ['an include cycle through partial', () => ({
    'index.html.md': `${FM}includes:\n  - a\n---\n# A\n`,
    'includes/_a.md.erb': '## A\n\n<%= partial "includes/b" %>\n',
    'includes/_b.md.erb': '## B\n\n\n<%= partial "includes/a" %>\n',
  }), /_b\.md\.erb:4/, /partial "includes\/a" includes itself: includes\/_a\.md\.erb → includes\/_b\.md\.erb → includes\/_a\.md\.erb/, /Remove the partial call/],
  ['a page that is not UTF-8', () => ({ 'index.html.md': Buffer.concat([Buffer.from(`${FM}---\n# A\n\nCaf`), Buffer.from([0xe9]), Buffer.from(' au lait\n')]) }),
    /index\.html\.md:6/, /the file is not valid UTF-8/, /Save the file as UTF-8/],
  ['a binary file where a page is expected', () => ({ 'index.html.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]) }),
    /index\.html\.md:3/, /this is a binary file, not Markdown/, /must be UTF-8 text/],
  ['a binary include', () => ({ 'index.html.md': `${FM}includes:\n  - logo\n---\n# A\n`, 'includes/_logo.md': Buffer.from([1, 2, 0, 3]) }),
    /_logo\.md:1/, /this is a binary file/, /must be UTF-8 text/],
  ['an empty page', () => ({ 'index.html.md': '' }), /index\.html\.md:1/, /the page is empty/, /Write the page/],
  ['a page of whitespace only', () => ({ 'index.html.md': '\n  \n\t\n' }), /index\.html\.md:1/, /the page is empty/, /Write the page/],
  ['a page of frontmatter only', () => ({ 'index.html.md': `${FM}---\n` }), /index\.html\.md:1/, /the page has frontmatter but no content/, /after the closing `---`/],
  ['frontmatter whose includes are all empty', () => ({ 'index.html.md': `${FM}includes:\n  - a\n---\n`, 'includes/_a.md': '' }),
    /index\.html\.md:1/, /frontmatter but no content/, /includes/],
  ['an unclosed partial tag in a missing partial', () => ({ 'index.html.md': `${FM}includes:\n  - a\n---\n# A\n`, 'includes/_a.md.erb': '# A\n<%= partial "nowhere" %>\n' }),
    /_a\.md\.erb:2/, /partial "nowhere" not found/, /Looked for/],
];

describe('input errors: one message with file:line, a hint, exit 1, old build kept', () => {
  it.each(cases)('%s', async (_name, files, where, message, hint) => {
    const name = source(files());
    const run = await cli('build', '--root', root, '--source', name);
    expect(run.code).toBe(1);
    const lines = run.err.split('\n');
    const first = lines.find((l) => l.includes('error:'))!;
    expect(first).toMatch(new RegExp(`^\\S*${where.source}: error: `));
    expect(first).toMatch(message);
    expect(run.err).toMatch(new RegExp(`\\n  .*${hint.source}`));
    expect(run.err.match(/error:/g)).toHaveLength(1);
    expect(run.err).not.toMatch(STACK_LINE);
    expect(run.err).not.toMatch(/internal error/);
    expect(run.err).toContain('build failed: the previous output, if any, is unchanged.');
    expect(treeHashes(join(root, 'build'))).toEqual(before);
  });

  it('prints the stack only with --debug', async () => {
    const name = source({ 'index.html.md': `${FM}language_tabs: 3\n---\n# A\n` });
    const run = await cli('build', '--root', root, '--source', name, '--debug');
    expect(run.code).toBe(1);
    expect(run.err).toMatch(STACK_LINE);
  });

  it('refuses an output folder that shale did not make, and leaves it alone', async () => {
    const mine = tempProject({ 'source/index.html.md': '# A\n', 'build/notes.txt': 'my notes' });
    const kept = treeHashes(join(mine, 'build'));
    const run = await cli('build', '--root', mine);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/^\S*build: error: refusing to write into \S*build: it is not empty and shale did not make it/m);
    expect(run.err).toMatch(/\n  shale only replaces folders it built/);
    expect(run.err).not.toMatch(STACK_LINE);
    expect(treeHashes(join(mine, 'build'))).toEqual(kept);
  });

  it('refuses an output path that is a file, and a missing source folder', async () => {
    const mine = tempProject({ 'source/index.html.md': '# A\n', 'site': 'a file' });
    const file = await cli('build', '--root', mine, '--out', 'site');
    expect(file.code).toBe(1);
    expect(file.err).toMatch(/error: the output path \S*site is a file, not a folder/);
    const none = await cli('build', '--root', mine, '--source', 'nowhere');
    expect(none.code).toBe(1);
    expect(none.err).toMatch(/error: source folder \S*nowhere not found\n  Run shale in a folder/);
  });

  it('a build that fails late (Vite, on a broken theme) leaves the previous build and no staging folder', async () => {
    cpSync(DEFAULT_THEME_DIR, join(root, 'broken-theme'), { recursive: true });
    writeFileSync(join(root, 'broken-theme', 'main.ts'), 'import { nothing } from "./no-such-module.js";\nnothing(;\n');
    const run = await cli('build', '--root', root, '--theme', 'broken-theme');
    expect(run.code).toBe(1);
    expect(run.err).toContain('build failed: the previous output, if any, is unchanged.');
    expect(treeHashes(join(root, 'build'))).toEqual(before);
    // No staging folder left (the cache of what was rendered before the failure may stay).
    expect(readdirSync(root).filter((f) => f.includes('.shale-') && f !== '.shale-cache')).toEqual([]);
  });

  it('refuses a theme folder without index.html (before touching the output)', async () => {
    const run = await cli('build', '--root', root, '--theme', 'no-such-theme');
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/^error: option "theme": \S*no-such-theme is not a theme folder \(it has no index\.html\)\n  /m);
    expect(run.err).not.toMatch(/internal error/);
    expect(run.err).not.toMatch(STACK_LINE);
    expect(treeHashes(join(root, 'build'))).toEqual(before);
  });
});
