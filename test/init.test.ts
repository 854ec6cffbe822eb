// shale init: the created project builds, and nothing existing is overwritten.
import * as cheerio from 'cheerio';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { init } from '../src/init/index.js';
import { caught } from './helpers.js';

const silent = { info: () => {}, warn: () => {} };

describe('shale init', () => {
  it('creates a project whose page and include build without warnings', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'shale-init-')), 'My Docs');
    const { files } = init(dir, silent);
    expect(files).toEqual(expect.arrayContaining(['source/index.html.md', 'source/includes/_errors.md', 'package.json', '.gitignore', '.github/workflows/pages.yml']));
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    expect(pkg.name).toBe('my-docs');
    expect(pkg.devDependencies.shale).toMatch(/^\^\d+\.\d+\.\d+/);
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toContain('build/');
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toContain('.shale-cache/');
    const workflow = readFileSync(join(dir, '.github/workflows/pages.yml'), 'utf8');
    expect(workflow).toContain('npx shale build');
    expect(workflow).toContain('actions/deploy-pages');

    const result = await build({ root: dir, quiet: true }, silent);
    expect(result.warnings).toEqual([]);
    const $ = cheerio.load(readFileSync(join(dir, 'build', 'index.html'), 'utf8'));
    expect($('h1#authentication').length).toBe(1);
    // The include rendered after the page.
    expect($('h1#errors').length).toBe(1);
    expect($('.lang-selector a').map((_, a) => $(a).text()).get().slice(0, 3)).toEqual(['cURL', 'javascript', 'python']);
  });

  it('refuses to overwrite, and then writes nothing at all', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shale-init-'));
    writeFileSync(join(dir, 'package.json'), '{"name":"mine"}');
    const err = await caught(() => init(dir, silent));
    expect(err.message).toMatch(/refusing to overwrite package\.json/);
    expect(readFileSync(join(dir, 'package.json'), 'utf8')).toBe('{"name":"mine"}');
    expect(existsSync(join(dir, 'source'))).toBe(false);
  });
});
