// Public API (exports only).
export { build, type BuildResult } from './build.js';
export { resolveConfig, type ShaleOptions, type ResolvedConfig } from './config.js';
export { ShaleError, formatDiagnostic } from './errors.js';
export { shalePages } from './vite/plugin.js';
export type { Diagnostic, Page, Source, SourcePart, TocEntry, Heading, Section, LanguageTab, Frontmatter } from './types.js';
