// The Markdown engine for the Slate dialect: markdown-it plus one plugin per dialect rule.
// The order of this table is the order the plugins are applied; each entry says why it sits
// where it does when that matters.

import MarkdownIt from 'markdown-it';
import type { MarkdownIt as Md } from 'markdown-it';
import { chunkCuts } from './chunk-cuts.js';
import { rangeCuts } from './render-ranges.js';
import { fence } from './fence.js';
import { headingIds } from './heading-ids.js';
import { sections } from './sections.js';
import { lineIndex } from './line-index.js';
import { links } from './links.js';
import { atxHeadingRule } from './rules/atx-heading.js';
import { blockquoteRule } from './rules/blockquote.js';
import { htmlBlockRule } from './rules/html-block.js';
import { intraEmphasisRule } from './rules/intra-emphasis.js';
import { listRule } from './rules/list.js';
import { paragraphRule } from './rules/paragraph.js';
import { strikethroughRule } from './rules/strikethrough.js';
import { tableRule } from './rules/table.js';

type Plugin = (md: Md) => void;

const plugins: Array<[name: string, plugin: Plugin]> = [
  // Renders fences as Slate's div.highlight > pre.highlight.{lang}.tab-{info}, via env.highlight.
  ['fence', fence],
  // Block rules of the Slate dialect (SLATE-DIALECT §2), each replacing markdown-it's rule of the
  // same name in place, so markdown-it's block order is kept. Each registers the "alt" chains
  // that say what it may interrupt; 'paragraph' reads those chains at parse time, so the order
  // of these entries among themselves does not matter.
  ['atx-heading', atxHeadingRule],
  ['blockquote', blockquoteRule],
  ['html-block', htmlBlockRule],
  ['table', tableRule],
  ['list', listRule],
  ['paragraph', paragraphRule],
  // Inline tokenizers for `*`, `_` and `~~` wrapped in place (no_intra_emphasis); independent of
  // the block rules above and of 'strikethrough' below, which only retags the finished tokens.
  ['intra-emphasis', intraEmphasisRule],
  // Inline post-processing (runs inside core 'inline'), so before any core rule such as heading ids.
  ['strikethrough', strikethroughRule],
  // Core rule after 'inline': ids need each heading's rendered inner HTML (SLATE-DIALECT §3).
  ['heading-ids', headingIds],
  // Search sections read the ids and headings that 'heading-ids' leaves on the tokens.
  ['sections', sections],
  // Core rule after 'inline': collects #links and raw HTML anchors for the page's link check.
  ['links', links],
  // A block rule placed first of all (before 'table'), so it sees every top-level block start;
  // it only acts while renderInRanges runs, and never claims a line.
  ['range-cuts', rangeCuts],
  // The block state's line tables made at their final size; no rule reads them before a parse.
  ['line-index', lineIndex],
  // Wraps the renderer's render, to note where a chunk may start (top-level headings) when env asks.
  ['chunk-cuts', chunkCuts],
];

export interface MarkdownOptions {
  /**
   * `--safe`: raw HTML in the Markdown (and in toc_footers, rendered with the same instance) is
   * shown as text. markdown-it's validateLink refuses javascript:, vbscript: and most data: URLs
   * in both modes.
   */
  safe?: boolean;
}

export function createMarkdown(options: MarkdownOptions = {}): Md {
  const md = new MarkdownIt({
    // Slate pages mix raw HTML into Markdown (asides, tables, anchors); --safe turns it off.
    html: !options.safe,
    // Slate (Redcarpet) leaves quotes, dashes and bare URLs alone.
    typographer: false,
    linkify: false,
  });
  // Slate pages indent raw HTML and tables by four spaces; Redcarpet has indented code off.
  md.disable('code');
  for (const [, plugin] of plugins) md.use(plugin);
  return md;
}
