// shale deploy against a local bare repository: commits on top of the branch, leaves the
// project's working tree, index and current branch alone, never prints credentials.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { deploy, redact } from '../src/deploy.js';
import { caught, tempProject } from './helpers.js';

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
const silent = { info: () => {}, warn: () => {} };

describe('shale deploy', () => {
  let root: string;
  let bare: string;

  beforeAll(async () => {
    bare = mkdtempSync(join(tmpdir(), 'shale-remote-'));
    git(bare, 'init', '--bare', '--quiet');
    root = tempProject({ 'source/index.html.md': '---\ntitle: Deploy\n---\n# First\n', '.gitignore': 'build/\n' });
    git(root, 'init', '--quiet', '-b', 'main');
    git(root, 'config', 'user.email', 't@example.com');
    git(root, 'config', 'user.name', 'T');
    git(root, 'add', '.');
    git(root, 'commit', '--quiet', '-m', 'docs');
    git(root, 'remote', 'add', 'origin', bare);
    await build({ root, quiet: true }, silent);
  });

  it('publishes two deploys as two commits on gh-pages, leaving the project as it was', async () => {
    // Uncommitted work in the project must survive untouched.
    writeFileSync(join(root, 'source', 'index.html.md'), '---\ntitle: Deploy\n---\n# First\n\nunsaved edit\n');
    const status = git(root, 'status', '--porcelain');
    const head = git(root, 'rev-parse', 'HEAD');
    const lines: string[] = [];
    const log = { info: (l: string) => lines.push(l), warn: () => {} };

    const one = await deploy({ root, message: 'first deploy' }, log);
    expect(one.parent).toBeUndefined();
    await build({ root, quiet: true }, silent);
    const two = await deploy({ root, message: 'second deploy' }, log);
    expect(two.parent).toBe(one.commit);

    expect(git(bare, 'log', '--format=%s', 'gh-pages').split('\n')).toEqual(['second deploy', 'first deploy']);
    const files = git(bare, 'ls-tree', '-r', '--name-only', 'gh-pages').split('\n');
    expect(files).toContain('index.html');
    expect(files).toContain('.nojekyll');
    expect(files).not.toContain('.shale-build');
    expect(files.some((f) => /^assets\/.*\.js$/.test(f))).toBe(true);
    expect(git(bare, 'show', 'gh-pages:index.html')).toContain('<h1 id="first">First</h1>');

    expect(git(root, 'status', '--porcelain')).toBe(status);
    expect(git(root, 'rev-parse', 'HEAD')).toBe(head);
    expect(git(root, 'branch', '--show-current')).toBe('main');
    expect(git(root, 'branch', '--list')).not.toContain('gh-pages');
    expect(readFileSync(join(root, 'source', 'index.html.md'), 'utf8')).toContain('unsaved edit');
    expect(lines.join('\n')).toMatch(/deployed [0-9a-f]{7} to gh-pages on origin/);
  });

  it('takes the branch and remote from options', async () => {
    git(root, 'remote', 'add', 'mirror', bare);
    await deploy({ root, remote: 'mirror', branch: 'site', message: 'to site' }, silent);
    expect(git(bare, 'log', '--format=%s', 'site')).toBe('to site');
  });

  it('never prints credentials from the remote URL', async () => {
    expect(redact('pushing to https://user:s3cret@github.com/o/r.git failed')).toBe('pushing to https://***@github.com/o/r.git failed');
    git(root, 'remote', 'add', 'secret', 'http://user:s3cret-token@127.0.0.1:9/none.git');
    const err = await caught(() => deploy({ root, remote: 'secret' }, silent));
    expect(err.message).toMatch(/git [\w-]+ failed/);
    expect(err.message + String(err.hint)).not.toContain('s3cret');
  });

  it('refuses a folder that is not a shale build', async () => {
    const err = await caught(() => deploy({ root, out: 'nowhere' }, silent));
    expect(err.message).toMatch(/nothing to deploy/);
  });
});
