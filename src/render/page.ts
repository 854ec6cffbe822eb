// render + transform: a Source → Page. Each part (page body, then each include) is rendered as
// its own Markdown document with one shared env, so ids are unique across the whole page while
// an unclosed fence or a reference link never leaks from one file into the next.

import type { MarkdownIt } from 'markdown-it';
import { createEnv, type IdScheme } from '../markdown/env.js';
import { fenceLexers, type CodeHighlighter } from '../markdown/highlight.js';
import { codeThemeFor } from '../markdown/themes.js';
import { checkLinks } from '../transform/links.js';
import { buildToc } from '../transform/toc.js';
import type { Page, Source } from '../types.js';

export interface RenderContext {
  md: MarkdownIt;
  idScheme: IdScheme;
  /** One highlighter per code theme, created on first use and shared by every page of the run. */
  highlighter: (theme: string) => Promise<CodeHighlighter>;
}

export async function renderPage(source: Source, ctx: RenderContext): Promise<Page> {
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
  const lexers = new Set<string>();
  for (const part of source.parts) for (const l of fenceLexers(part.markdown)) lexers.add(l);
  await hl.load(lexers);

  const env = createEnv({
    tabs: fm.language_tabs,
    idScheme: ctx.idScheme,
    highlight: hl.highlight,
    knowsLanguage: hl.knows,
    // Search reaches down to h3, or deeper when the TOC does.
    sectionDepth: Math.max(3, fm.headingLevel),
  });
  let html = '';
  for (const part of source.parts) {
    env.file = part.file;
    env.lineOffset = part.lineOffset;
    html += ctx.md.render(part.markdown, env);
  }
  warnings.push(...env.warnings, ...checkLinks(env.links, env.headings, env.anchors));
  if (env.headings.length === 0) {
    warnings.push({
      severity: 'warning', file: source.page, line: source.parts[0].lineOffset + 1,
      message: 'the page has no headings, so its table of contents is empty',
      hint: 'Start sections with `# Title` lines.',
    });
  }
  return {
    source,
    html,
    headings: env.headings,
    toc: buildToc(env.headings, fm.headingLevel),
    sections: env.sections,
    languages: [...env.languages],
    codeTheme: hl.theme,
    warnings,
  };
}
