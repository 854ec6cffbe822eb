#!/usr/bin/env node
// Part of `npm run compile` / `prepare`: bundles the default theme for the default options (relative
// base; with and without --inline) into dist/theme-cache/, so that even the first build of a new
// project skips Vite. Entries are keyed like a project's own cache (src/cache/theme-cache.ts): by
// the theme's content, options and versions, so a copied theme that was edited does not match.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PREBUILT_DIR, readThemeBundle, themeKey, writeThemeBundle } from '../dist/cache/theme-cache.js';
import { DEFAULT_THEME_DIR } from '../dist/config.js';
import { bundleTheme } from '../dist/vite/theme-bundle.js';

rmSync(PREBUILT_DIR, { recursive: true, force: true });
for (const inline of [false, true]) {
  const opts = { themeDir: DEFAULT_THEME_DIR, base: './', inline };
  const work = mkdtempSync(join(tmpdir(), 'shale-prebuild-'));
  try {
    // Vite's root only matters for root-relative URLs in the template; the default theme has none.
    const bundle = await bundleTheme({ ...opts, root: work }, join(work, 'out'));
    const foreign = Object.keys(bundle.deps).filter((d) => !d.startsWith('node_modules/'));
    if (foreign.length) throw new Error(`the default theme reads files outside itself and node_modules: ${foreign.join(', ')}`);
    writeThemeBundle(PREBUILT_DIR, themeKey(opts), bundle, join(work, 'out'), opts);
    if (readThemeBundle(undefined, themeKey(opts), DEFAULT_THEME_DIR)?.origin !== 'package') throw new Error(`could not write ${PREBUILT_DIR}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
