// The published package: `npm pack`, install the tarball into a fresh folder as a user would,
// then build a page with its `shale` command and import its Node API and Vite plugin.
// The one slow test of the suite (npm installs the dependencies, from its cache when it can).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempProject } from './helpers.js';

const repo = join(import.meta.dirname, '..');
const npm = (cwd: string, ...args: string[]) =>
  execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_fund: 'false', npm_config_audit: 'false', npm_config_update_notifier: 'false' } });

describe('npm pack', () => {
  it('produces a package that installs and builds a sample', { timeout: 300_000 }, () => {
    const packDir = mkdtempSync(join(tmpdir(), 'shale-pack-'));
    npm(repo, 'pack', '--silent', '--pack-destination', packDir);
    const tarball = readdirSync(packDir).find((f) => f.endsWith('.tgz'));
    expect(tarball).toBeDefined();

    const user = tempProject({
      'package.json': JSON.stringify({ name: 'user-docs', private: true, type: 'module' }),
      'source/index.html.md': '---\ntitle: Packed\nlanguage_tabs:\n  - shell\n---\n# Installed From A Tarball\n\n```shell\necho ok\n```\n',
      // Enough new blocks and sections for the worker threads, which run from their own files in the package.
      'source/large.html.md': `---\ntitle: Large\n---\n# Many Blocks\n\n${Array.from({ length: 2000 }, (_, i) => `## Step ${i}\n\n${i < 1000 ? `\`\`\`shell\necho ${i}\n\`\`\`` : 'Text.'}\n`).join('\n')}`,
    });
    npm(user, 'install', '--prefer-offline', '--no-save', join(packDir, tarball!));

    const out = execFileSync(join(user, 'node_modules', '.bin', 'shale'), ['build'], { cwd: user, encoding: 'utf8' });
    expect(out).toMatch(/built 2 pages/);
    expect(out).toMatch(/, 1000 in a worker thread/);
    expect(out).toMatch(/search +2 indexes \(in a worker thread\)/);
    // The default theme's bundle ships prebuilt (scripts/prebuild-theme.mjs): a first build skips Vite.
    expect(out).toMatch(/bundle .* from the package \(theme unchanged\)/);
    expect(readFileSync(join(user, 'build', 'index.html'), 'utf8')).toContain('<h1 id="installed-from-a-tarball">Installed From A Tarball</h1>');

    // The Node API and the Vite plugin resolve through the package's exports, with types.
    writeFileSync(join(user, 'check.mjs'), [
      "import { build, createServer } from 'shale';",
      "import { shale } from 'shale/vite';",
      "console.log(typeof build, typeof createServer, typeof shale, Array.isArray(shale()));",
    ].join('\n'));
    expect(execFileSync('node', ['check.mjs'], { cwd: user, encoding: 'utf8' }).trim()).toBe('function function function true');
    const pkg = JSON.parse(readFileSync(join(user, 'node_modules', 'shale', 'package.json'), 'utf8'));
    for (const entry of [pkg.exports['.'].types, pkg.exports['./vite'].types]) {
      expect(readFileSync(join(user, 'node_modules', 'shale', entry), 'utf8')).toMatch(/export/);
    }
  });
});
