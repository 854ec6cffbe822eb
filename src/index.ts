// Public API (exports only): `import { build, createServer } from 'shale'`, and the Vite plugin
// also at 'shale/vite'.
export { build, type BuildResult } from './build.js';
export { createServer, type DevServer, type DevOptions } from './dev/server.js';
export { preview, type Preview } from './preview.js';
export { deploy, type DeployOptions, type DeployResult } from './deploy.js';
export { init, type InitResult } from './init/index.js';
export { shale } from './vite/shale.js';
export { resolveConfig, type ShaleOptions, type ResolvedConfig, type FileOptions } from './config.js';
export { defineConfig, loadConfigFile } from './config-file.js';
export { ShaleError, formatDiagnostic } from './errors.js';
export { shalePages } from './vite/plugin.js';
export type { Diagnostic, Page, Source, SourcePart, TocEntry, Heading, Section, LanguageTab, Frontmatter } from './types.js';
