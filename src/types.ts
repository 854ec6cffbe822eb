// The data that travels between pipeline stages (load → render → transform → search → theme).
// Only types live here, so node code, tests and the theme can share them.

import type { Frontmatter } from './load/frontmatter.js';

export type { Frontmatter };

/** A problem found in the user's files. `line` is 1-based in `file`. */
export interface Diagnostic {
  severity: 'error' | 'warning';
  message: string;
  file: string;
  line?: number;
  column?: number;
  /** What the user can do about it. */
  hint?: string;
}

/** One Markdown document rendered on its own: the page body, then each include in order. */
export interface SourcePart {
  /** Absolute path of the file the Markdown came from. */
  file: string;
  markdown: string;
  /** Line number in `file` of the first line of `markdown`, minus one (frontmatter is skipped). */
  lineOffset: number;
}

/** A page with its frontmatter validated and its includes resolved. */
export interface Source {
  /** Absolute path of the page file, e.g. /x/source/index.html.md */
  page: string;
  /** Output path relative to the output folder, e.g. `index.html` or `v2/index.html`. */
  outPath: string;
  frontmatter: Frontmatter;
  parts: SourcePart[];
  /** Every file read or looked for while loading (a watcher needs the missing ones too). */
  files: string[];
  warnings: Diagnostic[];
}

/** A heading as the page shows it. `html` is its rendered inner HTML, `title` its plain text. */
export interface Heading {
  id: string;
  level: number;
  title: string;
  html: string;
  file: string;
  line?: number;
}

export interface TocEntry {
  id: string;
  title: string;
  html: string;
  level: number;
  children: TocEntry[];
}

/** A unit of search: one heading and the prose under it. */
export interface Section {
  id: string;
  title: string;
  /** Titles of the enclosing headings, outermost first. */
  parents: string[];
  text: string;
  /** Code under the heading, indexed with less weight than prose. */
  code: string;
}

/**
 * A stretch of a page's HTML that no place to cut and no part's start falls inside, with what the
 * chunk split needs of it (src/output/chunk-facts.ts). Kept with a part's records, so a build after
 * an edit scans and hashes only the edited part's HTML.
 */
export interface Segment {
  /** Does a place to cut come just before it? (Else it goes on the stretch before it.) */
  cut: boolean;
  /** Its length in characters, and in UTF-8 bytes. */
  length: number;
  bytes: number;
  /** SHA-1 of its HTML. */
  digest: string;
  /** Raw HTML containers opened minus closed. */
  balance: number;
  /** The levels of its headings, in order. */
  levels: number[];
  /** Its id and name attributes, as written (still escaped). */
  ids: string[];
  /** Its length outside highlighted code blocks, in characters. */
  textLength: number;
  /** Lines of code in its highlighted blocks, by tab class ('' for a block of no tab). */
  codeLines: Record<string, number>;
  /** The heading a segment that starts at a cut opens with: a chunk that starts there is named by it. */
  heading?: { level: number; id: string; title: string };
}

/**
 * A stretch of a page's HTML, read when first asked for: after an edit, the parts replayed from
 * the build's cache keep their HTML on disk unless a pack they are in has to be made again.
 */
export interface HtmlPiece {
  readonly length: number;
  text(): string;
  /** text().slice(start, end), where it can be had without reading the rest (a file read from the middle). */
  slice?(start: number, end: number): string;
  /** Where a file holds the same slice's UTF-8 bytes, at known offsets; else undefined. */
  utf8?(start: number, end: number): FileBytes | undefined;
}

/**
 * `length` UTF-8 bytes of a cache file from byte `start`, not read yet: a pack made again reads
 * them straight into its one buffer (src/render/html-pieces.ts, utf8Bytes).
 */
export interface FileBytes {
  readonly file: string;
  readonly start: number;
  readonly length: number;
}

/** A rendered page, ready for the theme. */
export interface Page {
  source: Source;
  /** The content column's HTML. */
  html: string;
  /** `html` part by part, when it was put together from parts (each read only when needed). */
  pieces?: HtmlPiece[];
  /** Offsets in `html` where a chunk of a lazily loaded page may start (top-level headings); builds only. */
  chunkCuts?: number[];
  /** `html` between those offsets and the parts' starts, with what the chunk split needs of each; builds only. */
  segments?: Segment[];
  headings: Heading[];
  toc: TocEntry[];
  sections: Section[];
  /** Every fence language seen, for the theme's tab CSS. */
  languages: string[];
  /** The code theme's name and colours, for the dark column's custom properties. */
  codeTheme: { name: string; bg: string; fg: string; type: 'dark' | 'light'; css?: string };
  warnings: Diagnostic[];
}

/** A language tab from `language_tabs`: `key` is what fences use (`shell`, `javascript--node`). */
export interface LanguageTab {
  key: string;
  label: string;
}
