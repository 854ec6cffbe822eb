// render + transform: a Source → Page. Each part (page body, then each include) is rendered as
// its own Markdown document with one shared env, so ids are unique across the whole page while
// an unclosed fence never leaks from one file into the next. markdown-it keeps reference
// definitions (`[x]: url`) on that env too, so a later file can use an earlier file's; Slate
// renders each include alone, where such a link stays text (a known difference, not yet changed).

import type { MarkdownIt } from 'markdown-it';
import { renderInRanges } from '../markdown/render-ranges.js';
import { createEnv, type IdScheme, type RenderEnv } from '../markdown/env.js';
import { fenceLexers, forecast } from '../markdown/fence-scan.js';
import type { CodeHighlighter } from '../markdown/highlight.js';
import { loadHtmlParser, mayHaveHtmlHeadings } from '../markdown/html-headings.js';
import { codeThemeFor } from '../markdown/themes.js';
import { checkLinks } from '../transform/links.js';
import { buildToc } from '../transform/toc.js';
import { segmentsOf } from '../output/chunk-facts.js';
import type { HtmlPiece, Page, Segment, Source, SourcePart } from '../types.js';
import { piecewise, textPiece, withPieces } from './html-pieces.js';

export interface RenderContext {
  md: MarkdownIt;
  idScheme: IdScheme;
  /** One highlighter per code theme, created on first use and shared by every page of the run. */
  highlighter: (theme: string) => Promise<CodeHighlighter>;
  /** Mark where the page may be cut into lazily loaded chunks (src/markdown/chunk-cuts.ts). */
  chunkCuts?: boolean;
}

/**
 * Optional ways in for a cache (src/cache/part-cache.ts: the dev site's, and the build's for a page
 * of several files); without them every part is rendered. `renderPart` gets the part, the shared
 * env and the default render, and may instead replay a cached part's effect on the env (its HTML
 * then a piece read only when needed); `lexersOf` may skip re-scanning a part.
 */
export interface RenderHooks {
  renderPart?: (part: SourcePart, env: RenderEnv, render: () => string) => HtmlPiece;
  lexersOf?: (part: SourcePart) => Iterable<string>;
  /**
   * Will the part be rendered (not replayed)? Asked before the page is rendered: only those parts'
   * grammars are loaded and their code sent ahead to the highlighter.
   */
  willRender?: (part: SourcePart) => boolean;
  /**
   * Will the part be replayed now, in the page's state `env`? (It may have to be rendered after all,
   * if what it read changed.) Asked just before renderPart for the same part, the state unchanged.
   */
  replays?: (part: SourcePart, env: RenderEnv) => boolean;
  /** The segments (Page.segments) of the part just rendered or replayed, if the cache kept them. */
  segmentsOf?: (part: SourcePart) => Segment[] | undefined;
}

export async function renderPage(source: Source, ctx: RenderContext, hooks: RenderHooks = {}): Promise<Page> {
  const fm = source.frontmatter;
  const warnings = [...source.warnings];
  const { theme, known } = codeThemeFor(fm.highlight_theme);
  if (!known) {
    warnings.push({
      severity: 'warning', file: source.page, line: 1,
      message: `unknown highlight_theme "${fm.highlight_theme}": using ${theme}`,
      hint: 'Use a shiki theme name (monokai, github-dark, dracula, one-dark-pro, …) or a highlight.js name such as darkula.',
    });
  }
  const hl = await ctx.highlighter(theme);
  const willRender = (part: SourcePart) => hooks.willRender?.(part) ?? true;
  const lexersOf = new Map(source.parts.map((part) => [part, hooks.lexersOf?.(part) ?? fenceLexers(part.markdown)]));
  // A replayed part highlights nothing: its grammars (GitHub: 0.1 s of an edit) need not be loaded,
  // nor its text read. Only the parts rendered can have a construct that needs embedded grammars;
  // a later part that has one makes the highlighter load them whole (highlight.ts).
  const load = (parts: SourcePart[]) => hl.load(new Set(parts.flatMap((part) => [...lexersOf.get(part)!])),
    (pattern) => parts.some((part) => pattern.test(part.markdown)));
  // Before each load: the blocks the parts will ask for, so that only the grammars needed are loaded.
  const announce = (parts: SourcePart[]) => {
    const forecasts = hl.prefetch ? parts.map((part) => forecast(part.markdown, hl.knows)) : [];
    hl.prefetch?.(forecasts.flatMap((f) => f.blocks), new Set(forecasts.flatMap((f) => [...f.unseen])));
  };
  announce(source.parts.filter(willRender));
  await load(source.parts.filter(willRender));
  if (source.parts.some((part) => willRender(part) && mayHaveHtmlHeadings(part.markdown))) await loadHtmlParser();

  const env = createEnv({
    tabs: fm.language_tabs,
    idScheme: ctx.idScheme,
    highlight: hl.highlight,
    knowsLanguage: hl.knows,
    // Search reaches down to h3, or deeper when the TOC does.
    sectionDepth: Math.max(3, fm.headingLevel),
  });
  // Only when asked: the dev part cache turns itself off for env keys it does not know.
  if (ctx.chunkCuts) env.chunkCuts = [];
  const pieces: HtmlPiece[] = [];
  let length = 0;
  const segments: Segment[] = [];
  for (const part of source.parts) {
    env.file = part.file;
    env.lineOffset = part.lineOffset;
    // A part that was to be replayed is rendered when what it read changed: its grammars first.
    if (!willRender(part) && hooks.replays && !hooks.replays(part, env)) {
      announce([part]);
      await load([part]);
    }
    const render = () => renderInRanges(ctx.md, part.markdown, env);
    const [base, known] = [length, env.chunkCuts?.length ?? 0];
    // Rendered here, each range of the part is a piece of its own: GitHub's 45 MB is never joined.
    const own = hooks.renderPart ? [hooks.renderPart(part, env, () => render().join(''))] : render().map(textPiece);
    pieces.push(...own);
    for (const piece of own) length += piece.length;
    if (env.chunkCuts) {
      segments.push(...(hooks.segmentsOf?.(part) ?? segmentsOf(piecewise(own), env.chunkCuts.slice(known))));
      // The part's cuts count from its own start; the page's from the page's.
      for (let i = known; i < env.chunkCuts.length; i++) env.chunkCuts[i] += base;
    }
  }
  warnings.push(...env.warnings, ...checkLinks(env.links, env.headings, env.anchors));
  if (env.headings.length === 0) {
    warnings.push({
      severity: 'warning', file: source.page, line: source.parts[0].lineOffset + 1,
      message: 'the page has no headings, so its table of contents is empty',
      hint: 'Start sections with `# Title` lines.',
    });
  }
  return withPieces({
    source,
    chunkCuts: env.chunkCuts,
    segments: env.chunkCuts && segments,
    headings: env.headings,
    toc: buildToc(env.headings, fm.headingLevel),
    sections: env.sections,
    languages: [...env.languages],
    codeTheme: hl.theme,
    warnings,
  }, pieces);
}
