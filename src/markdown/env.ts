// Per-page render state, passed to markdown-it as `env` for every part of one page.
// markdown-it hands `env` to every rule, so page-wide state (heading ids, headings, warnings)
// lives here rather than in module variables: two builds in one process never share it.

import type { Env, Token } from 'markdown-it';
import type { Diagnostic, Heading, LanguageTab, Section } from '../types.js';

/** Highlights one fence; returns the inner HTML of `<code>` (already escaped). */
export type Highlight = (code: string, lang: string) => string;

export type IdScheme = 'slate' | 'nesting' | 'redcarpet';

export interface RenderEnv extends Env {
  /** File being rendered now and the line offset of its Markdown in that file (for file:line). */
  file: string;
  lineOffset: number;
  /** Language tabs of the page, in frontmatter order. */
  tabs: LanguageTab[];
  /** Page-wide: how often each id was handed out (Slate's UniqueHeadCounter, but per page). */
  ids: Map<string, number>;
  idScheme: IdScheme;
  /** 'nesting' ids: the latest heading per level, parameterized, page-wide as in Slate. */
  nestingHistory: Map<number, string>;
  headings: Heading[];
  /** Headings down to this level start a search section (the build sets max(3, headingLevel)). */
  sectionDepth: number;
  sections: Section[];
  warnings: Diagnostic[];
  /** Fence languages seen (the canonical lexer names). */
  languages: Set<string>;
  /** Unknown languages already warned about, so each is reported once per page. */
  unknownLanguages: Set<string>;
  /** In-page links (`#id`, decoded, without `#`) with where they were written, for the link check. */
  links: Array<{ target: string; file: string; line?: number }>;
  /** ids and names set by raw HTML (`<a name="x">`, `<div id="y">`): link targets besides headings. */
  anchors: Set<string>;
  highlight: Highlight;
  /** Set while renderInRanges parses a part: offered the tokens so far at each top-level heading (render-ranges.ts). */
  flushRange?: (tokens: Token[]) => void;
  /**
   * When set, offsets in the page's HTML where a lazily loaded chunk may start (top-level
   * headings, src/markdown/chunk-cuts.ts) are added here; `shale build` sets it, dev does not.
   * renderInRanges adds them counted from the start of its part; renderPage makes them page-wide.
   */
  chunkCuts?: number[];
  /** Is `lang` (already canonical) one the highlighter knows? */
  knowsLanguage: (lang: string) => boolean;
}

export function createEnv(
  init: Pick<RenderEnv, 'tabs' | 'idScheme' | 'highlight' | 'knowsLanguage'> & Partial<Pick<RenderEnv, 'sectionDepth'>>,
): RenderEnv {
  return {
    file: '',
    lineOffset: 0,
    ids: new Map(),
    nestingHistory: new Map(),
    headings: [],
    sections: [],
    warnings: [],
    languages: new Set(),
    unknownLanguages: new Set(),
    links: [],
    anchors: new Set(),
    ...init,
    sectionDepth: init.sectionDepth ?? 3,
  };
}

/** The env markdown-it hands a rule, as the RenderEnv shale always passes to render(). */
export function renderEnv(env: unknown): RenderEnv {
  return env as RenderEnv;
}

/** file:line of a token map entry (0-based line in the part) for diagnostics. */
export function lineOf(env: RenderEnv, map: [number, number] | null | undefined): number | undefined {
  return map ? env.lineOffset + map[0] + 1 : undefined;
}
