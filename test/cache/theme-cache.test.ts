// The stored theme bundle: found again only for the same theme content and options, never when
// an entry is damaged or a file it was made from has changed.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hash, readThemeBundle, themeKey, writeThemeBundle, type ThemeBundle } from '../../src/cache/theme-cache.js';
import { tempProject } from '../helpers.js';

const noPrebuilt = mkdtempSync(join(tmpdir(), 'shale-no-prebuilt-'));

function setup(extra: Record<string, string> = {}) {
  const root = tempProject({
    'theme/index.html': '<html><head><!--shale:head--></head><body><!--shale:content--></body></html>',
    'theme/main.ts': 'console.log(1);\n',
    'theme/styles/a.css': 'body { color: red }\n',
    'made/assets/main-AAAAAAAA.js': 'console.log(1)',
    ...extra,
  });
  const opts = { themeDir: join(root, 'theme'), base: './', inline: false };
  const bundle: ThemeBundle = { template: '<html>made</html>', files: ['assets/main-AAAAAAAA.js'], deps: {} };
  return { root, opts, bundle, cacheDir: join(root, '.shale-cache'), made: join(root, 'made') };
}

describe('theme cache key', () => {
  it('changes with any file of the theme, the base and --inline, and not otherwise', () => {
    const { root, opts } = setup();
    const key = themeKey(opts);
    expect(themeKey({ ...opts })).toBe(key);
    expect(themeKey({ ...opts, base: '/docs/' })).not.toBe(key);
    expect(themeKey({ ...opts, inline: true })).not.toBe(key);
    writeFileSync(join(root, 'theme/styles/a.css'), 'body { color: blue }\n');
    expect(themeKey(opts)).not.toBe(key);
  });

  it('does not change with the theme folder\'s place (a copied theme finds the prebuilt bundle)', () => {
    const a = setup();
    const b = setup();
    expect(themeKey(a.opts)).toBe(themeKey(b.opts));
  });

  it('ignores node_modules inside the theme', () => {
    const { root, opts } = setup();
    const key = themeKey(opts);
    mkdirSync(join(root, 'theme/node_modules/x'), { recursive: true });
    writeFileSync(join(root, 'theme/node_modules/x/index.js'), '1');
    expect(themeKey(opts)).toBe(key);
  });
});

describe('theme cache entries', () => {
  it('reads back what was written, with its files', () => {
    const { opts, bundle, cacheDir, made } = setup();
    const key = themeKey(opts);
    writeThemeBundle(cacheDir, key, bundle, made, opts);
    const got = readThemeBundle(cacheDir, key, opts.themeDir, noPrebuilt);
    expect(got?.template).toBe('<html>made</html>');
    expect(got?.origin).toBe('cache');
    expect(existsSync(join(got!.filesDir, 'assets/main-AAAAAAAA.js'))).toBe(true);
  });

  it('ignores a corrupt manifest, a missing file and an entry written under another key', () => {
    const { opts, bundle, cacheDir, made } = setup();
    const key = themeKey(opts);
    writeThemeBundle(cacheDir, key, bundle, made, opts);
    const entry = join(cacheDir, `theme-${key}`);
    writeFileSync(join(entry, 'manifest.json'), '{"format":1,"key":');
    expect(readThemeBundle(cacheDir, key, opts.themeDir, noPrebuilt)).toBeUndefined();

    writeThemeBundle(cacheDir, key, { ...bundle, files: [...bundle.files, 'assets/gone.css'] }, made, opts);
    expect(readThemeBundle(cacheDir, key, opts.themeDir, noPrebuilt)).toBeUndefined();

    writeThemeBundle(cacheDir, 'other', bundle, made, opts);
    mkdirSync(join(cacheDir, `theme-${key}`), { recursive: true });
    writeFileSync(join(cacheDir, `theme-${key}`, 'manifest.json'), JSON.stringify({ format: 1, key: 'other', ...bundle }));
    expect(readThemeBundle(cacheDir, key, opts.themeDir, noPrebuilt)).toBeUndefined();
  });

  it('refuses file names that leave the entry', () => {
    const { opts, cacheDir, made, root } = setup({ 'secret.txt': 'x' });
    const key = themeKey(opts);
    writeThemeBundle(cacheDir, key, { template: 't', files: ['assets/main-AAAAAAAA.js'], deps: {} }, made, opts);
    const entry = join(cacheDir, `theme-${key}`);
    writeFileSync(join(entry, 'manifest.json'), JSON.stringify({ format: 1, key, template: 't', files: ['../../../secret.txt'], deps: {} }));
    expect(existsSync(join(root, 'secret.txt'))).toBe(true);
    expect(readThemeBundle(cacheDir, key, opts.themeDir, noPrebuilt)).toBeUndefined();
  });

  it('is not used once a file outside the theme it was made from has changed', () => {
    const { root, opts, bundle, cacheDir, made } = setup({ 'lib/util.js': 'export const a = 1;' });
    const key = themeKey(opts);
    const dep = join(root, 'lib/util.js');
    writeThemeBundle(cacheDir, key, { ...bundle, deps: { [dep]: hash('export const a = 1;') } }, made, opts);
    expect(readThemeBundle(cacheDir, key, opts.themeDir, noPrebuilt)).toBeDefined();
    writeFileSync(dep, 'export const a = 2;');
    expect(readThemeBundle(cacheDir, key, opts.themeDir, noPrebuilt)).toBeUndefined();
  });

  it('finds a package dependency from the theme folder up', () => {
    const { opts, bundle, cacheDir, made } = setup({ 'node_modules/pkg/index.js': 'export default 1;' });
    const key = themeKey(opts);
    writeThemeBundle(cacheDir, key, { ...bundle, deps: { 'node_modules/pkg/index.js': hash('export default 1;') } }, made, opts);
    expect(readThemeBundle(cacheDir, key, opts.themeDir, noPrebuilt)).toBeDefined();
    writeThemeBundle(cacheDir, key, { ...bundle, deps: { 'node_modules/pkg/index.js': hash('export default 2;') } }, made, opts);
    expect(readThemeBundle(cacheDir, key, opts.themeDir, noPrebuilt)).toBeUndefined();
  });

  it('uses a prebuilt entry only when the project has none, and keeps one entry per theme and options', () => {
    const { opts, bundle, cacheDir, made, root } = setup();
    const key = themeKey(opts);
    const prebuilt = join(root, 'prebuilt');
    writeThemeBundle(prebuilt, key, bundle, made, opts);
    expect(readThemeBundle(cacheDir, key, opts.themeDir, prebuilt)?.origin).toBe('package');

    writeThemeBundle(cacheDir, key, bundle, made, opts);
    expect(readThemeBundle(cacheDir, key, opts.themeDir, prebuilt)?.origin).toBe('cache');
    // The theme changes: the old entry goes when the new one is written.
    writeFileSync(join(opts.themeDir, 'main.ts'), 'console.log(2);\n');
    writeThemeBundle(cacheDir, themeKey(opts), bundle, made, opts);
    expect(readdirSync(cacheDir)).toEqual([`theme-${themeKey(opts)}`]);
  });
});
