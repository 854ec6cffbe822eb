// The theme's Vite bundle, kept between builds. Bundling the theme (importing Vite ~0.3 s, then
// bundling ~0.2 s) is the same work every build while the theme does not change, so its result —
// the hashed scripts, styles and assets, and the template with the tags Vite wrote — is stored in
// `<root>/.shale-cache/theme-<key>/` and pages are made from it without Vite.
//
// The key covers everything that changes Vite's output: every file of the theme folder (by
// content), the options that reach Vite (base, inline), shale's and Vite's versions and this
// file's FORMAT. Files outside the theme folder that the bundle read (a package a custom theme
// imports) are listed in the entry with their hashes and checked when it is read. A copy of the
// default theme ships prebuilt inside the package (scripts/prebuild-theme.mjs): same key scheme,
// so a theme copied and left as it is still finds it, and an edited one does not.
// An entry that cannot be read, is incomplete or was written for another key is ignored.

import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { packagePath } from '../package-root.js';
import { filesUnder } from './files.js';

/** Bump when the entry layout or the way the bundle is made (src/vite/theme-bundle.ts) changes. */
export const THEME_FORMAT = 1;

/** Bundles of the default theme made when the package was compiled (read-only). */
export const PREBUILT_DIR = packagePath('dist', 'theme-cache');

/** Folders of a theme that are not part of what it ships. */
const SKIP = new Set(['node_modules', '.git', '.shale-cache']);

export interface ThemeOptions {
  themeDir: string;
  base: string;
  inline: boolean;
}

/** What a bundle is made of, as stored. */
export interface ThemeBundle {
  /** The template after Vite, with asset URLs under ROOT_SLOT (see theme-bundle.ts). */
  template: string;
  /** Output paths (`assets/x-hash.js`) of the bundle's files, relative to the site root. */
  files: string[];
  /**
   * Files outside the theme folder the bundle was made from → content hash: by absolute path, or
   * a package's file as `node_modules/pkg/file.js`, found from the theme folder up.
   */
  deps: Record<string, string>;
}

interface Manifest extends ThemeBundle {
  format: number;
  key: string;
}

export interface CachedTheme extends ThemeBundle {
  /** Folder holding `files` (copy from here into the output). */
  filesDir: string;
  /** Where it came from, for the log. */
  origin: 'cache' | 'package';
}

/** The cache key: a hash of the theme's content and of every option that reaches Vite. */
export function themeKey(opts: ThemeOptions): string {
  const h = createHash('sha256');
  h.update(`format ${THEME_FORMAT}\0shale ${version(packagePath('package.json'))}\0vite ${viteVersion()}\0`);
  h.update(`base ${opts.base}\0inline ${opts.inline}\0`);
  for (const file of themeFiles(opts.themeDir)) {
    // Paths with `/` so a key made on one system matches on another (the prebuilt bundle).
    h.update(`${relative(opts.themeDir, file).split(sep).join('/')}\0`);
    h.update(createHash('sha256').update(readFileSync(file)).digest());
  }
  return h.digest('base64url').slice(0, 24);
}

/** The stored bundle for `key` in the project's cache or the package, when it is whole and current. */
export function readThemeBundle(cacheDir: string | undefined, key: string, themeDir: string, prebuiltDir = PREBUILT_DIR): CachedTheme | undefined {
  const local = cacheDir && readEntry(join(cacheDir, `theme-${key}`), key, themeDir);
  if (local) return { ...local, origin: 'cache' };
  const shipped = readEntry(join(prebuiltDir, `theme-${key}`), key, themeDir);
  // Made on another machine: only files found the same way everywhere (packages) can be checked.
  return shipped && Object.keys(shipped.deps).every((d) => d.startsWith('node_modules/')) ? { ...shipped, origin: 'package' } : undefined;
}

/**
 * Stores a bundle as `<cacheDir>/theme-<key>/` (its files taken from `filesDir`), replacing
 * older entries made for the same theme folder and options. Never throws: a cache that cannot
 * be written only costs time.
 */
