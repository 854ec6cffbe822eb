// `shale dev`: a Vite dev server over the live site. Port 4567 (Slate's) or the next free one,
// 127.0.0.1 unless a host is given. Vite may read only the source, theme and build folders and
// its own dependency cache; the guard middleware refuses everything else before Vite sees it.

import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createServer as createViteServer, type InlineConfig, type ViteDevServer } from 'vite';
import { resolveConfig, type ResolvedConfig, type ShaleOptions } from '../config.js';
import { withConfigFile } from '../config-file.js';
import { ShaleError } from '../errors.js';
import { consoleLogger, formatMs, type Logger } from '../log.js';
import { THEME_PREFIX } from '../vite/plugin.js';
import { DEV_CLIENT_FILE, shaleDev } from '../vite/dev.js';
import { terminalError } from './overlay.js';
import { createSite, type Site } from './site.js';

/**
 * Vite's own browser client (its HMR runtime and env module), served from inside the package.
 * Found by require's resolution, not import.meta.resolve, which the CLI's CommonJS bundle lacks
 * (scripts/bundle-cli.mjs); Vite's entry is the same for both.
 */
const VITE_CLIENT_DIR = join(dirname(createRequire(import.meta.url).resolve('vite')), '..', 'client');

export interface DevServer {
  url: string;
  site: Site;
  vite: ViteDevServer;
  close(): Promise<void>;
}

export interface DevOptions extends ShaleOptions {
  /** Path of a config file to use instead of looking for shale.config.*. */
  config?: string;
}

/** Starts the dev server; resolves once it listens. */
export async function createServer(options: DevOptions = {}, log: Logger = consoleLogger(options.quiet)): Promise<DevServer> {
  const config = resolveConfig(await withConfigFile(options));
  const t0 = performance.now();
  const site = createSite(config, { lint: true });
  const first = await site.renderAll();
  if (!site.entries.size) {
    throw new ShaleError(`no pages in ${config.sourceDir}`, { hint: 'A page is a file named *.html.md or index.md.' });
  }
  for (const u of first) {
    if (u.kind === 'error') console.error(terminalError(u.entry.error!, config.root));
    for (const w of u.warnings) log.warn(w);
  }
  const vite = await createViteServer(devViteConfig(config, site));
  await vite.listen();
  const url = vite.resolvedUrls?.local[0] ?? `http://127.0.0.1:${config.port}/`;
  log.info(`shale dev  ${site.entries.size} page${site.entries.size === 1 ? '' : 's'} rendered in ${formatMs(performance.now() - t0)}`);
  log.info(`  ➜  ${url}`);
  for (const n of vite.resolvedUrls?.network ?? []) log.info(`  ➜  ${n}`);
  return { url, site, vite, close: () => vite.close() };
}

/** The folders the dev server may read from. */
export function servedFolders(config: ResolvedConfig): string[] {
  return [config.sourceDir, config.themeDir, config.outDir, DEV_CLIENT_FILE, viteCacheDir(config), VITE_CLIENT_DIR];
}

export function viteCacheDir(config: ResolvedConfig): string {
  return join(config.root, 'node_modules', '.vite', 'shale');
}

function devViteConfig(config: ResolvedConfig, site: Site): InlineConfig {
  const allowed = servedFolders(config);
  return {
    configFile: false,
    root: config.sourceDir,
    // A relative base means "works from any folder" for builds; the dev server serves from /.
    base: config.base === './' ? '/' : config.base,
    publicDir: false,
    envDir: false,
    appType: 'custom',
    cacheDir: viteCacheDir(config),
    clearScreen: false,
    logLevel: config.quiet ? 'warn' : 'info',
    // Pre-bundle what the theme imports up front, instead of reloading the page on first use.
    optimizeDeps: { entries: [join(config.themeDir, 'main.ts')] },
    server: {
      port: config.port,
      strictPort: false,
      host: config.host,
      fs: { strict: true, allow: allowed },
    },
    plugins: [
      {
        name: 'shale:theme',
        resolveId(id: string) {
          return id.startsWith(THEME_PREFIX) ? join(config.themeDir, id.slice(THEME_PREFIX.length)) : null;
        },
      },
      shaleDev(() => ({ site, allowed })),
    ],
  };
}
