// `shale deploy`: publishes the output folder as a new commit on a branch of a git remote
// (gh-pages of origin by default), on top of the branch's current tip or as its first commit.
// Only git plumbing is used, with a temporary index: the user's working tree, index, HEAD and
// current branch are never touched. Remote URLs are shown with any credentials removed.

import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { resolveConfig, type ShaleOptions } from './config.js';
import { withConfigFile } from './config-file.js';
import { ShaleError } from './errors.js';
import { consoleLogger, type Logger } from './log.js';
import { MARKER } from './output/folder.js';

const run = promisify(execFile);

export interface DeployOptions extends ShaleOptions {
  remote?: string;
  branch?: string;
  message?: string;
  config?: string;
}

export interface DeployResult {
  commit: string;
  parent?: string;
  remote: string;
  branch: string;
}

/** `https://user:token@host/x` → `https://***@host/x`, wherever it appears in `text`. */
export function redact(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^/@\s]+@/gi, '$1***@');
}

export async function deploy(options: DeployOptions = {}, log: Logger = consoleLogger(options.quiet)): Promise<DeployResult> {
  const { remote: r, branch: b, message: m, ...rest } = options;
  const config = resolveConfig(await withConfigFile({ ...rest, deploy: { remote: r, branch: b, message: m } }));
  const { remote, branch } = config.deploy;
  const dir = config.outDir;
  if (!existsSync(join(dir, MARKER))) {
    throw new ShaleError(`nothing to deploy: ${relative(process.cwd(), dir) || dir} is not a shale build`, { hint: 'Run `shale build` first.' });
  }
  const git = gitIn(config.root);
  await git(['rev-parse', '--git-dir']).catch((err) => {
    throw new ShaleError(`${config.root} is not in a git repository`, { hint: 'shale deploy pushes to a remote of the project\'s repository.', cause: err });
  });
  const url = (await git(['remote', 'get-url', remote]).catch(() => '')).trim();
  if (!url) throw new ShaleError(`git remote "${remote}" not found`, { hint: 'Add it with `git remote add origin URL`, or pass --remote NAME.' });

  const parent = await remoteTip(git, remote, branch);
  const tmp = mkdtempSync(join(tmpdir(), 'shale-deploy-'));
  try {
    // A throwaway index fills the tree from the output folder; HEAD and the real index stay put.
    const env = { GIT_INDEX_FILE: join(tmp, 'index') };
    await git(['--work-tree', dir, 'add', '--all', '--force', '.'], env);
    await git(['rm', '--cached', '--quiet', '--ignore-unmatch', MARKER], env);
    // GitHub Pages runs Jekyll unless told not to, and Jekyll drops files starting with `_`.
    const empty = (await git(['hash-object', '-w', '--stdin'], {}, '')).trim();
    await git(['update-index', '--add', '--cacheinfo', `100644,${empty},.nojekyll`], env);
    const tree = (await git(['write-tree'], env)).trim();
    const message = config.deploy.message ?? `Deploy ${new Date().toISOString()} with shale`;
    const commit = (await git(['commit-tree', tree, ...(parent ? ['-p', parent] : []), '-m', message])).trim();
    await git(['push', '--quiet', remote, `${commit}:refs/heads/${branch}`]);
    log.info(`deployed ${commit.slice(0, 7)} to ${branch} on ${remote} (${redact(url)})${parent ? '' : ' as its first commit'}`);
    return { commit, parent, remote, branch };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** The branch's commit on the remote, fetched so it can be the parent; undefined for a new branch. */
async function remoteTip(git: Git, remote: string, branch: string): Promise<string | undefined> {
  const line = (await git(['ls-remote', '--heads', remote, `refs/heads/${branch}`])).trim();
  if (!line) return undefined;
  const sha = line.split(/\s/)[0];
  // Fetch by name into FETCH_HEAD only: no local branch or remote-tracking ref is created.
  await git(['fetch', '--quiet', '--no-tags', remote, `refs/heads/${branch}`]);
  return sha;
}

type Git = (args: string[], env?: Record<string, string>, input?: string) => Promise<string>;

function gitIn(cwd: string): Git {
  return async (args, env = {}, input) => {
    try {
      const child = run('git', args, { cwd, env: { ...process.env, ...env, GIT_TERMINAL_PROMPT: '0' }, maxBuffer: 64 << 20 });
      if (input !== undefined) { child.child.stdin?.end(input); }
      const { stdout } = await child;
      return stdout;
    } catch (err) {
      const e = err as { stderr?: string; message: string };
      throw new ShaleError(`git ${args[0] === '--work-tree' ? 'add' : args[0]} failed: ${redact((e.stderr || e.message).trim())}`, {
        hint: 'Check the remote, your access to it, and that the branch is not protected.',
      });
    }
  };
}