export function writeThemeBundle(cacheDir: string, key: string, bundle: ThemeBundle, filesDir: string, scope: ThemeOptions): void {
  const dir = join(cacheDir, `theme-${key}`);
  const tmp = `${dir}.${process.pid}.tmp`;
  const scopeHash = hash(`${scope.themeDir}\0${scope.base}\0${scope.inline}`);
  try {
    rmSync(tmp, { recursive: true, force: true });
    for (const f of bundle.files) {
      mkdirSync(dirname(join(tmp, 'files', f)), { recursive: true });
      cpSync(join(filesDir, f), join(tmp, 'files', f));
    }
    const manifest: Manifest & { scope: string } = { format: THEME_FORMAT, key, scope: scopeHash, ...bundle };
    writeFileSync(join(tmp, 'manifest.json'), JSON.stringify(manifest));
    pruneScope(cacheDir, scopeHash);
    // A corrupt entry under the same key is replaced; renamed last so no reader sees half an entry.
    rmSync(dir, { recursive: true, force: true });
    renameSync(tmp, dir);
  } catch {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function readEntry(dir: string, key: string, themeDir: string): (ThemeBundle & { filesDir: string }) | undefined {
  try {
    const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Partial<Manifest>;
    if (m.format !== THEME_FORMAT || m.key !== key || typeof m.template !== 'string') return undefined;
    if (!Array.isArray(m.files) || !m.files.every((f) => typeof f === 'string' && safePath(f))) return undefined;
    if (typeof m.deps !== 'object' || !m.deps) return undefined;
    const filesDir = join(dir, 'files');
    if (!m.files.every((f) => existsSync(join(filesDir, f)))) return undefined;
    for (const [name, h] of Object.entries(m.deps)) {
      const file = depFile(name, themeDir);
      if (!file || typeof h !== 'string' || hash(readFileSync(file)) !== h) return undefined;
    }
    return { template: m.template, files: m.files, deps: m.deps, filesDir };
  } catch {
    return undefined; // missing, unreadable or corrupt: bundle again
  }
}

/** A dependency's file on this machine, if it is there. */
function depFile(name: string, themeDir: string): string | undefined {
  if (!name.startsWith('node_modules/')) return existsSync(name) ? name : undefined;
  for (let dir = themeDir; ; dir = dirname(dir)) {
    const file = join(dir, name);
    if (existsSync(file)) return file;
    if (dirname(dir) === dir) return undefined;
  }
}

/** Entries of an earlier version of the same theme and options: never used again. */
function pruneScope(cacheDir: string, scopeHash: string): void {
  if (!existsSync(cacheDir)) return;
  for (const name of readdirSync(cacheDir)) {
    if (!/^theme-[\w-]+$/.test(name)) continue;
    try {
      const m = JSON.parse(readFileSync(join(cacheDir, name, 'manifest.json'), 'utf8')) as { scope?: string };
      if (m.scope === scopeHash) rmSync(join(cacheDir, name), { recursive: true, force: true });
    } catch {
      // Not ours to judge: left alone.
    }
  }
}

/** A relative path that stays inside the folder it is joined to. */
function safePath(f: string): boolean {
  return f.length > 0 && !f.startsWith('/') && !f.split(/[\\/]/).some((p) => p === '..' || p === '');
}

/** The theme folder's files, sorted, so the key does not depend on the order the disk lists them. */
function themeFiles(dir: string): string[] {
  return filesUnder(dir, (e) => SKIP.has(e.name));
}

/** Content hash of a file (also used for dependencies outside the theme). */
export function hash(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('base64url');
}

function version(packageJson: string): string {
  try {
    return String((JSON.parse(readFileSync(packageJson, 'utf8')) as { version?: unknown }).version);
  } catch {
    return '?';
  }
}

/** Vite's version without importing Vite (which is what this cache avoids). */
function viteVersion(): string {
  try {
    return version(createRequire(import.meta.url).resolve('vite/package.json'));
  } catch {
    return '?';
  }
}
