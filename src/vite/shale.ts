// `import { shale } from 'shale/vite'`: shale as a plugin in a project's own vite.config.ts.
// `vite` serves the docs as `shale dev` does; `vite build` writes the site as `shale build`
// does (into shale's output folder, with the same marker rules). Options are shale's, merged
// over shale.config.* like the command line's.

import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin, UserConfig } from 'vite';
import { resolveConfig, type ResolvedConfig, type ShaleOptions } from '../config.js';
import { withConfigFile } from '../config-file.js';
import { formatDiagnostic } from '../errors.js';
import { servedFolders, viteCacheDir } from '../dev/server.js';
import { createSite, type Site } from '../dev/site.js';
import { findPages } from '../load/pages.js';
import { checkOutputFolder, MARKER } from '../output/folder.js';
import { copyStaticFiles } from '../output/static-files.js';
import { shaleDev } from './dev.js';
import { shalePages, THEME_PREFIX, type CompiledPage } from './plugin.js';

export function shale(options: ShaleOptions & { config?: string } = {}): Plugin[] {
  let config: ResolvedConfig;
  let site: Site;
  const pages = new Map<string, CompiledPage>();
  let command: 'build' | 'serve' = 'serve';

  const setup: Plugin = {
    name: 'shale',
    apply: (_config, env) => active(env),
    async config(user, env): Promise<UserConfig> {
      command = env.command;
      config = resolveConfig(await withConfigFile({ root: user.root, ...options }));
      site = createSite(config, { lint: env.command === 'serve' });
      if (env.command === 'build') checkOutputFolder(config.outDir, config);
      return {
        root: config.sourceDir,
        base: config.base === './' && env.command === 'serve' ? '/' : config.base,
        publicDir: false,
        appType: 'custom',
        cacheDir: viteCacheDir(config),
        // Vite's own flags (`vite --port 5000`) win over shale's defaults.
        server: { port: user.server?.port ?? config.port, host: user.server?.host ?? config.host, fs: { strict: true, allow: servedFolders(config) } },
        optimizeDeps: { entries: [join(config.themeDir, 'main.ts')] },
        build: {
          outDir: config.outDir,
          // Safe: checkOutputFolder above refused any folder shale did not make.
          emptyOutDir: true,
          assetsDir: 'assets',
          modulePreload: { polyfill: false },
          rollupOptions: env.command === 'build' ? { input: findPages(config.sourceDir).map((p) => join(config.sourceDir, p.outPath)) } : {},
        },
      };
    },
    resolveId(id) {
      return id.startsWith(THEME_PREFIX) ? join(config.themeDir, id.slice(THEME_PREFIX.length)) : null;
    },
    async buildStart() {
      if (command !== 'build') return;
      const results = await site.renderAll();
      for (const r of results) for (const w of r.warnings) this.warn(formatDiagnostic(w));
      const failed = results.find((r) => r.kind === 'error');
      if (failed) this.error(formatDiagnostic(failed.entry.error!.toDiagnostic()));
      pages.clear();
      for (const [id, page] of site.compiled()) pages.set(id, page);
    },
    async configureServer() {
      const results = await site.renderAll();
      for (const r of results) if (r.kind === 'error') console.error(formatDiagnostic(r.entry.error!.toDiagnostic()));
    },
    closeBundle() {
      if (command !== 'build' || !existsSync(config.outDir)) return;
      copyStaticFiles(config.sourceDir, config.outDir);
      writeFileSync(join(config.outDir, MARKER), JSON.stringify({ generator: 'shale', builtAt: new Date().toISOString() }) + '\n');
    },
  };

  // The build and dev halves read the resolved config when their hooks run, after `config`.
  const build: Plugin = { ...shalePages(lazyPagesOptions()), apply: (_c, env) => env.command === 'build' && active(env) };
  const dev: Plugin = { ...shaleDev(() => ({ site, allowed: servedFolders(config) })), apply: (_c, env) => env.command === 'serve' && active(env) };
  return [setup, build, dev];

  function lazyPagesOptions() {
    return { pages, get themeDir() { return config.themeDir; }, get base() { return config.base; } };
  }
}

/** vitest loads the same vite.config.ts: shale stays out of the test runner's way. */
function active(env: { mode: string }): boolean {
  return env.mode !== 'test' && !process.env.VITEST;
}
