// `shale preview`: serves the output folder as a static host would (no SPA fallback: a missing
// file is a 404), under the configured base, on the dev port or the next free one.

import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { preview as vitePreview, type PreviewServer } from 'vite';
import { resolveConfig, type ShaleOptions } from './config.js';
import { withConfigFile } from './config-file.js';
import { ShaleError } from './errors.js';
import { consoleLogger, type Logger } from './log.js';
import { MARKER } from './output/folder.js';

export interface Preview {
  url: string;
  server: PreviewServer;
  close(): Promise<void>;
}

export async function preview(options: ShaleOptions & { config?: string } = {}, log: Logger = consoleLogger(options.quiet)): Promise<Preview> {
  const config = resolveConfig(await withConfigFile(options));
  if (!existsSync(join(config.outDir, MARKER))) {
    throw new ShaleError(`nothing to preview: ${relative(process.cwd(), config.outDir) || '.'} is not a shale build`, { hint: 'Run `shale build` first.' });
  }
  const server = await vitePreview({
    configFile: false,
    root: config.root,
    base: config.base === './' ? '/' : config.base,
    envDir: false,
    appType: 'mpa',
    logLevel: 'warn',
    build: { outDir: config.outDir },
    preview: { port: config.port, strictPort: false, host: config.host, open: false },
  });
  const url = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${config.port}/`;
  log.info(`shale preview  ${relative(process.cwd(), config.outDir) || '.'}`);
  log.info(`  ➜  ${url}`);
  return { url, server, close: () => server.close() };
}
