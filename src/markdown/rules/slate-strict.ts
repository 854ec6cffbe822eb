// Slate's own behaviour for the SLATE-DIALECT §2 rows marked "better", for measuring only.
//
// shale deliberately differs from Slate in a few rows. The conformance script renders each
// differing file again with this plugin applied on top of createMarkdown(), once per row
// (`{ only: row }`): a hunk that disappears is explained by that "better" row; one that stays is
// a real difference to look into. Never used to build pages.
//
// Rows modelled: a fence right after a paragraph line (Redcarpet: an inline code span), a `#`
// heading indented 1–3 spaces (Redcarpet: paragraph text), trailing `#` of a heading (Redcarpet
// strips them even without a space before: `## C#` is `C`). Not modelled, as no corpus file
// has them: `\|` in a table cell, a last table row without its final newline.

import type { MarkdownIt, StateBlock, StateCore } from 'markdown-it';

type BlockRule = (state: StateBlock, startLine: number, endLine: number, silent: boolean) => boolean;

export const STRICT_ROWS = ['fence after a paragraph line', 'indented # heading', 'trailing # in a heading'] as const;
export type StrictRow = (typeof STRICT_ROWS)[number];

function ruleFn(md: MarkdownIt, name: string): BlockRule {
  const rules = (md.block.ruler as unknown as { __rules__: Array<{ name: string; fn: BlockRule }> }).__rules__;
  const found = rules.find((r) => r.name === name);
  if (!found) throw new Error(`no block rule named ${name}`);
  return found.fn;
}

export function slateStrict(md: MarkdownIt, options: { only?: StrictRow } = {}): void {
  const on = (row: StrictRow): boolean => !options.only || options.only === row;
  if (on('fence after a paragraph line')) {
    // Redcarpet: a fence cannot interrupt a paragraph (the backticks become a code span).
    md.block.ruler.at('fence', ruleFn(md, 'fence'), { alt: ['reference', 'blockquote', 'list'] });
  }
  if (on('indented # heading')) {
    // Redcarpet: `#` must be the first character of the line.
    const heading = ruleFn(md, 'heading');
    md.block.ruler.at('heading', (state, start, end, silent) => state.tShift[start] === 0 && heading(state, start, end, silent), {
      alt: ['paragraph', 'reference', 'blockquote'],
    });
  }
  if (on('trailing # in a heading')) {
    // Redcarpet drops every trailing `#` (then spaces) from the heading's text.
    md.core.ruler.before('inline', 'slate_strict_heading_hash', (state: StateCore) => {
      state.tokens.forEach((t, i) => {
        if (t.type === 'heading_open' && state.tokens[i + 1]?.type === 'inline') {
          const inline = state.tokens[i + 1];
          inline.content = inline.content.replace(/#+$/, '').replace(/ +$/, '');
        }
      });
    });
  }
}
