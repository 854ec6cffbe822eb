// Slate's own behaviour for the SLATE-DIALECT §2 rows marked "better", for measuring only.
//
// shale deliberately differs from Slate in a few rows (a fence right after a paragraph line is a
// code block; a heading indented 1–3 spaces is a heading). The conformance script renders each
// differing file a second time with this plugin applied on top of createMarkdown(): a hunk that
// disappears is explained by a "better" row; one that stays is a real difference to look into.
// Never used to build pages.

import type { MarkdownIt, StateBlock } from 'markdown-it';

type BlockRule = (state: StateBlock, startLine: number, endLine: number, silent: boolean) => boolean;

function ruleFn(md: MarkdownIt, name: string): BlockRule {
  const rules = (md.block.ruler as unknown as { __rules__: Array<{ name: string; fn: BlockRule }> }).__rules__;
  const found = rules.find((r) => r.name === name);
  if (!found) throw new Error(`no block rule named ${name}`);
  return found.fn;
}

export function slateStrict(md: MarkdownIt): void {
  // Redcarpet: a fence cannot interrupt a paragraph (the backticks become a code span).
  md.block.ruler.at('fence', ruleFn(md, 'fence'), { alt: ['reference', 'blockquote', 'list'] });
  // Redcarpet: `#` must be the first character of the line.
  const heading = ruleFn(md, 'heading');
  md.block.ruler.at('heading', (state, start, end, silent) => state.tShift[start] === 0 && heading(state, start, end, silent), {
    alt: ['paragraph', 'reference', 'blockquote'],
  });
}
