// Config files: every format loads, errors name the key and the file, CLI flags win.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../src/cli.js';
import { loadConfigFile, withConfigFile } from '../src/config-file.js';
import { resolveConfig } from '../src/config.js';
import { caught, tempProject } from './helpers.js';

const PAGE = { 'docs/index.html.md': '---\ntitle: C\n---\n# Configured\n' };

afterEach(() => { vi.restoreAllMocks(); });

describe('shale.config.*', () => {
  it('loads a TypeScript config (types stripped by Vite, no TS runtime needed)', async () => {
    const root = tempProject({ 'shale.config.ts': "const base: string = '/docs/';\nexport default { source: 'docs', base, port: 5000 };\n" });
    const loaded = await loadConfigFile(root);
    expect(loaded?.file).toBe(join(root, 'shale.config.ts'));
    expect(loaded?.options).toEqual({ source: 'docs', base: '/docs/', port: 5000 });
  });

  it('loads .mjs and .json configs', async () => {
    expect((await loadConfigFile(tempProject({ 'shale.config.mjs': "export default { out: 'site' };" })))?.options).toEqual({ out: 'site' });
    expect((await loadConfigFile(tempProject({ 'shale.config.json': '{ "idScheme": "nesting" }' })))?.options).toEqual({ idScheme: 'nesting' });
  });

  it('names the key and the file of a wrong value, and of a key that does not exist', async () => {
    const wrong = await caught(() => loadConfigFile(tempProject({ 'shale.config.json': '{ "port": "eighty" }' })));
    expect(wrong.message).toMatch(/^option "port" in shale\.config\.json: .*number/);
    expect(wrong.file).toMatch(/shale\.config\.json$/);
    const typo = await caught(() => loadConfigFile(tempProject({ 'shale.config.json': '{ "deploy": { "brnach": "x" } }' })));
    expect(typo.message).toBe('option "deploy.brnach" in shale.config.json: is not a shale option');
    const ids = await caught(() => loadConfigFile(tempProject({ 'shale.config.mjs': "export default { idScheme: 'kramdown' };" })));
    expect(ids.message).toMatch(/^option "idScheme" in shale\.config\.mjs: .*"slate"/);
    const lazy = await caught(() => loadConfigFile(tempProject({ 'shale.config.json': '{ "lazyContent": "big" }' })));
    expect(lazy.message).toBe('option "lazyContent" in shale.config.json: expected a number of bytes (e.g. 3000000) or false');
    expect((await loadConfigFile(tempProject({ 'shale.config.json': '{ "lazyContent": false }' })))?.options).toEqual({ lazyContent: false });
  });

  it('lets options given directly win over the file, and keeps the file\'s others', async () => {
    const root = tempProject({ 'shale.config.json': '{ "out": "site", "base": "/docs/", "deploy": { "branch": "pages" } }' });
    const config = resolveConfig(await withConfigFile({ root, base: '/v2/', deploy: { remote: 'up' } }));
    expect(config.outDir).toBe(join(root, 'site'));
    expect(config.base).toBe('/v2/');
    expect(config.deploy).toEqual({ remote: 'up', branch: 'pages', message: undefined });
  });

  it('is used by `shale build`, with flags on top', async () => {
    const root = tempProject({ ...PAGE, 'shale.config.json': '{ "source": "docs", "out": "site" }' });
    vi.spyOn(console, 'log').mockImplementation(() => {});
    expect(await main(['build', '--root', root, '--out', 'other'])).toBe(0);
    expect(readFileSync(join(root, 'other', 'index.html'), 'utf8')).toContain('<h1 id="configured">Configured</h1>');
  });
});
