import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../src/cli.js';
import { tempProject } from './helpers.js';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a) => { out.push(a.join(' ')); });
  vi.spyOn(console, 'warn').mockImplementation((...a) => { err.push(a.join(' ')); });
  vi.spyOn(console, 'error').mockImplementation((...a) => { err.push(a.join(' ')); });
  return { out, err };
}

afterEach(() => { vi.restoreAllMocks(); });

describe('shale CLI', () => {
  it('builds with --source and --out and exits 0', async () => {
    const root = tempProject({ 'docs/source/index.html.md': '---\ntitle: CLI\n---\n# Hello\n' });
    const { out } = capture();
    const code = await main(['build', '--root', root, '--source', 'docs/source', '--out', 'site']);
    expect(code).toBe(0);
    expect(readFileSync(join(root, 'site/index.html'), 'utf8')).toContain('<h1 id="hello">Hello</h1>');
    expect(out.join('\n')).toMatch(/built 1 page/);
  });

  it('prints an input error as file:line with a hint, without a stack, and exits 1', async () => {
    const root = tempProject({ 'source/index.html.md': '---\ntitle: A\nheadingLevel: deep\n---\n# A\n' });
    const { err } = capture();
    const code = await main(['build', '--root', root]);
    expect(code).toBe(1);
    const text = err.join('\n');
    expect(text).toMatch(/source\/index\.html\.md:3: error: frontmatter key "headingLevel"/);
    expect(text).toMatch(/whole number from 1 to 6/);
    expect(text).not.toMatch(/\n\s+at /);
  });

  it('prints warnings as file:line: message', async () => {
    const root = tempProject({ 'source/index.html.md': '---\ntitle: A\n---\n# A\n\n```zzz\nx\n```\n' });
    const { err } = capture();
    expect(await main(['build', '--root', root])).toBe(0);
    expect(err.join('\n')).toMatch(/source\/index\.html\.md:6: warning: unknown code language "zzz"/);
  });

  it('rejects an unknown command or option with the usage', async () => {
    const { err } = capture();
    expect(await main(['serve'])).toBe(1);
    expect(await main(['build', '--nope'])).toBe(1);
    expect(err.join('\n')).toMatch(/Usage: shale <command>/);
  });
});

describe('shale --help', () => {
  it('lists every command, and each command lists every option it takes', async () => {
    const { out } = capture();
    expect(await main(['--help'])).toBe(0);
    const help = out.join('\n');
    for (const c of ['build', 'dev', 'preview', 'init', 'deploy']) expect(help).toMatch(new RegExp(`^  ${c} `, 'm'));
    out.length = 0;
    expect(await main(['dev', '--help'])).toBe(0);
    const dev = out.join('\n');
    for (const o of ['--port', '--host', '--source', '--base', '--theme', '--ids', '--config', '--root', '--quiet']) expect(dev).toContain(o);
    out.length = 0;
    expect(await main(['deploy', '-h'])).toBe(0);
    for (const o of ['--remote', '--branch', '--message']) expect(out.join('\n')).toContain(o);
    out.length = 0;
    expect(await main(['build', '--help'])).toBe(0);
    expect(out.join('\n')).toContain('--inline');
  });

  it('rejects an option that belongs to another command', async () => {
    const { err } = capture();
    expect(await main(['build', '--port', '80'])).toBe(1);
    expect(err.join('\n')).toMatch(/Unknown option '--port'/);
  });
});
